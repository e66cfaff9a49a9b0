/**
 * AR: a student in an emulated passthrough headset, in a captured office
 * with a real table, places the lesson on that table at tabletop size, grabs
 * an object and moves it; a desktop student sees it arrive at the matching
 * place in the shared lesson. Then the desktop student drags an object and
 * the AR student's view follows — at the right spot on the real table.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import type { MeridianTestHooks } from "../../client/app/testHooks.ts";
import type { ArPlacementState } from "../../client/xr/arPlacement.ts";
import { TABLETOP_SCALE, toRoom, toShared, type Placement } from "../../client/xr/placement.ts";
import { type Bot, createClassAsBot } from "../../client/bot/bot.ts";
import { formatJoinCode } from "../../shared/joinCode.ts";
import type { Vec3 } from "../../shared/math.ts";
import type { RunningServer } from "../../server/app.ts";
import { openBrowser, type TestBrowser } from "../support/browser.ts";
import { startTestServer } from "../support/server.ts";
import {
  SCREENSHOT_DIR,
  distance,
  joinThroughLobby,
  renderedPose,
  requireBrowserAndBuild,
  seatOf,
  waitForRenderedNear,
} from "./support.ts";

/** The captured room's table top: about 0.75 m high, centred 0.65 m in front of where the headset starts. */
const TABLE_TOP_Y = 0.748;
/** Standing at the start, looking 52.4° down: the gaze meets the table near its middle. */
const LOOK_AT_TABLE: [number, number, number, number] = [-0.4412, 0, 0, 0.8974];

interface EmulatedQuest {
  position: { set(x: number, y: number, z: number): void };
  quaternion: { set(x: number, y: number, z: number, w: number): void };
  controllers: Record<
    "left" | "right",
    {
      position: { set(x: number, y: number, z: number): void };
      quaternion: { set(x: number, y: number, z: number, w: number): void };
      updateButtonValue(id: string, value: number): void;
    }
  >;
}
type WithDevice = { meridianXrDevice: EmulatedQuest };
type Hooks = { meridianTest: MeridianTestHooks };
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function placementOf(page: Page): Promise<ArPlacementState> {
  return page.evaluate(() => (window as unknown as Hooks).meridianTest.arPlacement());
}

/** Moves the emulated right controller to a point in the student's room. */
function moveRightController(page: Page, room: Vec3) {
  return page.evaluate(
    ([x, y, z]) => (window as unknown as WithDevice).meridianXrDevice.controllers.right.position.set(x!, y!, z!),
    room,
  );
}

function pressButton(page: Page, button: "trigger" | "squeeze", value: number) {
  return page.evaluate(
    ([id, v]) => (window as unknown as WithDevice).meridianXrDevice.controllers.right.updateButtonValue(id, v),
    [button, value] as const,
  );
}

