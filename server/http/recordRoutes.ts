/**
 * A class's learning records (xAPI statements), for its teacher to download
 * or hand to the school's LRS: `GET /api/classes/:code/records` with the
 * teacher key.
 */
import express, { type Router } from "express";
import type { ClassStore } from "../storage/classStore.ts";
import { checkTeacher } from "./teacherAccess.ts";

export function recordRoutes(store: ClassStore): Router {
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
  return router;
}
