/**
 * Models over HTTP: a teacher uploads a .glb into their class (proved by the
 * teacher key, checked against the class's listing), and everyone loads
 * models by name, uploaded or shipped with the lessons.
 */
import { readdirSync } from "node:fs";
import express, { type Router } from "express";
import { MODEL_FILE } from "../../shared/lesson.ts";
import { GLB_MAX_BYTES, checkGlb } from "../models/checkGlb.ts";
import type { ModelStore } from "../models/modelStore.ts";
import type { AssetAccess } from "../cluster/sharedAssets.ts";
import { checkTeacher } from "./teacherAccess.ts";

export function modelRoutes(store: ModelStore, modelsDir: string, assets: AssetAccess): Router {
  const router = express.Router();

  router.post(
    "/api/classes/:code/models",
    // The key is checked before the upload is read: a stranger cannot make the server take in megabytes.
    async (req, res, next) => {
      const teacher = await checkTeacher(req, String(req.params.code), "add models");
      if (!teacher.ok) return void res.status(teacher.status).json({ problem: teacher.problem });
      next();
    },
    express.raw({ type: () => true, limit: GLB_MAX_BYTES }),
    async (req, res) => {
      const bytes = new Uint8Array(req.body as Buffer);
      const checked = checkGlb(bytes);
      if (!checked.ok) return void res.status(422).json({ problem: checked.problem });
      const model = store.put(bytes);
      await assets.modelUploaded(model, bytes);
      res.status(201).json({ model });
    },
  );

  // The models shipped with the lessons, for the studio's shelf.
  const shipped = readdirSync(modelsDir)
    .filter((file) => MODEL_FILE.test(file))
    .sort();
  router.get("/api/models", (_req, res) => {
    res.set("Cache-Control", "max-age=300").json(shipped);
  });

  router.get("/models/:file", (req, res) => {
    const file = String(req.params.file);
    if (!MODEL_FILE.test(file)) return void res.status(404).end();
    const send = (bytes: Uint8Array) =>
      res.type("model/gltf-binary").set("Cache-Control", "max-age=86400, immutable").send(Buffer.from(bytes));
    const uploaded = store.get(file);
    if (uploaded) return void send(uploaded);
    res.sendFile(file, { root: modelsDir, maxAge: "1d" }, (error) => {
      if (!error || res.headersSent) return;
      // Not shipped, not uploaded here: perhaps uploaded through another process.
      void assets
        .findModel(file)
        .then((shared) => (shared ? send(shared) : res.status(404).end()))
        .catch(() => res.status(404).end());
    });
  });

  router.use((error: { type?: string }, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (error.type === "entity.too.large")
      return void res.status(413).json({ problem: `larger than ${GLB_MAX_BYTES / 1024 / 1024} MiB` });
    next(error);
  });

  return router;
}
