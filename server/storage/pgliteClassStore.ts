/**
 * Classes kept in an embedded PostgreSQL (PGlite: WebAssembly, no native
 * build, no service to install), in a folder on disk.
 */
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import type { ClassSnapshot, ClassStore } from "./classStore.ts";

export async function openPgliteClassStore(dataDir: string): Promise<ClassStore> {
  // A fresh checkout has no data folder yet.
  mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir);
  await db.exec(`
    CREATE TABLE IF NOT EXISTS classes (
      code TEXT PRIMARY KEY,
      snapshot JSONB NOT NULL,
      saved_at BIGINT NOT NULL
    )
  `);
  return {
    async save(snapshot) {
      await db.query(
        `INSERT INTO classes (code, snapshot, saved_at) VALUES ($1, $2, $3)
         ON CONFLICT (code) DO UPDATE SET snapshot = EXCLUDED.snapshot, saved_at = EXCLUDED.saved_at`,
        [snapshot.code, JSON.stringify(snapshot), snapshot.savedAt],
      );
    },
    async loadAll() {
      const result = await db.query<{ snapshot: ClassSnapshot }>("SELECT snapshot FROM classes ORDER BY saved_at");
      return result.rows.map((row) => row.snapshot);
    },
    async remove(code) {
      await db.query("DELETE FROM classes WHERE code = $1", [code]);
    },
    async close() {
      await db.close();
    },
  };
}
