/**
 * Records a class session for replay (shared/replay.ts): samples the scene a
 * few times a second and keeps only what changed, with a keyframe every ten
 * seconds. Plain data in, frames out; the room stores them with the class.
 */
import type { ReplayFrame, ReplayLook } from "../../shared/replay.ts";
import type { ClassroomState, SceneObjectState } from "../../shared/state.ts";

const KEYFRAME_MS = 10_000;
/** Changes below these (metres, quaternion components) are not worth a frame. */
const POSITION_STEP = 0.001;
const ROTATION_STEP = 0.0005;

export class SessionRecorder {
  private last = new Map<string, number[]>();
  private lastStep = -1;
  private lastTask = "";
  private lastKeyAt = -Infinity;

  constructor(readonly startedAt: number) {}

  /** The frame for the scene now, or undefined when nothing changed. */
  sample(state: ClassroomState, now: number): ReplayFrame | undefined {
    const t = Math.max(0, Math.round(now - this.startedAt));
    const key = t - this.lastKeyAt >= KEYFRAME_MS;
    const frame: ReplayFrame = { t };
    const current = new Map<string, number[]>();
    const looks: Record<string, ReplayLook> = {};
    state.objects.forEach((object, id) => {
      const p = object.pose;
      current.set(
        id,
        [p.px, p.py, p.pz, p.qx, p.qy, p.qz, p.qw].map((v) => Math.round(v * 10_000) / 10_000),
      );
      if (key || !this.last.has(id)) looks[id] = lookOf(object);
    });
    const objects: Record<string, number[]> = {};
    for (const [id, pose] of current) {
      const before = this.last.get(id);
      if (key || !before || moved(before, pose)) objects[id] = pose;
    }
    const removed = key ? [] : [...this.last.keys()].filter((id) => !current.has(id));
    const task: [number, number] = [state.taskInPlace, state.taskTotal];
    if (Object.keys(objects).length > 0) frame.objects = objects;
    if (Object.keys(looks).length > 0) frame.looks = looks;
    if (removed.length > 0) frame.removed = removed;
    if (key || state.step !== this.lastStep) frame.step = state.step;
    if (key || task.join() !== this.lastTask) frame.task = task;
    if (key) frame.key = true;
    // Keep what was sent as the reference, so slow drifts still add up to a frame.
    for (const [id, pose] of Object.entries(objects)) current.set(id, pose);
    for (const [id, pose] of this.last) if (current.has(id) && !objects[id]) current.set(id, pose);
    this.last = current;
    this.lastStep = state.step;
    this.lastTask = task.join();
    if (key) this.lastKeyAt = t;
    const changed = frame.objects || frame.removed || frame.step !== undefined || frame.task;
    return key || changed ? frame : undefined;
  }
}

function lookOf(object: SceneObjectState): ReplayLook {
  const look: ReplayLook = { shape: object.shape, color: object.color, size: [object.sx, object.sy, object.sz] };
  if (object.model) look.model = object.model;
  if (object.label) look.label = object.label;
  return look;
}

function moved(before: number[], now: number[]): boolean {
  for (let i = 0; i < 3; i++) if (Math.abs(before[i]! - now[i]!) > POSITION_STEP) return true;
  for (let i = 3; i < 7; i++) if (Math.abs(before[i]! - now[i]!) > ROTATION_STEP) return true;
  return false;
}
