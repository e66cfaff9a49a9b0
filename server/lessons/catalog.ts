/**
 * The lessons a class can run: the built-in ones from the lessons folder
 * (validated at start; a broken one stops the server) and lessons teachers
 * import, validated the same way plus a check that every model exists.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import {
  MODEL_FILE,
  checkLesson,
  summarize,
  type Lesson,
  type LessonCheck,
  type LessonSummary,
} from "../../shared/lesson.ts";

export interface LessonCatalog {
  get(id: string): Lesson | undefined;
  /** The built-in lessons and those published from the studio, for the lobby. Imported ones are reached by their id. */
  list(): LessonSummary[];
  /** Adds (or replaces) a lesson published from the studio; it was checked by the lesson schema already. */
  publish(lesson: Lesson): void;
  /** Validates and adds an imported lesson; nothing is kept when any check fails. */
  import(raw: unknown): LessonCheck;
  /** True when a model file ships with the lessons. */
  hasModel(file: string): boolean;
}

/** Imported lessons kept in memory; the oldest goes first past this count. */
const MAX_IMPORTED = 200;

export function loadLessonCatalog(lessonsDir: string, modelsDir: string): LessonCatalog {
  const builtIn = new Map<string, Lesson>();
  const imported = new Map<string, Lesson>();
  const published = new Map<string, Lesson>();

  const checkModels = (lesson: Lesson): string[] =>
    lesson.objects.flatMap((object, index) =>
      object.model && !existsSync(join(modelsDir, object.model))
        ? [`objects[${index}].model: unknown model "${object.model}"`]
        : [],
    );

  for (const file of readdirSync(lessonsDir)
    .filter((name) => name.endsWith(".json"))
    .sort()) {
    const checked = checkLesson(JSON.parse(readFileSync(join(lessonsDir, file), "utf8")));
    const problems = checked.ok ? checkModels(checked.lesson) : checked.problems;
    if (!checked.ok || problems.length > 0) throw new Error(`Lesson ${file} is invalid: ${problems.join("; ")}`);
    if (builtIn.has(checked.lesson.id)) throw new Error(`Lesson ${file} repeats the id "${checked.lesson.id}"`);
    builtIn.set(checked.lesson.id, checked.lesson);
  }

  return {
    hasModel: (file) => MODEL_FILE.test(file) && existsSync(join(modelsDir, file)),
    get: (id) => builtIn.get(id) ?? published.get(id) ?? imported.get(id),
    list: () => [...builtIn.values(), ...published.values()].map(summarize),
    publish(lesson) {
      // A published lesson never takes a shipped lesson's place.
      if (!builtIn.has(lesson.id)) published.set(lesson.id, lesson);
    },
    import(raw) {
      const checked = checkLesson(raw);
      if (!checked.ok) return checked;
      const problems = checkModels(checked.lesson);
      if (problems.length > 0) return { ok: false, problems };
      // Same content, same id; a different lesson never replaces another.
      const digest = createHash("sha256").update(JSON.stringify(checked.lesson)).digest("hex").slice(0, 8);
      const lesson: Lesson = { ...checked.lesson, id: `${checked.lesson.id.slice(0, 55)}-${digest}` };
      imported.delete(lesson.id);
      imported.set(lesson.id, lesson);
      if (imported.size > MAX_IMPORTED) imported.delete(imported.keys().next().value!);
      return { ok: true, lesson };
    },
  };
}
