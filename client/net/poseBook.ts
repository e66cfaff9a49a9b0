/**
 * Every remote pose the scene draws, each in its own interpolation buffer:
 * objects fed from the replicated state after each patch, avatars from the
 * avatar stream's frames.
 */
import type { AvatarPose } from "../../shared/avatarFrame.ts";
import type { Pose } from "../../shared/math.ts";
import type { ClassroomState, PoseState } from "../../shared/state.ts";
import { InterpolationBuffer } from "./interpolation.ts";

export type PoseKey = `object:${string}` | `head:${string}` | `left:${string}` | `right:${string}`;

export class PoseBook {
  private buffers = new Map<PoseKey, InterpolationBuffer>();

  /** Records the object poses in a freshly patched state (unchanged ones add nothing) and forgets whoever left. */
  ingest(state: ClassroomState, now: number): void {
    const live = new Set<PoseKey>();
    state.objects.forEach((object, id) => {
      live.add(`object:${id}`);
      this.record(`object:${id}`, fromState(object.pose), now);
    });
    for (const key of this.buffers.keys()) {
      const [kind, id] = splitKey(key);
      const gone = kind === "object" ? !live.has(key) : !state.participants.has(id);
      if (gone) this.buffers.delete(key);
    }
  }

  /** Records where a participant's head and hands are (from an avatar frame, or this participant's own). */
  recordAvatar(seat: string, pose: AvatarPose, now: number): void {
    this.record(`head:${seat}`, pose.head, now);
    if (pose.left) this.record(`left:${seat}`, pose.left, now);
    if (pose.right) this.record(`right:${seat}`, pose.right, now);
  }

  /** The pose to draw now for a key, or undefined before the first sample. */
  sample(key: PoseKey, now: number): Pose | undefined {
    return this.buffers.get(key)?.sample(now);
  }

  /** The newest pose the server sent for a key (no smoothing). */
  latest(key: PoseKey): Pose | undefined {
    return this.buffers.get(key)?.latest();
  }

  /** Jumps a key to a pose (e.g. after a refused grab the holder snaps back). */
  reset(key: PoseKey, pose: Pose, now: number): void {
    this.buffers.get(key)?.reset(pose, now);
  }

  private record(key: PoseKey, pose: Pose, now: number): void {
    let buffer = this.buffers.get(key);
    if (!buffer) {
      buffer = new InterpolationBuffer();
      this.buffers.set(key, buffer);
      buffer.reset(pose, now);
      return;
    }
    const previous = buffer.latest();
    if (previous && samePose(previous, pose)) return;
    buffer.push(pose, now);
  }
}

function fromState(source: PoseState): Pose {
  return { p: [source.px, source.py, source.pz], q: [source.qx, source.qy, source.qz, source.qw] };
}

function splitKey(key: PoseKey): [string, string] {
  const colon = key.indexOf(":");
  return [key.slice(0, colon), key.slice(colon + 1)];
}

function samePose(a: Pose, b: Pose): boolean {
  return a.p.every((v, i) => v === b.p[i]) && a.q.every((v, i) => v === b.q[i]);
}
