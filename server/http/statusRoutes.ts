/**
 * `/api/status`: how this server process is doing, for whoever runs it (and
 * the capacity bench): classes and people on it, how busy it is, time per
 * patch. Counts only, nothing about anyone.
 */
import { matchMaker } from "@colyseus/core";
import express, { type Router } from "express";
import type { ServerLoad } from "../rooms/serverLoad.ts";

export function statusRoutes(load: ServerLoad): Router {
  const router = express.Router();
  router.get("/", (req, res) => {
    // ?seconds=N: patch figures over the last N seconds (10 by default, at most 60).
    const seconds = Math.min(60, Math.max(1, Number(req.query.seconds) || 10));
    res.set("Cache-Control", "no-store").json({
      processId: matchMaker.processId,
      classes: matchMaker.stats.local.roomCount,
      participants: matchMaker.stats.local.ccu,
      ...load.figures(seconds * 1000),
    });
  });
  return router;
}
