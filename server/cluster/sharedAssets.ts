/**
 * In scale-out mode a teacher's upload reaches one process, while the class
 * may live on another and its students load files from any: imported lessons
 * and uploaded models are therefore also kept in PostgreSQL, and a process
 * that lacks one fetches it from there (and keeps it) when first asked.
 */
import pg from "pg";
import { checkLesson, type Lesson, type LessonSummary } from "../../shared/lesson.ts";
import type { LessonCatalog } from "../lessons/catalog.ts";
import { checkGlb } from "../models/checkGlb.ts";
import type { ModelStore } from "../models/modelStore.ts";
import type { ClassStore } from "../storage/classStore.ts";
import { sqlDatabaseOf } from "../storage/postgresClassStore.ts";
import { createTableIfMissing } from "../storage/sqlClassStore.ts";

export type AssetKind = "lesson" | "model";

export interface SharedAssets {
  /** Keeps an asset for every process; resolves once it is stored. */
  put(kind: AssetKind, name: string, content: Uint8Array): Promise<void>;
  get(kind: AssetKind, name: string): Promise<Uint8Array | undefined>;
  close(): Promise<void>;
}

export async function openSharedAssets(connectionString: string): Promise<SharedAssets> {
  const pool = new pg.Pool({ connectionString, max: 2 });
  await createTableIfMissing(
    sqlDatabaseOf(pool),
    `CREATE TABLE IF NOT EXISTS meridian_assets (
       kind TEXT NOT NULL,
       name TEXT NOT NULL,
       content BYTEA NOT NULL,
       PRIMARY KEY (kind, name)
     )`,
  );
  return {
    async put(kind, name, content) {
      // Names come from the content (a hash), so an existing row is already this asset.
      await pool.query(
        "INSERT INTO meridian_assets (kind, name, content) VALUES ($1, $2, $3) ON CONFLICT (kind, name) DO NOTHING",
        [kind, name, Buffer.from(content)],
      );
    },
    async get(kind, name) {
      const result = await pool.query<{ content: Buffer }>(
        "SELECT content FROM meridian_assets WHERE kind = $1 AND name = $2",
        [kind, name],
      );
      const content = result.rows[0]?.content;
      return content ? new Uint8Array(content) : undefined;
    },
    close: () => pool.end(),
  };
}

/**
 * How the server finds lessons and models: its own catalog and model store,
 * and in scale-out mode whatever another process received.
 */
export interface AssetAccess {
  findLesson(id: string): Promise<Lesson | undefined>;
  /** The lobby's list: shipped lessons and every lesson published from the studio, on any process. */
  listLessons(): Promise<LessonSummary[]>;
  /** A lesson published from the studio: kept in the class store, so every process and every restart has it. */
  lessonPublished(lesson: Lesson): Promise<void>;
  /** A teacher imported a lesson here (`raw` is the file as sent: re-importing it gives the same id). */
  lessonImported(raw: unknown, lesson: Lesson): Promise<void>;
  findModel(name: string): Promise<Uint8Array | undefined>;
  modelUploaded(name: string, bytes: Uint8Array): Promise<void>;
}

export function assetAccess(
  catalog: LessonCatalog,
  models: ModelStore,
  store: ClassStore,
  shared?: SharedAssets,
): AssetAccess {
  // Published lessons are checked again as they come out of the database, then kept here.
  const adoptPublished = (stored: Lesson | undefined): Lesson | undefined => {
    const checked = stored && checkLesson(stored);
    if (!checked?.ok) return undefined;
    catalog.publish(checked.lesson);
    return checked.lesson;
  };
  return {
    async listLessons() {
      (await store.publishedLessons()).forEach(adoptPublished);
      return catalog.list();
    },
    async lessonPublished(lesson) {
      await store.publishLesson(lesson);
      catalog.publish(lesson);
    },
    async findLesson(id) {
      const local = catalog.get(id) ?? adoptPublished(await store.publishedLesson(id));
      if (local || !shared) return local;
      const stored = await shared.get("lesson", id);
      if (!stored) return undefined;
      // Checked again like any import: the database is not trusted more than a file.
      const checked = catalog.import(JSON.parse(new TextDecoder().decode(stored)));
      return checked.ok && checked.lesson.id === id ? checked.lesson : undefined;
    },
    async lessonImported(raw, lesson) {
      await shared?.put("lesson", lesson.id, new TextEncoder().encode(JSON.stringify(raw)));
    },
    async findModel(name) {
      const local = models.get(name);
      if (local || !shared) return local;
      const stored = await shared.get("model", name);
      if (!stored || !checkGlb(stored).ok) return undefined;
      models.put(stored);
      return stored;
    },
    async modelUploaded(name, bytes) {
      await shared?.put("model", name, bytes);
    },
  };
}
