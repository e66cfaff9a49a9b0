/**
 * The classes this device teaches: a teacher who leaves (or closes the tab)
 * and comes back with the class code is the teacher again, without digging
 * for the private link. Only this device keeps the key, in its local storage;
 * entries older than a week are dropped.
 */
import type { ClassroomConnection } from "../net/connection.ts";

const STORAGE_KEY = "meridian.teaching";
const KEEP_MS = 7 * 24 * 3600_000;

type Remembered = Record<string, { key: string; at: number }>;

function read(now = Date.now()): Remembered {
  try {
    const raw = JSON.parse(globalThis.localStorage?.getItem(STORAGE_KEY) ?? "{}") as unknown;
    if (typeof raw !== "object" || raw === null) return {};
    const kept: Remembered = {};
    for (const [code, entry] of Object.entries(raw as Record<string, unknown>)) {
      const { key, at } = (entry ?? {}) as { key?: unknown; at?: unknown };
      if (typeof key === "string" && typeof at === "number" && now - at < KEEP_MS) kept[code] = { key, at };
    }
    return kept;
  } catch {
    return {};
  }
}

function write(remembered: Remembered): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(remembered));
  } catch {
    // Storage refused: the private link still works.
  }
}

/** The teacher key this device holds for a class code, if it teaches that class. */
export function teacherKeyFor(code: string): string | undefined {
  return read()[code]?.key;
}

export function forgetTeaching(code: string): void {
  const remembered = read();
  delete remembered[code];
  write(remembered);
}

/** Keeps the key as soon as the server hands it to this teacher. */
export function rememberTeaching(connection: ClassroomConnection): void {
  const keep = (key: string | undefined) => {
    if (key) write({ ...read(), [connection.code]: { key, at: Date.now() } });
  };
  keep(connection.view.getState().teacherKey);
  connection.view.subscribe((view, previous) => {
    if (view.teacherKey !== previous.teacherKey) keep(view.teacherKey);
  });
}
