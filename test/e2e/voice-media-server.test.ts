/**
 * Voice for whole classes through a real Janus media server started by the
 * test: every participant has one audio connection (to Janus) whatever the
 * class size and hears the class's mix; the classroom server keeps Janus in
 * line with the floor (a student without it is muted there), and a closed
 * mic sends nothing. Prints the bitrates measured from WebRTC stats.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import type { MeridianTestHooks } from "../../client/app/testHooks.ts";
import type { VoicePeerStats } from "../../client/voice/voiceChannel.ts";
import type { RunningServer } from "../../server/app.ts";
import { JanusClient } from "../../server/voice/janusClient.ts";
import { openBrowser, type TestBrowser } from "../support/browser.ts";
import { startJanus, type RunningJanus } from "../support/janus.ts";
import { startTestServer } from "../support/server.ts";
import { SCREENSHOT_DIR, joinThroughLobby, requireBrowserAndBuild, seatOf, startClassThroughLobby } from "./support.ts";

type Hooks = { meridianTest: MeridianTestHooks };
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const WINDOW_MS = 3000;
/** Students besides the teacher; VOICE_STUDENTS=N measures a larger class (the suite runs with 2). */
const STUDENTS = Number(process.env.VOICE_STUDENTS ?? 2);

function statsOf(page: Page): Promise<VoicePeerStats[]> {
  return page.evaluate(() => (window as unknown as Hooks).meridianTest.voiceStats());
}

/** Audio bytes a page received from (or sent to) the media server over a few seconds. */
async function bytesOver(page: Page, direction: "receivedBytes" | "sentBytes"): Promise<number> {
  const before = (await statsOf(page))[0]?.[direction] ?? 0;
  await pause(WINDOW_MS);
  return ((await statsOf(page))[0]?.[direction] ?? 0) - before;
}

/**
 * The loudest the class's mix was heard on a page over the last 0.7 s. The
 * media server sends the mix even when it is silent, so its level, not its
 * size, tells whether anyone is heard; the fake microphone beeps every half
 * second, so every window holds a beep while someone speaks.
 */
function loudestMix(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as Hooks).meridianTest.voicePeak("media-server"));
}
const HEARD = 0.1;
const SILENT = 0.02;
/** Waits until a page hears the mix (the beeps reach it within a few seconds). */
async function untilHeard(page: Page): Promise<number> {
  let loudest = 0;
  await expect
    .poll(async () => (loudest = await loudestMix(page)), { timeout: 15_000, interval: 300 })
    .toBeGreaterThan(HEARD);
  return loudest;
}

const kbps = (bytes: number) => ((bytes * 8) / WINDOW_MS).toFixed(1);
const sending = (page: Page) =>
  page.evaluate(() => (window as unknown as Hooks).meridianTest.voiceState()?.sending ?? false);

