/**
 * `/api/share`: the addresses students should open, for the links and QR
 * codes a teacher shares. A teacher on the server's own machine sees the page
 * at http://localhost, which no phone or headset can open; these are the
 * machine's network addresses (HTTPS first), or the public address when one
 * is set. Only this server's own addresses: nothing about anyone.
 */
import express, { type Router } from "express";
import type { ServerConfig } from "../config.ts";
import { urlHost } from "../tls/machineNames.ts";

export function shareRoutes(origins: () => string[]): Router {
  const router = express.Router();
  router.get("/", (_req, res) => {
    res.set("Cache-Control", "no-store").json({ origins: origins() });
  });
  return router;
}

/** The public address when one is set; else, when listening beyond loopback, the network addresses (HTTPS first). */
export function originsToShare(
  config: Pick<ServerConfig, "publicUrl" | "host">,
  lanAddresses: string[],
  port: number,
  https: boolean,
): string[] {
  if (config.publicUrl) return [new URL(config.publicUrl).origin];
  const everywhere = config.host === "0.0.0.0" || config.host === "::";
  const loopback = config.host === "localhost" || config.host === "::1" || config.host.startsWith("127.");
  const hosts = everywhere ? lanAddresses.map(urlHost) : loopback ? [] : [urlHost(config.host)];
  const schemes = https ? ["https", "http"] : ["http"];
  return schemes.flatMap((scheme) => hosts.map((host) => `${scheme}://${host}:${port}`));
}
