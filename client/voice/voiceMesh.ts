/**
 * Voice without any extra service: one WebRTC audio connection to each other
 * participant, signalled through the room (for small groups; each voice is
 * sent once per listener). The microphone is sent only while this
 * participant wants to talk and the room lets them; otherwise nothing is
 * sent at all. Remote voices play only while the room lets their speaker
 * talk. The bitrate drops for a poor link, and the interface says so.
 *
 * Signalling takes seconds on a slow or busy device, so nothing here may
 * depend on how long it takes: only the offering side replaces a connection
 * (when it fails, or when the other side comes back to the class), an
 * unanswered offer is sent again as it was (never a new connection, or a
 * late answer would be applied to a connection it was not made for), signals
 * from one peer are handled one after another, and a description or
 * candidate is matched to its connection by its ICE username fragment.
 */
import type { SignalMessage } from "../../shared/protocol.ts";
import { VoiceBitrate, maySpeak } from "../../shared/voice.ts";
import type { ParticipantView } from "../net/classView.ts";
import type { ClassroomConnection } from "../net/connection.ts";
import { tuneOpus } from "./opus.ts";
import type { SpatialAudio } from "./spatialAudio.ts";
import { VoiceChannel, type VoicePeerStats } from "./voiceChannel.ts";

interface Peer {
  seat: string;
  connection: RTCPeerConnection;
  offerer: boolean;
  pendingCandidates: RTCIceCandidateInit[];
  bitrate: number;
}

const STATS_EVERY_MS = 2000;
const ANSWER_WAIT_MS = 5000;

/** The ICE username fragment of a session description: it names the connection that made it. */
function iceUfrag(sdp: string | undefined): string | undefined {
  return /^a=ice-ufrag:(\S+)/m.exec(sdp ?? "")?.[1];
}

export class VoiceMesh extends VoiceChannel {
  private readonly peers = new Map<string, Peer>();
  /** Participants whose link to the room dropped: their seat is held, and they may come back. */
  private readonly away = new Set<string>();
  /** Per seat, the handling of the last signal from it: the next one waits for it. */
  private readonly signalling = new Map<string, Promise<void>>();
  private statsTimer: ReturnType<typeof setInterval> | undefined;

  constructor(
    connection: ClassroomConnection,
    audio: SpatialAudio,
    private readonly iceServers: RTCIceServer[] = [],
  ) {
    super(connection, audio);
  }

  override start(): void {
    super.start();
    this.stops.push(this.connection.onSignal((signal) => this.queueSignal(signal)));
    this.whenSpeakersChange(() => this.sync());
    this.statsTimer = setInterval(() => void this.adaptToLinks(), STATS_EVERY_MS);
    this.sync();
  }

  override stop(): void {
    clearInterval(this.statsTimer);
    for (const seat of [...this.peers.keys()]) this.closePeer(seat);
    this.signalling.clear();
    super.stop();
  }

  stats(): Promise<VoicePeerStats[]> {
    return Promise.all([...this.peers.values()].map((peer) => VoiceChannel.statsOf(peer.seat, peer.connection)));
  }

  protected async send(track: MediaStreamTrack | undefined): Promise<void> {
    for (const peer of this.peers.values()) {
      const sender = peer.connection.getTransceivers()[0]?.sender;
      if (sender && sender.track !== (track ?? null)) await sender.replaceTrack(track ?? null).catch(() => undefined);
    }
  }

  /**
   * Peers for everyone else in the class; playback follows who may speak.
   * A participant whose link to the room drops keeps their voice connection
   * (it does not go through the room); it closes only when they leave. When
   * they come back the offering side starts a new one, as their page may be
   * a new one; the other side follows that offer. Were both sides to replace
   * connections on their own, each could hold one the other has dropped.
   */
  private sync(): void {
    const view = this.connection.view.getState();
    const others = view.participants.filter((p) => p.seat !== this.connection.seat);
    for (const seat of [...this.peers.keys()]) if (!others.some((p) => p.seat === seat)) this.closePeer(seat);
    for (const participant of others) {
      const { seat, connected } = participant;
      if (!connected) this.away.add(seat);
      else if (this.away.delete(seat) && this.peers.get(seat)?.offerer) this.closePeer(seat);
      if (connected && !this.peers.has(seat)) this.openPeer(seat);
      this.applyPlayback(participant, view.voice);
    }
    for (const seat of this.away) if (!others.some((p) => p.seat === seat)) this.away.delete(seat);
    this.classChanged();
  }

  private applyPlayback(participant: ParticipantView, voice: { open: boolean; teacherEverywhere: boolean }): void {
    const audible = participant.micOn && maySpeak(voice.open, participant);
    this.audio.setAudible(participant.seat, audible, participant.role === "teacher" && voice.teacherEverywhere);
  }

  private openPeer(seat: string): Peer {
    const connection = new RTCPeerConnection({ iceServers: this.iceServers });
    // One side offers, so two peers never offer to each other at once.
    const offerer = this.connection.seat < seat;
    const peer: Peer = { seat, connection, offerer, pendingCandidates: [], bitrate: VoiceBitrate.normal };
    this.peers.set(seat, peer);
    connection.onicecandidate = ({ candidate }) => {
      if (!candidate) return;
      const { sdpMid, sdpMLineIndex, usernameFragment } = candidate;
      this.connection.sendSignal({
        to: seat,
        candidate: { candidate: candidate.candidate, sdpMid, sdpMLineIndex, usernameFragment },
      });
    };
    connection.ontrack = ({ track }) => {
      this.audio.attach(seat, new MediaStream([track]));
      const participant = this.connection.view.getState().participants.find((p) => p.seat === seat);
      if (participant) this.applyPlayback(participant, this.connection.view.getState().voice);
    };
    connection.onconnectionstatechange = () => {
      // A failed path (a network change): start again; the offerer leads.
      if (connection.connectionState === "failed" && offerer) {
        this.closePeer(seat);
        this.sync();
      }
    };
    if (offerer) {
      connection.addTransceiver("audio", { direction: "sendrecv" });
      void this.offer(peer);
    }
    return peer;
  }

