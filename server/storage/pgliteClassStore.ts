/**
 * Classes kept in an embedded PostgreSQL (PGlite: WebAssembly, no native
 * build, no service to install), in a folder on disk: the default.
 */
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import type { ClassStore } from "./classStore.ts";
import { createSqlClassStore } from "./sqlClassStore.ts";

export async function openPgliteClassStore(dataDir: string): Promise<ClassStore> {
  // A fresh checkout has no data folder yet.
  mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir);
  return createSqlClassStore({
    query: (sql, params) => db.query(sql, params),
    close: () => db.close(),
  });
}
