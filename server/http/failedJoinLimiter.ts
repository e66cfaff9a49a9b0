/**
 * Slows down anyone guessing join codes: after too many failed joins from one
 * address in a window, further matchmaking requests from it are refused until
 * the window passes. Successful joins cost nothing, so a whole school behind
 * one address can still join at once.
 *
 * Colyseus answers matchmaking before Express sees a request, so this gate
 * sits in front of the HTTP server's own request listeners.
 */
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { JoinError } from "../../shared/protocol.ts";

export interface FailedJoinLimits {
  maxFailures: number;
  windowMs: number;
  now: () => number;
}

const DEFAULT_LIMITS: FailedJoinLimits = { maxFailures: 30, windowMs: 60_000, now: Date.now };
const MAX_TRACKED_ADDRESSES = 10_000;

/** Puts the gate in front of every request listener the server already has. */
export function limitFailedJoins(server: Server, limits: Partial<FailedJoinLimits> = {}): void {
  const { maxFailures, windowMs, now } = { ...DEFAULT_LIMITS, ...limits };
  const failures = new Map<string, { count: number; resetAt: number }>();
  const listeners = server.listeners("request") as ((req: IncomingMessage, res: ServerResponse) => void)[];
  server.removeAllListeners("request");

  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    if (req.method === "POST" && req.url?.startsWith("/matchmake/")) {
      const address = req.socket.remoteAddress ?? "unknown";
      const entry = failures.get(address);
      if (entry && now() >= entry.resetAt) failures.delete(address);
      if ((failures.get(address)?.count ?? 0) >= maxFailures) {
        res.writeHead(JoinError.TooManyAttempts, {
          "content-type": "application/json",
          "access-control-allow-origin": "*",
        });
        res.end(JSON.stringify({ code: JoinError.TooManyAttempts, error: "too many failed joins; wait a minute" }));
        return;
      }
      res.on("finish", () => {
        if (res.statusCode < 400) return;
        const counted = failures.get(address) ?? { count: 0, resetAt: now() + windowMs };
        counted.count++;
        failures.set(address, counted);
        if (failures.size > MAX_TRACKED_ADDRESSES) failures.delete(failures.keys().next().value!);
      });
    }
    for (const listener of listeners) listener.call(server, req, res);
  });
}
