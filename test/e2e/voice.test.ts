/**
 * Voice in class, with Chromium's fake microphone (a tone) and real WebRTC
 * between three browsers: everyone hears the teacher; a student without the
 * floor is not heard; given the floor, they are; a closed mic sends nothing.
 * Prints each participant's audio bitrates, measured from WebRTC stats.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import type { MeridianTestHooks } from "../../client/app/testHooks.ts";
import type { VoicePeerStats } from "../../client/voice/voiceChannel.ts";
import type { RunningServer } from "../../server/app.ts";
import { openBrowser, type TestBrowser } from "../support/browser.ts";
import { startTestServer } from "../support/server.ts";
import {
  SCREENSHOT_DIR,
  joinThroughLobby,
  requireBrowserAndBuild,
  seatOf,
  startClassThroughLobby,
  openTeacherTools,
} from "./support.ts";

type Hooks = { meridianTest: MeridianTestHooks };
/** Long enough to tell a tone (24 kbit/s: 6 KB) from nothing, short enough to keep the suite quick. */
const WINDOW_MS = 2000;
/** Under this in a window, nothing is being sent (a tone sends this in a tenth of a second). */
const NOTHING = 300;
/** Past this, a voice arrives (about a second of the tone). */
const HEARD = 3000;
/** A busy machine answers a page's evaluation in seconds: every wait on a page gets this long. */
const SOON = { timeout: 15_000 };

function statsOf(page: Page): Promise<VoicePeerStats[]> {
  return page.evaluate(() => (window as unknown as Hooks).meridianTest.voiceStats());
}

function voiceState(page: Page) {
  return page.evaluate(() => (window as unknown as Hooks).meridianTest.voiceState());
}

/** Audio bytes a page has received from `peer` (or sent to it) so far. */
async function bytesSoFar(page: Page, peer: string, direction: "receivedBytes" | "sentBytes"): Promise<number> {
  return (await statsOf(page)).find((s) => s.seat === peer)?.[direction] ?? 0;
}

/** Audio bytes a page received from `peer` (or sent to it) over one window. */
async function bytesOver(page: Page, peer: string, direction: "receivedBytes" | "sentBytes"): Promise<number> {
  return (await rateOver(page, peer, direction)).bytes;
}

/** Bytes over one window, and their rate by the browser's own clock (a busy page answers late, and unevenly). */
async function rateOver(page: Page, peer: string, direction: "receivedBytes" | "sentBytes") {
  const read = async () => (await statsOf(page)).find((s) => s.seat === peer);
  const before = await read();
  await new Promise((resolve) => setTimeout(resolve, WINDOW_MS));
  const after = await read();
  const bytes = (after?.[direction] ?? 0) - (before?.[direction] ?? 0);
  const ms = (after?.at ?? 0) - (before?.at ?? 0);
  return { bytes, kbps: ms > 0 ? ((bytes * 8) / ms).toFixed(1) : "?" };
}

/** Waits until a voice arrives: more than HEARD bytes from `peer` since the call. */
async function untilHeard(page: Page, peer: string): Promise<void> {
  const before = await bytesSoFar(page, peer, "receivedBytes");
  await expect.poll(async () => (await bytesSoFar(page, peer, "receivedBytes")) - before, SOON).toBeGreaterThan(HEARD);
}

/** Waits until a whole window carries nothing (what was in flight when the mic closed has arrived); fails if it never does. */
async function untilQuiet(page: Page, peer: string, direction: "receivedBytes" | "sentBytes"): Promise<void> {
  await expect.poll(() => bytesOver(page, peer, direction), { timeout: 20_000, interval: 0 }).toBeLessThan(NOTHING);
}

