/**
 * The teacher leads from inside VR: joins through the private teacher link
 * on an emulated Meta Quest 3, enters VR, and uses the menu with the
 * controller's ray and trigger.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Page } from "playwright-core";
import type { MeridianTestHooks } from "../../client/app/testHooks.ts";
import { teacherLink } from "../../client/app/links.ts";
import { type Bot, createClassAsBot, joinClassAsBot } from "../../client/bot/bot.ts";
import type { RunningServer } from "../../server/app.ts";
import { openBrowser, type TestBrowser } from "../support/browser.ts";
import { startTestServer } from "../support/server.ts";
import { SCREENSHOT_DIR, requireBrowserAndBuild } from "./support.ts";

const XR_ORIGIN_Z = 1.1;
type Hooks = { meridianTest: MeridianTestHooks };
interface EmulatedController {
  position: { set(x: number, y: number, z: number): void };
  quaternion: { set(x: number, y: number, z: number, w: number): void };
  updateButtonValue(id: string, value: number): void;
}
type WithDevice = { meridianXrDevice: { controllers: { right: EmulatedController } } };

/** Holds the right controller at the user's right hand, aims its ray at a VR menu button, and pulls the trigger. */
async function pressVrButton(page: Page, id: string) {
  await page.waitForFunction((button) => Boolean((window as unknown as Hooks).meridianTest.vrButton(button)), id);
  await page.evaluate(
    ({ button, originZ }) => {
      const target = (window as unknown as Hooks).meridianTest.vrButton(button)!.p;
      // In the XR origin's frame (the headset stands at its centre).
      const hand = [0.2, 1.3, -0.15];
      const aim = [target[0] - hand[0]!, target[1] - hand[1]!, target[2] - originZ - hand[2]!];
      const length = Math.hypot(...aim);
      const to = aim.map((v) => v / length);
      // The rotation that turns the controller's forward (0, 0, -1) onto the aim.
      const from = [0, 0, -1];
      const cross = [
        from[1]! * to[2]! - from[2]! * to[1]!,
        from[2]! * to[0]! - from[0]! * to[2]!,
        from[0]! * to[1]! - from[1]! * to[0]!,
      ];
      const w = 1 + from[0]! * to[0]! + from[1]! * to[1]! + from[2]! * to[2]!;
      const norm = Math.hypot(cross[0]!, cross[1]!, cross[2]!, w);
      const controller = (window as unknown as WithDevice).meridianXrDevice.controllers.right;
      controller.position.set(hand[0]!, hand[1]!, hand[2]!);
      controller.quaternion.set(cross[0]! / norm, cross[1]! / norm, cross[2]! / norm, w / norm);
    },
    { button: id, originZ: XR_ORIGIN_Z },
  );
  await new Promise((resolve) => setTimeout(resolve, 400));
  await page.evaluate(() =>
    (window as unknown as WithDevice).meridianXrDevice.controllers.right.updateButtonValue("trigger", 1),
  );
  await new Promise((resolve) => setTimeout(resolve, 600));
  await page.evaluate(() =>
    (window as unknown as WithDevice).meridianXrDevice.controllers.right.updateButtonValue("trigger", 0),
  );
  await new Promise((resolve) => setTimeout(resolve, 300));
}

describe("the VR menu, used with an emulated controller", () => {
  let server: RunningServer;
  let creator: Bot;
  let student: Bot;
  let headset: TestBrowser;

  beforeAll(async () => {
    requireBrowserAndBuild();
    server = await startTestServer();
    const base = `http://127.0.0.1:${server.port}`;
    creator = await createClassAsBot(base, "solar-system", { nickname: "Ms Okafor (desk)" });
    await vi.waitFor(() => expect(creator.connection.view.getState().teacherKey).toBeDefined());
    student = await joinClassAsBot(base, creator.connection.code, { nickname: "Kofi", language: "sw" });
    headset = await openBrowser();
    const link = teacherLink(`${base}`, creator.connection.code, creator.connection.view.getState().teacherKey!);
    const url = new URL(link);
    url.search = "?test=1&xr=quest3";
    await headset.page.goto(url.toString());
    await headset.page.locator('input[name="nickname"]').fill("Ms Okafor");
    await headset.page.locator('form button[type="submit"]').click();
    await headset.page.waitForFunction(() => Boolean((window as unknown as Hooks).meridianTest?.seat()));
    await headset.page.getByRole("button", { name: "Enter VR" }).click();
    await headset.page.getByRole("button", { name: "Exit VR" }).waitFor({ timeout: 60_000 });
  });

  afterAll(async () => {
    await headset?.close();
    await Promise.all([student?.leave(), creator?.leave()]);
    await server?.stop();
  });

  it("the teacher moves the class to the next step from inside VR", async () => {
    expect(student.connection.state.step).toBe(0);
    await pressVrButton(headset.page, "step-next");
    await expect.poll(() => student.connection.state.step, { timeout: 10_000 }).toBe(1);
    await headset.page.screenshot({ path: `${SCREENSHOT_DIR}/teacher-vr-menu.png` });
  });

  it("raises a hand and sends a phrase from inside VR", async () => {
    const seat = await headset.page.evaluate(() => (window as unknown as Hooks).meridianTest.seat()!);
    await pressVrButton(headset.page, "hand");
    await expect
      .poll(() => student.connection.state.participants.get(seat)?.handRaisedAt, { timeout: 10_000 })
      .toBeGreaterThan(0);
    await pressVrButton(headset.page, "phrase-question");
    await expect
      .poll(() => student.connection.view.getState().events.at(-1), { timeout: 10_000 })
      .toMatchObject({ kind: "phrase", phrase: "question" });
  });
});
