/**
 * `POST /api/classes/:code/participants/:seat/badge` (teacher key): an Open
 * Badges 3.0 credential for a student who completed every task of the
 * lesson, signed by this server. Issued while the class's roster is kept
 * (during the class).
 */
import express, { type Router } from "express";
import type { Lesson } from "../../shared/lesson.ts";
import { type Issuer, tasksNotCompleted } from "../credentials/issuer.ts";
import { pseudonym } from "../records/learningRecords.ts";
import type { ClassStore } from "../storage/classStore.ts";
import { checkTeacher } from "./teacherAccess.ts";

export function badgeRoutes(
  store: ClassStore,
  issuer: Issuer,
  findLesson: (id: string) => Promise<Lesson | undefined>,
  home: () => string,
): Router {
  const router = express.Router();
  router.post("/api/classes/:code/participants/:seat/badge", async (req, res) => {
    const code = String(req.params.code);
    const seat = String(req.params.seat);
    const teacher = await checkTeacher(req, code, "issue badges", store.teacherKeyHash);
    if (!teacher.ok) return void res.status(teacher.status).json({ problem: teacher.problem });
    const snapshot = await store.load(code);
    const learner = snapshot?.roster.find((entry) => entry.seat === seat);
    const lesson = snapshot && (await findLesson(snapshot.lessonId));
    if (!snapshot || !learner || !lesson)
      return void res
        .status(409)
        .json({ problem: "this seat is not on the class's roster (badges are issued during the class)" });
    const missing = tasksNotCompleted(lesson, await store.records(code), pseudonym(code, seat));
    if (missing.length > 0)
      return void res.status(409).json({ problem: "has not completed every task of the lesson yet", missing });
    const credential = await issuer.issue({ lesson, nickname: learner.nickname, home: home(), at: new Date() });
    res.status(201).set("Content-Disposition", `attachment; filename="${lesson.id}-badge.json"`).json(credential);
  });
  return router;
}
