/**
 * Taking part without a pointer, and without sight. A student who uses only
 * the keyboard joins, finds the objects, moves a hydrogen onto the oxygen's
 * bond site and the task counts it; the teacher, also by keyboard, moves the
 * class to the next step and locks an object. What a screen reader gets:
 * focus lands in the class, the scene is described in words that follow it
 * within a second, step changes and (for the teacher) raised hands are
 * announced in a polite live region, and an idle class announces nothing.
 * No mouse or pointer event is used in either page.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import type { MeridianTestHooks } from "../../client/app/testHooks.ts";
import { viewFrame } from "../../client/ui/access/keyboardMove.ts";
import type { Pose, Vec3 } from "../../shared/math.ts";
import type { RunningServer } from "../../server/app.ts";
import { openBrowser, type TestBrowser } from "../support/browser.ts";
import { startTestServer } from "../support/server.ts";
import { SCREENSHOT_DIR, requireBrowserAndBuild } from "./support.ts";

type Hooks = { meridianTest: MeridianTestHooks };
type Watched = { heard: { at: number; text: string }[]; pointerEvents: number };
const BOND_SITE: Vec3 = [0.09488, 0.92653, 0];
const IDLE_MS = 20_000;

/** Records every change to a live region's words, and every pointer or mouse press, from the page's start. */
function watchPage(page: Page) {
  return page.addInitScript(() => {
    const watched: Watched = { heard: [], pointerEvents: 0 };
    (window as unknown as { watched: Watched }).watched = watched;
    for (const type of ["pointerdown", "mousedown", "mouseup", "pointerup"])
      window.addEventListener(type, () => watched.pointerEvents++, { capture: true });
    const LIVE = '[aria-live]:not([aria-live="off"]), [role="status"], [role="alert"], [role="log"]';
    new MutationObserver((changes) => {
      const regions = new Set<Element>();
      for (const change of changes) {
        const node = change.target instanceof Element ? change.target : change.target.parentElement;
        const region = node?.closest(LIVE);
        if (region) regions.add(region);
        for (const added of change.addedNodes)
          if (added instanceof Element && added.matches(LIVE) && added.textContent) regions.add(added);
      }
      for (const region of regions) {
        const text = region.textContent?.trim();
        if (text) watched.heard.push({ at: performance.now(), text });
      }
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
}

const heard = (page: Page) =>
  page.evaluate(() => (window as unknown as { watched: Watched }).watched.heard.map((h) => h.text));
/** Whether the page's live regions have said something containing `words`. */
const said = async (page: Page, words: string) => (await heard(page)).some((text) => text.includes(words));
const SOON = { timeout: 10_000 };
const pointerEvents = (page: Page) =>
  page.evaluate(() => (window as unknown as { watched: Watched }).watched.pointerEvents);

/** Presses Tab (Shift+Tab: `back`) until focus is on what `isThere` accepts; returns how many presses it took. */
async function tabTo(page: Page, isThere: string, back = false, most = 40): Promise<number> {
  for (let presses = 1; presses <= most; presses++) {
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
    if (await page.evaluate((selector) => document.activeElement?.matches(selector) ?? false, isThere)) return presses;
  }
  throw new Error(`${isThere} never took focus in ${most} presses of Tab`);
}

/** Chooses an object in the focused scene list with the arrow keys. */
async function choose(page: Page, objectId: string) {
  for (let presses = 0; presses < 20; presses++) {
    const chosen = await page.evaluate(() => {
      const list = document.activeElement!;
      return document.getElementById(list.getAttribute("aria-activedescendant") ?? "")?.dataset.object;
    });
    if (chosen === objectId) return;
    await page.keyboard.press("ArrowDown");
  }
  throw new Error(`${objectId} is not in the scene list`);
}

const option = (page: Page, objectId: string) =>
  page.locator(`.scene-objects [role="option"][data-object="${objectId}"]`).textContent();

describe("keyboard only, and what a screen reader hears", () => {
  let server: RunningServer;
  let teacher: TestBrowser;
  let student: TestBrowser;

  beforeAll(async () => {
    requireBrowserAndBuild();
    server = await startTestServer();
    const base = `http://127.0.0.1:${server.port}/?test=1`;
    [teacher, student] = await Promise.all([
      openBrowser({ width: 1280, height: 800 }),
      openBrowser({ width: 1000, height: 700 }),
    ]);
    await Promise.all([watchPage(teacher.page), watchPage(student.page)]);

    // The teacher starts the class by keyboard: the tab, the form, Enter.
    await teacher.page.goto(base);
    await teacher.page.getByRole("tab", { name: "Start a class" }).focus();
    await teacher.page.keyboard.press("Enter");
    await teacher.page.locator('input[name="nickname"]').fill("Mr Tanaka");
    await teacher.page.locator('select[name="lesson"]').selectOption("molecules");
    await teacher.page.locator('form button[type="submit"]').focus();
    await teacher.page.keyboard.press("Enter");
    await teacher.page.waitForFunction(() => Boolean((window as unknown as Hooks).meridianTest?.code()));
    const code = await teacher.page.evaluate(() => (window as unknown as Hooks).meridianTest.code()!);

    await student.page.goto(base);
    await student.page.locator('input[name="nickname"]').fill("Amara");
    await student.page.locator('input[name="code"]').fill(code);
    await student.page.locator('input[name="code"]').press("Enter");
    await student.page.waitForFunction(() => Boolean((window as unknown as Hooks).meridianTest?.seat()));
    await student.page.locator(".scene-objects li").first().waitFor({ state: "attached" });
  });

  afterAll(async () => {
    await Promise.all([teacher?.close(), student?.close()]);
    await server?.stop();
  });

  it("lands focus in the class, and an idle class announces nothing for 20 seconds", async () => {
    for (const page of [teacher.page, student.page])
      expect(await page.evaluate(() => document.activeElement?.closest(".class-screen") !== null)).toBe(true);
    // Let joining settle (the connection's state, the first step), then listen.
    await student.page.waitForTimeout(2000);
    const before = await Promise.all([heard(teacher.page), heard(student.page)]);
    await student.page.waitForTimeout(IDLE_MS);
    expect(await heard(teacher.page)).toEqual(before[0]);
    expect(await heard(student.page)).toEqual(before[1]);
  });

  it("describes each object of the step in words", async () => {
    const items = await student.page.locator(".scene-objects [role='option']").allTextContents();
    expect(items).toHaveLength(4);
    expect(await option(student.page, "water-h1")).toMatch(/Hydrogen.*on the table/);
    expect(await option(student.page, "water-o")).toMatch(/Oxygen.*locked/);
  });

  it("a student moves a hydrogen onto its bond site with the keyboard; the task counts it", async () => {
    const { page } = student;
    expect(await tabTo(page, '.scene-objects [role="listbox"]')).toBeLessThanOrEqual(4);
    await choose(page, "water-h1");
    await page.keyboard.press("Enter");
    await expect.poll(() => option(page, "water-h1"), SOON).toContain("you hold it");
    await expect.poll(() => said(page, "You hold"), SOON).toBe(true);

    // Steer by the words' numbers as a person would by sight: the viewer's frame, one step per press.
    for (let presses = 0; presses < 120; presses++) {
      const [drawn, viewer] = await page.evaluate(() => [
        (window as unknown as Hooks).meridianTest.renderedPose("water-h1"),
        (window as unknown as Hooks).meridianTest.viewpoint(),
      ]);
      const at = (drawn as Pose).p;
      const off = BOND_SITE.map((v, i) => v - at[i]!) as Vec3;
      if (Math.hypot(...off) < 0.02) break;
      const frame = viewFrame(viewer, at);
      const away = off[0] * frame.away[0] + off[2] * frame.away[1];
      const right = off[0] * frame.right[0] + off[2] * frame.right[1];
      const key =
        Math.abs(off[1]) > 0.011
          ? off[1] > 0
            ? "PageUp"
            : "PageDown"
          : Math.abs(away) > Math.abs(right)
            ? away > 0
              ? "ArrowUp"
              : "ArrowDown"
            : right > 0
              ? "ArrowRight"
              : "ArrowLeft";
      // Shift moves five steps: for the long way, then single steps to land.
      const far = Math.max(Math.abs(away), Math.abs(right)) > 0.12 && Math.abs(off[1]) <= 0.011;
      await page.keyboard.press(far ? `Shift+${key}` : key);
      // The next press is chosen from what the page has drawn since this one: a slow renderer must not make it overshoot.
      await page
        .waitForFunction(
          ([id, before]) => {
            const now = (window as unknown as Hooks).meridianTest.renderedPose(id as string)?.p;
            const from = before as Vec3;
            return now !== undefined && Math.hypot(now[0] - from[0], now[1] - from[1], now[2] - from[2]) > 0.001;
          },
          ["water-h1", at] as const,
          { timeout: 5000 },
        )
        .catch(() => undefined);
    }
    await page.keyboard.press("Enter");
    // The words follow the scene within a second.
    await expect.poll(() => option(page, "water-h1"), { timeout: 1000 }).toContain("in place");
    await expect.poll(() => page.locator(".step-panel .task-progress").textContent()).toContain("1 of 2");
    await page.screenshot({ path: `${SCREENSHOT_DIR}/keyboard-student-moved.png` });
    expect(await pointerEvents(page)).toBe(0);
  });

  it("the teacher moves to the next step and locks an object by keyboard; the step is announced", async () => {
    const { page } = teacher;
    const presses = await tabTo(page, ".step-panel button.primary");
    expect(presses).toBeLessThanOrEqual(8);
    await page.keyboard.press("Enter");
    await expect.poll(() => said(student.page, "Step 2 of 4: Carbon dioxide, CO2"), SOON).toBe(true);

    // The scene's objects come just before the step in the order of the page.
    expect(await tabTo(page, '.scene-objects [role="listbox"]', true)).toBeLessThanOrEqual(4);
    await choose(page, "co2-o1");
    await page.keyboard.press("l");
    await expect.poll(() => option(student.page, "co2-o1"), { timeout: 1000 }).toContain("locked");
    expect(await pointerEvents(page)).toBe(0);
  });

  it("a student's raised hand is announced to the teacher", async () => {
    await tabTo(student.page, 'button[name="hand"]');
    await student.page.keyboard.press("Enter");
    await expect.poll(() => said(teacher.page, "Amara raised a hand"), SOON).toBe(true);
    expect(await pointerEvents(student.page)).toBe(0);
  });
});
