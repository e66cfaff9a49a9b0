/**
 * How many moving participants one server process carries: steps of 100,
 * 250, 500, 1000 and 2000 participants in classes of 30, every one sending
 * head and hands 20 times a second. For each step it prints the server's
 * time per patch (p50/p99, every room), the event loop's delay, and the
 * updates per participant per second the server actually applied. The load
 * runs in another process pinned to the last core, so the server keeps the
 * rest of the machine.
 *
 *   npm run bench            STEPS=100,500 to choose the steps
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { createInterface } from "node:readline";
import { matchMaker } from "@colyseus/core";
import type { Classroom } from "../../server/rules/classroom.ts";
import { Limits } from "../../shared/protocol.ts";
import { startTestServer } from "../support/server.ts";

const STEPS = (process.env.STEPS ?? "100,250,500,1000,2000").split(",").map(Number);
const CLASS_SIZE = 30;
const HZ = 20;
const MEASURE_SECONDS = Number(process.env.MEASURE_SECONDS ?? 8);
const PATCH_P99_TARGET_MS = 10;
const PATCH_HZ = Limits.poseSendHz;

/** CPU seconds a process has used (taskset execs the load worker, so its pid is the worker's). */
function cpuSecondsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const cores = availableParallelism();
console.log(`machine: ${cores} cores, Node ${process.version}; load pinned to core ${cores - 1}`);
const results: { participants: number; p99: number; keptUp: boolean }[] = [];

for (const participants of STEPS) {
  const server = await startTestServer();
  const endpoint = `http://127.0.0.1:${server.port}`;
  const worker = spawn(
    "taskset",
    [
      "-c",
      String(cores - 1),
      process.execPath,
      "--import",
      "tsx",
      "test/bench/loadWorker.ts",
      endpoint,
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

  // Time every room's patches (which include its avatar frames).
  const rooms = (await matchMaker.query({})).map((listing) => matchMaker.getLocalRoomById(listing.roomId)!);
  const patchTimes: number[] = [];
  for (const room of rooms) {
    const broadcastPatch = room.broadcastPatch.bind(room);
    room.broadcastPatch = () => {
      const started = performance.now();
      const changed = broadcastPatch();
      patchTimes.push(performance.now() - started);
      return changed;
    };
  }
  const updatesApplied = () =>
    rooms.reduce((sum, room) => {
      const classroom = (room as unknown as { classroom: Classroom }).classroom;
      let versions = 0;
      classroom.avatars.forEach((avatar) => (versions += avatar.version));
      return sum + versions;
    }, 0);

  await new Promise((resolve) => setTimeout(resolve, 2000));
  patchTimes.length = 0;
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  const updatesBefore = updatesApplied();
  const serverCpuBefore = process.cpuUsage();
  const loadCpuBefore = cpuSecondsOf(worker.pid!);
  await new Promise((resolve) => setTimeout(resolve, MEASURE_SECONDS * 1000));
  const serverCpu = process.cpuUsage(serverCpuBefore);
  const serverBusy = (serverCpu.user + serverCpu.system) / 1e6 / MEASURE_SECONDS;
  const loadBusy = (cpuSecondsOf(worker.pid!) - loadCpuBefore) / MEASURE_SECONDS;
  const perParticipant = (updatesApplied() - updatesBefore) / participants / MEASURE_SECONDS;
  loopDelay.disable();

  const sorted = patchTimes.sort((a, b) => a - b);
  const p99 = percentile(sorted, 99);
  const keptUp = perParticipant >= HZ * 0.9;
  results.push({ participants, p99, keptUp });
  console.log(
    `${String(participants).padStart(5)} participants in ${rooms.length} classes: patch p50 ${percentile(sorted, 50).toFixed(2)} ms, ` +
      `p99 ${p99.toFixed(2)} ms, ${((sorted.length / (rooms.length * PATCH_HZ * MEASURE_SECONDS)) * 100).toFixed(0)}% of patches on time; event loop delay p99 ${(loopDelay.percentile(99) / 1e6).toFixed(1)} ms; ` +
      `updates applied ${perParticipant.toFixed(1)}/s per participant (sent ${HZ}/s); ` +
      `CPU: server ${(serverBusy * 100).toFixed(0)}%, load ${(loadBusy * 100).toFixed(0)}% of a core`,
  );
  worker.kill("SIGKILL");
  await server.stop();
}

const carried = results.filter((r) => r.p99 < PATCH_P99_TARGET_MS && r.keptUp).map((r) => r.participants);
console.log(
  `carried with patch p99 under ${PATCH_P99_TARGET_MS} ms, keeping up with ${HZ} updates/s: ${carried.length ? Math.max(...carried) : 0} participants (of the steps tried)`,
);
process.exit(0);
