/**
 * Two students who share no language follow the same lesson step, each in
 * their own: one in Arabic (right to left), one in Spanish. The teacher
 * moves the class on and both panels follow.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Bot, createClassAsBot } from "../../client/bot/bot.ts";
import type { Lesson } from "../../shared/lesson.ts";
import type { RunningServer } from "../../server/app.ts";
import { openBrowser, type TestBrowser } from "../support/browser.ts";
import { startTestServer } from "../support/server.ts";
import { SCREENSHOT_DIR, joinThroughLobby, requireBrowserAndBuild } from "./support.ts";

const LESSON = "solar-system";
const lesson: Lesson = JSON.parse(readFileSync(`assets/lessons/${LESSON}.json`, "utf8"));

describe("each student reads the same step in their own language", () => {
  let server: RunningServer;
  let teacher: Bot;
  let arabic: TestBrowser;
  let spanish: TestBrowser;

  beforeAll(async () => {
    requireBrowserAndBuild();
    server = await startTestServer();
    const base = `http://127.0.0.1:${server.port}`;
    teacher = await createClassAsBot(base, LESSON, { nickname: "Ms Okafor" });
    [arabic, spanish] = await Promise.all([openBrowser(), openBrowser()]);
    await joinThroughLobby(arabic.page, `${base}/?test=1`, teacher.connection.code, "ليلى", "ar");
    await joinThroughLobby(spanish.page, `${base}/?test=1`, teacher.connection.code, "Lucía", "es");
  });

  afterAll(async () => {
    await Promise.all([arabic?.close(), spanish?.close()]);
    await teacher?.leave();
    await server?.stop();
  });

  const stepTitle = (browser: TestBrowser) => browser.page.locator(".step-panel .step-title").textContent();

  it("shows the first step in Arabic (right to left) and in Spanish", async () => {
    await expect.poll(() => stepTitle(arabic)).toBe(lesson.steps[0]!.title.ar);
    await expect.poll(() => stepTitle(spanish)).toBe(lesson.steps[0]!.title.es);
    expect(await arabic.page.evaluate(() => document.documentElement.dir)).toBe("rtl");
    expect(await spanish.page.evaluate(() => document.documentElement.dir)).toBe("ltr");
  });

  it("follows the teacher to the next step at once, each in their own language", async () => {
    teacher.connection.setStep(1);
    await expect.poll(() => stepTitle(arabic)).toBe(lesson.steps[1]!.title.ar);
    await expect.poll(() => stepTitle(spanish)).toBe(lesson.steps[1]!.title.es);
    await expect
      .poll(() => arabic.page.locator(".step-panel .instructions").textContent())
      .toBe(lesson.steps[1]!.instructions.ar);
    await expect
      .poll(() => spanish.page.locator(".step-panel .instructions").textContent())
      .toBe(lesson.steps[1]!.instructions.es);
    // Let the board and labels draw with their fonts before the pictures are taken.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await arabic.page.screenshot({ path: `${SCREENSHOT_DIR}/step-2-arabic.png` });
    await spanish.page.screenshot({ path: `${SCREENSHOT_DIR}/step-2-spanish.png` });
  });
});
