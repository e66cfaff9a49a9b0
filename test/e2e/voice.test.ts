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
import { SCREENSHOT_DIR, joinThroughLobby, requireBrowserAndBuild, seatOf, startClassThroughLobby } from "./support.ts";

type Hooks = { meridianTest: MeridianTestHooks };
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const WINDOW_MS = 3000;

function statsOf(page: Page): Promise<VoicePeerStats[]> {
  return page.evaluate(() => (window as unknown as Hooks).meridianTest.voiceStats());
}

/** Audio bytes a page received from `from` (or sent to `to`) over a few seconds. */
async function bytesOver(page: Page, peer: string, direction: "receivedBytes" | "sentBytes"): Promise<number> {
  const before = (await statsOf(page)).find((s) => s.seat === peer)?.[direction] ?? 0;
  await pause(WINDOW_MS);
  const after = (await statsOf(page)).find((s) => s.seat === peer)?.[direction] ?? 0;
  return after - before;
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
    const open = () => openBrowser({ width: 640, height: 480 }, { fakeMedia: true });
    [teacher, ana, bo] = await Promise.all([open(), open(), open()]);
    const code = await startClassThroughLobby(teacher.page, `${base}/?test=1`, "Ms Okafor", "solar-system");
    await joinThroughLobby(ana.page, `${base}/?test=1`, code, "Ana", "es");
    await joinThroughLobby(bo.page, `${base}/?test=1`, code, "Bo");
    seats.teacher = await seatOf(teacher.page);
    seats.ana = await seatOf(ana.page);
    seats.bo = await seatOf(bo.page);
  });

  afterAll(async () => {
    await Promise.all([teacher?.close(), ana?.close(), bo?.close()]);
    await server?.stop();
  });

  it("everyone hears the teacher; nothing flows before anyone speaks", async () => {
    // Everyone has a voice connection to everyone else.
    for (const page of [teacher.page, ana.page, bo.page])
      await expect.poll(async () => (await statsOf(page)).length, { timeout: 20_000 }).toBe(2);
    expect(await bytesOver(ana.page, seats.teacher, "receivedBytes")).toBeLessThan(300);
    await teacher.page.locator('button[name="mic-open"]').click();
    await expect
      .poll(() => teacher.page.evaluate(() => (window as unknown as Hooks).meridianTest.voiceState()?.sending), {
        timeout: 15_000,
      })
      .toBe(true);
    await pause(1500);
    const [toAna, toBo] = await Promise.all([
      bytesOver(ana.page, seats.teacher, "receivedBytes"),
      bytesOver(bo.page, seats.teacher, "receivedBytes"),
    ]);
    // A tone at 24 kbit/s: about 9 KB in three seconds; well above the trickle of silence.
    expect(toAna).toBeGreaterThan(3000);
    expect(toBo).toBeGreaterThan(3000);
    console.log(
      `teacher → each student: ${((toAna * 8) / WINDOW_MS).toFixed(1)} and ${((toBo * 8) / WINDOW_MS).toFixed(1)} kbit/s`,
    );
  });

  it("a student without the floor is not heard, even holding the talk key", async () => {
    await expect.poll(() => ana.page.locator('button[name="talk"]').isDisabled()).toBe(true);
    expect(await ana.page.locator(".voice-note").first().textContent()).toContain("Levanta la mano");
    await ana.page.keyboard.down("KeyT");
    await pause(800);
    expect(await ana.page.evaluate(() => (window as unknown as Hooks).meridianTest.voiceState()?.sending)).toBe(false);
    expect(await bytesOver(bo.page, seats.ana, "receivedBytes")).toBeLessThan(300);
    await ana.page.keyboard.up("KeyT");
  });

  it("given the floor, the student is heard while holding to talk; let go, nothing is sent", async () => {
    await teacher.page.locator(`.roster li[data-seat="${seats.ana}"] button[name="floor"]`).click();
    await expect.poll(() => ana.page.locator('button[name="talk"]').isDisabled()).toBe(false);
    await ana.page.locator("canvas").click({ position: { x: 5, y: 300 } });
    await ana.page.keyboard.down("KeyT");
    await expect
      .poll(() => ana.page.evaluate(() => (window as unknown as Hooks).meridianTest.voiceState()?.sending), {
        timeout: 15_000,
      })
      .toBe(true);
    await pause(1500);
    const [boHearsAna, teacherHearsAna, anaUp, anaDown] = await Promise.all([
      bytesOver(bo.page, seats.ana, "receivedBytes"),
      bytesOver(teacher.page, seats.ana, "receivedBytes"),
      bytesOver(ana.page, seats.bo, "sentBytes"),
      bytesOver(ana.page, seats.teacher, "receivedBytes"),
    ]);
    expect(boHearsAna).toBeGreaterThan(3000);
    expect(teacherHearsAna).toBeGreaterThan(3000);
    await teacher.page.screenshot({ path: `${SCREENSHOT_DIR}/voice-teacher.png` });
    await ana.page.screenshot({ path: `${SCREENSHOT_DIR}/voice-student-speaking.png` });
    // Two voices at once: what one participant sends to each listener and receives from each speaker.
    console.log(
      `class of 3, teacher and Ana speaking: Ana sends ${((anaUp * 8) / WINDOW_MS).toFixed(1)} kbit/s per listener ` +
        `(2 listeners), receives ${((anaDown * 8) / WINDOW_MS).toFixed(1)} kbit/s from the teacher; ` +
        `Bo receives ${((boHearsAna * 8) / WINDOW_MS).toFixed(1)} kbit/s from Ana`,
    );

    await ana.page.keyboard.up("KeyT");
    await expect
      .poll(() => ana.page.evaluate(() => (window as unknown as Hooks).meridianTest.voiceState()?.sending))
      .toBe(false);
    await pause(500);
    expect(await bytesOver(ana.page, seats.bo, "sentBytes")).toBeLessThan(300);
    expect(await bytesOver(bo.page, seats.ana, "receivedBytes")).toBeLessThan(300);
  });

  it("the teacher's closed mic sends nothing", async () => {
    await teacher.page.locator('button[name="mic-open"]').click();
    await expect
      .poll(() => teacher.page.evaluate(() => (window as unknown as Hooks).meridianTest.voiceState()?.sending))
      .toBe(false);
    await pause(500);
    expect(await bytesOver(ana.page, seats.teacher, "receivedBytes")).toBeLessThan(300);
  });
});
