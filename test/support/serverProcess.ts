/**
 * A real classroom server as its own process (`server/main.ts`), for tests
 * that restart, kill or run several of them.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { createTestSchema, type TestSchema } from "./postgres.ts";
import { emptyTestRedisDatabase } from "./redis.ts";

export interface ServerProcess {
  readonly url: string;
  readonly child: ChildProcess;
}

const running: ChildProcess[] = [];

/** Starts a server with these settings and resolves with its address once it listens. */
export function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(join("node_modules", ".bin", "tsx"), ["server/main.ts"], {
    // Plain HTTP unless a test asks for HTTPS: processes of one test run would otherwise share one certificate folder.
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", HTTPS: "off", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group, so killing it takes the runtime it starts too.
    detached: true,
  });
  running.push(child);
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /On this computer:\s+(http:\/\/\S+)/.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ url: url.replace("localhost", "127.0.0.1"), child });
      }
    };
    child.stdout!.on("data", read);
    child.stderr!.on("data", read);
    child.on("exit", (code) => reject(new Error(`server exited (${code}):\n${output}`)));
  });
}

/** Kills a server process group at once, as a crash or a power cut would. */
export function killHard(child: ChildProcess): void {
  try {
    process.kill(-child.pid!, "SIGKILL");
  } catch {
    // Already gone.
  }
}

/** For afterAll: no server outlives its test file. */
export function killAllServerProcesses(): void {
  for (const child of running.splice(0)) killHard(child);
}

export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/**
 * `count` servers in scale-out mode on loopback, sharing a Redis database and
 * a PostgreSQL schema of their own (drop the schema afterwards).
 */
export async function startScaleOutProcesses(
  count: number,
  label: string,
  /** Where browsers reach process `index` (0-based): its own port by default, or a path behind a proxy. */
  publicAddress: (index: number, port: number) => string = (_index, port) => `127.0.0.1:${port}`,
): Promise<{ servers: ServerProcess[]; schema: TestSchema }> {
  const schema = await createTestSchema(label);
  const redisUrl = await emptyTestRedisDatabase();
  const servers: ServerProcess[] = [];
  for (let i = 0; i < count; i++) {
    const port = await freePort();
    servers.push(
      await startServerProcess({
        PORT: String(port),
        REDIS_URL: redisUrl,
        DATABASE_URL: schema.url,
        PUBLIC_ADDRESS: publicAddress(i, port),
      }),
    );
  }
  return { servers, schema };
}