describe("an AR student with the lesson on their own table", () => {
  let server: RunningServer;
  let teacher: Bot;
  let desktop: TestBrowser;
  let ar: TestBrowser;
  let placement: Placement;

  beforeAll(async () => {
    requireBrowserAndBuild();
    server = await startTestServer();
    const base = `http://127.0.0.1:${server.port}`;
    teacher = await createClassAsBot(base, "shapes-and-planets", { nickname: "Ms Okafor" });
    [desktop, ar] = await Promise.all([openBrowser(), openBrowser({ width: 1000, height: 800 })]);
    const code = formatJoinCode(teacher.connection.code);
    await joinThroughLobby(desktop.page, `${base}/?test=1`, code, "Ana");
    await ar.page.goto(`${base}/?test=1&xr=quest3&room=office_small`);
    // The lobby offers what this device can do: both VR and AR.
    await ar.page.locator(".device-note", { hasText: "This device can enter VR and AR." }).waitFor();
    await joinThroughLobby(ar.page, `${base}/?test=1&xr=quest3&room=office_small`, code, "Wanjiru");
  });

  afterAll(async () => {
    await Promise.all([desktop?.close(), ar?.close()]);
    await teacher?.leave();
    await server?.stop();
  });

  it("enters AR, sees the reticle on the real table, and sets the lesson down there at tabletop size", async () => {
    await ar.page.evaluate(([x, y, z, w]) => {
      const device = (window as unknown as WithDevice).meridianXrDevice;
      device.position.set(0, 1.6, 0);
      device.quaternion.set(x!, y!, z!, w!);
    }, LOOK_AT_TABLE);
    await ar.page.getByRole("button", { name: "Enter AR" }).click();
    await ar.page.locator(".class-bar").getByRole("button", { name: "Exit AR" }).waitFor({ timeout: 60_000 });
    // Hit-testing finds the table where the student looks.
    await expect
      .poll(async () => (await placementOf(ar.page)).hit?.[1] ?? -1, { timeout: 20_000 })
      .toBeCloseTo(TABLE_TOP_Y, 1);
    expect((await placementOf(ar.page)).status).toBe("placing");
    await ar.page.screenshot({ path: `${SCREENSHOT_DIR}/ar-placing.png` });

    await pressButton(ar.page, "trigger", 1);
    await pause(150);
    await pressButton(ar.page, "trigger", 0);
    await expect.poll(async () => (await placementOf(ar.page)).status, { timeout: 10_000 }).toBe("placed");
    placement = (await placementOf(ar.page)).placement!;
    expect(placement.scale).toBe(TABLETOP_SCALE);
    expect(placement.position[1]).toBeCloseTo(TABLE_TOP_Y, 1);
    expect(Math.abs(placement.position[2] + 0.655)).toBeLessThan(0.15);
    // The lesson faces the student: nearly no turn when looking straight ahead at it.
    expect(Math.abs(placement.yaw)).toBeLessThan(0.2);
    await pause(300);
    await ar.page.screenshot({ path: `${SCREENSHOT_DIR}/ar-placed-on-table.png` });
  });

  it("grabs an object on the table and moves it; the desktop student sees it at the matching shared place", async () => {
    const start = (await renderedPose(ar.page, "cube"))!;
    const startRoom = toRoom(placement, start).p;
    await moveRightController(ar.page, startRoom);
    await pause(300);
    await pressButton(ar.page, "squeeze", 1);
    const seat = await seatOf(ar.page);
    await expect.poll(() => teacher.connection.state.objects.get("cube")?.heldBy, { timeout: 10_000 }).toBe(seat);

    // 10 cm to the right and 10 cm up over the real table: 20 cm each in the lesson at half size.
    const moveBy: Vec3 = [0.1, 0.1, 0];
    for (let step = 1; step <= 10; step++) {
      const t = step / 10;
      await moveRightController(ar.page, [startRoom[0] + moveBy[0] * t, startRoom[1] + moveBy[1] * t, startRoom[2]]);
      await pause(60);
    }
    await pressButton(ar.page, "squeeze", 0);
    await expect.poll(() => teacher.connection.state.objects.get("cube")?.heldBy, { timeout: 10_000 }).toBe("");

    const c = Math.cos(placement.yaw);
    const s = Math.sin(placement.yaw);
    // Room offset back into the lesson frame: unturned, then divided by the scale.
    const sharedBy: Vec3 = [
      (c * moveBy[0] - s * moveBy[2]) / placement.scale,
      moveBy[1] / placement.scale,
      (s * moveBy[0] + c * moveBy[2]) / placement.scale,
    ];
    const expected: Vec3 = [start.p[0] + sharedBy[0], start.p[1] + sharedBy[1], start.p[2] + sharedBy[2]];
    await waitForRenderedNear(desktop.page, "cube", expected, 0.04);
    const seen = (await renderedPose(desktop.page, "cube"))!.p;
    expect(distance(seen, expected)).toBeLessThan(0.04);
    expect(seen[1] - start.p[1]).toBeGreaterThan(0.15);
    await desktop.page.screenshot({ path: `${SCREENSHOT_DIR}/desktop-sees-ar-move.png` });
  });

  it("follows what the desktop student moves, at the right spot on the real table", async () => {
    const target = { p: [-0.3, 0.95, 0.2] as Vec3, q: [0, 0, 0, 1] as [number, number, number, number] };
    await desktop.page.evaluate((pose) => (window as unknown as Hooks).meridianTest.place("moon", pose), target);
    await expect
      .poll(() => teacher.connection.state.objects.get("moon")?.pose.px ?? 0, { timeout: 10_000 })
      .toBeCloseTo(-0.3, 2);
    await waitForRenderedNear(ar.page, "moon", target.p, 0.01);
    // Where that is in the AR student's room: on their table, scaled and turned by their placement.
    const room = toRoom(placement, target).p;
    expect(room[1]).toBeCloseTo(TABLE_TOP_Y + (0.95 - 0.8) * placement.scale, 1);
    expect(distance(room, placement.position)).toBeLessThan(0.3);
    await pause(300);
    await ar.page.screenshot({ path: `${SCREENSHOT_DIR}/ar-sees-desktop-move.png` });
  });

  it("is seen by the class where it stands, in the shared frame", async () => {
    // The headset stands at the room's (0, 1.6, 0): to the class that is above and in front of the lesson.
    const seat = await seatOf(ar.page);
    const expected = toShared(placement, { p: [0, 1.6, 0], q: LOOK_AT_TABLE }).p;
    await expect
      .poll(() => {
        const head = teacher.connection.poses.latest(`head:${seat}`);
        return head ? distance(head.p, expected) : Infinity;
      })
      .toBeLessThan(0.05);
  });

  it("makes the lesson larger for their room from the menu, changing nothing for the class", async () => {
    const before = JSON.stringify(teacher.connection.state.objects.toJSON());
    await pressMenuButton(ar.page, placement, "ar-larger");
    await expect.poll(async () => (await placementOf(ar.page)).placement?.scale).toBeCloseTo(TABLETOP_SCALE * 1.25, 5);
    const larger = (await placementOf(ar.page)).placement!;
    // Still on the same spot of the table, still placed.
    expect(larger.position).toEqual(placement.position);
    expect((await placementOf(ar.page)).status).toBe("placed");
    await pause(500);
    expect(JSON.stringify(teacher.connection.state.objects.toJSON())).toBe(before);
    await ar.page.screenshot({ path: `${SCREENSHOT_DIR}/ar-larger.png` });
  });
});

