/**
 * The teacher key: only its SHA-256 is kept (in the listing and the class
 * store); a key given later is checked against it in constant time.
 */
import { createHash, timingSafeEqual } from "node:crypto";

export function hashTeacherKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

export function teacherKeyMatches(key: string, hashHex: string): boolean {
  const given = createHash("sha256").update(key).digest();
  const expected = Buffer.from(hashHex, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
