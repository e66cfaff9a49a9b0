/**
 * Comfort in a headset (an emulated Meta Quest 3): pushing the right stick
 * forward throws an arc and letting go teleports there (the class sees the
 * student arrive at the target); pushing it sideways snap-turns by the
 * chosen 30°; after both, a grab with the controller still lands at the
 * shared place the class sees. Name tags are laid out in the headset's view
 * as on a screen: none covers another.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Page } from "playwright-core";
import type { MeridianTestHooks } from "../../client/app/testHooks.ts";
import { type Bot, createClassAsBot } from "../../client/bot/bot.ts";
import { teleportArc } from "../../client/xr/comfort.ts";
import type { Vec3 } from "../../shared/math.ts";
import type { RunningServer } from "../../server/app.ts";
import { openBrowser, type TestBrowser } from "../support/browser.ts";
import { startTestServer } from "../support/server.ts";
import {
  SCREENSHOT_DIR,
  joinThroughLobby,
  labelOverlaps,
  renderedPose,
  requireBrowserAndBuild,
  seatOf,
} from "./support.ts";

interface EmulatedController {
  position: { set(x: number, y: number, z: number): void };
  quaternion: { set(x: number, y: number, z: number, w: number): void };
  updateButtonValue(id: string, value: number): void;
  updateAxes(id: string, x: number, y: number): void;
}
type WithDevice = { meridianXrDevice: { controllers: { right: EmulatedController } } };
type Hooks = { meridianTest: MeridianTestHooks };
type Place = { position: Vec3; yaw: number };
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const originOf = (page: Page) => page.evaluate(() => (window as unknown as Hooks).meridianTest.xrOrigin());

/** A world point or direction in the play space's own frame (what the emulated controller is placed in). */
function toLocal(place: Place, world: Vec3, isDirection = false): Vec3 {
  const d = isDirection ? world : (world.map((v, i) => v - place.position[i]!) as Vec3);
  const cos = Math.cos(place.yaw);
  const sin = Math.sin(place.yaw);
  return [d[0] * cos - d[2] * sin, d[1], d[0] * sin + d[2] * cos];
}

/** From the play space's frame to the world's. */
function toWorld(place: Place, local: Vec3): Vec3 {
  const cos = Math.cos(place.yaw);
  const sin = Math.sin(place.yaw);
  return [
    place.position[0] + local[0] * cos + local[2] * sin,
    place.position[1] + local[1],
    place.position[2] - local[0] * sin + local[2] * cos,
  ];
}

/** Holds the right controller at a local point, aiming along a local unit direction. */
async function holdController(page: Page, at: Vec3, aim: Vec3 = [0, 0, -1]) {
  // The rotation that turns the controller's forward (0, 0, -1) onto the aim.
  const cross = [aim[1], -aim[0], 0];
  const w = 1 + -aim[2];
  const norm = Math.hypot(cross[0]!, cross[1]!, cross[2]!, w);
  await page.evaluate(
    ({ at, q }) => {
      const controller = (window as unknown as WithDevice).meridianXrDevice.controllers.right;
      controller.position.set(at[0]!, at[1]!, at[2]!);
      controller.quaternion.set(q[0]!, q[1]!, q[2]!, q[3]!);
    },
    { at, q: [cross[0]! / norm, cross[1]! / norm, cross[2]! / norm, w / norm] },
  );
}

const stick = (page: Page, x: number, y: number) =>
  page.evaluate(
    ([x, y]) => (window as unknown as WithDevice).meridianXrDevice.controllers.right.updateAxes("thumbstick", x!, y!),
    [x, y],
  );

