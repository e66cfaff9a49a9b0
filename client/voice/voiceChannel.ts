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
  /** Whether the connection to them is up (a connection still being made carries nothing). */
  state: RTCPeerConnectionState;
  /** Audio bytes sent to / received from them so far. */
  sentBytes: number;
  receivedBytes: number;
  /** When the browser counted them (ms): rates over a window need the browser's time, not the caller's. */
  at: number;
  /** From their reports on what we send. */
  lossFraction: number;
  roundTripMs: number;
}

interface RtpStat {
  type: string;
  timestamp: number;
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
  /** The microphone being asked for: everyone who needs it waits for the same answer. */
  private microphoneRequest: Promise<void> | undefined;
  /** The last change of what is sent: the next one starts after it. */
  private sendingChange: Promise<void> = Promise.resolve();
  protected stopped = false;
  /** Whether the room last showed this participant's microphone on. */
  private roomShowedMicOn = false;

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
    this.stopped = true;
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
    const me = this.me();
    return me !== undefined && maySpeak(this.connection.view.getState().voice.open, me);
  }

  private me() {
    return this.connection.view.getState().participants.find((p) => p.seat === this.connection.seat);
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
    // A dropped link switches the microphone off in the room (listeners then mute it); still sending, say so again.
    const micOn = this.me()?.micOn ?? false;
    if (this.roomShowedMicOn && !micOn && this.state.getState().sending && this.allowed()) this.connection.setMic(true);
    this.roomShowedMicOn = micOn;
    void this.updateSending();
  }

  /**
   * Sends or stops as this participant wants and may now. Changes run one
   * after another, each reading the wishes when it starts: a press while the
   * microphone is still being asked for is sent once it is ready, and a quick
   * press and release cannot end with the microphone left on.
   */
  protected updateSending(): Promise<void> {
    this.sendingChange = this.sendingChange
      .then(() => this.applySending())
      .catch((error: unknown) => console.warn("voice: could not change what is sent", error));
    return this.sendingChange;
  }

  private async applySending(): Promise<void> {
    const { talkHeld, micOpen } = this.state.getState();
    const want = (talkHeld || micOpen) && this.allowed();
    if (want && !this.microphone) await this.openMicrophone();
    if (this.stopped) return;
    const track = want ? this.microphone?.getAudioTracks()[0] : undefined;
    await this.send(track);
    const now = track !== undefined;
    if (now !== this.state.getState().sending) {
      this.state.setState({ sending: now });
      this.connection.setMic(now);
    }
  }

  protected openMicrophone(): Promise<void> {
    this.microphoneRequest ??= this.askForMicrophone();
    return this.microphoneRequest;
  }

  private async askForMicrophone(): Promise<void> {
    this.state.setState({ mic: "asking" });
    try {
      const microphone = await navigator.mediaDevices.getUserMedia({
        audio: { echoCancellation: true, noiseSuppression: true, autoGainControl: true, channelCount: 1 },
      });
      // The class closed while the browser asked: let the microphone go at once.
      if (this.stopped) return microphone.getTracks().forEach((track) => track.stop());
      this.microphone = microphone;
      this.speakingNow = this.audio.analyse(microphone);
      this.state.setState({ mic: "ready" });
    } catch {
      this.state.setState({ mic: "denied" });
      // Asked again the next time they try to speak (they may allow it in the browser meanwhile).
      this.microphoneRequest = undefined;
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
      state: connection.connectionState,
      sentBytes: 0,
      receivedBytes: 0,
      at: 0,
      lossFraction: 0,
      roundTripMs: 0,
    };
    (await connection.getStats()).forEach((stat: RtpStat) => {
      if (stat.kind !== "audio") return;
      entry.at = Math.max(entry.at, stat.timestamp);
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
