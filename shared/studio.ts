/**
 * The lesson studio's contract: a draft lesson, the edits co-authors ask
 * for, and the changes the server makes of them. The server turns each edit
 * into changes against its own copy and sends them to every author in one
 * order; everyone applies them with `applyChanges` (shared/draftChanges.ts)
 * and so holds the same draft.
 */
import { z } from "zod";
import type { draftSchemas } from "./lesson.ts";
import { AgeRangeSchema, LICENSES, MODEL_FILE, SHAPES, SUBJECTS, StepViewSchema, plainText } from "./lesson.ts";
import { LANGUAGES, Limits, PoseSchema } from "./protocol.ts";
import { SECRET_KEY_PATTERN, DRAFT_ID_PATTERN } from "./studioIds.ts";
import { StudioMessage } from "./studioMessages.ts";

export { StudioMessage, StudioServerMessage } from "./studioMessages.ts";

export type LessonDraft = z.infer<typeof draftSchemas.lesson>;
export type DraftObject = LessonDraft["objects"][number];
export type DraftStep = LessonDraft["steps"][number];

export const StudioLimits = {
  /** The same limits a lesson file has (shared/lesson.ts). */
  maxObjects: 200,
  maxSteps: 50,
  /** Undo remembers this many of an author's own changes. */
  undoDepth: 60,
  /** Edits an author may send per second (typing sends one per pause, moving one per release). */
  editsPerSecond: 20,
  /** How far a snap target catches an object by default, in metres. */
  targetWithin: 0.06,
} as const;

const objectId = z
  .string()
  .max(Limits.objectIdMaxLength)
  .regex(/^[a-z0-9][a-z0-9-]*$/);
const stepId = objectId;
export const DraftIdSchema = z.string().regex(DRAFT_ID_PATTERN);
export const AuthorKeySchema = z.string().regex(SECRET_KEY_PATTERN);

/** The longest text each kind of field takes: the same as a lesson file's. */
export const TEXT_MAX = {
  lessonTitle: 80,
  lessonSummary: 300,
  stepTitle: 80,
  instructions: 600,
  task: 300,
  label: 60,
} as const;

/** A text field of the lesson: its title or summary, a step's title, instructions or task, an object's label. */
export const TextTargetSchema = z.discriminatedUnion("of", [
  z.object({ of: z.literal("lesson"), field: z.enum(["title", "summary"]) }).strict(),
  z.object({ of: z.literal("step"), stepId, field: z.enum(["title", "instructions", "task"]) }).strict(),
  z.object({ of: z.literal("object"), objectId }).strict(),
]);
export type TextTarget = z.infer<typeof TextTargetSchema>;

/** The longest text a field takes. */
export function textMax(target: TextTarget): number {
  if (target.of === "object") return TEXT_MAX.label;
  if (target.of === "lesson") return target.field === "title" ? TEXT_MAX.lessonTitle : TEXT_MAX.lessonSummary;
  return target.field === "title"
    ? TEXT_MAX.stepTitle
    : target.field === "instructions"
      ? TEXT_MAX.instructions
      : TEXT_MAX.task;
}

/** A stable name for a text field, for presence ("who is editing what") and for the page. */
export function fieldKey(target: TextTarget): string {
  if (target.of === "object") return `object:${target.objectId}`;
  if (target.of === "lesson") return `lesson:${target.field}`;
  return `step:${target.stepId}:${target.field}`;
}

const size = z.number().finite().min(0.02).max(3);
const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/);
/** Shapes an author puts on the table; "model" needs a model file. */
export const STUDIO_SHAPES = SHAPES.filter((shape) => shape !== "octahedron");

export const DetailsSchema = z
  .object({
    subject: z.enum(SUBJECTS).optional(),
    licenseId: z.enum(LICENSES).optional(),
    ages: AgeRangeSchema.nullable().optional(),
    /** The lesson's languages; English is always one (the format's fallback). */
    languages: z.array(z.enum(LANGUAGES)).min(1).max(LANGUAGES.length).optional(),
    /** Name the co-authors (their nicknames) in the lesson file, or nobody. */
    credit: z.boolean().optional(),
  })
  .strict();
export type Details = z.infer<typeof DetailsSchema>;

