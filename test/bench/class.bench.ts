/**
 * A class of 30 bots, all moving (head and hands at the avatar rate, a few
 * carried objects at the move rate): bytes each participant receives per second, and the
 * server's time per patch. Prints the figures; asserts nothing.
 *
 *   npm run bench
 */
import { availableParallelism } from "node:os";
import { matchMaker } from "@colyseus/core";
import { type Bot, createClassAsBot, joinClassAsBot } from "../../client/bot/bot.ts";
import { Limits } from "../../shared/protocol.ts";
import { startTestServer } from "../support/server.ts";

const PARTICIPANTS = Number(process.env.PARTICIPANTS ?? 30);
const SECONDS = Number(process.env.SECONDS ?? 10);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const server = await startTestServer();
const endpoint = `http://127.0.0.1:${server.port}`;
const bots: Bot[] = [await createClassAsBot(endpoint, "solar-system", { nickname: "Teacher", device: "vr" })];
const code = bots[0]!.connection.code;
for (let i = 1; i < PARTICIPANTS; i++)
  bots.push(await joinClassAsBot(endpoint, code, { nickname: `Bot ${i}`, device: "vr" }));

// Count what each participant's socket receives.
const received = bots.map(() => 0);
bots.forEach((bot, index) => {
  const socket = (bot.connection.room.connection as unknown as { transport: { ws: WebSocket } }).transport.ws;
  socket.addEventListener("message", (event: MessageEvent) => {
    received[index]! += (event.data as ArrayBuffer).byteLength ?? 0;
  });
});

// Time the server's patches.
const room = matchMaker.getLocalRoomById(code)!;
const patchTimes: number[] = [];
const broadcastPatch = room.broadcastPatch.bind(room);
room.broadcastPatch = () => {
  const started = performance.now();
  const sent = broadcastPatch();
  patchTimes.push(performance.now() - started);
  return sent;
};

// Everyone moves; five students also carry a planet each.
bots.forEach((bot) => bot.startWandering(undefined, 1.4));
const carried = ["mercury", "venus", "mars", "jupiter", "saturn"];
const carriers = carried.map((id, i) => ({ bot: bots[i + 1]!, id }));
for (const { bot, id } of carriers) bot.connection.grab(id, { p: [0, 1, 0], q: [0, 0, 0, 1] });
const started = performance.now();
const carry = setInterval(() => {
  const t = (performance.now() - started) / 1000;
  carriers.forEach(({ bot, id }, i) =>
    bot.connection.move(id, { p: [Math.cos(t + i) * 0.5, 1.1, Math.sin(t + i) * 0.5], q: [0, 0, 0, 1] }),
  );
}, 50);

await new Promise((resolve) => setTimeout(resolve, 2000));
received.fill(0);
patchTimes.length = 0;
await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000));
clearInterval(carry);

const perSecond = received.map((bytes) => bytes / SECONDS).sort((a, b) => a - b);
const patches = [...patchTimes].sort((a, b) => a - b);
console.log(`machine: ${availableParallelism()} cores, Node ${process.version}`);
console.log(
  `class of ${PARTICIPANTS}, all moving (avatars at ${Limits.avatarPoseHz}/s), 5 carrying objects at ${Limits.poseSendHz}/s, measured ${SECONDS} s`,
);
console.log(
  `received per participant: median ${(percentile(perSecond, 50) / 1024).toFixed(1)} KiB/s (${((percentile(perSecond, 50) * 8) / 1000).toFixed(0)} kbit/s), max ${(perSecond.at(-1)! / 1024).toFixed(1)} KiB/s`,
);
console.log(
  `server time per patch: p50 ${percentile(patches, 50).toFixed(2)} ms, p99 ${percentile(patches, 99).toFixed(2)} ms over ${patches.length} patches`,
);
await Promise.all(bots.map((bot) => bot.leave()));
await server.stop();
process.exit(0);
