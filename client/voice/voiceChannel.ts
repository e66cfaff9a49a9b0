/**
 * What every way of carrying the class's voices shares: the microphone,
 * push-to-talk and the open mic, the room's rule of who may speak, and the
 * state the interface shows. A channel sends the microphone only while this
 * participant wants to talk and may; otherwise it sends nothing at all.
 */
import { createStore } from "zustand/vanilla";
import { POOR_VOICE_LINK, maySpeak } from "../../shared/voice.ts";
import type { ClassroomConnection } from "../net/connection.ts";
import type { SpatialAudio } from "./spatialAudio.ts";

export interface VoiceState {
  /** The microphone: not asked yet, being asked for, granted, or refused (or none). */
  mic: "off" | "asking" | "ready" | "denied";
  /** Push-to-talk held. */
  talkHeld: boolean;
  /** Mic left open (a toggle, for headsets and long answers). */
  micOpen: boolean;
  /** This participant's voice is going out now. */
  sending: boolean;
  /** Some link is poor: voices go at the lower bitrate. */
  poorLink: boolean;
}

export interface VoicePeerStats {
  /** The other participant's seat, or "media-server". */
  seat: string;
  /** Audio bytes sent to / received from them so far. */
  sentBytes: number;
  receivedBytes: number;
  /** From their reports on what we send. */
  lossFraction: number;
  roundTripMs: number;
}

interface RtpStat {
  type: string;
  kind?: string;
  bytesSent?: number;
  bytesReceived?: number;
  fractionLost?: number;
  roundTripTime?: number;
}

export abstract class VoiceChannel {
  readonly state = createStore<VoiceState>(() => ({
    mic: "off",
    talkHeld: false,
    micOpen: false,
    sending: false,
    poorLink: false,
  }));
  /** This participant's own speaking indicator. */
  speakingNow: () => boolean = () => false;
  protected microphone: MediaStream | undefined;
  protected readonly stops: (() => void)[] = [];

  constructor(
    protected readonly connection: ClassroomConnection,
    protected readonly audio: SpatialAudio,
  ) {}

  start(): void {
    this.stops.push(
      this.state.subscribe((now, before) =>
        now.talkHeld !== before.talkHeld || now.micOpen !== before.micOpen ? void this.updateSending() : undefined,
      ),
    );
  }

  stop(): void {
    this.stops.splice(0).forEach((stop) => stop());
    this.microphone?.getTracks().forEach((track) => track.stop());
    this.microphone = undefined;
  }

  /** Push-to-talk pressed or let go. */
  holdToTalk(held: boolean): void {
    this.audio.resume();
    this.state.setState({ talkHeld: held });
  }

  /** The mic left open, or closed again. */
  setMicOpen(open: boolean): void {
    this.audio.resume();
    this.state.setState({ micOpen: open });
  }

  /** May this participant speak now (the same rule as the room's)? */
  allowed(): boolean {
    const view = this.connection.view.getState();
    const me = view.participants.find((p) => p.seat === this.connection.seat);
    return me !== undefined && maySpeak(view.voice.open, me);
  }

  /** Audio bytes and link quality towards each peer. */
  abstract stats(): Promise<VoicePeerStats[]>;

  /** Puts the microphone track on the wire, or takes it off (undefined: nothing is sent). */
  protected abstract send(track: MediaStreamTrack | undefined): Promise<void>;

  /** Calls `react` when who is in the class, who may speak or who has the mic changes (not on every patch). */
  protected whenSpeakersChange(react: () => void): void {
    this.stops.push(
      this.connection.view.subscribe((view, before) => {
        if (view.participants !== before.participants || view.voice !== before.voice) react();
      }),
    );
  }

  /** After the class changed: ready the microphone as soon as this participant may speak, and send or stop. */
  protected classChanged(): void {
    // The teacher at once, a student given the floor: the first words of a push-to-talk are not lost waiting for it.
    if (this.allowed() && this.state.getState().mic === "off") void this.openMicrophone();
    void this.updateSending();
  }

  protected async updateSending(): Promise<void> {
    const { talkHeld, micOpen, sending } = this.state.getState();
    const want = (talkHeld || micOpen) && this.allowed();
    if (want && !this.microphone) await this.openMicrophone();
    const track = want ? this.microphone?.getAudioTracks()[0] : undefined;
    await this.send(track);
    const now = track !== undefined;
    if (now !== sending) {
      this.state.setState({ sending: now });
      this.connection.setMic(now);
    }
  }

  protected async openMicrophone(): Promise<void> {
    if (this.state.getState().mic === "asking") return;
    this.state.setState({ mic: "asking" });
    try {
      this.microphone = await navigator.mediaDevices.getUserMedia({
        audio: { echoCancellation: true, noiseSuppression: true, autoGainControl: true, channelCount: 1 },
      });
      this.speakingNow = this.audio.analyse(this.microphone);
      this.state.setState({ mic: "ready" });
    } catch {
      this.state.setState({ mic: "denied" });
    }
  }

  /** Caps what a sender sends (Opus follows within a second, no renegotiation). */
  protected static async capBitrate(sender: RTCRtpSender, bitrate: number): Promise<void> {
    const parameters = sender.getParameters();
    parameters.encodings = (parameters.encodings.length > 0 ? parameters.encodings : [{}]).map((encoding) => ({
      ...encoding,
      maxBitrate: bitrate,
    }));
    await sender.setParameters(parameters).catch(() => undefined);
  }

  /** A link is poor for voice when the far end reports much loss or the round trip is long. */
  protected static poor(link: VoicePeerStats): boolean {
    return link.lossFraction > POOR_VOICE_LINK.lossFraction || link.roundTripMs > POOR_VOICE_LINK.roundTripMs;
  }

  /** The audio bytes and the far end's reports of one peer connection. */
  protected static async statsOf(seat: string, connection: RTCPeerConnection): Promise<VoicePeerStats> {
    const entry: VoicePeerStats = {
      seat,
      sentBytes: 0,
      receivedBytes: 0,
      lossFraction: 0,
      roundTripMs: 0,
    };
    (await connection.getStats()).forEach((stat: RtpStat) => {
      if (stat.kind !== "audio") return;
      if (stat.type === "outbound-rtp") entry.sentBytes += stat.bytesSent ?? 0;
      if (stat.type === "inbound-rtp") entry.receivedBytes += stat.bytesReceived ?? 0;
      if (stat.type === "remote-inbound-rtp") {
        entry.lossFraction = stat.fractionLost ?? 0;
        entry.roundTripMs = (stat.roundTripTime ?? 0) * 1000;
      }
    });
    return entry;
  }
}