describe("voice through a media server (Janus AudioBridge)", () => {
  let janus: RunningJanus;
  let janusAdmin: JanusClient;
  let server: RunningServer;
  let teacher: TestBrowser;
  const students: TestBrowser[] = [];

  beforeAll(async () => {
    requireBrowserAndBuild();
    janus = await startJanus();
    janusAdmin = new JanusClient(janus.url);
    await janusAdmin.connect();
    server = await startTestServer({}, { voice: { url: janus.url, publicUrl: janus.url, adminKey: janus.adminKey } });
    const base = `http://127.0.0.1:${server.port}`;
    // Small windows: four browsers drawing 3D on a software renderer share the machine with Janus.
    const open = () => openBrowser({ width: 480, height: 360 }, { fakeMedia: true });
    // The teacher's window fits the teacher tools.
    teacher = await openBrowser({ width: 900, height: 700 }, { fakeMedia: true });
    for (let i = 0; i < STUDENTS; i++) students.push(await open());
    const code = await startClassThroughLobby(teacher.page, `${base}/?test=1`, "Ms Okafor", "solar-system");
    for (const [i, student] of students.entries())
      await joinThroughLobby(student.page, `${base}/?test=1`, code, ["Ana", "Bo"][i] ?? `Student ${i + 1}`);
  });

  afterAll(async () => {
    await Promise.all([teacher?.close(), ...students.map((student) => student.close())]);
    await server?.stop();
    janusAdmin?.close();
    await janus?.stop();
  });

  it("each participant has one connection, to the media server, and hears the teacher through it", async () => {
    for (const page of [teacher.page, ...students.map((s) => s.page)])
      await expect
        .poll(async () => (await statsOf(page)).map((s) => s.seat), { timeout: 20_000 })
        .toEqual(["media-server"]);
    // The mix is silent until the students' audio has started, and stays so until someone speaks.
    await expect.poll(() => loudestMix(students[0]!.page), { timeout: 10_000 }).toBeLessThan(SILENT);
    const quiet = await loudestMix(students[0]!.page);
    await teacher.page.locator('button[name="mic-open"]').click();
    try {
      await expect.poll(() => sending(teacher.page), { timeout: 15_000 }).toBe(true);
      await pause(1500);
      const [up, ...down] = await Promise.all([
        bytesOver(teacher.page, "sentBytes"),
        ...students.map((student) => bytesOver(student.page, "receivedBytes")),
      ]);
      const levels = await Promise.all(students.map((student) => untilHeard(student.page)));
      console.log(
        `media server, class of ${STUDENTS + 1} (teacher speaking): teacher up ${kbps(up)} kbit/s; each student ` +
          `down ${down.map(kbps).join(", ")} kbit/s; loudest heard ${levels.map((l) => l.toFixed(2)).join(", ")} ` +
          `(silent before: ${quiet.toFixed(3)})`,
      );
    } finally {
      // Whatever happened, the teacher's mic closes: the next checks need a silent class.
      await teacher.page.locator('button[name="mic-open"]').click();
      await expect.poll(() => sending(teacher.page)).toBe(false);
    }
  });

  it("a student without the floor is muted on the media server and sends nothing", async () => {
    const bo = students[1]!.page;
    const { room, id } = (await bo.evaluate(() => (window as unknown as Hooks).meridianTest.voiceServer()))!;
    await bo.keyboard.down("KeyT");
    await pause(800);
    expect(await sending(bo)).toBe(false);
    expect(await bytesOver(bo, "sentBytes")).toBeLessThan(300);
    await pause(800);
    expect(await loudestMix(students[0]!.page)).toBeLessThan(SILENT);
    const listed = (await janusAdmin.audioBridge({ request: "listparticipants", room })).participants as {
      id: number;
      muted: boolean;
    }[];
    expect(listed).toHaveLength(STUDENTS + 1);
    expect(listed.find((p) => p.id === id)?.muted).toBe(true);
    await bo.keyboard.up("KeyT");
    // Even a changed page that unmutes itself on the media server is muted again within a second.
    await bo.evaluate(() => (window as unknown as Hooks).meridianTest.voiceForceUnmute());
    await pause(1800);
    const relisted = (await janusAdmin.audioBridge({ request: "listparticipants", room })).participants as {
      id: number;
      muted: boolean;
    }[];
    expect(relisted.find((p) => p.id === id)?.muted).toBe(true);
  });

  it("given the floor, a student is heard by all through the mix; let go, they send nothing", async () => {
    const ana = students[0]!;
    const seat = await seatOf(ana.page);
    await pause(1000);
    await expect.poll(() => loudestMix(students[1]!.page), { timeout: 10_000 }).toBeLessThan(SILENT);
    await teacher.page.locator(`.roster li[data-seat="${seat}"] button[name="floor"]`).click();
    await expect.poll(() => ana.page.locator('button[name="talk"]').isDisabled()).toBe(false);
    await ana.page.keyboard.down("KeyT");
    await expect.poll(() => sending(ana.page), { timeout: 15_000 }).toBe(true);
    await pause(1500);
    const [anaUp, boHears] = await Promise.all([
      bytesOver(ana.page, "sentBytes"),
      untilHeard(students[1]!.page),
      untilHeard(teacher.page),
    ]);
    console.log(`media server, a student speaking: up ${kbps(anaUp)} kbit/s; loudest heard ${boHears.toFixed(2)}`);
    await ana.page.screenshot({ path: `${SCREENSHOT_DIR}/voice-media-server-student.png` });

    await ana.page.keyboard.up("KeyT");
    await expect.poll(() => sending(ana.page)).toBe(false);
    await pause(500);
    expect(await bytesOver(ana.page, "sentBytes")).toBeLessThan(300);
  });
});
