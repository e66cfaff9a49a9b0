/**
 * A participant's data, for the teacher to hand over or delete when a child
 * or a parent asks (`/api/classes/:code/participants/:seat/data`, with the
 * teacher key): what the class keeps of them is their nickname, role, device
 * and language on the class's roster, and their pseudonymous learning records.
 */
import { matchMaker } from "@colyseus/core";
import express, { type Router } from "express";
import { pseudonym } from "../records/learningRecords.ts";
import type { ClassStore } from "../storage/classStore.ts";
import { checkTeacher } from "./teacherAccess.ts";

export function privacyRoutes(store: ClassStore): Router {
  const router = express.Router();
  const path = "/api/classes/:code/participants/:seat/data";

  router.get(path, async (req, res) => {
    const code = String(req.params.code);
    const seat = String(req.params.seat);
    const teacher = await checkTeacher(req, code, "see a participant's data", store.teacherKeyHash);
    if (!teacher.ok) return void res.status(teacher.status).json({ problem: teacher.problem });
    const onRoster = (await store.load(code))?.roster.find((entry) => entry.seat === seat);
    const account = pseudonym(code, seat);
    const records = (await store.records(code)).filter((statement) => statement.actor.account.name === account);
    if (!onRoster && records.length === 0)
      return void res.status(404).json({ problem: "nothing is kept about this seat" });
    res
      .set("Cache-Control", "no-store")
      .set("Content-Disposition", `attachment; filename="${code}-${seat}.json"`)
      .json({ class: code, seat, roster: onRoster ?? null, recordsAccount: account, records });
  });

  router.delete(path, async (req, res) => {
    const code = String(req.params.code);
    const seat = String(req.params.seat);
    const teacher = await checkTeacher(req, code, "delete a participant's data", store.teacherKeyHash);
    if (!teacher.ok) return void res.status(teacher.status).json({ problem: teacher.problem });
    if (await matchMaker.getRoomById(code)) {
      // The class is running (on this process or another): it lets the seat go and saves without them.
      await matchMaker.remoteRoomCall(code, "forgetParticipant" as never, [seat]);
    } else {
      const snapshot = await store.load(code);
      if (snapshot) await store.save({ ...snapshot, roster: snapshot.roster.filter((entry) => entry.seat !== seat) });
    }
    const records = await store.deleteRecordsOf(code, pseudonym(code, seat));
    res.json({ deleted: { records, fromRoster: true } });
  });

  return router;
}
