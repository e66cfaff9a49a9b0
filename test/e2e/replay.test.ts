/**
 * Watching a recorded class: a class builds water while it is recorded; a
 * viewer elsewhere opens the saved recording on the start page and watches it
 * in 3D in their own language — seeking shows the molecule as it was at that
 * moment, and play moves the recording on.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createClassAsBot, joinClassAsBot, type Bot } from "../../client/bot/bot.ts";
import type { Pose } from "../../shared/math.ts";
import type { ReplayRecording } from "../../shared/replay.ts";
import type { RunningServer } from "../../server/app.ts";
import { openBrowser, type TestBrowser } from "../support/browser.ts";
import { startTestServer } from "../support/server.ts";
import { SCREENSHOT_DIR, distance, renderedPose, requireBrowserAndBuild } from "./support.ts";

/** The oxygen's two bond sites, as the lesson places them. */
const BOND_SITES: Pose[] = [
  { p: [0.09488, 0.92653, 0], q: [0, 0, 0, 1] },
  { p: [-0.09488, 0.92653, 0], q: [0, 0, 0, 1] },
];
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("a recorded class, watched later", () => {
  let server: RunningServer;
  let viewer: TestBrowser;
  const bots: Bot[] = [];
  let recordingFile = "";
  let recording: ReplayRecording;
  /** Moments of the class (ms since 1970): one hydrogen in place; both in place. */
  const moments = { oneInPlace: 0, bothInPlace: 0 };

  beforeAll(async () => {
    requireBrowserAndBuild();
    server = await startTestServer();
    const endpoint = `http://127.0.0.1:${server.port}`;
    const teacher = await createClassAsBot(endpoint, "molecules", { nickname: "Mr Tanaka" });
    bots.push(teacher);
    const student = await joinClassAsBot(endpoint, teacher.connection.code, { nickname: "Amara" });
    bots.push(student);
    await vi.waitFor(() => expect(student.connection.state.objects.size).toBeGreaterThan(0));
    const place = async (id: string, pose: Pose, inPlace: number) => {
      student.connection.grab(id, pose);
      student.connection.release(id, pose);
      await vi.waitFor(() => expect(teacher.connection.state.taskInPlace).toBe(inPlace));
    };
    await pause(1500);
    await place("water-h1", BOND_SITES[0]!, 1);
    await pause(1500);
    moments.oneInPlace = Date.now();
    await pause(1500);
    await place("water-h2", BOND_SITES[1]!, 2);
    await pause(1500);
    moments.bothInPlace = Date.now();
    // Frames are stored with the class every two seconds.
    await pause(2500);
    const teacherKey = teacher.connection.view.getState().teacherKey!;
    const response = await fetch(`${endpoint}/api/classes/${teacher.connection.code}/replay`, {
      headers: { "x-teacher-key": teacherKey },
    });
    expect(response.status).toBe(200);
    recording = (await response.json()) as ReplayRecording;
    // The lesson travels with the recording; nobody's nickname does.
    expect(recording.lesson?.id).toBe("molecules");
    expect(JSON.stringify(recording)).not.toMatch(/Amara|Tanaka/);
    recordingFile = join(mkdtempSync(join(tmpdir(), "meridian-replay-")), "class.replay.json");
    writeFileSync(recordingFile, JSON.stringify(recording));
    await Promise.all(bots.map((bot) => bot.leave()));

    viewer = await openBrowser({ width: 1200, height: 760 });
    await viewer.page.goto(`${endpoint}/?test=1`);
  });

  afterAll(async () => {
    await Promise.all(bots.map((bot) => bot.leave().catch(() => undefined)));
    await viewer?.close();
    await server?.stop();
  });

  it("refuses a file that is not a recording, with the reason", async () => {
    const bad = join(tmpdir(), `not-a-replay-${process.pid}.json`);
    writeFileSync(bad, JSON.stringify({ ...recording, frames: [] }));
    await viewer.page.locator('input[name="replayFile"]').setInputFiles(bad);
    await expect.poll(() => viewer.page.locator(".replay-open .error").textContent()).toContain("frames");
    expect(await viewer.page.locator(".replay-screen").count()).toBe(0);
  });

  it("plays the class in 3D in the viewer's language, where things were at the chosen time", async () => {
    const page = viewer.page;
    await page.locator('select[name="language"]').selectOption("zh");
    await page.locator('input[name="replayFile"]').setInputFiles(recordingFile);
    await page.locator(".replay-screen canvas").waitFor();
    await expect.poll(() => page.locator(".step-title").textContent()).toContain("水，H2O");

    const seek = (at: number) => page.locator('input[name="replay-position"]').fill(String(at - recording.startedAt));
    const nearSite = async (id: string, site: Pose) => {
      const pose = await renderedPose(page, id);
      return pose !== undefined && distance(pose.p, site.p) < 0.005;
    };

    await seek(moments.oneInPlace);
    await expect.poll(() => nearSite("water-h1", BOND_SITES[0]!)).toBe(true);
    expect(await nearSite("water-h2", BOND_SITES[1]!)).toBe(false);
    await expect.poll(() => page.locator(".task-progress").textContent()).toContain("2 个中已有 1 个就位");
    await page.screenshot({ path: `${SCREENSHOT_DIR}/replay-one-in-place.png` });

    await seek(moments.bothInPlace);
    await expect.poll(() => nearSite("water-h2", BOND_SITES[1]!)).toBe(true);
    await expect.poll(() => page.locator(".task-progress").getAttribute("data-done")).toBe("true");

    // Back to the start, then play at 8×: the recording moves on by itself and shows the molecule built.
    await seek(recording.startedAt);
    await expect.poll(() => nearSite("water-h1", BOND_SITES[0]!)).toBe(false);
    await page.locator('select[name="replay-speed"]').selectOption("8");
    await page.locator('button[name="replay-play"]').click();
    await expect.poll(() => nearSite("water-h2", BOND_SITES[1]!), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => page.locator(".replay-time").textContent()).not.toMatch(/^0:00 /);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/replay-built.png` });

    await page.getByRole("button", { name: "返回首页" }).click();
    await page.locator('input[name="replayFile"]').waitFor();
  });
});
