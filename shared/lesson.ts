/**
 * The lesson file format: a lesson is a set of objects and a guided sequence
 * of steps, with every text in several languages. Lessons are JSON files in
 * `assets/lessons/` or imported by a teacher; both pass this schema first.
 */
import { z } from "zod";
import { LANGUAGES, Limits, PoseSchema, Vec3Schema, type Language } from "./protocol.ts";
import {
  LESSON_FORMAT,
  LESSON_FORMAT_VERSION,
  LESSON_MAX_BYTES,
  LICENSES,
  MODEL_FILE,
  SHAPES,
  SUBJECTS,
} from "./lessonBasics.ts";

export * from "./lessonBasics.ts";

const id = z
  .string()
  .max(Limits.objectIdMaxLength)
  .regex(/^[a-z0-9][a-z0-9-]*$/, "use lowercase letters, digits and dashes");

/**
 * Text shown to people: plain text only. Markup or script in a lesson file is
 * a sign of a hostile file, so it is refused rather than escaped.
 */
export const plainText = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .refine(
      (s) => !/[<>]|javascript:|\p{Cc}/iu.test(s.replace(/\n/g, "")),
      "must be plain text (no markup or control characters)",
    );

/** A text in several languages; English is required and is the fallback. */
export const localizedText = (max: number) => draftText(max).required({ en: true });

/** A text being written (a lesson draft): any language may still be missing, English too. */
export const draftText = (max: number) => {
  const text = plainText(max);
  return z
    .object({
      en: text.optional(),
      es: text.optional(),
      fr: text.optional(),
      pt: text.optional(),
      sw: text.optional(),
      ar: text.optional(),
      hi: text.optional(),
      zh: text.optional(),
      ru: text.optional(),
    } satisfies Record<Language, z.ZodType>)
    .strict();
};
export type LocalizedText = z.infer<ReturnType<typeof localizedText>>;

const size = z.number().finite().positive().max(10);

/** Where an object clicks into place when let go close enough (a bond site, a part's home). */
export const SnapSchema = z.object({ pose: PoseSchema, within: z.number().finite().positive().max(1) }).strict();

/**
 * Where screen views look in a step, when the author wants it rather than the
 * computed framing: the region of `radius` metres around `target` fills the
 * view on any screen shape. `pitch` (degrees, negative looks down) and `yaw`
 * (degrees round the table, 0 from the +z side) are optional: without a yaw
 * each participant keeps their own side of the table.
 */
export const StepViewSchema = z
  .object({
    target: Vec3Schema,
    radius: z.number().finite().min(0.05).max(5),
    pitch: z.number().finite().min(-89).max(30).optional(),
    yaw: z.number().finite().min(-180).max(180).optional(),
  })
  .strict();
export type StepView = z.infer<typeof StepViewSchema>;

/** Ages a lesson is for, in years. */
export const AgeRangeSchema = z
  .object({ from: z.number().int().min(3).max(99), to: z.number().int().min(3).max(99) })
  .strict()
  .refine((ages) => ages.from <= ages.to, { message: "the first age must not be above the last", path: ["to"] });
/** A co-author as credited in a lesson file: their nickname, nothing more. */
export const authorName = plainText(40);

/**
 * The lesson's schemas, built once for finished lessons (English required in
 * every text) and once for drafts (any text may still be missing), so the
 * two can never disagree on anything else.
 */