  private async offer(peer: Peer): Promise<void> {
    const offer = await peer.connection.createOffer();
    await peer.connection.setLocalDescription({ type: "offer", sdp: tuneOpus(offer.sdp ?? "", peer.bitrate) });
    this.sendDescription(peer);
    // No answer in time (the offer was lost on the way, or the other side is slow): the same offer again.
    const again = setInterval(() => {
      if (this.peers.get(peer.seat) === peer && peer.connection.signalingState === "have-local-offer")
        this.sendDescription(peer);
      else clearInterval(again);
    }, ANSWER_WAIT_MS);
    await this.updateSending();
  }

  private sendDescription(peer: Peer): void {
    const description = peer.connection.localDescription;
    if (!description || (description.type !== "offer" && description.type !== "answer")) return;
    // Once gathering is done this carries every candidate too, should trickled ones have been lost.
    this.connection.sendSignal({ to: peer.seat, description: { type: description.type, sdp: description.sdp } });
  }

  /** Handles signals from one peer in the order they came, each after the last is done with the connection. */
  private queueSignal(signal: SignalMessage): void {
    const previous = this.signalling.get(signal.from) ?? Promise.resolve();
    this.signalling.set(
      signal.from,
      previous.then(() =>
        this.onSignal(signal).catch((error: unknown) =>
          console.warn(`voice signalling with ${signal.from} failed`, error),
        ),
      ),
    );
  }

  private async onSignal({ from, description, candidate }: SignalMessage): Promise<void> {
    const known = this.connection.view.getState().participants.some((p) => p.seat === from);
    if (!known || this.stopped) return;
    let peer = this.peers.get(from) ?? this.openPeer(from);
    if (description?.type === "offer") {
      const current = peer.connection.remoteDescription;
      if (current && iceUfrag(current.sdp) === iceUfrag(description.sdp)) {
        // The same offer again: our answer is slow or was lost. Answer as before; a new answer would not fit.
        if (peer.connection.signalingState === "stable") return this.sendDescription(peer);
      }
      // A new connection from the other side (it started again), or our last answer to it failed: start afresh.
      if (current) {
        this.closePeer(from);
        peer = this.openPeer(from);
      }
      const connection = peer.connection;
      await connection.setRemoteDescription(description);
      const transceiver = connection.getTransceivers()[0];
      if (transceiver) transceiver.direction = "sendrecv";
      const answer = await connection.createAnswer();
      await connection.setLocalDescription({ type: "answer", sdp: tuneOpus(answer.sdp ?? "", peer.bitrate) });
      this.sendDescription(peer);
      await this.flushCandidates(peer);
      await this.updateSending();
    } else if (description?.type === "answer") {
      // Only an offer waiting for it takes an answer; one that comes again (for an offer sent again) is dropped.
      if (peer.connection.signalingState !== "have-local-offer") return;
      await peer.connection.setRemoteDescription(description);
      await this.flushCandidates(peer);
    } else if (candidate) {
      const init: RTCIceCandidateInit = {
        candidate: candidate.candidate,
        sdpMid: candidate.sdpMid ?? null,
        sdpMLineIndex: candidate.sdpMLineIndex ?? null,
        usernameFragment: candidate.usernameFragment ?? null,
      };
      if (peer.connection.remoteDescription) await this.addCandidate(peer, init);
      else peer.pendingCandidates.push(init);
    }
  }

  /** Adds a candidate of the connection the other side has now; one of a connection it replaced is dropped. */
  private async addCandidate(peer: Peer, candidate: RTCIceCandidateInit): Promise<void> {
    const ufrag = iceUfrag(peer.connection.remoteDescription?.sdp);
    if (candidate.usernameFragment && ufrag && candidate.usernameFragment !== ufrag) return;
    await peer.connection.addIceCandidate(candidate).catch(() => undefined);
  }

  private async flushCandidates(peer: Peer): Promise<void> {
    for (const candidate of peer.pendingCandidates.splice(0)) await this.addCandidate(peer, candidate);
  }

  private closePeer(seat: string): void {
    this.peers.get(seat)?.connection.close();
    this.peers.delete(seat);
    this.audio.detach(seat);
  }

  /** Lower bitrate towards a peer whose reports show a poor link; back up when it recovers. */
  private async adaptToLinks(): Promise<void> {
    let poor = false;
    for (const link of await this.stats()) {
      const peer = this.peers.get(link.seat);
      if (!peer) continue;
      const poorLink = VoiceChannel.poor(link);
      poor ||= poorLink;
      const bitrate = poorLink ? VoiceBitrate.poorLink : VoiceBitrate.normal;
      if (bitrate === peer.bitrate) continue;
      peer.bitrate = bitrate;
      const sender = peer.connection.getTransceivers()[0]?.sender;
      if (sender) await VoiceChannel.capBitrate(sender, bitrate);
    }
    if (poor !== this.state.getState().poorLink) this.state.setState({ poorLink: poor });
  }
}
