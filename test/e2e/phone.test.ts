/**
 * A phone without AR takes part on screen with its fingers: one finger on the
 * background looks around, two fingers pinch to zoom, and a finger on an
 * object moves it for the whole class.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CDPSession } from "playwright-core";
import type { MeridianTestHooks } from "../../client/app/testHooks.ts";
import { type Bot, createClassAsBot } from "../../client/bot/bot.ts";
import { formatJoinCode } from "../../shared/joinCode.ts";
import type { RunningServer } from "../../server/app.ts";
import { openBrowser, type TestBrowser } from "../support/browser.ts";
import { startTestServer } from "../support/server.ts";
import { SCREENSHOT_DIR, distance, joinThroughLobby, requireBrowserAndBuild } from "./support.ts";

type Hooks = { meridianTest: MeridianTestHooks };
type Point = [number, number];
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("a student on a phone, with touch", () => {
  let server: RunningServer;
  let teacher: Bot;
  let phone: TestBrowser;
  let touch: CDPSession;

  /** Moves fingers from their start points to their end points in small steps, as a hand would. */
  async function gesture(from: Point[], to: Point[], steps = 12) {
    const at = (t: number) =>
      from.map(([x, y], id) => ({ x: x + (to[id]![0] - x) * t, y: y + (to[id]![1] - y) * t, id }));
    await touch.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: at(0) });
    for (let step = 1; step <= steps; step++) {
      await touch.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: at(step / steps) });
      await pause(30);
    }
    await touch.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
  }

  /** The objects drawn well inside the screen's middle (clear of the panels and bars), with where. */
  async function onScreen(): Promise<[string, Point][]> {
    const ids = ["cube", "cone", "ring", "octahedron", "cylinder", "earth", "moon"];
    const points = await phone.page.evaluate(
      (list) => list.map((id) => [id, (window as unknown as Hooks).meridianTest.screenPoint(id)] as const),
      ids,
    );
    return points.filter(
      (entry): entry is [string, Point] =>
        entry[1] !== undefined && entry[1][0] > 40 && entry[1][0] < 372 && entry[1][1] > 380 && entry[1][1] < 640,
    );
  }

  /** A height on the screen where a finger drawn across meets no object: background. */
  async function clearRow(): Promise<number> {
    const ids = ["cube", "cone", "ring", "octahedron", "cylinder", "earth", "moon", "sun"];
    const points = await phone.page.evaluate(
      (list) => list.map((id) => (window as unknown as Hooks).meridianTest.screenPoint(id)),
      ids,
    );
    const drawn = points.filter((point) => point !== undefined && point[0] > -20 && point[0] < 432);
    for (let y = 380; y <= 640; y += 10) if (drawn.every((point) => Math.abs(point![1] - y) > 45)) return y;
    throw new Error("no clear row on the screen");
  }

  const viewpoint = () => phone.page.evaluate(() => (window as unknown as Hooks).meridianTest.viewpoint()!);

  beforeAll(async () => {
    requireBrowserAndBuild();
    server = await startTestServer();
    const base = `http://127.0.0.1:${server.port}`;
    teacher = await createClassAsBot(base, "shapes-and-planets", { nickname: "Ms Okafor" });
    phone = await openBrowser({ width: 412, height: 860 }, { phone: true });
    await phone.page.goto(`${base}/?test=1`);
    await joinThroughLobby(phone.page, `${base}/?test=1`, formatJoinCode(teacher.connection.code), "Tariq");
    touch = await phone.context.newCDPSession(phone.page);
    await pause(1000);
  });

  afterAll(async () => {
    await phone?.close();
    await teacher?.leave();
    await server?.stop();
  });

  it("is told it takes part on screen, with touch hints, and offered no VR or AR", async () => {
    // The hint waits in the bottom sheet's lesson tab, out of the lesson's way.
    await phone.page.locator('button[name="sheet-toggle"]').click();
    expect(await phone.page.locator(".sheet .hint").textContent()).toContain("pinch to zoom");
    await phone.page.locator('button[name="sheet-toggle"]').click();
    await phone.page.locator(".sheet-body").waitFor({ state: "detached" });
    expect(await phone.page.getByRole("button", { name: /Enter (VR|AR)/ }).count()).toBe(0);
    await phone.page.screenshot({ path: `${SCREENSHOT_DIR}/phone-in-class.png` });
  });

  it("moves an object with a finger; the class sees it", async () => {
    const [id, [x, y]] = (await onScreen())[0]!;
    const { px, py, pz } = teacher.connection.state.objects.get(id)!.pose;
    const start: [number, number, number] = [px, py, pz];
    await gesture([[x, y]], [[x - 80, y - 40]], 16);
    await expect
      .poll(() => {
        const now = teacher.connection.state.objects.get(id)!.pose;
        return distance([now.px, now.py, now.pz], start);
      })
      .toBeGreaterThan(0.05);
    await expect.poll(() => teacher.connection.state.objects.get(id)?.heldBy).toBe("");
    await phone.page.screenshot({ path: `${SCREENSHOT_DIR}/phone-after-touch-move.png` });
  });

  it("looks around with one finger on the background and zooms with a pinch", async () => {
    const before = await viewpoint();
    await gesture([[30, await clearRow()]], [[300, await clearRow()]]);
    await expect.poll(async () => distance(await viewpoint(), before)).toBeGreaterThan(0.3);

    const beforePinch = await viewpoint();
    const centre = (v: [number, number, number]) => Math.hypot(v[0], v[1] - 0.95, v[2]);
    const row = await clearRow();
    await gesture(
      [
        [150, row],
        [260, row],
      ],
      [
        [60, row],
        [350, row],
      ],
    );
    await expect.poll(async () => centre(await viewpoint())).toBeLessThan(centre(beforePinch) - 0.1);
  });
});
