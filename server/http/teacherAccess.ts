/**
 * Proves a request comes from a class's teacher: the teacher key (header
 * `x-teacher-key`) must hash to the one in the class's listing, which every
 * process can read.
 */
import { matchMaker } from "@colyseus/core";
import type { Request } from "express";
import type { ClassListing } from "../../shared/protocol.ts";
import { teacherKeyMatches } from "../rules/teacherKey.ts";

export type TeacherCheck = { ok: true } | { ok: false; status: 403; problem: string };

/**
 * `keptHash` reaches a class that has ended (its records outlive it); without
 * it only a running class answers. An unknown code and a wrong key get the
 * same answer, so these routes cannot be used to find live codes.
 */
export async function checkTeacher(
  req: Request,
  code: string,
  action: string,
  keptHash?: (code: string) => Promise<string | undefined>,
): Promise<TeacherCheck> {
  const listing = (await matchMaker.getRoomById(code))?.metadata as ClassListing | undefined;
  const hash = listing?.teacherKeyHash ?? (await keptHash?.(code));
  if (!hash || !teacherKeyMatches(req.get("x-teacher-key") ?? "", hash))
    return { ok: false, status: 403, problem: `only the class's teacher can ${action}, with the class's teacher key` };
  return { ok: true };
}
