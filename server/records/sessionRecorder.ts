/**
 * Records a class session for replay (shared/replay.ts): samples the scene a
 * few times a second and keeps only what changed, with a keyframe every ten
 * seconds. Plain data in, frames out; the room stores them with the class.
 */
import type { ReplayFrame } from "../../shared/replay.ts";
import type { ClassroomState } from "../../shared/state.ts";

/** Samples per second: enough to follow a hand-moved object, a small fraction of the live traffic. */
export const REPLAY_SAMPLE_MS = 200;
const KEYFRAME_MS = 10_000;
/** Changes below these (metres, quaternion components) are not worth a frame. */
const POSITION_STEP = 0.001;
const ROTATION_STEP = 0.0005;

export class SessionRecorder {
  private last = new Map<string, number[]>();
  private lastStep = -1;
  private lastKeyAt = -Infinity;

  constructor(readonly startedAt: number) {}

  /** The frame for the scene now, or undefined when nothing changed. */
  sample(state: ClassroomState, now: number): ReplayFrame | undefined {
    const t = Math.max(0, Math.round(now - this.startedAt));
    const key = t - this.lastKeyAt >= KEYFRAME_MS;
    const frame: ReplayFrame = { t };
    const current = new Map<string, number[]>();
    state.objects.forEach((object, id) => {
      const p = object.pose;
      current.set(
        id,
        [p.px, p.py, p.pz, p.qx, p.qy, p.qz, p.qw].map((v) => Math.round(v * 10_000) / 10_000),
      );
    });
    const objects: Record<string, number[]> = {};
    for (const [id, pose] of current) {
      const before = this.last.get(id);
      if (key || !before || moved(before, pose)) objects[id] = pose;
    }
    const removed = key ? [] : [...this.last.keys()].filter((id) => !current.has(id));
    if (Object.keys(objects).length > 0) frame.objects = objects;
    if (removed.length > 0) frame.removed = removed;
    if (key || state.step !== this.lastStep) frame.step = state.step;
    if (key) frame.key = true;
    // Keep what was sent as the reference, so slow drifts still add up to a frame.
    for (const [id, pose] of Object.entries(objects)) current.set(id, pose);
    for (const [id, pose] of this.last) if (current.has(id) && !objects[id]) current.set(id, pose);
    this.last = current;
    this.lastStep = state.step;
    if (key) this.lastKeyAt = t;
    return key || frame.objects || frame.removed || frame.step !== undefined ? frame : undefined;
  }
}

function moved(before: number[], now: number[]): boolean {
  for (let i = 0; i < 3; i++) if (Math.abs(before[i]! - now[i]!) > POSITION_STEP) return true;
  for (let i = 3; i < 7; i++) if (Math.abs(before[i]! - now[i]!) > ROTATION_STEP) return true;
  return false;
}
