/**
 * Classes kept in a PostgreSQL server (DATABASE_URL), for a deployment that
 * already runs one or spreads classes over several processes.
 */
import pg from "pg";
import type { ClassStore } from "./classStore.ts";
import { type SqlDatabase, createSqlClassStore } from "./sqlClassStore.ts";

/** A `pg` pool as the small database interface the SQL stores use. */
export function sqlDatabaseOf(pool: pg.Pool): SqlDatabase {
  return {
    query: async (sql, params) => ({ rows: (await pool.query(sql, params)).rows as never[] }),
    close: () => pool.end(),
  };
}

export async function openPostgresClassStore(connectionString: string): Promise<ClassStore> {
  // A few connections are plenty: each class writes at most one snapshot every two seconds.
  const pool = new pg.Pool({ connectionString, max: 4 });
  // Fail at start, with the server's reason, rather than at the first save.
  await pool.query("SELECT 1");
  return createSqlClassStore(sqlDatabaseOf(pool));
}
