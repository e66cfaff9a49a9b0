/**
 * Class links. Everything after `#` stays in the browser: the teacher key in
 * a teacher link is never sent to any server in a request line or referrer.
 */
import { normalizeJoinCode } from "../../shared/joinCode.ts";
import { SECRET_KEY_PATTERN, DRAFT_ID_PATTERN } from "../../shared/studioIds.ts";

export type LinkIntent =
  | { kind: "join"; code: string }
  | { kind: "teach"; code: string; teacherKey: string }
  | { kind: "author"; draftId: string; authorKey: string }
  | undefined;

/** A link students can open to land on the join form with the code filled in. */
export function studentLink(origin: string, code: string): string {
  return `${origin}/#join=${code}`;
}

/** The private link that brings the teacher back as the teacher. */
export function teacherLink(origin: string, code: string, teacherKey: string): string {
  return `${origin}/#teach=${code}.${teacherKey}`;
}

/** The private link that opens a lesson draft in the studio, for its co-authors. */
export function authorLink(origin: string, draftId: string, authorKey: string): string {
  return `${origin}/#draft=${draftId}.${authorKey}`;
}

/** Reads what a link asks for from a location hash. */
export function parseLink(hash: string): LinkIntent {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const [draftId, authorKey] = (params.get("draft") ?? "").split(".");
  if (draftId && authorKey && DRAFT_ID_PATTERN.test(draftId) && SECRET_KEY_PATTERN.test(authorKey))
    return { kind: "author", draftId, authorKey };
  const teach = params.get("teach");
  if (teach) {
    const [rawCode, teacherKey] = teach.split(".");
    const code = normalizeJoinCode(rawCode ?? "");
    if (code && teacherKey && SECRET_KEY_PATTERN.test(teacherKey)) return { kind: "teach", code, teacherKey };
  }
  const join = normalizeJoinCode(params.get("join") ?? "");
  return join ? { kind: "join", code: join } : undefined;
}
