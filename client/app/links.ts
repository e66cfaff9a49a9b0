/**
 * Class links. Everything after `#` stays in the browser: the teacher key in
 * a teacher link is never sent to any server in a request line or referrer.
 */
import { normalizeJoinCode } from "../../shared/joinCode.ts";

export type LinkIntent =
  { kind: "join"; code: string } | { kind: "teach"; code: string; teacherKey: string } | undefined;

/** A link students can open to land on the join form with the code filled in. */
export function studentLink(origin: string, code: string): string {
  return `${origin}/#join=${code}`;
}

/** The private link that brings the teacher back as the teacher. */
export function teacherLink(origin: string, code: string, teacherKey: string): string {
  return `${origin}/#teach=${code}.${teacherKey}`;
}

/** Reads what a link asks for from a location hash. */
export function parseLink(hash: string): LinkIntent {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const teach = params.get("teach");
  if (teach) {
    const [rawCode, teacherKey] = teach.split(".");
    const code = normalizeJoinCode(rawCode ?? "");
    if (code && teacherKey && /^[0-9a-f]{32}$/.test(teacherKey)) return { kind: "teach", code, teacherKey };
  }
  const join = normalizeJoinCode(params.get("join") ?? "");
  return join ? { kind: "join", code: join } : undefined;
}
