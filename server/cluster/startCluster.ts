/**
 * `npm run start:cluster`: several classroom processes on this machine in
 * scale-out mode, to try it out. Each listens on its own port (PORT, PORT+1,
 * …) and tells students to connect to it at PUBLIC_HOST:port. They share the
 * Redis at REDIS_URL and the PostgreSQL at DATABASE_URL (both default to this
 * machine's). Open any of the ports: a class code works on all of them.
 *
 *   PROCESSES=3 npm run start:cluster
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createInterface } from "node:readline";

const processes = Number(process.env.PROCESSES ?? 2);
const firstPort = Number(process.env.PORT ?? 2567);
const publicHost = process.env.PUBLIC_HOST ?? "localhost";
const shared = {
  REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
  DATABASE_URL: process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres",
};
console.log(`Starting ${processes} classroom processes sharing ${shared.REDIS_URL} and ${shared.DATABASE_URL}`);

const children: ChildProcess[] = [];
for (let index = 0; index < processes; index++) {
  const port = firstPort + index;
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    // HTTPS comes from the proxy in front (README, "More classes than one machine"), unless HTTPS=on is set.
    env: { HTTPS: "off", ...process.env, ...shared, PORT: String(port), PUBLIC_ADDRESS: `${publicHost}:${port}` },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  for (const stream of [child.stdout!, child.stderr!])
    createInterface({ input: stream }).on("line", (line) => console.log(`[${port}] ${line}`));
  child.on("exit", (code) => console.log(`[${port}] stopped (${code})`));
}

const stop = () => {
  for (const child of children) child.kill("SIGTERM");
  setTimeout(() => process.exit(0), 2000).unref();
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
