/**
 * From a draft to a lesson: the working lesson the studio's table shows
 * while texts are still missing, and how complete each language is. (The
 * finished lesson a draft publishes as is checked in shared/draftPublish.ts,
 * with the lesson schema; this module carries no schema.)
 */
import type { Lesson, LocalizedText, StepView } from "./lesson.ts";
import { LICENSE_NAMES, TABLE_TOP_Y, LESSON_FORMAT, LESSON_FORMAT_VERSION } from "./lessonBasics.ts";
import { LANGUAGES, type Language } from "./protocolNames.ts";
import type { Draft, LessonDraft } from "./studio.ts";
import { studioLessonId } from "./studioIds.ts";

type Text = Partial<Record<Language, string | undefined>>;

/**
 * Where the studio's table is seen from when a step names no view: the whole
 * table, a little from above, so authors see where everything stands.
 */
export const STUDIO_OVERVIEW = {
  target: [0, TABLE_TOP_Y + 0.05, 0],
  radius: 0.8,
  pitch: -35,
} as const satisfies StepView;

/**
 * The draft as a lesson the classroom can run now: a missing English text
 * shows as "…", and a step with no view of its own shows the whole table
 * (unless `overview` is off: an author trying the lesson sees it as a student would).
 */
export function workingLesson(draft: Draft, { overview = true }: { overview?: boolean } = {}): Lesson {
  const filled = (text: Text): LocalizedText => ({ ...text, en: text.en ?? firstText(text) ?? "…" });
  const lesson = draft.lesson;
  return {
    ...fileHeader(draft, studioLessonId(draft.id)),
    title: filled(lesson.title),
    summary: filled(lesson.summary),
    objects: lesson.objects.map((object) => ({ ...object, label: filled(object.label) })),
    steps: lesson.steps.map(({ task, ...step }) => ({
      ...step,
      ...(step.view
        ? { view: step.view }
        : overview
          ? { view: { ...STUDIO_OVERVIEW, target: [...STUDIO_OVERVIEW.target] } }
          : {}),
      title: filled(step.title),
      instructions: filled(step.instructions),
      ...(task ? { task: filled(task) } : {}),
    })),
  };
}

function firstText(text: Text): string | undefined {
  return LANGUAGES.map((language) => text[language]).find((value) => value !== undefined);
}

export function fileHeader(draft: Draft, id: string) {
  const { details } = draft;
  const authors = details.credit ? details.authors : [];
  const byline = authors.length > 0 ? `, by ${authors.join(", ")}` : "";
  return {
    format: LESSON_FORMAT,
    version: LESSON_FORMAT_VERSION,
    id,
    subject: details.subject,
    license: `${LICENSE_NAMES[details.licenseId]}${byline}, made with Meridian`.slice(0, 200),
    licenseId: details.licenseId,
    ...(details.credit ? { authors } : {}),
    ...(details.ages ? { ages: details.ages } : {}),
    languages: details.languages,
  } as const;
}

/** The id a draft publishes as: from its English title, then the draft's own id (so it stays the same). */
export function publishedIdOf(draft: Draft): string {
  const slug = (draft.lesson.title.en ?? "lesson")
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  return `${slug || "lesson"}-${draft.id.slice(0, 8)}`;
}

/** Every text field of a draft, with its texts. */
export function textFields(lesson: LessonDraft): Text[] {
  return [
    lesson.title,
    lesson.summary,
    ...lesson.steps.flatMap((step) => [step.title, step.instructions, ...(step.task ? [step.task] : [])]),
    ...lesson.objects.map((object) => object.label),
  ];
}

/** How many of the draft's text fields each of its languages has. */
export function completeness(draft: Draft): { language: Language; done: number; total: number }[] {
  const fields = textFields(draft.lesson);
  return draft.details.languages.map((language) => ({
    language,
    done: fields.filter((text) => text[language] !== undefined).length,
    total: fields.length,
  }));
}
