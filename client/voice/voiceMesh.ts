/**
 * Voice without any extra service: one WebRTC audio connection to each other
 * participant, signalled through the room (for small groups; each voice is
 * sent once per listener). The microphone is sent only while this
 * participant wants to talk and the room lets them; otherwise nothing is
 * sent at all. Remote voices play only while the room lets their speaker
 * talk. The bitrate drops for a poor link, and the interface says so.
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

export class VoiceMesh extends VoiceChannel {
  private readonly peers = new Map<string, Peer>();
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
    this.stops.push(this.connection.onSignal((signal) => void this.onSignal(signal)));
    this.whenSpeakersChange(() => this.sync());
    this.statsTimer = setInterval(() => void this.adaptToLinks(), STATS_EVERY_MS);
    this.sync();
  }

  override stop(): void {
    clearInterval(this.statsTimer);
    for (const seat of [...this.peers.keys()]) this.closePeer(seat);
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

  /** Peers for everyone else in the class; playback follows who may speak. */
  private sync(): void {
    const view = this.connection.view.getState();
    const others = view.participants.filter((p) => p.seat !== this.connection.seat && p.connected);
    for (const participant of others) if (!this.peers.has(participant.seat)) this.openPeer(participant.seat);
    for (const seat of [...this.peers.keys()]) if (!others.some((p) => p.seat === seat)) this.closePeer(seat);
    for (const participant of others) this.applyPlayback(participant, view.voice);
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
    // No answer in time (the offer went to a page that was not listening yet): offer again on a fresh connection.
    setTimeout(() => {
      if (this.peers.get(peer.seat) !== peer || peer.connection.remoteDescription) return;
      this.closePeer(peer.seat);
      this.sync();
    }, ANSWER_WAIT_MS);
    const offer = await peer.connection.createOffer();
    await peer.connection.setLocalDescription({ type: "offer", sdp: tuneOpus(offer.sdp ?? "", peer.bitrate) });
    this.connection.sendSignal({
      to: peer.seat,
      description: { type: "offer", sdp: peer.connection.localDescription!.sdp },
    });
    await this.updateSending();
  }

  private async onSignal({ from, description, candidate }: SignalMessage): Promise<void> {
    const known = this.connection.view.getState().participants.some((p) => p.seat === from);
    if (!known) return;
    // A fresh offer for a connection that already had one: the other side started again (a dropped link).
    if (description?.type === "offer" && this.peers.get(from)?.connection.remoteDescription) this.closePeer(from);
    const peer = this.peers.get(from) ?? this.openPeer(from);
    const connection = peer.connection;
    try {
      if (description?.type === "offer") {
        await connection.setRemoteDescription(description);
        const transceiver = connection.getTransceivers()[0];
        if (transceiver) transceiver.direction = "sendrecv";
        const answer = await connection.createAnswer();
        await connection.setLocalDescription({ type: "answer", sdp: tuneOpus(answer.sdp ?? "", peer.bitrate) });
        this.connection.sendSignal({
          to: from,
          description: { type: "answer", sdp: connection.localDescription!.sdp },
        });
        await this.flushCandidates(peer);
        await this.updateSending();
      } else if (description?.type === "answer") {
        await connection.setRemoteDescription(description);
        await this.flushCandidates(peer);
      } else if (candidate) {
        const init: RTCIceCandidateInit = {
          candidate: candidate.candidate,
          sdpMid: candidate.sdpMid ?? null,
          sdpMLineIndex: candidate.sdpMLineIndex ?? null,
        };
        if (connection.remoteDescription) await connection.addIceCandidate(init);
        else peer.pendingCandidates.push(init);
      }
    } catch (error) {
      console.warn(`voice signalling with ${from} failed`, error);
    }
  }

  private async flushCandidates(peer: Peer): Promise<void> {
    for (const candidate of peer.pendingCandidates.splice(0))
      await peer.connection.addIceCandidate(candidate).catch(() => undefined);
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
