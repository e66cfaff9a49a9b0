/**
 * A class session recorded as its stream of scene changes (not video), so a
 * class in another time zone can watch it later in 3D, in their own language
 * (the lesson's text is looked up by step, in the viewer's language).
 *
 * A recording is a list of frames at most a few per second. A frame holds
 * what changed since the frame before it: the step, and the poses of objects
 * that moved (7 numbers: position, then rotation). Every few seconds a
 * keyframe holds everything, so a viewer can seek without replaying from the
 * start.
 */
import type { Pose } from "./math.ts";

export const REPLAY_FORMAT_VERSION = 1;

export interface ReplayFrame {
  /** Milliseconds since the recording started. */
  t: number;
  /** A keyframe: the whole scene, not only what changed. */
  key?: true;
  step?: number;
  /** Poses of objects that appeared or moved: [px, py, pz, qx, qy, qz, qw]. */
  objects?: Record<string, number[]>;
  /** Objects that left the scene (a step change). */
  removed?: string[];
}

export interface ReplayRecording {
  version: typeof REPLAY_FORMAT_VERSION;
  code: string;
  lessonId: string;
  /** When the recording started (ms since 1970). */
  startedAt: number;
  frames: ReplayFrame[];
}

export interface ReplayScene {
  step: number;
  objects: Map<string, Pose>;
}

/** The scene as it was `t` ms into the recording (the last frame at or before `t`). */
export function sceneAt(frames: ReplayFrame[], t: number): ReplayScene {
  // The last keyframe at or before t, then every frame after it up to t.
  let start = 0;
  for (let i = 0; i < frames.length && frames[i]!.t <= t; i++) if (frames[i]!.key) start = i;
  const scene: ReplayScene = { step: 0, objects: new Map() };
  for (let i = start; i < frames.length && frames[i]!.t <= t; i++) {
    const frame = frames[i]!;
    if (frame.key) scene.objects.clear();
    if (frame.step !== undefined) scene.step = frame.step;
    for (const id of frame.removed ?? []) scene.objects.delete(id);
    for (const [id, v] of Object.entries(frame.objects ?? {}))
      scene.objects.set(id, { p: [v[0]!, v[1]!, v[2]!], q: [v[3]!, v[4]!, v[5]!, v[6]!] });
  }
  return scene;
}
