/**
 * The class store over SQL, the same for the embedded database (PGlite) and a
 * PostgreSQL server: one row per class, its snapshot as JSON.
 */
import type { Lesson } from "../../shared/lesson.ts";
import type { DraftRecord } from "../../shared/studio.ts";
import type { XapiStatement } from "../../shared/xapi.ts";
import type { ReplayFrame } from "../../shared/replay.ts";
import { type ClassSnapshot, type ClassStore, recordingOf } from "./classStore.ts";

/** What the store needs of a database: both PGlite and a `pg` pool answer this. */
export interface SqlDatabase {
  query<Row>(sql: string, params?: unknown[]): Promise<{ rows: Row[] }>;
  close(): Promise<void>;
}

/** PostgreSQL's answers when another process created the same table a moment before. */
const ALREADY_CREATED = new Set(["23505", "42P07"]);

/** Creates a table unless it exists. Processes starting together race on IF NOT EXISTS; losing that race is fine. */
export async function createTableIfMissing(db: Pick<SqlDatabase, "query">, createTable: string): Promise<void> {
  await db.query(createTable).catch((error: { code?: string }) => {
    if (!ALREADY_CREATED.has(error.code ?? "")) throw error;
  });
}

export async function createSqlClassStore(db: SqlDatabase): Promise<ClassStore> {
  await createTableIfMissing(
    db,
    `CREATE TABLE IF NOT EXISTS meridian_classes (
       code TEXT PRIMARY KEY,
       snapshot JSONB NOT NULL,
       saved_at BIGINT NOT NULL
     )`,
  );
  await createTableIfMissing(
    db,
    `CREATE TABLE IF NOT EXISTS meridian_records (
       id TEXT PRIMARY KEY,
       code TEXT NOT NULL,
       statement JSONB NOT NULL,
       stored_at BIGINT NOT NULL
     )`,
  );
  await createTableIfMissing(db, "CREATE INDEX IF NOT EXISTS meridian_records_by_code ON meridian_records (code)");
  await createTableIfMissing(
    db,
    `CREATE TABLE IF NOT EXISTS meridian_class_keys (
       code TEXT PRIMARY KEY,
       teacher_key_hash TEXT NOT NULL,
       kept_at BIGINT NOT NULL
     )`,
  );
  await createTableIfMissing(
    db,
    "CREATE TABLE IF NOT EXISTS meridian_settings (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
  );
  await createTableIfMissing(
    db,
    `CREATE TABLE IF NOT EXISTS meridian_replay_frames (
       code TEXT NOT NULL,
       lesson_id TEXT NOT NULL,
       at BIGINT NOT NULL,
       frame JSONB NOT NULL,
       stored_at BIGINT NOT NULL
     )`,
  );
  await createTableIfMissing(
    db,
    "CREATE INDEX IF NOT EXISTS meridian_replay_frames_by_code ON meridian_replay_frames (code, at)",
  );
  await createTableIfMissing(
    db,
    `CREATE TABLE IF NOT EXISTS meridian_drafts (
       id TEXT PRIMARY KEY,
       record JSONB NOT NULL,
       updated_at BIGINT NOT NULL
     )`,
  );
  await createTableIfMissing(
    db,
    `CREATE TABLE IF NOT EXISTS meridian_published_lessons (
       id TEXT PRIMARY KEY,
       lesson JSONB NOT NULL,
       published_at BIGINT NOT NULL
     )`,
  );
  return {
    async saveDraft(record) {
      await db.query(
        `INSERT INTO meridian_drafts (id, record, updated_at) VALUES ($1, $2, $3)
         ON CONFLICT (id) DO UPDATE SET record = EXCLUDED.record, updated_at = EXCLUDED.updated_at`,
        [record.draft.id, JSON.stringify(record), record.updatedAt],
      );
    },
    async loadDraft(id) {
      const result = await db.query<{ record: DraftRecord }>("SELECT record FROM meridian_drafts WHERE id = $1", [id]);
      return result.rows[0]?.record;
    },
    async deleteDraft(id) {
      const result = await db.query<{ id: string }>("DELETE FROM meridian_drafts WHERE id = $1 RETURNING id", [id]);
      return result.rows.length > 0;
    },
    async publishLesson(lesson) {
      await db.query(
        `INSERT INTO meridian_published_lessons (id, lesson, published_at) VALUES ($1, $2, $3)
         ON CONFLICT (id) DO UPDATE SET lesson = EXCLUDED.lesson, published_at = EXCLUDED.published_at`,
        [lesson.id, JSON.stringify(lesson), Date.now()],
      );
    },
    async publishedLesson(id) {
      const result = await db.query<{ lesson: Lesson }>("SELECT lesson FROM meridian_published_lessons WHERE id = $1", [
        id,
      ]);
      return result.rows[0]?.lesson;
    },
    async publishedLessons() {
      const result = await db.query<{ lesson: Lesson }>(
        "SELECT lesson FROM meridian_published_lessons ORDER BY published_at",
      );
      return result.rows.map((row) => row.lesson);
    },
    async appendReplay(code, lessonId, frames) {
      if (frames.length === 0) return;
      await db.query(
        `INSERT INTO meridian_replay_frames (code, lesson_id, at, frame, stored_at)
         SELECT $1, $2, (f->>'at')::BIGINT, f->'frame', $4 FROM jsonb_array_elements($3::jsonb) AS f`,
        [code, lessonId, JSON.stringify(frames), Date.now()],
      );
    },
    async replay(code) {
      const result = await db.query<{ lesson_id: string; at: string | number; frame: ReplayFrame }>(
        "SELECT lesson_id, at, frame FROM meridian_replay_frames WHERE code = $1 ORDER BY at",
        [code],
      );
      const first = result.rows[0];
      return (
        first &&
        recordingOf(
          code,
          first.lesson_id,
          result.rows.map((row) => ({ at: Number(row.at), frame: row.frame })),
        )
      );
    },
    async loadSetting(name) {
      const result = await db.query<{ value: string }>("SELECT value FROM meridian_settings WHERE name = $1", [name]);
      return result.rows[0]?.value;
    },
    async saveSettingOnce(name, value) {
      // Two processes starting together may both try: the first one's value stays, and both use it.
      await db.query("INSERT INTO meridian_settings (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING", [
        name,
        value,
      ]);
      const result = await db.query<{ value: string }>("SELECT value FROM meridian_settings WHERE name = $1", [name]);
      return result.rows[0]!.value;
    },
    async appendRecords(code, statements) {
      if (statements.length === 0) return;
      // One statement a row, in one round trip.
      await db.query(
        `INSERT INTO meridian_records (id, code, statement, stored_at)
         SELECT s->>'id', $1, s, $3 FROM jsonb_array_elements($2::jsonb) AS s
         ON CONFLICT (id) DO NOTHING`,
        [code, JSON.stringify(statements), Date.now()],
      );
    },
    async deleteRecordsOf(code, actorName) {
      const result = await db.query<{ id: string }>(
        "DELETE FROM meridian_records WHERE code = $1 AND statement->'actor'->'account'->>'name' = $2 RETURNING id",
        [code, actorName],
      );
      return result.rows.length;
    },
    async keepTeacherKey(code, teacherKeyHash) {
      await db.query(
        `INSERT INTO meridian_class_keys (code, teacher_key_hash, kept_at) VALUES ($1, $2, $3)
         ON CONFLICT (code) DO UPDATE SET teacher_key_hash = EXCLUDED.teacher_key_hash, kept_at = EXCLUDED.kept_at`,
        [code, teacherKeyHash, Date.now()],
      );
    },
    async teacherKeyHash(code) {
      const result = await db.query<{ teacher_key_hash: string }>(
        "SELECT teacher_key_hash FROM meridian_class_keys WHERE code = $1",
        [code],
      );
      return result.rows[0]?.teacher_key_hash;
    },
    async purge(before) {
      const records = await db.query<{ id: string }>("DELETE FROM meridian_records WHERE stored_at < $1 RETURNING id", [
        before,
      ]);
      await db.query("DELETE FROM meridian_class_keys WHERE kept_at < $1", [before]);
      await db.query("DELETE FROM meridian_replay_frames WHERE stored_at < $1", [before]);
      const classes = await db.query<{ code: string }>(
        "DELETE FROM meridian_classes WHERE saved_at < $1 RETURNING code",
        [before],
      );
      const drafts = await db.query<{ id: string }>("DELETE FROM meridian_drafts WHERE updated_at < $1 RETURNING id", [
        before,
      ]);
      return { records: records.rows.length, classes: classes.rows.length, drafts: drafts.rows.length };
    },
    async records(code) {
      const result = await db.query<{ statement: XapiStatement }>(
        "SELECT statement FROM meridian_records WHERE code = $1 ORDER BY stored_at, statement->>'timestamp'",
        [code],
      );
      return result.rows.map((row) => row.statement);
    },
    async save(snapshot) {
      await db.query(
        `INSERT INTO meridian_classes (code, snapshot, saved_at) VALUES ($1, $2, $3)
         ON CONFLICT (code) DO UPDATE SET snapshot = EXCLUDED.snapshot, saved_at = EXCLUDED.saved_at`,
        [snapshot.code, JSON.stringify(snapshot), snapshot.savedAt],
      );
    },
    async list() {
      const result = await db.query<{ code: string; owner: string | null }>(
        "SELECT code, snapshot->>'owner' AS owner FROM meridian_classes",
      );
      return result.rows.map(({ code, owner }) => (owner ? { code, owner } : { code }));
    },
    async load(code) {
      const result = await db.query<{ snapshot: ClassSnapshot }>(
        "SELECT snapshot FROM meridian_classes WHERE code = $1",
        [code],
      );
      return result.rows[0]?.snapshot;
    },
    async remove(code) {
      await db.query("DELETE FROM meridian_classes WHERE code = $1", [code]);
    },
    close: () => db.close(),
  };
}