describe("moving comfortably in a headset", () => {
  let server: RunningServer;
  let teacher: Bot;
  let headset: TestBrowser;
  let seat: string;
  const headSeen = () => teacher.connection.poses.latest(`head:${seat}`)?.p;

  beforeAll(async () => {
    requireBrowserAndBuild();
    server = await startTestServer();
    const base = `http://127.0.0.1:${server.port}`;
    teacher = await createClassAsBot(base, "shapes-and-planets", { nickname: "Ms Okafor" });
    headset = await openBrowser();
    await joinThroughLobby(headset.page, `${base}/?test=1&xr=quest3`, teacher.connection.code, "Kofi");
    await headset.page.getByRole("button", { name: "Enter VR" }).click();
    await headset.page.getByRole("button", { name: "Exit VR" }).waitFor({ timeout: 60_000 });
    seat = await seatOf(headset.page);
    await headset.page.waitForFunction(() => (window as unknown as Hooks).meridianTest.xrOrigin() !== undefined);
    await vi.waitFor(() => expect(headSeen()).toBeDefined(), { timeout: 10_000 });
  });

  afterAll(async () => {
    await headset?.close();
    await teacher?.leave();
    await server?.stop();
  });

  it("lays out the name tags in the headset's view: some shown, none over another", async () => {
    await expect
      .poll(() => headset.page.evaluate(() => (window as unknown as Hooks).meridianTest.shownLabels().length), {
        timeout: 10_000,
      })
      .toBeGreaterThan(1);
    expect(await labelOverlaps(headset.page)).toEqual([]);
  });

  it("teleports where the arc lands: stick forward to aim, let go to go", async () => {
    const place = (await originOf(headset.page))!;
    // Aim forward-left and down from the right hand.
    const hand: Vec3 = [0.2, 1.2, -0.2];
    const aimWorld: Vec3 = [-0.55, -0.35, -0.76];
    const length = Math.hypot(...aimWorld);
    const aim = aimWorld.map((v) => v / length) as Vec3;
    await holdController(headset.page, hand, toLocal(place, aim, true));
    const { landing } = teleportArc(toWorld(place, hand), aim);
    expect(landing).toBeDefined();

    await pause(200);
    await stick(headset.page, 0, -1);
    await pause(400);
    await headset.page.screenshot({ path: `${SCREENSHOT_DIR}/headset-teleport-arc.png` });
    await stick(headset.page, 0, 0);
    // The class sees the student's head arrive over the target.
    await expect
      .poll(
        () => {
          const head = headSeen();
          return head ? Math.hypot(head[0] - landing![0], head[2] - landing![2]) : Infinity;
        },
        { timeout: 10_000 },
      )
      .toBeLessThan(0.1);
  });

  it("snap-turns by 30° with the stick sideways, and the head stays where it was", async () => {
    const before = (await originOf(headset.page))!;
    const head = headSeen()!;
    await stick(headset.page, 1, 0);
    await pause(300);
    await stick(headset.page, 0, 0);
    await expect.poll(async () => (await originOf(headset.page))!.yaw).toBeCloseTo(before.yaw - Math.PI / 6, 3);
    await pause(300);
    const after = headSeen()!;
    expect(Math.hypot(after[0] - head[0], after[2] - head[2])).toBeLessThan(0.05);
  });

  it("after both, a grab with the controller still lands at the shared place", async () => {
    const place = (await originOf(headset.page))!;
    const start = (await renderedPose(headset.page, "cube"))!.p;
    await holdController(headset.page, toLocal(place, start));
    await pause(300);
    await headset.page.evaluate(() =>
      (window as unknown as WithDevice).meridianXrDevice.controllers.right.updateButtonValue("squeeze", 1),
    );
    await expect.poll(() => teacher.connection.state.objects.get("cube")?.heldBy, { timeout: 10_000 }).toBe(seat);
    const lifted: Vec3 = [start[0], start[1] + 0.3, start[2]];
    for (let step = 1; step <= 8; step++) {
      await holdController(headset.page, toLocal(place, [start[0], start[1] + (0.3 * step) / 8, start[2]]));
      await pause(60);
    }
    await headset.page.evaluate(() =>
      (window as unknown as WithDevice).meridianXrDevice.controllers.right.updateButtonValue("squeeze", 0),
    );
    await expect.poll(() => teacher.connection.state.objects.get("cube")?.heldBy, { timeout: 10_000 }).toBe("");
    const pose = teacher.connection.state.objects.get("cube")!.pose;
    expect(Math.hypot(pose.px - lifted[0], pose.py - lifted[1], pose.pz - lifted[2])).toBeLessThan(0.05);
    await headset.page.screenshot({ path: `${SCREENSHOT_DIR}/headset-after-teleport-and-turn.png` });
  });
});
