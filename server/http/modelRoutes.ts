/**
 * Models over HTTP: a teacher uploads a .glb into their class (proved by the
 * teacher key, checked against the class's listing), and everyone loads
 * models by name, uploaded or shipped with the lessons.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import { matchMaker } from "@colyseus/core";
import express, { type Router } from "express";
import { MODEL_FILE } from "../../shared/lesson.ts";
import type { ClassListing } from "../../shared/protocol.ts";
import { GLB_MAX_BYTES, checkGlb } from "../models/checkGlb.ts";
import type { ModelStore } from "../models/modelStore.ts";
import type { AssetAccess } from "../cluster/sharedAssets.ts";

export function modelRoutes(store: ModelStore, modelsDir: string, assets: AssetAccess): Router {
  const router = express.Router();

  router.post(
    "/api/classes/:code/models",
    express.raw({ type: () => true, limit: GLB_MAX_BYTES }),
    async (req, res) => {
      const key = req.get("x-teacher-key") ?? "";
      const listing = (await matchMaker.getRoomById(String(req.params.code)))?.metadata as ClassListing | undefined;
      if (!listing) return void res.status(404).json({ problem: "no class has this code" });
      const given = createHash("sha256").update(key).digest();
      const expected = Buffer.from(listing.teacherKeyHash, "hex");
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        return void res.status(403).json({ problem: "only the class's teacher can add models" });
      }
      const bytes = new Uint8Array(req.body as Buffer);
      const checked = checkGlb(bytes);
      if (!checked.ok) return void res.status(422).json({ problem: checked.problem });
      const model = store.put(bytes);
      await assets.modelUploaded(model, bytes);
      res.status(201).json({ model });
    },
  );

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
