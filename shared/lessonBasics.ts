/**
 * What a page needs of the lesson format without its schemas (shared/lesson.ts):
 * names, limits, the table's height, how a step places objects, a summary,
 * texts in a language. The start page carries this, not zod.
 */
import type { Pose } from "./math.ts";
import type { Language } from "./protocolNames.ts";
import type { Lesson, LocalizedText } from "./lesson.ts";

export const LESSON_FORMAT = "meridian-lesson";
export const LESSON_FORMAT_VERSION = 1;
/** The largest lesson file the server accepts, in bytes. */
export const LESSON_MAX_BYTES = 512 * 1024;

export const SHAPES = ["box", "sphere", "cylinder", "cone", "torus", "capsule", "ring", "octahedron", "model"] as const;
export type Shape = (typeof SHAPES)[number];

/** The height of the table top, in metres: lesson poses stand on it (an object resting on it has its centre half its height above). */
export const TABLE_TOP_Y = 0.8;

/** Where a pose rests on the table: lowered (or raised) so an object of this height touches the top. */
export const restingOnTable = (p: readonly [number, number, number], height: number): [number, number, number] => [
  p[0],
  TABLE_TOP_Y + height / 2,
  p[2],
];

/**
 * The objects a step shows, each where the step starts it and whether the
 * step locks it: the one reading of a step's `objects`, `place` and `locked`
 * (for a lesson and for a draft alike).
 */
export function stepScene<O extends { id: string; pose: Pose; locked: boolean }>(
  objects: readonly O[],
  step: { objects?: string[] | undefined; place?: Record<string, Pose> | undefined; locked?: string[] | undefined },
): { object: O; start: Pose; locked: boolean }[] {
  const present = step.objects ? new Set(step.objects) : undefined;
  const locked = new Set(step.locked ?? []);
  return objects
    .filter((object) => present?.has(object.id) ?? true)
    .map((object) => ({
      object,
      start: step.place?.[object.id] ?? object.pose,
      locked: object.locked || locked.has(object.id),
    }));
}

/** Models a lesson may use: files in `assets/models/`, made by the project's own script. */
export const MODEL_FILE = /^[a-z0-9][a-z0-9-]*\.glb$/;

/** Picks the text for a language, falling back to English; says which it used. */
export function localize(text: LocalizedText, language: Language): { text: string; fallback: boolean } {
  const translated = text[language];
  return translated === undefined
    ? { text: text.en, fallback: language !== "en" }
    : { text: translated, fallback: false };
}

/** Open licences a lesson may carry (SPDX identifiers); a lesson made in the studio takes CC BY 4.0 unless its authors choose. */
export const LICENSES = ["CC-BY-4.0", "CC-BY-SA-4.0", "CC0-1.0"] as const;
export type LicenseId = (typeof LICENSES)[number];
/** The licences' names as a lesson file says them. */
export const LICENSE_NAMES = {
  "CC-BY-4.0": "CC BY 4.0",
  "CC-BY-SA-4.0": "CC BY-SA 4.0",
  "CC0-1.0": "CC0 1.0",
} as const;

export const SUBJECTS = [
  "astronomy",
  "chemistry",
  "biology",
  "geometry",
  "physics",
  "mathematics",
  "other",
  "demo",
] as const;
export type Subject = (typeof SUBJECTS)[number];

export interface LessonSummary {
  id: string;
  title: LocalizedText;
  summary: LocalizedText;
  subject: Lesson["subject"];
  steps: number;
  licenseId?: LicenseId;
  authors?: string[];
  ages?: { from: number; to: number };
  languages?: Language[];
}

export function summarize(lesson: Lesson): LessonSummary {
  return {
    id: lesson.id,
    title: lesson.title,
    summary: lesson.summary,
    subject: lesson.subject,
    steps: lesson.steps.length,
    ...(lesson.licenseId ? { licenseId: lesson.licenseId } : {}),
    ...(lesson.authors ? { authors: lesson.authors } : {}),
    ...(lesson.ages ? { ages: lesson.ages } : {}),
    ...(lesson.languages ? { languages: lesson.languages } : {}),
  };
}
