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
/** A busy machine answers a page's evaluation in seconds: every wait on a page gets this long. */
const SOON = { timeout: 15_000 };
/** Students besides the teacher; VOICE_STUDENTS=N measures a larger class (the suite runs with 2). */
const STUDENTS = Number(process.env.VOICE_STUDENTS ?? 2);

function statsOf(page: Page): Promise<VoicePeerStats[]> {
  return page.evaluate(() => (window as unknown as Hooks).meridianTest.voiceStats());
}

/** Audio bytes a page received from (or sent to) the media server over a few seconds. */
async function bytesOver(page: Page, direction: "receivedBytes" | "sentBytes"): Promise<number> {
  return (await rateOver(page, direction)).bytes;
}

/** Bytes over one window, and their rate by the browser's own clock (a busy page answers late, and unevenly). */
async function rateOver(page: Page, direction: "receivedBytes" | "sentBytes") {
  const before = (await statsOf(page))[0];
  await new Promise((resolve) => setTimeout(resolve, WINDOW_MS));
  const after = (await statsOf(page))[0];
  const bytes = (after?.[direction] ?? 0) - (before?.[direction] ?? 0);
  const ms = (after?.at ?? 0) - (before?.at ?? 0);
  return { bytes, kbps: ms > 0 ? ((bytes * 8) / ms).toFixed(1) : "?" };
}

/** Waits until a whole window carries nothing (what was in flight when the mic closed has gone); fails if it never does. */
async function untilQuiet(page: Page, direction: "receivedBytes" | "sentBytes"): Promise<void> {
  await expect.poll(() => bytesOver(page, direction), { timeout: 20_000, interval: 0 }).toBeLessThan(NOTHING);
}

/** The mixing room's participants, as the media server lists them. */
async function listed(admin: JanusClient, room: number) {
  return (await admin.audioBridge({ request: "listparticipants", room })).participants as {
    id: number;
    muted: boolean;
  }[];
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
  await expect.poll(async () => (loudest = await loudestMix(page)), { ...SOON, interval: 300 }).toBeGreaterThan(HEARD);
  return loudest;
}

const sending = (page: Page) =>
  page.evaluate(() => (window as unknown as Hooks).meridianTest.voiceState()?.sending ?? false);
const talkHeld = (page: Page) =>
  page.evaluate(() => (window as unknown as Hooks).meridianTest.voiceState()?.talkHeld ?? false);

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
    const [teacherBrowser, ...studentBrowsers] = await Promise.all([
      openBrowser({ width: 900, height: 700 }, { fakeMedia: true }),
      ...Array.from({ length: STUDENTS }, open),
    ]);
    teacher = teacherBrowser!;
    students.push(...studentBrowsers);
    const code = await startClassThroughLobby(teacher.page, `${base}/?test=1`, "Ms Okafor", "solar-system");
    await openTeacherTools(teacher.page);
    await Promise.all(
      students.map((student, i) =>
        joinThroughLobby(student.page, `${base}/?test=1`, code, ["Ana", "Bo"][i] ?? `Student ${i + 1}`),
      ),
    );
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
        .poll(async () => (await statsOf(page)).map((s) => `${s.seat} ${s.state}`), { timeout: 30_000 })
        .toEqual(["media-server connected"]);
    // The mix is silent until the students' audio has started, and stays so until someone speaks.
    await expect.poll(() => loudestMix(students[0]!.page), SOON).toBeLessThan(SILENT);
    const quiet = await loudestMix(students[0]!.page);
    await teacher.page.locator('button[name="mic-open"]').click();
    try {
      await expect.poll(() => sending(teacher.page), SOON).toBe(true);
      const levels = await Promise.all(students.map((student) => untilHeard(student.page)));
      const [up, ...down] = await Promise.all([
        rateOver(teacher.page, "sentBytes"),
        ...students.map((student) => rateOver(student.page, "receivedBytes")),
      ]);
      console.log(
        `media server, class of ${STUDENTS + 1} (teacher speaking): teacher up ${up!.kbps} kbit/s; each student ` +
          `down ${down.map((d) => d.kbps).join(", ")} kbit/s; loudest heard ${levels.map((l) => l.toFixed(2)).join(", ")} ` +
          `(silent before: ${quiet.toFixed(3)})`,
      );
    } finally {
      // Whatever happened, the teacher's mic closes: the next checks need a silent class.
      await teacher.page.locator('button[name="mic-open"]').click();
      await expect.poll(() => sending(teacher.page), SOON).toBe(false);
    }
  });

  it("a student without the floor is muted on the media server and sends nothing", async () => {
    const bo = students[1]!.page;
    const { room, id } = (await bo.evaluate(() => (window as unknown as Hooks).meridianTest.voiceServer()))!;
    await bo.keyboard.down("KeyT");
    await expect.poll(() => talkHeld(bo), SOON).toBe(true);
    expect(await bytesOver(bo, "sentBytes")).toBeLessThan(NOTHING);
    // Read after the window: the page had all of it to start sending wrongly, and the mix was heard just now.
    expect(await sending(bo)).toBe(false);
    expect(await loudestMix(students[0]!.page)).toBeLessThan(SILENT);
    const present = await listed(janusAdmin, room);
    expect(present).toHaveLength(STUDENTS + 1);
    expect(present.find((p) => p.id === id)?.muted).toBe(true);
    await bo.keyboard.up("KeyT");
    // Even a changed page that unmutes itself on the media server (it waits for the server's yes) is muted again.
    await bo.evaluate(() => (window as unknown as Hooks).meridianTest.voiceForceUnmute());
    await expect.poll(async () => (await listed(janusAdmin, room)).find((p) => p.id === id)?.muted, SOON).toBe(true);
  });

  it("given the floor, a student is heard by all through the mix; let go, they send nothing", async () => {
    const ana = students[0]!;
    const seat = await seatOf(ana.page);
    await expect.poll(() => loudestMix(students[1]!.page), SOON).toBeLessThan(SILENT);
    await teacher.page.locator(`.roster li[data-seat="${seat}"] button[name="floor"]`).click();
    await expect.poll(() => ana.page.locator('button[name="talk"]').isDisabled(), SOON).toBe(false);
    await ana.page.keyboard.down("KeyT");
    await expect.poll(() => sending(ana.page), SOON).toBe(true);
    const [boHears] = await Promise.all([untilHeard(students[1]!.page), untilHeard(teacher.page)]);
    const anaUp = await rateOver(ana.page, "sentBytes");
    console.log(`media server, a student speaking: up ${anaUp.kbps} kbit/s; loudest heard ${boHears.toFixed(2)}`);
    await ana.page.screenshot({ path: `${SCREENSHOT_DIR}/voice-media-server-student.png` });

    await ana.page.keyboard.up("KeyT");
    await expect.poll(() => sending(ana.page), SOON).toBe(false);
    await untilQuiet(ana.page, "sentBytes");
  });
});
