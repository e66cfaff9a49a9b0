/**
 * A class session recorded as its stream of scene changes (not video), so a
 * class in another time zone can watch it later in 3D, in their own language
 * (the recording carries the lesson with all its languages; the viewer's
 * language picks the text).
 *
 * A recording is a list of frames at most a few per second. A frame holds
 * what changed since the frame before it: the step, the task's progress, and
 * the poses of objects that moved (7 numbers: position, then rotation). An
 * object's look (shape, colour, size) comes with the frame it appears in.
 * Every few seconds a keyframe holds everything, so a viewer can seek without
 * replaying from the start.
 */
import { z } from "zod";
import { LessonSchema, MODEL_FILE, SHAPES, type Lesson } from "./lesson.ts";
import type { Pose } from "./math.ts";
import { AddModelPayload, Limits } from "./protocol.ts";

export const REPLAY_FORMAT = "meridian-replay";
export const REPLAY_FORMAT_VERSION = 2;
/** The recorder samples the scene this often: enough to follow a hand-moved object, a fraction of the live traffic. */
export const REPLAY_SAMPLE_MS = 200;
/** A replay file larger than this is refused before it is read (about ten hours of a busy class). */
export const REPLAY_MAX_BYTES = 64 * 1024 * 1024;

/** How an object looks, so a recording can be drawn without the class's server. */
export interface ReplayLook {
  shape: string;
  /** For models: the .glb file's name. */
  model?: string;
  /** For objects a teacher added (lesson objects take their label from the lesson). */
  label?: string;
  color: string;
  size: [number, number, number];
}

export interface ReplayFrame {
  /** Milliseconds since the recording started. */
  t: number;
  /** A keyframe: the whole scene, not only what changed. */
  key?: true;
  step?: number;
  /** Poses of objects that appeared or moved: [px, py, pz, qx, qy, qz, qw]. */
  objects?: Record<string, number[]>;
  /** Looks of objects that appeared (all of them in a keyframe). */
  looks?: Record<string, ReplayLook>;
  /** Objects that left the scene (a step change). */
  removed?: string[];
  /** The step's task: [objects in place, objects in the goal]. */
  task?: [number, number];
}

export interface ReplayRecording {
  format: typeof REPLAY_FORMAT;
  version: typeof REPLAY_FORMAT_VERSION;
  code: string;
  lessonId: string;
  /** The lesson the class ran, in every language it has. */
  lesson?: Lesson;
  /** When the recording started (ms since 1970). */
  startedAt: number;
  frames: ReplayFrame[];
}

const objectId = z.string().min(1).max(Limits.objectIdMaxLength);
const finite = z.number().finite();

const ReplayLookSchema = z
  .object({
    shape: z.enum(SHAPES),
    model: z.string().regex(MODEL_FILE).optional(),
    label: AddModelPayload.shape.label.optional(),
    color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
    size: z.tuple([finite, finite, finite]),
  })
  .strict();

const ReplayFrameSchema = z
  .object({
    t: finite.nonnegative(),
    key: z.literal(true).optional(),
    step: z.number().int().nonnegative().max(1000).optional(),
    objects: z.record(objectId, z.array(finite).length(7)).optional(),
    looks: z.record(objectId, ReplayLookSchema).optional(),
    removed: z.array(objectId).optional(),
    task: z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]).optional(),
  })
  .strict();

/** What a replay file must be; one picked from a disk is checked against it before anything is drawn. */
export const ReplayRecordingSchema = z
  .object({
    format: z.literal(REPLAY_FORMAT, { message: `must be "${REPLAY_FORMAT}"` }),
    version: z.literal(REPLAY_FORMAT_VERSION, {
      message: `this version reads replay version ${REPLAY_FORMAT_VERSION}`,
    }),
    code: z.string().max(16),
    lessonId: z.string().max(Limits.lessonIdMaxLength),
    lesson: LessonSchema.optional(),
    startedAt: finite,
    frames: z.array(ReplayFrameSchema).min(1),
  })
  .strict()
  .refine((recording) => recording.frames.every((frame, i) => i === 0 || frame.t >= recording.frames[i - 1]!.t), {
    message: "frames must be in time order",
    path: ["frames"],
  });

export type ReplayCheck = { ok: true; recording: ReplayRecording } | { ok: false; problems: string[] };

/** Validates a replay file's parsed JSON; the problems say where it is wrong. */
export function checkReplay(raw: unknown): ReplayCheck {
  const parsed = ReplayRecordingSchema.safeParse(raw);
  if (parsed.success) return { ok: true, recording: parsed.data as ReplayRecording };
  return {
    ok: false,
    problems: parsed.error.issues.slice(0, 5).map((issue) => `${issue.path.join(".") || "file"}: ${issue.message}`),
  };
}

export interface ReplayScene {
  step: number;
  objects: Map<string, Pose>;
  looks: Map<string, ReplayLook>;
  task: { inPlace: number; total: number };
}

/** The scene as it was `t` ms into the recording (the last frame at or before `t`). */
export function sceneAt(frames: ReplayFrame[], t: number): ReplayScene {
  // The last keyframe at or before t, then every frame after it up to t.
  const end = framesUpTo(frames, t);
  let start = 0;
  for (let i = end - 1; i >= 0; i--)
    if (frames[i]!.key) {
      start = i;
      break;
    }
  const scene: ReplayScene = { step: 0, objects: new Map(), looks: new Map(), task: { inPlace: 0, total: 0 } };
  for (let i = start; i < end; i++) {
    const frame = frames[i]!;
    if (frame.key) {
      scene.objects.clear();
      scene.looks.clear();
    }
    if (frame.step !== undefined) scene.step = frame.step;
    if (frame.task) scene.task = { inPlace: frame.task[0], total: frame.task[1] };
    for (const id of frame.removed ?? []) {
      scene.objects.delete(id);
      scene.looks.delete(id);
    }
    for (const [id, look] of Object.entries(frame.looks ?? {})) scene.looks.set(id, look);
    for (const [id, v] of Object.entries(frame.objects ?? {})) scene.objects.set(id, poseOf(v));
  }
  return scene;
}

/** How many frames are at or before `t` (frames are in time order). */
export function framesUpTo(frames: ReplayFrame[], t: number): number {
  let low = 0;
  let high = frames.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (frames[middle]!.t <= t) low = middle + 1;
    else high = middle;
  }
  return low;
}

export function poseOf(v: number[]): Pose {
  return { p: [v[0]!, v[1]!, v[2]!], q: [v[3]!, v[4]!, v[5]!, v[6]!] };
}
