/**
 * The lesson studio through the real interface: an English-speaking and a
 * Spanish-speaking teacher write one lesson together in two browsers, publish
 * it, and a class runs on it; a Spanish student does its task. Then a third
 * author in an emulated headset moves an object with the controller and the
 * others see it move.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import type { MeridianTestHooks } from "../../client/app/testHooks.ts";
import type { Lesson } from "../../shared/lesson.ts";
import type { RunningServer } from "../../server/app.ts";
import { openBrowser, type TestBrowser } from "../support/browser.ts";
import { startTestServer } from "../support/server.ts";
import {
  SCREENSHOT_DIR,
  axeProblems,
  distance,
  joinThroughLobby,
  renderedPose,
  requireBrowserAndBuild,
  waitForRenderedNear,
} from "./support.ts";

type Hooks = { meridianTest: MeridianTestHooks };
/** What the pages wait for arrives within a second or two, longer on a busy machine running the whole suite. */
const WAIT = { timeout: 15_000 };
const XR_ORIGIN_Z = 1.1;
type WithDevice = {
  meridianXrDevice: {
    controllers: Record<
      "right",
      { position: { set(x: number, y: number, z: number): void }; updateButtonValue(id: string, value: number): void }
    >;
  };
};

/** Writes a text into one language's box of a field, then leaves the box (which sends it). */
async function write(page: Page, field: string, text: string) {
  const box = page.locator(`[name="${field}"]`);
  await box.fill(text);
  await box.press("Tab");
}

