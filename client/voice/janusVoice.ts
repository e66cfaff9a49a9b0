/**
 * Voice through the school's media server (Janus AudioBridge): one audio
 * connection to it, carrying this participant's microphone up (only while
 * they may and want to speak) and the class's mix down — one stream whatever
 * the class size. The classroom server let this participant in (a token of
 * their own) and mutes anyone who may not speak.
 */
import type { VoiceServerMessage } from "../../shared/protocol.ts";
import { VoiceBitrate } from "../../shared/voice.ts";
import type { ClassroomConnection } from "../net/connection.ts";
import { tuneOpus } from "./opus.ts";
import type { SpatialAudio } from "./spatialAudio.ts";
import { VoiceChannel, type VoicePeerStats } from "./voiceChannel.ts";

/** The mix has no single speaker; it is heard as it comes. */
const MIX = "media-server";
const KEEPALIVE_MS = 25_000;
const STATS_EVERY_MS = 2000;
const ANSWER_TIMEOUT_MS = 15_000;

type JanusMessage = Record<string, unknown> & { janus?: string; transaction?: string };

export class JanusVoice extends VoiceChannel {
  private socket: WebSocket | undefined;
  private session = 0;
  private handle = 0;
  private peer: RTCPeerConnection | undefined;
  private keepalive: ReturnType<typeof setInterval> | undefined;
  private statsTimer: ReturnType<typeof setInterval> | undefined;
  private bitrate: number = VoiceBitrate.normal;
  private readonly waiting = new Map<string, (message: JanusMessage) => void>();
  private joined = false;
  /** What this page last asked the media server: muted or not (it joins muted). */
  private askedMuted = true;

  constructor(
    connection: ClassroomConnection,
    audio: SpatialAudio,
    private readonly server: VoiceServerMessage,
    private readonly iceServers: RTCIceServer[] = [],
  ) {
    super(connection, audio);
  }

  override start(): void {
    super.start();
    this.whenSpeakersChange(() => this.classChanged());
    void this.join().catch((error: unknown) => console.warn("could not join the class's voice room", error));
  }

  override stop(): void {
    clearInterval(this.keepalive);
    clearInterval(this.statsTimer);
    this.peer?.close();
    this.audio.detach(MIX);
    if (this.socket?.readyState === WebSocket.OPEN)
      this.socket.send(JSON.stringify({ janus: "destroy", session_id: this.session, transaction: "bye" }));
    this.socket?.close();
    super.stop();
  }

  async stats(): Promise<VoicePeerStats[]> {
    return this.peer ? [await VoiceChannel.statsOf(MIX, this.peer)] : [];
  }

  protected async send(track: MediaStreamTrack | undefined): Promise<void> {
    const sender = this.peer?.getTransceivers()[0]?.sender;
    if (!sender || !this.joined) return;
    if (sender.track !== (track ?? null)) await sender.replaceTrack(track ?? null).catch(() => undefined);
    // Asked only when it changes: the class changes often, and each request is a round trip to wait for.
    const muted = track === undefined;
    if (muted === this.askedMuted) return;
    await this.request({ request: "configure", muted })
      .then(() => (this.askedMuted = muted))
      .catch(() => undefined);
  }

  /**
   * What a changed page could do: put the microphone on the wire and unmute
   * itself on the media server, ignoring the rules. Only the browser tests
   * call it, to show the classroom server mutes such a participant again.
   */
  async unmuteAgainstTheRules(): Promise<void> {
    if (!this.microphone) await this.openMicrophone();
    await this.peer
      ?.getTransceivers()[0]
      ?.sender.replaceTrack(this.microphone?.getAudioTracks()[0] ?? null)
      .catch(() => undefined);
    await this.request({ request: "configure", muted: false });
    this.askedMuted = false;
  }

