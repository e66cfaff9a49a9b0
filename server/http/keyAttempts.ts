/**
 * Every route under `/api/classes/:code/…` takes a class code and a teacher
 * key. A request that did not match (403) counts against its address; an
 * address past its limit is refused for a while, whatever it asks, so
 * guessing codes or keys through these routes goes nowhere fast.
 */
import type { RequestHandler } from "express";
import { AddressEvent, type AddressLimits } from "../rules/addressLimits.ts";

export function limitKeyAttempts(limits: AddressLimits): RequestHandler {
  return (req, res, next) => {
    const address = req.socket.remoteAddress ?? "unknown";
    if (limits.exhausted(AddressEvent.FailedKey, address)) {
      res.status(429).set("Retry-After", "60").json({ problem: "too many wrong codes or keys; wait a minute" });
      return;
    }
    res.on("finish", () => {
      if (res.statusCode === 403) limits.count(AddressEvent.FailedKey, address);
    });
    next();
  };
}
