/**
 * Voices placed where the speakers are: each remote voice goes through a
 * gain (silent unless the room lets that person speak) and a panner at the
 * speaker's head, heard from this participant's own head. The teacher can be
 * heard everywhere at full level instead. An analyser per voice tells the
 * scene who is speaking.
 */
import type { Pose } from "../../shared/math.ts";

interface Voice {
  /** Chromium plays a WebRTC stream through Web Audio only while a media element also holds it. */
  element: HTMLAudioElement;
  source: MediaStreamAudioSourceNode;
  gain: GainNode;
  panner: PannerNode;
  analyser: AnalyserNode;
  /** A long window (about 0.7 s), for the loudest moment heard lately. */
  monitor: AnalyserNode;
  everywhere: boolean;
}

/** Level (RMS, 0–1) above which a voice counts as speaking. */
const SPEAKING_LEVEL = 0.02;
const MONITOR_SAMPLES = 32_768;

export class SpatialAudio {
  private context: AudioContext | undefined;
  private readonly voices = new Map<string, Voice>();
  private readonly samples = new Float32Array(512);

  private get audio(): AudioContext {
    this.context ??= new AudioContext({ latencyHint: "interactive" });
    return this.context;
  }

  /** Whether audio plays: "running", "suspended" (waiting for a gesture), "closed", or "none" yet. */
  state(): string {
    return this.context?.state ?? "none";
  }

  /** Browsers start audio only after a gesture: call from one (a click, a key). */
  resume(): void {
    void this.context?.resume();
  }

  attach(seat: string, stream: MediaStream): void {
    this.detach(seat);
    const audio = this.audio;
    const element = new Audio();
    element.muted = true;
    element.srcObject = stream;
    void element.play().catch(() => undefined);
    const source = audio.createMediaStreamSource(stream);
    const gain = audio.createGain();
    gain.gain.value = 0;
    const analyser = audio.createAnalyser();
    analyser.fftSize = 512;
    const monitor = audio.createAnalyser();
    monitor.fftSize = MONITOR_SAMPLES;
    const panner = new PannerNode(audio, {
      panningModel: "HRTF",
      distanceModel: "inverse",
      refDistance: 1,
      maxDistance: 30,
      rolloffFactor: 1,
    });
    source.connect(analyser);
    gain.connect(monitor);
    source.connect(gain).connect(panner).connect(audio.destination);
    this.voices.set(seat, { element, source, gain, panner, analyser, monitor, everywhere: false });
  }

  detach(seat: string): void {
    const voice = this.voices.get(seat);
    if (!voice) return;
    voice.source.disconnect();
    voice.gain.disconnect();
    voice.monitor.disconnect();
    voice.panner.disconnect();
    voice.element.srcObject = null;
    this.voices.delete(seat);
  }

  /** Whether a voice is heard at all, and whether at full level everywhere (not from the avatar). */
  setAudible(seat: string, audible: boolean, everywhere: boolean): void {
    const voice = this.voices.get(seat);
    if (!voice) return;
    voice.gain.gain.value = audible ? 1 : 0;
    if (everywhere === voice.everywhere) return;
    voice.gain.disconnect();
    voice.gain.connect(voice.monitor);
    voice.gain.connect(everywhere ? this.audio.destination : voice.panner);
    voice.everywhere = everywhere;
  }

  /** Moves a voice to its speaker's head. */
  place(seat: string, head: Pose): void {
    const panner = this.voices.get(seat)?.panner;
    if (!panner) return;
    panner.positionX.value = head.p[0];
    panner.positionY.value = head.p[1];
    panner.positionZ.value = head.p[2];
  }

  /** Hears from this participant's head: where it is and which way it looks (-z) and up (+y). */
  listenFrom(head: Pose): void {
    if (!this.context) return;
    const listener = this.context.listener;
    const [x, y, z, w] = head.q;
    const forward = [-(2 * (x * z + w * y)), -(2 * (y * z - w * x)), -(1 - 2 * (x * x + y * y))];
    const up = [2 * (x * y - w * z), 1 - 2 * (x * x + z * z), 2 * (y * z + w * x)];
    listener.positionX.value = head.p[0];
    listener.positionY.value = head.p[1];
    listener.positionZ.value = head.p[2];
    listener.forwardX.value = forward[0]!;
    listener.forwardY.value = forward[1]!;
    listener.forwardZ.value = forward[2]!;
    listener.upX.value = up[0]!;
    listener.upY.value = up[1]!;
    listener.upZ.value = up[2]!;
  }

  /** True when this seat's voice arrives on its own (not inside a media server's mix). */
  carries(seat: string): boolean {
    return this.voices.has(seat);
  }

  /** True while the voice carries speech (an audible one only). */
  speaking(seat: string): boolean {
    return this.level(seat) > SPEAKING_LEVEL;
  }

  /** How loud a voice is now as heard (RMS, 0–1; 0 when it is not let through). */
  level(seat: string): number {
    const voice = this.voices.get(seat);
    if (!voice || voice.gain.gain.value === 0) return 0;
    return levelOf(voice.analyser, this.samples);
  }

  /** The loudest sample of a voice as heard over the last 0.7 s (0–1; 0 when it is not let through). */
  peak(seat: string): number {
    const monitor = this.voices.get(seat)?.monitor;
    if (!monitor) return 0;
    const samples = new Float32Array(MONITOR_SAMPLES);
    monitor.getFloatTimeDomainData(samples);
    let loudest = 0;
    for (const sample of samples) loudest = Math.max(loudest, Math.abs(sample));
    return loudest;
  }

  /** A local analyser for this participant's own microphone (their own speaking indicator). */
  analyse(stream: MediaStream): () => boolean {
    const analyser = this.audio.createAnalyser();
    analyser.fftSize = 512;
    this.audio.createMediaStreamSource(stream).connect(analyser);
    return () => levelOf(analyser, this.samples) > SPEAKING_LEVEL;
  }

  close(): void {
    for (const seat of [...this.voices.keys()]) this.detach(seat);
    void this.context?.close();
    this.context = undefined;
  }
}

function levelOf(analyser: AnalyserNode, samples: Float32Array<ArrayBuffer>): number {
  analyser.getFloatTimeDomainData(samples);
  let sum = 0;
  for (const sample of samples) sum += sample * sample;
  return Math.sqrt(sum / samples.length);
}
