/**
 * A teacher leads two students who share no language: locks an object (a
 * student's grab is refused, visibly), gathers the class (both viewpoints
 * move), sees raised hands in order; a Spanish student's phrase reaches an
 * Arabic student in Arabic.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MeridianTestHooks } from "../../client/app/testHooks.ts";
import { PHRASEBOOK } from "../../shared/phrasebook.ts";
import type { RunningServer } from "../../server/app.ts";
import { openBrowser, type TestBrowser } from "../support/browser.ts";
import { startTestServer } from "../support/server.ts";
import {
  SCREENSHOT_DIR,
  distance,
  joinThroughLobby,
  requireBrowserAndBuild,
  startClassThroughLobby,
} from "./support.ts";

type Hooks = { meridianTest: MeridianTestHooks };
const viewpoint = (browser: TestBrowser) =>
  browser.page.evaluate(() => (window as unknown as Hooks).meridianTest.viewpoint()!);

describe("teaching tools on desktop", () => {
  let server: RunningServer;
  let teacher: TestBrowser;
  let lucia: TestBrowser;
  let layla: TestBrowser;

  beforeAll(async () => {
    requireBrowserAndBuild();
    server = await startTestServer();
    const base = `http://127.0.0.1:${server.port}`;
    [teacher, lucia, layla] = await Promise.all([
      openBrowser({ width: 1280, height: 800 }),
      openBrowser({ width: 900, height: 640 }),
      openBrowser({ width: 900, height: 640 }),
    ]);
    const code = await startClassThroughLobby(teacher.page, `${base}/?test=1`, "Ms Okafor", "shapes-and-planets");
    await joinThroughLobby(lucia.page, `${base}/?test=1`, code, "Lucía", "es");
    await joinThroughLobby(layla.page, `${base}/?test=1`, code, "ليلى", "ar");
    await teacher.page.locator(".roster li").nth(2).waitFor();
  });

  afterAll(async () => {
    await Promise.all([teacher?.close(), lucia?.close(), layla?.close()]);
    await server?.stop();
  });

  it("the teacher locks the Earth and a student's grab is refused visibly", async () => {
    await teacher.page.getByRole("button", { name: "Lock Earth" }).click();
    await lucia.page.waitForFunction(() => document.querySelector(".step-panel") !== null);
    await expect
      .poll(() => lucia.page.evaluate(() => (window as unknown as Hooks).meridianTest.heldBy("earth")))
      .toBe("");
    const [x, y] = (await lucia.page.evaluate(() => (window as unknown as Hooks).meridianTest.screenPoint("earth")))!;
    const before = (await lucia.page.evaluate(() => (window as unknown as Hooks).meridianTest.statePose("earth")))!.p;
    // The notice shows for a few seconds; start watching for it before the drag.
    const shown = lucia.page.waitForFunction(
      () => document.querySelector('.toast[data-reason="locked"]')?.textContent || false,
      null,
      { timeout: 20_000 },
    );
    await lucia.page.mouse.move(x, y);
    await lucia.page.mouse.down();
    for (let step = 1; step <= 10; step++) {
      await lucia.page.mouse.move(x + step * 6, y - step * 3);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await lucia.page.mouse.up();
    const notice = await (await shown).jsonValue();
    await lucia.page.screenshot({ path: `${SCREENSHOT_DIR}/student-grab-refused-locked.png` });
    expect(notice).toBe("Tu docente ha bloqueado ese objeto.");
    const after = (await lucia.page.evaluate(() => (window as unknown as Hooks).meridianTest.statePose("earth")))!.p;
    expect(distance(before, after)).toBeLessThan(0.002);
  });

  it("a Spanish student's phrase reaches an Arabic student in Arabic", async () => {
    await lucia.page.getByRole("button", { name: /Frases/ }).click();
    await lucia.page.getByRole("menuitem", { name: PHRASEBOOK.question.es }).click();
    const said = layla.page.locator('.feed li[data-kind="phrase"] .said').last();
    await expect.poll(() => said.textContent(), { timeout: 10_000 }).toBe(PHRASEBOOK.question.ar);
    await layla.page.screenshot({ path: `${SCREENSHOT_DIR}/arabic-student-reads-phrase.png` });
  });

  it("raised hands queue for the teacher in order", async () => {
    await layla.page.locator(".speak-bar button[aria-pressed]").first().click();
    await lucia.page.locator(".speak-bar button[aria-pressed]").first().click();
    await expect
      .poll(() => teacher.page.locator(".hands li").allTextContents(), { timeout: 10_000 })
      .toEqual([expect.stringContaining("ليلى"), expect.stringContaining("Lucía")]);
  });

  it("the teacher gathers the class and both students' viewpoints move", async () => {
    const before = await Promise.all([viewpoint(lucia), viewpoint(layla)]);
    // The teacher walks away from the table first, then calls everyone over.
    await teacher.page.locator("canvas").click({ position: { x: 20, y: 400 } });
    await teacher.page.keyboard.down("KeyS");
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await teacher.page.keyboard.up("KeyS");
    await teacher.page.getByRole("button", { name: /Gather everyone here/ }).click();
    const teacherAt = await viewpoint(teacher);
    for (const [index, student] of [lucia, layla].entries()) {
      await expect
        .poll(async () => distance(await viewpoint(student), before[index]!), { timeout: 10_000 })
        .toBeGreaterThan(0.3);
      const now = await viewpoint(student);
      expect(Math.hypot(now[0] - teacherAt[0], now[2] - teacherAt[2])).toBeLessThan(1.2);
    }
    await teacher.page.screenshot({ path: `${SCREENSHOT_DIR}/teacher-panel-desktop.png` });
    await lucia.page.screenshot({ path: `${SCREENSHOT_DIR}/student-after-gather.png` });
  });
});
