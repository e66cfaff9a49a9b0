/**
 * A class's learning records (xAPI statements), for its teacher to download
 * or hand to the school's LRS: `GET /api/classes/:code/records` with the
 * teacher key.
 */
import express, { type Router } from "express";
import type { Lesson } from "../../shared/lesson.ts";
import type { ClassStore } from "../storage/classStore.ts";
import { checkTeacher } from "./teacherAccess.ts";

export function recordRoutes(store: ClassStore, findLesson: (id: string) => Promise<Lesson | undefined>): Router {
  const router = express.Router();
  router.get("/api/classes/:code/records", async (req, res) => {
    const code = String(req.params.code);
    const teacher = await checkTeacher(req, code, "read the class's records", store.teacherKeyHash);
    if (!teacher.ok) return void res.status(teacher.status).json({ problem: teacher.problem });
    res
      .set("Cache-Control", "no-store")
      .set("Content-Disposition", `attachment; filename="${code}.xapi.json"`)
      .json(await store.records(code));
  });
  // The class session as a replay (shared/replay.ts), for a class that could not attend.
  router.get("/api/classes/:code/replay", async (req, res) => {
    const code = String(req.params.code);
    const teacher = await checkTeacher(req, code, "replay the class", store.teacherKeyHash);
    if (!teacher.ok) return void res.status(teacher.status).json({ problem: teacher.problem });
    const recording = await store.replay(code);
    if (!recording) return void res.status(404).json({ problem: "nothing was recorded for this class" });
    // The lesson travels with the recording, so any Meridian server can play it in every language the lesson has.
    const lesson = await findLesson(recording.lessonId);
    res
      .set("Cache-Control", "no-store")
      .set("Content-Disposition", `attachment; filename="${code}.replay.json"`)
      .json(lesson ? { ...recording, lesson } : recording);
  });
  return router;
}