function lessonSchemas<Text extends z.ZodType>(text: (max: number) => Text, fewestObjects: number) {
  const object = z
    .object({
      id,
      shape: z.enum(SHAPES),
      /** For shape "model": a file in assets/models. */
      model: z.string().regex(MODEL_FILE, "must name a .glb file in assets/models").optional(),
      color: z.string().regex(/^#[0-9a-fA-F]{6}$/, "must be a colour like #2a7fff"),
      label: text(60),
      size: z.tuple([size, size, size]),
      pose: PoseSchema,
      grabbable: z.boolean().default(true),
      locked: z.boolean().default(false),
      /** Emits light (a star). */
      glow: z.boolean().default(false),
      snap: z.array(SnapSchema).max(12).optional(),
    })
    .strict()
    .refine((object) => (object.shape === "model") === (object.model !== undefined), {
      message: 'a "model" object names its model file, and only it does',
      path: ["model"],
    });
  const step = z
    .object({
      id,
      title: text(80),
      instructions: text(600),
      /** The objects present in this step; all of them when left out. */
      objects: z.array(id).max(200).optional(),
      /** Start poses for this step, by object id; others start where the lesson puts them. */
      place: z.record(id, PoseSchema).optional(),
      /** Objects locked in this step (others follow the lesson's default). */
      locked: z.array(id).max(200).optional(),
      task: text(300).optional(),
      view: StepViewSchema.optional(),
      /**
       * What the server checks the task by, from the scene itself: every object
       * listed must rest in one of its snap places (a planet in its orbit slot,
       * a hydrogen on a bond site, a heart part at home).
       */
      goal: z
        .object({ snapped: z.array(id).min(1).max(50) })
        .strict()
        .optional(),
    })
    .strict();
  const lesson = z
    .object({
      format: z.literal(LESSON_FORMAT, { message: `must be "${LESSON_FORMAT}"` }),
      version: z.literal(LESSON_FORMAT_VERSION, {
        message: `this server reads lesson format version ${LESSON_FORMAT_VERSION}`,
      }),
      id,
      title: text(80),
      summary: text(300),
      subject: z.enum(SUBJECTS),
      /** Where the content comes from and under which licence, in words. */
      license: z.string().min(1).max(200),
      /** The licence as an SPDX identifier, when it is one of the open licences the studio offers. */
      licenseId: z.enum(LICENSES).optional(),
      /** Who made it (nicknames); absent or empty when the authors chose not to be named. */
      authors: z.array(authorName).max(20).optional(),
      ages: AgeRangeSchema.optional(),
      /** The languages the lesson is written in (its texts may have more). */
      languages: z.array(z.enum(LANGUAGES)).min(1).max(LANGUAGES.length).optional(),
      objects: z.array(object).min(fewestObjects).max(200),
      steps: z.array(step).min(1).max(50),
    })
    .strict()
    .superRefine(checkReferences);
  return { object, step, lesson };
}

const finished = lessonSchemas(localizedText, 1);
/** The lesson schemas of a draft: texts may be missing and the table empty; everything else is checked as in a lesson. */
export const draftSchemas = lessonSchemas(draftText, 0);

export const LessonObjectSchema = finished.object;
export type LessonObject = z.infer<typeof LessonObjectSchema>;

/** Snapping writes the snap pose exactly; this only absorbs the wire's quantisation. */
const IN_PLACE_METRES = 0.005;

/** True when an object at `position` rests in one of its snap places (a part of a task in place). */
export function restsInPlace(object: LessonObject | undefined, position: [number, number, number]): boolean {
  return (object?.snap ?? []).some(
    ({ pose: { p } }) => Math.hypot(position[0] - p[0], position[1] - p[1], position[2] - p[2]) <= IN_PLACE_METRES,
  );
}

export const LessonStepSchema = finished.step;
export type LessonStep = z.infer<typeof LessonStepSchema>;
export const LessonSchema = finished.lesson;
export type Lesson = z.infer<typeof LessonSchema>;

interface Referencing {
  objects: { id: string; snap?: unknown[] | undefined }[];
  steps: {
    id: string;
    objects?: string[] | undefined;
    locked?: string[] | undefined;
    place?: Record<string, unknown> | undefined;
    goal?: { snapped: string[] } | undefined;
  }[];
}

/** Ids are unique, and every id a step names is one of the lesson's objects. */
function checkReferences(lesson: Referencing, context: z.RefinementCtx): void {
  const ids = new Set<string>();
  lesson.objects.forEach((object, index) => {
    if (ids.has(object.id))
      context.addIssue({
        code: "custom",
        message: `duplicate object id "${object.id}"`,
        path: ["objects", index, "id"],
      });
    ids.add(object.id);
  });
  const stepIds = new Set<string>();
  lesson.steps.forEach((step, index) => {
    if (stepIds.has(step.id))
      context.addIssue({ code: "custom", message: `duplicate step id "${step.id}"`, path: ["steps", index, "id"] });
    stepIds.add(step.id);
    const mentioned: [string, string[]][] = [
      ["objects", step.objects ?? []],
      ["locked", step.locked ?? []],
      ["place", Object.keys(step.place ?? {})],
      ["goal", step.goal?.snapped ?? []],
    ];
    const present = new Set(step.objects ?? lesson.objects.map((object) => object.id));
    (step.goal?.snapped ?? []).forEach((objectId) => {
      const object = lesson.objects.find((candidate) => candidate.id === objectId);
      if (object && (!present.has(objectId) || !object.snap?.length))
        context.addIssue({
          code: "custom",
          message: `"${objectId}" must be in the step and have snap places to be part of its goal`,
          path: ["steps", index, "goal"],
        });
    });
    for (const [field, list] of mentioned) {
      list.forEach((objectId) => {
        if (!ids.has(objectId)) {
          context.addIssue({
            code: "custom",
            message: `unknown object "${objectId}"`,
            path: ["steps", index, field],
          });
        }
      });
    }
  });
}

/** A lesson as listed in the lobby (no scene content). */
/** Turns schema issues into sentences that say what is wrong and where. */
export function describeLessonProblems(error: z.ZodError): string[] {
  return error.issues.slice(0, 20).map((issue) => `${formatPath(issue.path)}: ${issue.message}`);
}

function formatPath(path: PropertyKey[]): string {
  if (path.length === 0) return "the file";
  return path.reduce<string>(
    (text, part) => (typeof part === "number" ? `${text}[${part}]` : text ? `${text}.${String(part)}` : String(part)),
    "",
  );
}

export type LessonCheck = { ok: true; lesson: Lesson } | { ok: false; problems: string[] };

/** Validates a parsed lesson file; on failure says what is wrong and where. */
export function checkLesson(raw: unknown): LessonCheck {
  const parsed = LessonSchema.safeParse(raw);
  return parsed.success
    ? { ok: true, lesson: parsed.data }
    : { ok: false, problems: describeLessonProblems(parsed.error) };
}

/** Reads a lesson file's text: JSON first, then the schema. */
export function checkLessonText(text: string): LessonCheck {
  if (new TextEncoder().encode(text).length > LESSON_MAX_BYTES) {
    return { ok: false, problems: [`the file: larger than ${LESSON_MAX_BYTES / 1024} KiB`] };
  }
  try {
    return checkLesson(JSON.parse(text));
  } catch (error) {
    return { ok: false, problems: [`the file: not valid JSON (${(error as Error).message})`] };
  }
}
