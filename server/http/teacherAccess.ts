/**
 * Proves a request comes from a class's teacher: the teacher key (header
 * `x-teacher-key`) must hash to the one in the class's listing, which every
 * process can read.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import { matchMaker } from "@colyseus/core";
import type { Request } from "express";
import type { ClassListing } from "../../shared/protocol.ts";

export type TeacherCheck = { ok: true } | { ok: false; status: 403 | 404; problem: string };

export async function checkTeacher(req: Request, code: string, action: string): Promise<TeacherCheck> {
  const listing = (await matchMaker.getRoomById(code))?.metadata as ClassListing | undefined;
  if (!listing) return { ok: false, status: 404, problem: "no class has this code" };
  const given = createHash("sha256")
    .update(req.get("x-teacher-key") ?? "")
    .digest();
  const expected = Buffer.from(listing.teacherKeyHash, "hex");
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, status: 403, problem: `only the class's teacher can ${action}` };
  return { ok: true };
}
