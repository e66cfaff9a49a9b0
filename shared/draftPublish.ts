/**
 * The lesson a draft publishes as, checked by the same schema as an imported
 * file, with problems pointing at the step and field.
 */
import type { z } from "zod";
import { fileHeader, publishedIdOf } from "./draftLesson.ts";
import { LessonSchema, type Lesson } from "./lesson.ts";
import type { Draft, DraftProblem } from "./studio.ts";

export type Publishable = { ok: true; lesson: Lesson } | { ok: false; problems: DraftProblem[] };

/** The lesson a draft publishes as, checked by the lesson schema; or what stops it, field by field. */
export function publishable(draft: Draft): Publishable {
  const lesson = draft.lesson;
  const candidate = {
    ...fileHeader(draft, publishedIdOf(draft)),
    title: lesson.title,
    summary: lesson.summary,
    objects: lesson.objects,
    steps: lesson.steps,
  };
  const parsed = LessonSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, lesson: parsed.data };
  return { ok: false, problems: parsed.error.issues.slice(0, 30).map(problemOf) };
}

function problemOf(issue: z.core.$ZodIssue): DraftProblem {
  const path = issue.path.filter((part): part is string | number => typeof part !== "symbol");
  const code: DraftProblem["code"] =
    issue.code === "invalid_type"
      ? "missing"
      : issue.code === "too_big"
        ? "tooLong"
        : issue.code === "too_small" && path.length === 1 && path[0] === "objects"
          ? "noObjects"
          : issue.code === "too_small"
            ? "missing"
            : path.includes("goal")
              ? "goal"
              : /plain text/.test(issue.message)
                ? "notPlainText"
                : "other";
  return { path, code, message: issue.message };
}