describe("the lesson studio", () => {
  let server: RunningServer;
  let base: string;
  let ana: TestBrowser;
  let bruno: TestBrowser;
  let authorLink = "";

  beforeAll(async () => {
    requireBrowserAndBuild();
    server = await startTestServer();
    base = `http://127.0.0.1:${server.port}`;
    [ana, bruno] = await Promise.all([openBrowser(), openBrowser()]);
  });

  afterAll(async () => {
    await Promise.all([ana?.close(), bruno?.close()]);
    await server?.stop();
  });

  it("two teachers, in English and in Spanish, write one lesson side by side and publish it", async () => {
    const page = ana.page;
    await page.goto(`${base}/?test=1`);
    await page.getByRole("tab", { name: "Start a class" }).click();
    await page.locator('input[name="nickname"]').fill("Ana");
    await page.getByRole("button", { name: "Create a lesson" }).click();
    await page.locator(".studio-steps").waitFor();

    // A sphere and a cube on the table.
    await page.locator('select[name="new-shape"]').selectOption("sphere");
    await page.locator('input[name="new-label"]').fill("Ball");
    await page.locator('button[name="add-object"]').click();
    await page.locator('select[name="new-shape"]').selectOption("box");
    await page.locator('input[name="new-label"]').fill("Cube");
    await page.locator('button[name="add-object"]').click();
    await expect.poll(() => page.locator('select[name="selected-object"] option').count(), WAIT).toBe(3);

    // The cube gets a target (a ghost on the table), and the task asks for it there.
    await page.locator('select[name="selected-object"]').selectOption({ label: "Cube" });
    await page.locator('button[name="add-target"]').click();
    await page.locator('input[name="in-task-box-2"]:not([disabled])').waitFor();
    await page.locator('input[name="in-task-box-2"]').click();
    await expect.poll(() => page.locator('input[name="in-task-box-2"]').isChecked(), WAIT).toBe(true);

    // Spanish joins the lesson's languages: every text now has a Spanish box beside the English one.
    await page.locator('input[name="language-es"]').click();
    await page.locator('[name="step:step-1:title:es"]').waitFor();
    await write(page, "lesson:title:en", "Shapes in place");
    await write(page, "lesson:summary:en", "Put the cube on its mark.");
    await write(page, "step:step-1:title:en", "Move the cube");
    await write(page, "step:step-1:instructions:en", "Slide the cube along the table.");
    await write(page, "step:step-1:task:en", "Put the cube on the see-through mark.");

    // The co-author link brings Bruno, in Spanish, into the same draft.
    authorLink = (await page.locator(".studio-publish input").last().inputValue()).replace(/^https?:\/\/[^/]+/, base);
    expect(authorLink).toMatch(/#draft=[a-z0-9]{16}\.[0-9a-f]{32}$/);
    await bruno.page.goto(authorLink.replace("/#", "/?test=1#"));
    await bruno.page.locator('select[name="language"]').selectOption("es");
    await bruno.page.locator('input[name="nickname"]').fill("Bruno");
    await bruno.page.getByRole("button", { name: "Abrir el estudio de lecciones" }).click();
    await bruno.page.locator(".studio-steps").waitFor();
    // He sees Ana's English next to the empty Spanish boxes, which are flagged as missing.
    await expect
      .poll(() => bruno.page.locator('[name="step:step-1:title:en"]').inputValue(), WAIT)
      .toBe("Move the cube");
    expect(await bruno.page.locator('[name="step:step-1:title:es"]').getAttribute("aria-invalid")).toBe("true");

    await write(bruno.page, "lesson:title:es", "Formas en su sitio");
    await write(bruno.page, "lesson:summary:es", "Pon el cubo en su marca.");
    await write(bruno.page, "step:step-1:title:es", "Mueve el cubo");
    await write(bruno.page, "step:step-1:instructions:es", "Desliza el cubo por la mesa.");
    await write(bruno.page, "step:step-1:task:es", "Pon el cubo en la marca transparente.");
    await bruno.page.locator('select[name="selected-object"]').selectOption("box-2");
    await write(bruno.page, "object:box-2:es", "Cubo");
    await bruno.page.locator('select[name="selected-object"]').selectOption("sphere-1");
    await write(bruno.page, "object:sphere-1:es", "Pelota");
    // Ana sees Bruno's Spanish arrive beside her English, and who wrote last.
    await expect.poll(() => page.locator('[name="step:step-1:title:es"]').inputValue(), WAIT).toBe("Mueve el cubo");
    await expect
      .poll(() => page.locator(".language-choice").nth(1).locator("small").textContent(), WAIT)
      .toContain("100");
    await page.screenshot({ path: `${SCREENSHOT_DIR}/studio-author-en.png` });
    await bruno.page.screenshot({ path: `${SCREENSHOT_DIR}/studio-author-es.png` });
    expect(await axeProblems(page)).toEqual([]);

    // Ana tries the step as a Spanish student: the student's step panel, in Spanish, then back to the studio.
    await page.locator('select[name="try-language"]').selectOption("es");
    await page.locator('button[name="try"]').click();
    await expect.poll(() => page.locator(".step-panel .step-title").textContent(), WAIT).toBe("Mueve el cubo");
    expect(await page.locator(".studio-steps").count()).toBe(0);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/studio-trying-es.png` });
    await page.locator('button[name="stop-trying"]').click();
    await page.locator(".studio-steps").waitFor();
    await expect.poll(() => page.locator(".studio-steps h2").textContent(), WAIT).toBe("Steps");

    await bruno.page.locator('button[name="publish"]').click();
    await page.locator('.studio-publish button[name="start-class"]').waitFor();
  });

  it("a class starts from the published lesson; a Spanish student reads it in Spanish and the task counts the cube", async () => {
    const page = ana.page;
    await page.locator('.studio-publish button[name="start-class"]').click();
    await page.waitForFunction(() => {
      const hooks = (window as unknown as Hooks).meridianTest;
      return Boolean(hooks?.code()) && !document.querySelector(".studio-steps");
    });
    const code = await page.evaluate(() => (window as unknown as Hooks).meridianTest.code()!);
    const lessons = (await (await fetch(`${base}/api/lessons`)).json()) as { id: string; authors?: string[] }[];
    const published = lessons.find((lesson) => lesson.id.startsWith("shapes-in-place-"))!;
    expect(published.authors).toEqual(["Ana", "Bruno"]);
    const lesson = (await (await fetch(`${base}/api/lessons/${published.id}`)).json()) as Lesson;
    const target = lesson.objects.find((object) => object.id === "box-2")!.snap![0]!.pose;

    const lucia = await openBrowser({ width: 1000, height: 700 });
    try {
      await joinThroughLobby(lucia.page, `${base}/?test=1`, code, "Lucía", "es");
      await expect.poll(() => lucia.page.locator(".step-panel .step-title").textContent(), WAIT).toBe("Mueve el cubo");
      await expect.poll(() => lucia.page.locator(".step-panel .task-progress").textContent(), WAIT).toContain("0 de 1");
      await lucia.page.evaluate(([pose]) => (window as unknown as Hooks).meridianTest.place("box-2", pose!), [target]);
      await expect.poll(() => lucia.page.locator(".step-panel").textContent(), WAIT).toContain("¡Hecho!");
      await lucia.page.screenshot({ path: `${SCREENSHOT_DIR}/studio-lesson-student-es.png` });
      await page.screenshot({ path: `${SCREENSHOT_DIR}/studio-lesson-teacher.png` });
    } finally {
      await lucia.close();
    }
  });

  it("an author in a headset moves the ball with the controller; the other author sees it and it is kept", async () => {
    // Back to the studio, through the co-author link, for both.
    await bruno.page.locator(".studio-steps").waitFor();
    const headset = await openBrowser();
    try {
      await headset.page.goto(authorLink.replace("/#", "/?test=1&xr=quest3#"));
      await headset.page.locator('input[name="nickname"]').fill("Kofi");
      await headset.page.getByRole("button", { name: "Open the lesson studio" }).click();
      await headset.page.locator(".studio-steps").waitFor();
      await headset.page.getByRole("button", { name: "Enter VR" }).click();
      await headset.page.getByRole("button", { name: "Exit VR" }).waitFor({ timeout: 60_000 });

      const start = (await renderedPose(headset.page, "sphere-1"))!.p;
      const controller = (point: [number, number, number]) =>
        headset.page.evaluate(
          ([x, y, z]) => (window as unknown as WithDevice).meridianXrDevice.controllers.right.position.set(x!, y!, z!),
          [point[0], point[1], point[2] - XR_ORIGIN_Z],
        );
      const squeeze = (value: number) =>
        headset.page.evaluate(
          (v) => (window as unknown as WithDevice).meridianXrDevice.controllers.right.updateButtonValue("squeeze", v),
          value,
        );
      await controller(start);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await squeeze(1);
      const moved: [number, number, number] = [start[0] + 0.2, start[1], start[2] + 0.15];
      for (let step = 1; step <= 10; step++) {
        const t = step / 10;
        await controller([start[0] + 0.2 * t, start[1], start[2] + 0.15 * t]);
        await new Promise((resolve) => setTimeout(resolve, 60));
      }
      await squeeze(0);
      // Its new place is the step's: the draft's own copy of the lesson records it, near where the hand took it
      // (the hold may sit a little off the ball's centre when a busy machine draws the controller late).
      let kept: [number, number, number] | undefined;
      await expect
        .poll(async () => {
          const draft = await bruno.page.evaluate(() => (window as unknown as Hooks).meridianTest.draft());
          kept = draft?.lesson.objects.find((object) => object.id === "sphere-1")?.pose.p;
          return kept ? distance(kept, moved) : Infinity;
        }, WAIT)
        .toBeLessThan(0.1);
      expect(distance(kept!, start)).toBeGreaterThan(0.15);
      // The other author draws it exactly there.
      await waitForRenderedNear(bruno.page, "sphere-1", kept!, 0.01);
      // Nothing anyone wrote was lost on the way (an author leaving a box they did not type in sends nothing).
      const draft = await bruno.page.evaluate(() => (window as unknown as Hooks).meridianTest.draft());
      expect(draft?.lesson.steps[0]?.task).toEqual({
        en: "Put the cube on the see-through mark.",
        es: "Pon el cubo en la marca transparente.",
      });
      await bruno.page.screenshot({ path: `${SCREENSHOT_DIR}/studio-sees-headset-author.png` });
      await headset.page.screenshot({ path: `${SCREENSHOT_DIR}/studio-headset-author.png` });
    } finally {
      await headset.close();
    }
  });
});
