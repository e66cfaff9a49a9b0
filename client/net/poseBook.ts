/**
 * Every remote pose the scene draws, each in its own interpolation buffer,
 * fed from the replicated state after each patch.
 */
import type { Pose } from "../../shared/math.ts";
import type { ClassroomState, PoseState } from "../../shared/state.ts";
import { InterpolationBuffer } from "./interpolation.ts";

export type PoseKey = `object:${string}` | `head:${string}` | `left:${string}` | `right:${string}`;

export class PoseBook {
  private buffers = new Map<PoseKey, InterpolationBuffer>();

  /** Records the poses in a freshly patched state; unchanged ones add nothing. */
  ingest(state: ClassroomState, now: number): void {
    const live = new Set<PoseKey>();
    state.objects.forEach((object, id) => this.record(`object:${id}`, object.pose, now, live));
    state.participants.forEach((participant, seat) => {
      this.record(`head:${seat}`, participant.head, now, live);
      if (participant.hasHands) {
        this.record(`left:${seat}`, participant.left, now, live);
        this.record(`right:${seat}`, participant.right, now, live);
      }
    });
    for (const key of this.buffers.keys()) {
      if (!live.has(key)) this.buffers.delete(key);
    }
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

  private record(key: PoseKey, source: PoseState, now: number, live: Set<PoseKey>): void {
    live.add(key);
    const pose: Pose = { p: [source.px, source.py, source.pz], q: [source.qx, source.qy, source.qz, source.qw] };
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

function samePose(a: Pose, b: Pose): boolean {
  return a.p.every((v, i) => v === b.p[i]) && a.q.every((v, i) => v === b.q[i]);
}
