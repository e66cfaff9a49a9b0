/**
 * Every screen shows the lesson first. At two desktop sizes and two phone
 * sizes, in English and Arabic, as teacher and as student: the panels cover
 * at most 30 % of the 3D view on a wide screen (teacher drawer closed) and
 * 40 % on a phone, no two panels overlap each other or the class bar, every
 * control can be tapped (nothing covers it), a phone's controls are at least
 * 44 px both ways, the step is framed so each of its objects is drawn at
 * least 16 px across and no two name tags overlap, and axe-core finds no
 * serious or critical WCAG 2.2 AA violation on the lobby and the class screen.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import type { MeridianTestHooks } from "../../client/app/testHooks.ts";
import { type Bot, createClassAsBot } from "../../client/bot/bot.ts";
import type { RunningServer } from "../../server/app.ts";
import { openBrowser, type TestBrowser } from "../support/browser.ts";
import { startTestServer } from "../support/server.ts";
import { measureLayout } from "./layoutMeasure.ts";
import {
  SCREENSHOT_DIR,
  axeProblems,
  joinThroughLobby,
  labelOverlaps,
  requireBrowserAndBuild,
  startClassThroughLobby,
} from "./support.ts";

const LESSON = "solar-system";
const WIDE = [
  { width: 1280, height: 800 },
  { width: 1024, height: 768 },
];
const PHONES = [
  { width: 412, height: 860 },
  { width: 360, height: 640 },
];
const WIDE_MAX_COVER = 0.3;
const PHONE_MAX_COVER = 0.4;
/** An opened sheet still leaves the larger part of the phone to the lesson. */
const OPEN_SHEET_MAX_COVER = 0.6;
const TOUCH_TARGET_PX = 44;
const MIN_OBJECT_PX = 16;

/** Controls on the class screen that something else covers at their centre (a tap would miss them). */
function coveredControls(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>(".class-overlay button, .class-overlay select, .class-overlay input")]
      .filter((control) => {
        const box = control.getBoundingClientRect();
        if (box.width === 0 || box.height === 0 || getComputedStyle(control).visibility === "hidden") return false;
        // Scrolled out of its panel is not covered: it scrolls into view.
        const x = box.left + box.width / 2;
        const y = box.top + box.height / 2;
        if (x < 0 || y < 0 || x > innerWidth || y > innerHeight) return false;
        const hit = document.elementFromPoint(x, y);
        for (let box = control.parentElement; box; box = box.parentElement) {
          if (!box.matches(".panel, .sheet-body")) continue;
          const area = box.getBoundingClientRect();
          if (y < area.top || y > area.bottom) return false;
        }
        return (
          hit !== control && !control.contains(hit) && !(hit instanceof HTMLLabelElement && hit.control === control)
        );
      })
      .map((control) => control.getAttribute("name") ?? control.textContent?.trim() ?? control.tagName),
  );
}

/** Visible controls on the class screen smaller than a fingertip. */
function smallControls(page: Page): Promise<string[]> {
  return page.evaluate(
    (min) =>
      [...document.querySelectorAll<HTMLElement>(".class-overlay button, .class-overlay select")]
        .filter((control) => {
          const box = control.getBoundingClientRect();
          return box.width > 0 && box.height > 0 && (box.width < min - 0.5 || box.height < min - 0.5);
        })
        .map((control) => `${control.getAttribute("name") ?? control.textContent?.trim()}`),
    TOUCH_TARGET_PX,
  );
}

/** The narrowest object of the step as drawn now, in CSS pixels. */
function narrowestDrawn(page: Page): Promise<number> {
  return page.evaluate(() => {
    const hooks = (window as unknown as { meridianTest: MeridianTestHooks }).meridianTest;
    const ids = [...document.querySelectorAll<HTMLElement>(".scene-objects [data-object]")].map(
      (e) => e.dataset.object!,
    );
    return Math.min(...ids.map((id) => hooks.pixelsAcross(id) ?? 0));
  });
}

/** Lets the layout settle after a resize (two frames and the panels' fonts). */
async function settle(page: Page) {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await page.waitForTimeout(150);
}

