/**
 * The gate in front of matchmaking: every join or class creation is counted
 * against its network address (AddressLimits), and an address that joins far
 * more than a school would, keeps failing (guessing codes), or was cut off for
 * abuse again and again is refused for a while. Successful joins cost little,
 * so a whole school behind one address can still join at once.
 *
 * Colyseus answers matchmaking before Express sees a request, so this gate
 * sits in front of the HTTP server's own request listeners.
 */
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { JoinError } from "../../shared/protocol.ts";
import { AddressEvent, type AddressLimits } from "../rules/addressLimits.ts";

const REFUSALS = {
  tooManyJoins: "too many joins from this network; wait a minute",
  tooManyFailures: "too many failed joins; wait a minute",
  cutOffForAbuse: "connections from this network were cut off for abuse; wait a few minutes",
} as const;

/** The address a request came from: the socket's, never a header a client can write. */
export function requestAddress(req: IncomingMessage): string {
  return req.socket.remoteAddress ?? "unknown";
}

/** Puts the gate in front of every request listener the server already has. */
export function guardJoins(server: Server, limits: AddressLimits): void {
  const listeners = server.listeners("request") as ((req: IncomingMessage, res: ServerResponse) => void)[];
  server.removeAllListeners("request");

  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    if (req.method === "POST" && req.url?.startsWith("/matchmake/")) {
      const address = requestAddress(req);
      const blocked = limits.joinBlocked(address);
      if (blocked) {
        res.writeHead(JoinError.TooManyAttempts, {
          "content-type": "application/json",
          "access-control-allow-origin": "*",
        });
        res.end(JSON.stringify({ code: JoinError.TooManyAttempts, error: REFUSALS[blocked] }));
        return;
      }
      // Reconnections take back a held seat: they are not new joins.
      if (!req.url.startsWith("/matchmake/reconnect/")) limits.count(AddressEvent.Join, address);
      res.on("finish", () => {
        if (res.statusCode >= 400) limits.count(AddressEvent.FailedJoin, address);
      });
    }
    for (const listener of listeners) listener.call(server, req, res);
  });
}
