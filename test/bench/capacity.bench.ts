/**
 * How many moving participants the server carries: steps of 100, 250, 500,
 * 1000 and 2000 participants in classes of 30, every one sending head and
 * hands 20 times a second (twice a real client's rate). The servers run as
 * their own processes, as in production, and report through `/api/status`;
 * the load runs in another process pinned to the last core. For each step it
 * prints the time per patch (p50/p99), the share of patches on time, the
 * updates per participant per second the servers applied, and CPU use.
 *
 *   npm run bench                       one process, then two in scale-out mode
 *   PROCESSES=2 STEPS=500,1000 tsx test/bench/capacity.bench.ts
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { createInterface } from "node:readline";
import { Limits } from "../../shared/protocol.ts";
import type { LoadFigures } from "../../server/rooms/serverLoad.ts";
import type { TestSchema } from "../support/postgres.ts";
import {
  type ServerProcess,
  killAllServerProcesses,
  startScaleOutProcesses,
  startServerProcess,
} from "../support/serverProcess.ts";

const PROCESSES = Number(process.env.PROCESSES ?? 1);
const STEPS = (process.env.STEPS ?? "100,250,500,1000,2000").split(",").map(Number);
const CLASS_SIZE = 30;
const HZ = 20;
const MEASURE_SECONDS = Number(process.env.MEASURE_SECONDS ?? 8);
const PATCH_P99_TARGET_MS = 10;

type Status = LoadFigures & { classes: number; participants: number };

/** CPU seconds a process has used. */
function cpuSecondsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** The server's runtime is the child of the `tsx` launcher: count both. */
function serverCpuSeconds(server: ServerProcess): number {
  const children = readFileSync(`/proc/${server.child.pid}/task/${server.child.pid}/children`, "utf8")
    .split(" ")
    .filter(Boolean)
    .map(Number);
  return [server.child.pid!, ...children].reduce((sum, pid) => sum + cpuSecondsOf(pid), 0);
}

async function startServers(): Promise<{ servers: ServerProcess[]; schema?: TestSchema }> {
  if (PROCESSES === 1) return { servers: [await startServerProcess({ DATA_DIR: "memory" })] };
  return startScaleOutProcesses(PROCESSES, "bench");
}

const status = async (server: ServerProcess, seconds = 10): Promise<Status> =>
  (await fetch(`${server.url}/api/status?seconds=${seconds}`)).json() as Promise<Status>;

const cores = availableParallelism();
console.log(
  `machine: ${cores} cores, Node ${process.version}; ${PROCESSES} server process${PROCESSES > 1 ? "es (scale-out: Redis + PostgreSQL)" : ""}; load pinned to core ${cores - 1}`,
);
const carried: number[] = [];

for (const participants of STEPS) {
  const { servers, schema } = await startServers();
  const worker = spawn(
    "taskset",
    [
      "-c",
      String(cores - 1),
      process.execPath,
      "--import",
      "tsx",
      "test/bench/loadWorker.ts",
      servers[0]!.url,
      String(participants),
      String(CLASS_SIZE),
      String(HZ),
    ],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  await new Promise<void>((resolve, reject) => {
    createInterface({ input: worker.stdout! }).on("line", (line) => line === "ready" && resolve());
    worker.once("exit", (code) => reject(new Error(`load worker exited (${code})`)));
  });

  await new Promise((resolve) => setTimeout(resolve, 2000));
  const before = await Promise.all(servers.map((server) => status(server)));
  const cpuBefore = servers.map(serverCpuSeconds);
  const loadCpuBefore = cpuSecondsOf(worker.pid!);
  await new Promise((resolve) => setTimeout(resolve, MEASURE_SECONDS * 1000));
  const after = await Promise.all(servers.map((server) => status(server, MEASURE_SECONDS)));
  const serverBusy = servers.map((server, i) => (serverCpuSeconds(server) - cpuBefore[i]!) / MEASURE_SECONDS);
  const loadBusy = (cpuSecondsOf(worker.pid!) - loadCpuBefore) / MEASURE_SECONDS;

  const classes = after.reduce((sum, s) => sum + s.classes, 0);
  const updates = after.reduce((sum, s, i) => sum + s.avatarUpdates - before[i]!.avatarUpdates, 0);
  const perParticipant = updates / participants / MEASURE_SECONDS;
  const p50 = Math.max(...after.map((s) => s.patchMs.p50));
  const p99 = Math.max(...after.map((s) => s.patchMs.p99));
  const patches = after.reduce((sum, s) => sum + s.patchMs.samples, 0);
  const onTime = patches / (classes * Limits.poseSendHz * MEASURE_SECONDS);
  if (p99 < PATCH_P99_TARGET_MS && perParticipant >= HZ * 0.9) carried.push(participants);
  console.log(
    `${String(participants).padStart(5)} participants in ${classes} classes` +
      (PROCESSES > 1 ? ` (${after.map((s) => s.classes).join(" + ")})` : "") +
      `: patch p50 ${p50.toFixed(2)} ms, p99 ${p99.toFixed(2)} ms, ${(onTime * 100).toFixed(0)}% of patches on time; ` +
      `updates applied ${perParticipant.toFixed(1)}/s per participant (sent ${HZ}/s); ` +
      `CPU: server ${serverBusy.map((b) => `${(b * 100).toFixed(0)}%`).join(" + ")}, load ${(loadBusy * 100).toFixed(0)}% of a core`,
  );
  worker.kill("SIGKILL");
  killAllServerProcesses();
  await schema?.drop();
}

console.log(
  `carried with patch p99 under ${PATCH_P99_TARGET_MS} ms and 90% of the updates applied: ` +
    `${carried.length ? Math.max(...carried) : 0} participants (of the steps tried)`,
);
process.exit(0);