describe("voice: hear the teacher and each other", () => {
  let server: RunningServer;
  let teacher: TestBrowser;
  let ana: TestBrowser;
  let bo: TestBrowser;
  const seats = { teacher: "", ana: "", bo: "" };

  beforeAll(async () => {
    requireBrowserAndBuild();
    server = await startTestServer();
    const base = `http://127.0.0.1:${server.port}`;
    // Small windows: three browsers drawing 3D on a software renderer share the machine.
    const open = (size = { width: 640, height: 480 }) => openBrowser(size, { fakeMedia: true });
    // The teacher's window is just wide enough for the docked layout, with its drawer of tools.
    [teacher, ana, bo] = await Promise.all([open({ width: 760, height: 520 }), open(), open()]);
    const code = await startClassThroughLobby(teacher.page, `${base}/?test=1`, "Ms Okafor", "solar-system");
    await openTeacherTools(teacher.page);
    await Promise.all([
      joinThroughLobby(ana.page, `${base}/?test=1`, code, "Ana", "es"),
      joinThroughLobby(bo.page, `${base}/?test=1`, code, "Bo"),
    ]);
    [seats.teacher, seats.ana, seats.bo] = await Promise.all([seatOf(teacher.page), seatOf(ana.page), seatOf(bo.page)]);
  });

  afterAll(async () => {
    await Promise.all([teacher?.close(), ana?.close(), bo?.close()]);
    await server?.stop();
  });

  it("everyone hears the teacher; nothing flows before anyone speaks", async () => {
    // Everyone's voice connections to everyone else are up (made, not only begun).
    for (const page of [teacher.page, ana.page, bo.page])
      await expect
        .poll(async () => (await statsOf(page)).map((s) => s.state), { timeout: 30_000 })
        .toEqual(["connected", "connected"]);
    expect(await bytesOver(ana.page, seats.teacher, "receivedBytes")).toBeLessThan(NOTHING);
    await teacher.page.locator('button[name="mic-open"]').click();
    await expect.poll(async () => (await voiceState(teacher.page))?.sending, SOON).toBe(true);
    await Promise.all([untilHeard(ana.page, seats.teacher), untilHeard(bo.page, seats.teacher)]);
    const [toAna, toBo] = await Promise.all([
      rateOver(ana.page, seats.teacher, "receivedBytes"),
      rateOver(bo.page, seats.teacher, "receivedBytes"),
    ]);
    console.log(`teacher → each student: ${toAna.kbps} and ${toBo.kbps} kbit/s`);
  });

  it("a student without the floor is not heard, even holding the talk key", async () => {
    await expect.poll(() => ana.page.locator('button[name="talk"]').isDisabled(), SOON).toBe(true);
    // Why the talk button is off, on the button itself (a phone's sheet shows the button alone).
    expect(await ana.page.locator('button[name="talk"]').getAttribute("title")).toContain("Levanta la mano");
    await ana.page.keyboard.down("KeyT");
    await expect.poll(async () => (await voiceState(ana.page))?.talkHeld, SOON).toBe(true);
    expect(await bytesOver(bo.page, seats.ana, "receivedBytes")).toBeLessThan(NOTHING);
    // Read after the window: the page had all of it to start sending wrongly.
    expect((await voiceState(ana.page))?.sending).toBe(false);
    await ana.page.keyboard.up("KeyT");
  });

  it("given the floor, the student is heard while holding to talk; let go, nothing is sent", async () => {
    await teacher.page.locator(`.roster li[data-seat="${seats.ana}"] button[name="floor"]`).click();
    await expect.poll(() => ana.page.locator('button[name="talk"]').isDisabled(), SOON).toBe(false);
    await ana.page.keyboard.down("KeyT");
    await expect.poll(async () => (await voiceState(ana.page))?.sending, SOON).toBe(true);
    await Promise.all([untilHeard(bo.page, seats.ana), untilHeard(teacher.page, seats.ana)]);
    const [boHearsAna, anaUp, anaDown] = await Promise.all([
      rateOver(bo.page, seats.ana, "receivedBytes"),
      rateOver(ana.page, seats.bo, "sentBytes"),
      rateOver(ana.page, seats.teacher, "receivedBytes"),
    ]);
    // After the measurement, not during it: taking a picture starves a page's audio on a busy machine.
    await Promise.all([
      teacher.page.screenshot({ path: `${SCREENSHOT_DIR}/voice-teacher.png` }),
      ana.page.screenshot({ path: `${SCREENSHOT_DIR}/voice-student-speaking.png` }),
    ]);
    // Two voices at once: what one participant sends to each listener and receives from each speaker.
    console.log(
      `class of 3, teacher and Ana speaking: Ana sends ${anaUp.kbps} kbit/s per listener (2 listeners), ` +
        `receives ${anaDown.kbps} kbit/s from the teacher; Bo receives ${boHearsAna.kbps} kbit/s from Ana`,
    );

    await ana.page.keyboard.up("KeyT");
    await expect.poll(async () => (await voiceState(ana.page))?.sending, SOON).toBe(false);
    await Promise.all([untilQuiet(ana.page, seats.bo, "sentBytes"), untilQuiet(bo.page, seats.ana, "receivedBytes")]);
  });

  it("the teacher's closed mic sends nothing", async () => {
    await teacher.page.locator('button[name="mic-open"]').click();
    await expect.poll(async () => (await voiceState(teacher.page))?.sending, SOON).toBe(false);
    await untilQuiet(ana.page, seats.teacher, "receivedBytes");
  });
});
