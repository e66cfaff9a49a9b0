/**
 * A real Janus media server for voice tests, on a free loopback port, with
 * the configuration the project writes for production (server/voice/janusConfig.ts).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeJanusConfig } from "../../server/voice/janusConfig.ts";

export const JANUS_PATH = process.env.JANUS_PATH ?? "/usr/bin/janus";

export interface RunningJanus {
  url: string;
  adminKey: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function startJanus(): Promise<RunningJanus> {
  if (!existsSync(JANUS_PATH)) throw new Error(`No Janus at ${JANUS_PATH}: install Debian's "janus" package.`);
  const dir = mkdtempSync(join(tmpdir(), "meridian-janus-"));
  const wsPort = await freePort();
  const adminKey = randomBytes(16).toString("hex");
  writeJanusConfig({ dir, wsPort, wsInterface: "127.0.0.1", adminKey, rtpPorts: [41_000, 42_000] });
  const janus: ChildProcess = spawn(JANUS_PATH, ["-F", dir, "-C", join(dir, "janus.jcfg"), "-i", "127.0.0.1"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  janus.stdout?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  janus.stderr?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  const url = `ws://127.0.0.1:${wsPort}`;
  const started = Date.now();
  for (;;) {
    if (janus.exitCode !== null) throw new Error(`Janus exited: ${log.slice(-2000)}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = new WebSocket(url, "janus-protocol");
      socket.addEventListener("open", () => (socket.close(), resolve(true)));
      socket.addEventListener("error", () => resolve(false));
    });
    if (open) break;
    if (Date.now() - started > 15_000) throw new Error(`Janus did not open ${url}: ${log.slice(-2000)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    adminKey,
    stop: async () => {
      janus.kill("SIGTERM");
      await new Promise((resolve) => (janus.exitCode !== null ? resolve(undefined) : janus.once("exit", resolve)));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
