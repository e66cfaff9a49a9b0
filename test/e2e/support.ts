/** Shared steps for browser tests: join through the real lobby, read the test hooks. */
import AxeBuilder from "@axe-core/playwright";
import { existsSync, mkdirSync } from "node:fs";
import type { Page } from "playwright-core";
import type { MeridianTestHooks } from "../../client/app/testHooks.ts";
import type { Pose } from "../../shared/math.ts";
import { chromiumAvailable, CHROMIUM_PATH } from "../support/browser.ts";

export const SCREENSHOT_DIR = "test-output/screenshots";

/** Browser tests never skip: without a browser or a built client they fail with the fix. */
export function requireBrowserAndBuild(): void {
  if (!chromiumAvailable()) throw new Error(`No Chromium at ${CHROMIUM_PATH}: install Debian's "chromium" package.`);
  if (!existsSync("dist/client/index.html")) throw new Error('The client is not built: run "npm run build" first.');
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
}

type Hooks = { meridianTest: MeridianTestHooks };

/** Joins a class through the lobby form, as a person would. */
export async function joinThroughLobby(page: Page, url: string, code: string, nickname: string, language?: string) {
  await page.goto(url);
  if (language) await page.locator('select[name="language"]').selectOption(language);
  await page.locator('input[name="nickname"]').fill(nickname);
  await page.locator('input[name="code"]').fill(code);
  await page.locator('form button[type="submit"]').click();
  await page.waitForFunction(() => Boolean((window as unknown as Hooks).meridianTest?.seat()));
  await page.locator("canvas").waitFor();
}

/** Starts a class through the lobby as its teacher (in a language, when given); returns the class code. */
export async function startClassThroughLobby(
  page: Page,
  url: string,
  nickname: string,
  lessonId: string,
  language?: string,
) {
  await page.goto(url);
  await page.getByRole("tab", { name: "Start a class" }).click();
  if (language) await page.locator('select[name="language"]').selectOption(language);
  await page.locator('input[name="nickname"]').fill(nickname);
  await page.locator('select[name="lesson"]').selectOption(lessonId);
  await page.locator('form button[type="submit"]').click();
  await page.waitForFunction(() => Boolean((window as unknown as Hooks).meridianTest?.code()));
  return page.evaluate(() => (window as unknown as Hooks).meridianTest.code()!);
}

export function seatOf(page: Page): Promise<string> {
  return page.evaluate(() => (window as unknown as Hooks).meridianTest.seat()!);
}

export function renderedPose(page: Page, objectId: string): Promise<Pose | undefined> {
  return page.evaluate((id) => (window as unknown as Hooks).meridianTest.renderedPose(id), objectId);
}

/** Waits until the page draws an object within `tolerance` metres of a point. */
export async function waitForRenderedNear(
  page: Page,
  objectId: string,
  point: [number, number, number],
  tolerance = 0.02,
) {
  await page.waitForFunction(
    ({ id, target, tolerance }) => {
      const pose = (window as unknown as Hooks).meridianTest.renderedPose(id);
      return pose !== undefined && Math.hypot(...pose.p.map((v, i) => v - target[i]!)) <= tolerance;
    },
    { id: objectId, target: point, tolerance },
    { timeout: 15_000 },
  );
}

export function distance(a: [number, number, number], b: [number, number, number]): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}

/** Opens the teacher's tools, wherever this screen keeps them (the drawer, or the phone sheet's last tab). */
export async function openTeacherTools(page: Page) {
  await page.locator(".class-bar").waitFor();
  const drawerToggle = page.locator('button[name="teacher-tools"]');
  if ((await drawerToggle.count()) > 0) {
    if ((await drawerToggle.getAttribute("aria-expanded")) !== "true") await drawerToggle.click();
  } else {
    const sheetToggle = page.locator('button[name="sheet-toggle"]');
    if ((await sheetToggle.getAttribute("aria-expanded")) !== "true") await sheetToggle.click();
    await page.locator('.sheet-tabs [role="tab"]').last().click();
  }
  await page.locator(".teacher-panel").waitFor();
}

/** Serious and critical WCAG 2.2 A/AA violations on the page, as "rule: target" lines. */
export async function axeProblems(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  return result.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(" ")}`));
}

/** Pairs of name tags drawn over each other. */
export function labelOverlaps(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const labels = (window as unknown as { meridianTest: MeridianTestHooks }).meridianTest.shownLabels();
    const pairs: string[] = [];
    for (let i = 0; i < labels.length; i++)
      for (let j = i + 1; j < labels.length; j++) {
        const [a, b] = [labels[i]!.rect, labels[j]!.rect];
        if (a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3])
          pairs.push(`${labels[i]!.text} × ${labels[j]!.text}`);
      }
    return pairs;
  });
}