describe("the class screen shows the lesson first, on every screen, for everyone", () => {
  let server: RunningServer;
  let base: string;
  let teacherBot: Bot;

  beforeAll(async () => {
    requireBrowserAndBuild();
    server = await startTestServer();
    base = `http://127.0.0.1:${server.port}/?test=1`;
    teacherBot = await createClassAsBot(`http://127.0.0.1:${server.port}`, LESSON, { nickname: "Ms Okafor" });
  });

  afterAll(async () => {
    await teacherBot?.leave();
    await server?.stop();
  });

  it.each(["en", "ar"])("the lobby in %s has no serious accessibility problem", async (language) => {
    const browser = await openBrowser();
    try {
      await browser.page.goto(base);
      await browser.page.locator('select[name="language"]').selectOption(language);
      expect(await axeProblems(browser.page)).toEqual([]);
      await browser.page.getByRole("tab").nth(1).click();
      expect(await axeProblems(browser.page)).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  const screens = ["en", "ar"].flatMap((language) =>
    (["wide", "phone"] as const).map((screen) => ({ language, screen })),
  );

  // Teacher and student side by side in one test: two pages at once halve the wait on a two-core machine.
  it.each(screens)("teacher and student in $language on a $screen screen", async ({ language, screen }) => {
    await Promise.all((["teacher", "student"] as const).map((role) => checkScreen(language, role, screen)));
  });

  async function checkScreen(language: string, role: "teacher" | "student", screen: "wide" | "phone") {
    const phone = screen === "phone";
    const sizes = phone ? PHONES : WIDE;
    const browser: TestBrowser = await openBrowser(sizes[0], { phone });
    const { page } = browser;
    const name = `${role}-${language}-${screen}`;
    try {
      if (role === "teacher") await startClassThroughLobby(page, base, "Ms Haddad", LESSON, language);
      else await joinThroughLobby(page, base, teacherBot.connection.code, "Lina", language);
      await page.locator("canvas").waitFor();
      await page.locator(phone ? ".sheet" : ".step-panel").waitFor();

      // A teacher's drawer starts open on a wide screen; closed, the lesson has the room.
      if (role === "teacher" && !phone) {
        await settle(page);
        const open = await measureLayout(page);
        expect(open.overlaps, `${name} drawer open`).toEqual([]);
        await page.screenshot({ path: `${SCREENSHOT_DIR}/layout-${name}-drawer.png` });
        await page.locator('button[name="teacher-tools"]').click();
        await page.locator("#teacher-drawer").waitFor({ state: "detached" });
      }

      expect(await axeProblems(page), name).toEqual([]);
      for (const size of sizes) {
        await page.setViewportSize(size);
        await settle(page);
        const at = `${name} ${size.width}×${size.height}`;
        const layout = await measureLayout(page);
        expect(layout.overlaps, at).toEqual([]);
        expect(layout.covered, at).toBeLessThanOrEqual(phone ? PHONE_MAX_COVER : WIDE_MAX_COVER);
        expect(await coveredControls(page), at).toEqual([]);
        if (phone) expect(await smallControls(page), at).toEqual([]);
        // The step is framed for this screen: every object of it big enough to see, no two names over each other.
        await expect.poll(() => narrowestDrawn(page), { timeout: 8000 }).toBeGreaterThanOrEqual(MIN_OBJECT_PX);
        expect(await labelOverlaps(page), at).toEqual([]);
        await page.screenshot({ path: `${SCREENSHOT_DIR}/layout-${name}-${size.width}.png` });
      }

      if (phone) {
        // Opened, the sheet shows one tab at a time and still leaves most of the lesson in view.
        await page.locator('button[name="sheet-toggle"]').click();
        for (const tab of await page.getByRole("tab").all()) {
          await tab.click();
          await settle(page);
          const layout = await measureLayout(page);
          expect(layout.overlaps, `${name} sheet open`).toEqual([]);
          expect(layout.covered, `${name} sheet open`).toBeLessThanOrEqual(OPEN_SHEET_MAX_COVER);
          expect(await coveredControls(page), `${name} sheet open`).toEqual([]);
        }
        expect(await axeProblems(page), `${name} sheet open`).toEqual([]);
        await page.screenshot({ path: `${SCREENSHOT_DIR}/layout-${name}-sheet-open.png` });
      }
      expect(browser.logs.filter((line) => line.startsWith("exception"))).toEqual([]);
    } finally {
      await browser.close();
    }
  }
});
