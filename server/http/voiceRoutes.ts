/**
 * `/api/voice/ice-servers`: the relay a browser may use for voice when its
 * network blocks direct connections (fresh credentials each time), or none.
 */
import express, { type Router } from "express";
import { type TurnConfig, iceServersFor } from "../voice/turnCredentials.ts";

export function voiceRoutes(turn: TurnConfig | undefined, now: () => number = Date.now): Router {
  const router = express.Router();
  router.get("/ice-servers", (_req, res) => {
    res.set("Cache-Control", "no-store").json(iceServersFor(turn, now()));
  });
  return router;
}
