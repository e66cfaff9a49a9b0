/**
 * The lessons a teacher can pick: every `*.json` in the lessons folder,
 * validated against the shared schema when the server starts.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { LessonSchema, type Lesson, type LessonSummary } from "../../shared/lesson.ts";

export interface LessonCatalog {
  get(id: string): Lesson | undefined;
  list(): LessonSummary[];
}

/** Reads and validates every lesson file in a folder; a broken file stops the start. */
export function loadLessonCatalog(folder: string): LessonCatalog {
  const lessons = new Map<string, Lesson>();
  for (const file of readdirSync(folder)
    .filter((name) => name.endsWith(".json"))
    .sort()) {
    const parsed = LessonSchema.safeParse(JSON.parse(readFileSync(join(folder, file), "utf8")));
    if (!parsed.success) {
      const where = parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
      throw new Error(`Lesson ${file} is invalid: ${where}`);
    }
    lessons.set(parsed.data.id, parsed.data);
  }
  return {
    get: (id) => lessons.get(id),
    list: () => [...lessons.values()].map(({ id, title, summary }) => ({ id, title, summary })),
  };
}
