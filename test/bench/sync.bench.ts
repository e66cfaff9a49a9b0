/**
 * Sync latency between two participants over loopback: one bot moves an
 * object, another waits for it in its replicated state. Prints p50/p95/p99
 * and the built client's initial JavaScript size.
 *
 *   npm run bench            (build the client first for the size figures)
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { gzipSync } from "node:zlib";
import { createClassAsBot, joinClassAsBot } from "../../client/bot/bot.ts";
import { Limits } from "../../shared/protocol.ts";
import { startTestServer } from "../support/server.ts";

const SAMPLES = Number(process.env.SAMPLES ?? 300);
const INTERVAL_MS = 1000 / Limits.poseSendHz;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function measureLatency() {
  const server = await startTestServer();
  const endpoint = `http://127.0.0.1:${server.port}`;
  const teacher = await createClassAsBot(endpoint, "shapes-and-planets", { nickname: "Teacher" });
  const mover = await joinClassAsBot(endpoint, teacher.connection.code, { nickname: "Mover" });
  const watcher = await joinClassAsBot(endpoint, teacher.connection.code, { nickname: "Watcher" });

  mover.connection.grab("earth", { p: [0, 1, 0], q: [0, 0, 0, 1] });
  await new Promise((resolve) => setTimeout(resolve, 300));

  const latencies: number[] = [];
  const pending = new Map<number, number>();
  watcher.connection.room.onStateChange((state) => {
    const x = state.objects.get("earth")?.pose.px;
    if (x === undefined) return;
    const id = Math.round(x * 100);
    const sentAt = pending.get(id);
    if (sentAt !== undefined) {
      latencies.push(performance.now() - sentAt);
      pending.delete(id);
    }
  });

  for (let i = 0; i < SAMPLES; i++) {
    // Positions 1 cm apart, well above the 1.5 mm quantisation step.
    const id = (i % 400) - 200;
    pending.set(id, performance.now());
    mover.connection.move("earth", { p: [id / 100, 1, 0], q: [0, 0, 0, 1] });
    await new Promise((resolve) => setTimeout(resolve, INTERVAL_MS + Math.random() * 10));
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
  await Promise.all([teacher.leave(), mover.leave(), watcher.leave()]);
  await server.stop();
  return latencies.sort((a, b) => a - b);
}

function initialClientSize() {
  const html = "dist/client/index.html";
  if (!existsSync(html)) return undefined;
  const files = [...readFileSync(html, "utf8").matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map(
    (m) => `dist/client${m[1]}`,
  );
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    raw += statSync(file).size;
    gzip += gzipSync(readFileSync(file), { level: 9 }).length;
  }
  return { files: files.length, raw, gzip };
}

const latencies = await measureLatency();
console.log(`machine: ${availableParallelism()} cores, Node ${process.version}`);
console.log(`patch interval: ${INTERVAL_MS} ms, samples: ${latencies.length}/${SAMPLES}`);
console.log(
  `sync latency A→B over loopback: p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms`,
);
const size = initialClientSize();
if (size) {
  console.log(
    `initial client JS (${size.files} files): ${(size.raw / 1024).toFixed(0)} KiB raw, ${(size.gzip / 1024).toFixed(0)} KiB gzip`,
  );
} else {
  console.log("initial client JS: not built (run npm run build)");
}
process.exit(0);