/** What an author asks for. The server checks it against the draft and refuses what does not fit. */
export const StudioEditSchema = z.discriminatedUnion("edit", [
  z
    .object({
      edit: z.literal("addObject"),
      shape: z.enum(STUDIO_SHAPES),
      model: z.string().regex(MODEL_FILE).optional(),
      color: colour,
      size: z.tuple([size, size, size]),
      pose: PoseSchema,
      /** Its label in the author's language (optional: a label can be written later). */
      label: z.string().max(TEXT_MAX.label).optional(),
      language: z.enum(LANGUAGES),
    })
    .strict(),
  z
    .object({
      edit: z.literal("setObject"),
      objectId,
      color: colour.optional(),
      size: z.tuple([size, size, size]).optional(),
      grabbable: z.boolean().optional(),
      locked: z.boolean().optional(),
      glow: z.boolean().optional(),
    })
    .strict(),
  z.object({ edit: z.literal("removeObject"), objectId }).strict(),
  z.object({ edit: z.literal("duplicateObject"), objectId }).strict(),
  /** Where an object starts in a step (the table as arranged). */
  z.object({ edit: z.literal("placeObject"), objectId, stepId, pose: PoseSchema }).strict(),
  z
    .object({
      edit: z.literal("setText"),
      target: TextTargetSchema,
      language: z.enum(LANGUAGES),
      /** Empty removes the text in that language. */
      text: z.string().max(600),
    })
    .strict(),
  /** A new step after step `after` (-1: first), starting with the table as that step has it. */
  z.object({ edit: z.literal("addStep"), after: z.number().int().min(-1).max(StudioLimits.maxSteps) }).strict(),
  z.object({ edit: z.literal("removeStep"), stepId }).strict(),
  z.object({ edit: z.literal("moveStep"), stepId, to: z.number().int().min(0).max(StudioLimits.maxSteps) }).strict(),
  z.object({ edit: z.literal("setInStep"), stepId, objectId, present: z.boolean() }).strict(),
  z.object({ edit: z.literal("setLockedInStep"), stepId, objectId, locked: z.boolean() }).strict(),
  /** The object's snap target (a ghost on the table), or none. */
  z
    .object({
      edit: z.literal("setTarget"),
      objectId,
      pose: PoseSchema.nullable(),
      within: z.number().finite().min(0.01).max(0.5).optional(),
    })
    .strict(),
  /** The step's task asks for this object in its target (or no longer does). */
  z.object({ edit: z.literal("setGoal"), stepId, objectId, inGoal: z.boolean() }).strict(),
  z.object({ edit: z.literal("setView"), stepId, view: StepViewSchema.nullable() }).strict(),
  z.object({ edit: z.literal("setDetails"), details: DetailsSchema }).strict(),
]);
export type StudioEdit = z.infer<typeof StudioEditSchema>;

/**
 * What the server makes of an edit: changes that say exactly what becomes of
 * the draft, so applying them gives the same draft everywhere. Undo is the
 * same kind of change, computed by the server.
 */
export type DraftChange =
  /** Puts an object at `index` (replacing the one with its id, wherever it was). */
  | { change: "putObject"; index: number; object: DraftObject }
  | { change: "dropObject"; objectId: string }
  | { change: "putStep"; index: number; step: DraftStep }
  | { change: "dropStep"; stepId: string }
  | { change: "setText"; target: TextTarget; language: (typeof LANGUAGES)[number]; text: string | null }
  /** An object's start pose in a step (null: where the lesson puts it). */
  | { change: "placeIn"; stepId: string; objectId: string; pose: z.infer<typeof PoseSchema> | null }
  | { change: "setDetails"; details: DraftDetails };

/** The draft's details besides its content: what the file will say of itself. */
export interface DraftDetails {
  subject: LessonDraft["subject"];
  licenseId: (typeof LICENSES)[number];
  ages: { from: number; to: number } | null;
  languages: (typeof LANGUAGES)[number][];
  credit: boolean;
  /** The co-authors' nicknames, in the order they first edited (when credit is on). */
  authors: string[];
}

/** A draft as the studio holds it: the lesson being written and its details. */
export interface Draft {
  id: string;
  lesson: LessonDraft;
  details: DraftDetails;
  /** Counts every change the server applied: an author who has revision n has seen the first n. */
  revision: number;
  /** The lesson id it was last published as, if it was. */
  publishedAs?: string;
}

/** What the server keeps of a draft: the draft and who may open it. */
export interface DraftRecord {
  draft: Draft;
  /** SHA-256 of the author key, hex. */
  authorKeyHash: string;
  createdAt: number;
  updatedAt: number;
}

export const studioMessageSchemas = {
  [StudioMessage.Edit]: StudioEditSchema,
  [StudioMessage.Undo]: z.object({}).strict(),
  [StudioMessage.Redo]: z.object({}).strict(),
  [StudioMessage.Focus]: z.object({ field: z.string().max(160).nullable() }).strict(),
  [StudioMessage.Publish]: z.object({}).strict(),
  [StudioMessage.Try]: z.object({ on: z.boolean() }).strict(),
} as const;

export interface StudioChangesMessage {
  revision: number;
  changes: DraftChange[];
  /** The author whose edit (or undo) this was. */
  seat: string;
}

/** A problem that stops a draft from being published, at a place in the lesson. */
export interface DraftProblem {
  /** Where: ["steps", 1, "title", "es"], say. */
  path: (string | number)[];
  /** Why, as a code the page says in the author's language. */
  code: "missing" | "tooLong" | "notPlainText" | "noObjects" | "goal" | "other";
  /** The schema's own words (English), for what the codes do not cover. */
  message: string;
}

export type PublishedMessage = { ok: true; lessonId: string } | { ok: false; problems: DraftProblem[] };

/** Plain text check for a field, as the lesson format has it. */
export function textProblem(target: TextTarget, text: string): string | undefined {
  const parsed = plainText(textMax(target)).safeParse(text);
  return parsed.success ? undefined : (parsed.error.issues[0]?.message ?? "not accepted");
}

/** What "My drafts" shows of a draft (its authors' list, from POST /api/drafts/lookup). */
export interface DraftListing {
  id: string;
  title: LessonDraft["title"];
  languages: string[];
  steps: number;
  objects: number;
  updatedAt: number;
  publishedAs?: string;
  completeness: { language: (typeof LANGUAGES)[number]; done: number; total: number }[];
}