/** Aims the right controller's ray from the right hand at a button of the in-headset menu, and pulls the trigger. */
async function pressMenuButton(page: Page, placement: Placement, id: string) {
  await page.waitForFunction((button) => Boolean((window as unknown as Hooks).meridianTest.vrButton(button)), id);
  const button = (await page.evaluate((b) => (window as unknown as Hooks).meridianTest.vrButton(b)!, id))!;
  // The hook gives the lesson frame; the controller lives in the room.
  const target = toRoom(placement, button).p;
  const hand: Vec3 = [0.2, 1.3, -0.15];
  const aim = [target[0] - hand[0], target[1] - hand[1], target[2] - hand[2]];
  const length = Math.hypot(...aim);
  const to = aim.map((v) => v / length) as Vec3;
  // The rotation that turns the controller's forward (0, 0, -1) onto the aim.
  const cross: Vec3 = [to[1], -to[0], 0];
  const w = 1 - to[2];
  const norm = Math.hypot(cross[0], cross[1], cross[2], w);
  await page.evaluate(
    ([h, q]) => {
      const controller = (window as unknown as WithDevice).meridianXrDevice.controllers.right;
      controller.position.set(h[0]!, h[1]!, h[2]!);
      controller.quaternion.set(q[0]!, q[1]!, q[2]!, q[3]!);
    },
    [hand, [cross[0] / norm, cross[1] / norm, cross[2] / norm, w / norm]] as const,
  );
  await pause(400);
  await pressButton(page, "trigger", 1);
  await pause(600);
  await pressButton(page, "trigger", 0);
  await pause(300);
}
