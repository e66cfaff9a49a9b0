/**
 * Lessons over HTTP: the lobby's list, a lesson's full content for the
 * clients, downloading one as a file, and importing one.
 */
import express, { type Router } from "express";
import { LESSON_MAX_BYTES } from "../../shared/lesson.ts";
import type { AssetAccess } from "../cluster/sharedAssets.ts";
import type { LessonCatalog } from "../lessons/catalog.ts";

export function lessonRoutes(catalog: LessonCatalog, assets: AssetAccess): Router {
  const router = express.Router();

  router.get("/", async (_req, res) => {
    res.json(await assets.listLessons());
  });

  router.get("/:id", async (req, res) => {
    const lesson = await assets.findLesson(req.params.id);
    if (!lesson) return void res.status(404).json({ problems: ["no such lesson"] });
    res.set("Cache-Control", "max-age=300").json(lesson);
  });

  router.get("/:id/file", async (req, res) => {
    const lesson = await assets.findLesson(req.params.id);
    if (!lesson) return void res.status(404).json({ problems: ["no such lesson"] });
    res
      .set("Content-Disposition", `attachment; filename="${lesson.id}.lesson.json"`)
      .type("application/json")
      .send(JSON.stringify(lesson, null, 2));
  });

  router.post("/", express.json({ limit: LESSON_MAX_BYTES, strict: false }), async (req, res) => {
    const result = catalog.import(req.body);
    if (!result.ok) return void res.status(422).json({ problems: result.problems });
    await assets.lessonImported(req.body, result.lesson);
    res.status(201).json({ id: result.lesson.id, title: result.lesson.title });
  });

  // A body too large or not JSON at all gets the same kind of answer as a schema problem.
  router.use(
    (
      error: { type?: string; message?: string },
      _req: express.Request,
      res: express.Response,
      next: express.NextFunction,
    ) => {
      if (error.type === "entity.too.large")
        return void res.status(413).json({ problems: [`the file: larger than ${LESSON_MAX_BYTES / 1024} KiB`] });
      if (error.type === "entity.parse.failed")
        return void res.status(400).json({ problems: ["the file: not valid JSON"] });
      next(error);
    },
  );

  return router;
}