  private async join(): Promise<void> {
    const socket = new WebSocket(this.server.url, "janus-protocol");
    this.socket = socket;
    await new Promise<void>((resolve, reject) => {
      socket.addEventListener("open", () => resolve(), { once: true });
      socket.addEventListener("error", () => reject(new Error("the voice server cannot be reached")), { once: true });
    });
    socket.addEventListener("message", (event) => this.onMessage(String(event.data)));
    this.session = ((await this.janus({ janus: "create" })).data as { id: number }).id;
    this.handle = (
      (await this.janus({ janus: "attach", session_id: this.session, plugin: "janus.plugin.audiobridge" })).data as {
        id: number;
      }
    ).id;
    this.keepalive = setInterval(
      () => socket.send(JSON.stringify({ janus: "keepalive", session_id: this.session, transaction: "keepalive" })),
      KEEPALIVE_MS,
    );
    // No name goes to the media server: the mix needs none.
    await this.request({
      request: "join",
      room: this.server.room,
      pin: this.server.pin,
      token: this.server.token,
      id: this.server.id,
      muted: true,
    });

    const peer = new RTCPeerConnection({ iceServers: this.iceServers });
    this.peer = peer;
    peer.addTransceiver("audio", { direction: "sendrecv" });
    peer.ontrack = ({ track }) => {
      this.audio.attach(MIX, new MediaStream([track]));
      this.audio.setAudible(MIX, true, true);
    };
    const offer = await peer.createOffer();
    await peer.setLocalDescription({ type: "offer", sdp: tuneOpus(offer.sdp ?? "") });
    await gatheringDone(peer);
    const answer = await this.request({ request: "configure", muted: true }, peer.localDescription!.toJSON());
    const jsep = answer.jsep as RTCSessionDescriptionInit | undefined;
    if (!jsep) throw new Error("the voice server sent no answer");
    await peer.setRemoteDescription(jsep);
    // What Janus answers does not cap what we send: speech needs no more than the normal rate.
    const sender = peer.getTransceivers()[0]?.sender;
    if (sender) await VoiceChannel.capBitrate(sender, this.bitrate);
    this.joined = true;
    this.classChanged();
    this.statsTimer = setInterval(() => void this.adaptToLink(), STATS_EVERY_MS);
  }

  /**
   * On a poor link to the media server (much loss, a long round trip), both
   * directions drop to the lower bitrate with more error correction; back up
   * when it recovers.
   */
  private async adaptToLink(): Promise<void> {
    const [link] = await this.stats();
    if (!link || !this.peer) return;
    const poor = VoiceChannel.poor(link);
    const bitrate = poor ? VoiceBitrate.poorLink : VoiceBitrate.normal;
    if (poor !== this.state.getState().poorLink) this.state.setState({ poorLink: poor });
    if (bitrate === this.bitrate) return;
    this.bitrate = bitrate;
    const sender = this.peer.getTransceivers()[0]?.sender;
    if (sender) await VoiceChannel.capBitrate(sender, bitrate);
    // What the media server sends down: the mix at this bitrate, with the loss it should expect.
    await this.request({ request: "configure", bitrate, expected_loss: poor ? 15 : 5 }).catch(() => undefined);
  }

  /** A request to the AudioBridge; resolves with its event (after Janus's ack). */
  private async request(body: Record<string, unknown>, jsep?: RTCSessionDescriptionInit): Promise<JanusMessage> {
    const reply = await this.janus(
      { janus: "message", session_id: this.session, handle_id: this.handle, body, ...(jsep ? { jsep } : {}) },
      true,
    );
    const data = (reply.plugindata as { data?: { error?: string } } | undefined)?.data;
    if (data?.error) throw new Error(`voice server: ${data.error}`);
    return reply;
  }

  private janus(message: JanusMessage, waitForEvent = false): Promise<JanusMessage> {
    const transaction = Math.random().toString(36).slice(2);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(transaction);
        reject(new Error(`the voice server did not answer ${String(message.janus)}`));
      }, ANSWER_TIMEOUT_MS);
      this.waiting.set(transaction, (reply) => {
        if (reply.janus === "ack" && waitForEvent) return;
        this.waiting.delete(transaction);
        clearTimeout(timer);
        if (reply.janus === "error") reject(new Error(`voice server: ${JSON.stringify(reply.error)}`));
        else resolve(reply);
      });
      this.socket!.send(JSON.stringify({ ...message, transaction }));
    });
  }

  private onMessage(text: string): void {
    let message: JanusMessage;
    try {
      message = JSON.parse(text) as JanusMessage;
    } catch {
      return;
    }
    if (message.transaction) this.waiting.get(message.transaction)?.(message);
  }
}

/** Janus takes the offer with its candidates in it (no trickling to follow). */
function gatheringDone(peer: RTCPeerConnection): Promise<void> {
  if (peer.iceGatheringState === "complete") return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      if (peer.iceGatheringState !== "complete") return;
      peer.removeEventListener("icegatheringstatechange", done);
      resolve();
    };
    peer.addEventListener("icegatheringstatechange", done);
    setTimeout(resolve, 3000);
  });
}
