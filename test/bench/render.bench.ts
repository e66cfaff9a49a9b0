/**
 * What a screen draws in a class of 30: one browser (Debian's Chromium,
 * software WebGL) joins a class where 29 others move, at 1280×800, and
 * reads the renderer's draw calls and triangles per frame for each lesson's
 * first step. Prints the figures against the budget; asserts nothing.
 *
 *   npm run bench
 */
import { chromium } from "playwright-core";
import type { MeridianTestHooks } from "../../client/app/testHooks.ts";
import { type Bot, createClassAsBot, joinClassAsBot } from "../../client/bot/bot.ts";
import { startTestServer } from "../support/server.ts";

const PARTICIPANTS = Number(process.env.PARTICIPANTS ?? 30);
const LESSONS = ["solar-system", "molecules", "shapes-and-planets", "heart", "geometry-solids"];
/** The budget a class screen keeps to on a low-end device. */
const DRAW_CALL_BUDGET = 150;

type Hooks = { meridianTest: MeridianTestHooks };
// Every bot joins from this one loopback address: lift the per-address join limit for the bench.
const server = await startTestServer({ addressRates: { join: { count: 100_000, perMs: 60_000 } } });
const endpoint = `http://127.0.0.1:${server.port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--use-angle=swiftshader", "--enable-unsafe-swiftshader"],
});
try {
  for (const lesson of LESSONS) {
    const bots: Bot[] = [await createClassAsBot(endpoint, lesson, { nickname: "Teacher", device: "vr" })];
    const code = bots[0]!.connection.code;
    for (let i = 2; i < PARTICIPANTS; i++)
      bots.push(
        await joinClassAsBot(endpoint, code, { nickname: `Student ${i}`, device: i % 3 === 0 ? "mobile" : "vr" }),
      );
    bots.forEach((bot, i) => bot.startWandering(20, 1.3 + (i % 3) * 0.4));
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${endpoint}/?test=1`);
    await page.locator('input[name="nickname"]').fill("Watcher");
    await page.locator('input[name="code"]').fill(code);
    await page.locator('form button[type="submit"]').click();
    await page.waitForFunction(() => (window as unknown as Hooks).meridianTest?.drawn() !== undefined, null, {
      timeout: 60_000,
    });
    await page.waitForTimeout(4000);
    const samples: { calls: number; triangles: number }[] = [];
    for (let i = 0; i < 10; i++) {
      samples.push((await page.evaluate(() => (window as unknown as Hooks).meridianTest.drawn()))!);
      await page.waitForTimeout(200);
    }
    const most = (key: "calls" | "triangles") => Math.max(...samples.map((s) => s[key]));
    console.log(
      `render, class of ${PARTICIPANTS} at 1280×800, "${lesson}" step 1: draw calls ≤ ${most("calls")} ` +
        `(budget ${DRAW_CALL_BUDGET}${most("calls") > DRAW_CALL_BUDGET ? ", OVER" : ""}), ` +
        `triangles ≤ ${most("triangles").toLocaleString("en")}`,
    );
    await context.close();
    await Promise.all(bots.map((bot) => bot.leave()));
  }
} finally {
  await browser.close();
  await server.stop();
}
