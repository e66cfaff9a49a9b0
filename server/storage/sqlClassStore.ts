/**
 * The class store over SQL, the same for the embedded database (PGlite) and a
 * PostgreSQL server: one row per class, its snapshot as JSON.
 */
import type { ClassSnapshot, ClassStore } from "./classStore.ts";

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
  return {
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
