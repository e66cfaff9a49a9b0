/**
 * Slows down anyone guessing join codes: after too many failed joins from one
 * address in a window, further matchmaking requests from it are refused until
 * the window passes. Successful joins cost nothing, so a whole school behind
 * one address can still join at once.
 */
import type { NextFunction, Request, Response } from "express";
import { JoinError } from "../../shared/protocol.ts";

export interface FailedJoinLimiterOptions {
  maxFailures: number;
  windowMs: number;
  now: () => number;
}

export function failedJoinLimiter({
  maxFailures = 30,
  windowMs = 60_000,
  now = Date.now,
}: Partial<FailedJoinLimiterOptions> = {}) {
  const failures = new Map<string, { count: number; resetAt: number }>();

  return (req: Request, res: Response, next: NextFunction) => {
    const address = req.ip ?? "unknown";
    const current = failures.get(address);
    if (current && now() >= current.resetAt) failures.delete(address);
    const entry = failures.get(address);
    if (entry && entry.count >= maxFailures) {
      res.status(429).json({ code: JoinError.TooManyAttempts, error: "too many wrong codes; wait a minute" });
      return;
    }
    res.on("finish", () => {
      if (res.statusCode < 400) return;
      const existing = failures.get(address) ?? { count: 0, resetAt: now() + windowMs };
      existing.count++;
      failures.set(address, existing);
      // Keep the table bounded under a flood of addresses.
      if (failures.size > 10_000) failures.delete(failures.keys().next().value!);
    });
    next();
  };
}
