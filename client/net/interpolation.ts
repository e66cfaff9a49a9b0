/**
 * Smooth remote motion: poses arrive 10–20 times a second with jitter; the
 * scene renders a little in the past, between two received poses, and
 * briefly extrapolates when the next one is late.
 */
import type { Pose, Quat, Vec3 } from "../../shared/math.ts";

interface Sample {
  at: number;
  pose: Pose;
}

export interface InterpolationOptions {
  /** How far behind the newest sample to render (ms); absorbs jitter. */
  delayMs: number;
  /** How long to keep moving past the newest sample before holding still (ms). */
  maxExtrapolationMs: number;
  /** A gap longer than this between samples means the thing was at rest (ms). */
  restGapMs: number;
}

/** Tuned for avatars at 10 updates/s with jitter: render 1.5 intervals behind. */
export const DEFAULT_INTERPOLATION: InterpolationOptions = { delayMs: 150, maxExtrapolationMs: 100, restGapMs: 250 };

const MAX_SAMPLES = 32;

/** Gaps longer than this are pauses, not the sender's rhythm. */
const RHYTHM_MAX_GAP_MS = 1000;

/**
 * A short history of one entity's poses, sampled at render time. It follows
 * the rhythm poses actually come at: an avatar sent less often (behind the
 * viewer, a backed-up link, a busy server) is rendered further in the past, so
 * it still moves smoothly instead of in stops and starts.
 */
export class InterpolationBuffer {
  private samples: Sample[] = [];
  /** Typical time between samples (ms), a moving average. */
  private rhythmMs: number;

  constructor(private readonly options: InterpolationOptions = DEFAULT_INTERPOLATION) {
    this.rhythmMs = options.delayMs / 1.5;
  }

  /** Render delay: the configured one, or one and a half of the sender's actual interval if longer. */
  private get delayMs(): number {
    return Math.max(this.options.delayMs, 1.5 * this.rhythmMs);
  }

  private get restGapMs(): number {
    return Math.max(this.options.restGapMs, 2.5 * this.rhythmMs);
  }

  /** Records a pose received at `at` (ms, the receiver's clock). */
  push(pose: Pose, at: number): void {
    const last = this.samples.at(-1);
    if (last && at <= last.at) {
      last.pose = pose;
      return;
    }
    if (last && at - last.at <= RHYTHM_MAX_GAP_MS) this.rhythmMs += 0.25 * (at - last.at - this.rhythmMs);
    // After a rest, start the motion from where it rested, not from the
    // moment it last moved: otherwise it would jump most of the way at once.
    if (last && at - last.at > this.restGapMs) {
      this.samples.push({ at: at - this.restGapMs / 2, pose: last.pose });
    }
    this.samples.push({ at, pose });
    if (this.samples.length > MAX_SAMPLES) this.samples.splice(0, this.samples.length - MAX_SAMPLES);
  }

  /** Forgets the history and rests at `pose` (e.g. after a teleport or reset). */
  reset(pose: Pose, at: number): void {
    this.samples = [{ at, pose }];
  }

  /** The newest received pose. */
  latest(): Pose | undefined {
    return this.samples.at(-1)?.pose;
  }

  /** The pose to draw at time `now` (ms, the receiver's clock). */
  sample(now: number): Pose | undefined {
    const samples = this.samples;
    if (samples.length === 0) return undefined;
    const renderAt = now - this.delayMs;
    const first = samples[0]!;
    if (renderAt <= first.at) return first.pose;

    for (let i = samples.length - 1; i > 0; i--) {
      const older = samples[i - 1]!;
      const newer = samples[i]!;
      if (renderAt >= older.at && renderAt <= newer.at) {
        return interpolatePose(older.pose, newer.pose, (renderAt - older.at) / (newer.at - older.at));
      }
    }

    // Past the newest sample: keep going along the last motion for a moment,
    // unless no sample has come for long enough to say the motion stopped.
    const newest = samples.at(-1)!;
    const previous = samples.at(-2);
    if (!previous || now - newest.at > this.restGapMs) return newest.pose;
    const ahead = Math.min(renderAt - newest.at, this.options.maxExtrapolationMs);
    const span = newest.at - previous.at;
    if (span <= 0 || span > this.restGapMs) return newest.pose;
    return interpolatePose(previous.pose, newest.pose, 1 + ahead / span);
  }
}

/** Linear position and spherical rotation blend; `t` beyond 1 extrapolates. */
export function interpolatePose(from: Pose, to: Pose, t: number): Pose {
  return { p: lerpVec3(from.p, to.p, t), q: slerp(from.q, to.q, Math.min(t, 1.5)) };
}

function lerpVec3(a: Vec3, b: Vec3, t: number): Vec3 {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
}

function slerp(a: Quat, b: Quat, t: number): Quat {
  let [bx, by, bz, bw] = b;
  let cos = a[0] * bx + a[1] * by + a[2] * bz + a[3] * bw;
  // Take the short way round.
  if (cos < 0) {
    cos = -cos;
    bx = -bx;
    by = -by;
    bz = -bz;
    bw = -bw;
  }
  let wa: number;
  let wb: number;
  if (cos > 0.9995) {
    wa = 1 - t;
    wb = t;
  } else {
    const angle = Math.acos(Math.min(1, cos));
    const sin = Math.sin(angle);
    wa = Math.sin((1 - t) * angle) / sin;
    wb = Math.sin(t * angle) / sin;
  }
  const q: Quat = [a[0] * wa + bx * wb, a[1] * wa + by * wb, a[2] * wa + bz * wb, a[3] * wa + bw * wb];
  const length = Math.hypot(...q);
  return [q[0] / length, q[1] / length, q[2] / length, q[3] / length];
}
