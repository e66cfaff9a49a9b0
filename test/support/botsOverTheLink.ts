/**
 * Students run as a separate process inside an emulated host (see
 * `emulatedNetwork.ts`), so all their traffic crosses the slow link.
 *
 *   botsOverTheLink.ts ENDPOINT CODE COUNT NAME [CARRIED_IDS] [CARRY_SECONDS]
 *
 * Joins COUNT students who all walk around; the first ones each carry one of
 * CARRIED_IDS (comma-separated) for CARRY_SECONDS, then put it down. Prints
 * one JSON line per event; answers "report" on standard input with what each
 * student sees, and "quit" by leaving.
 */
import { createInterface } from "node:readline";
import { type Bot, circlePose, joinClassAsBot } from "../../client/bot/bot.ts";
import { Device, Limits } from "../../shared/protocol.ts";

const [endpoint, code, countText, name, carriedText = "", carrySecondsText = "0"] = process.argv.slice(2);
const say = (event: object) => process.stdout.write(`${JSON.stringify(event)}\n`);

async function joinWithRetries(index: number): Promise<Bot> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await joinClassAsBot(endpoint!, code!, { nickname: `${name} ${index}`, device: Device.VR });
    } catch (error) {
      if (attempt === 5) throw error;
    }
  }
}

const bots: Bot[] = [];
for (let index = 0; index < Number(countText); index++) bots.push(await joinWithRetries(index));
say({ event: "joined", seats: bots.map((bot) => bot.connection.seat) });
bots.forEach((bot) => bot.startWandering());

const carried = carriedText ? carriedText.split(",") : [];
const started = performance.now();
carried.forEach((objectId, index) => {
  const bot = bots[index]!;
  const poseAt = (seconds: number) => circlePose(seconds * 0.8 + index * 2, 0.3 + index * 0.1, 1.0 + index * 0.05);
  bot.connection.grab(objectId, poseAt(0));
  const mover = setInterval(() => {
    const seconds = (performance.now() - started) / 1000;
    if (seconds < Number(carrySecondsText)) {
      bot.connection.move(objectId, poseAt(seconds));
      return;
    }
    clearInterval(mover);
    bot.connection.release(objectId, poseAt(seconds));
    say({ event: "released", objectId });
  }, 1000 / Limits.poseSendHz);
});

for await (const line of createInterface({ input: process.stdin })) {
  if (line === "report") {
    say({
      event: "report",
      students: bots.map((bot) => ({
        seat: bot.connection.seat,
        status: bot.connection.view.getState().status,
        objects: Object.fromEntries(
          [...bot.connection.state.objects.entries()].map(([id, { pose: p }]) => [
            id,
            [p.px, p.py, p.pz, p.qx, p.qy, p.qz, p.qw],
          ]),
        ),
      })),
    });
  } else if (line === "quit") {
    await Promise.all(bots.map((bot) => bot.leave()));
    process.exit(0);
  }
}
