/**
 * A task judged from the scene: a student builds a water molecule (both
 * hydrogens on the oxygen's bond sites) and sees the check; the teacher's
 * panel shows the class's progress and who put what in place, live.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MeridianTestHooks } from "../../client/app/testHooks.ts";
import type { Pose } from "../../shared/math.ts";
import type { RunningServer } from "../../server/app.ts";
import { openBrowser, type TestBrowser } from "../support/browser.ts";
import { startTestServer } from "../support/server.ts";
import { SCREENSHOT_DIR, joinThroughLobby, requireBrowserAndBuild, seatOf, startClassThroughLobby } from "./support.ts";

type Hooks = { meridianTest: MeridianTestHooks };
/** The oxygen's two bond sites, as the lesson places them (104.5° apart). */
const BOND_SITES: Pose[] = [
  { p: [0.09488, 0.92653, 0], q: [0, 0, 0, 1] },
  { p: [-0.09488, 0.92653, 0], q: [0, 0, 0, 1] },
];

describe("a task in the scene", () => {
  let server: RunningServer;
  let teacher: TestBrowser;
  let student: TestBrowser;
  const elsewhere: string[] = [];
  let requests = 0;

  beforeAll(async () => {
    requireBrowserAndBuild();
    server = await startTestServer();
    const base = `http://127.0.0.1:${server.port}`;
    [teacher, student] = await Promise.all([
      openBrowser({ width: 1280, height: 800 }),
      openBrowser({ width: 1000, height: 700 }),
    ]);
    // Everything must come from the classroom's own server: no CDN, fonts or trackers.
    for (const browser of [teacher, student])
      browser.page.on("request", (request) => {
        requests++;
        const url = new URL(request.url());
        if (!["data:", "blob:"].includes(url.protocol) && url.origin !== base) elsewhere.push(request.url());
      });
    const code = await startClassThroughLobby(teacher.page, `${base}/?test=1`, "Mr Tanaka", "molecules");
    await joinThroughLobby(student.page, `${base}/?test=1`, code, "Amara", "fr");
    await teacher.page.locator(".roster li").nth(1).waitFor();
  });

  afterAll(async () => {
    await Promise.all([teacher?.close(), student?.close()]);
    await server?.stop();
  });

  it("a student builds water and sees the check; the teacher sees it too, and who did it", async () => {
    const progress = student.page.locator(".step-panel .task-progress");
    await expect.poll(() => progress.textContent()).toContain("0 sur 2");
    const place = (id: string, pose: Pose) =>
      student.page.evaluate(([i, p]) => (window as unknown as Hooks).meridianTest.place(i, p), [id, pose] as const);

    await place("water-h1", BOND_SITES[0]!);
    await expect.poll(() => progress.textContent()).toContain("1 sur 2");
    expect(await progress.textContent()).toContain("Placées par toi : 1");
    const seat = await seatOf(student.page);
    const row = teacher.page.locator(`.roster li[data-seat="${seat}"] .placed`);
    await expect.poll(() => row.getAttribute("data-placed")).toBe("1");
    await expect.poll(() => teacher.page.locator(".teacher-panel .task-progress").textContent()).toContain("1 of 2");

    // Let go a little off the second site: it clicks into place.
    await place("water-h2", { p: [-0.1, 0.93, 0.02], q: [0, 0, 0, 1] });
    await expect.poll(() => progress.getAttribute("data-done")).toBe("true");
    expect(await progress.textContent()).toContain("Terminé");
    await expect.poll(() => row.getAttribute("data-placed")).toBe("2");
    await expect
      .poll(() => teacher.page.locator(".teacher-panel .task-progress").getAttribute("data-done"))
      .toBe("true");
    await student.page.screenshot({ path: `${SCREENSHOT_DIR}/student-task-done.png` });
    await teacher.page.screenshot({ path: `${SCREENSHOT_DIR}/teacher-sees-task-done.png` });
    expect(requests).toBeGreaterThan(10);
    expect(elsewhere).toEqual([]);
  });

  it("in groups, a student places only their group's part, reads what is left by name, and sees their group's check", async () => {
    // Carbon dioxide: two oxygens, dealt one to each group.
    await teacher.page.locator(".step-panel").getByRole("button", { name: "Next" }).click();
    await teacher.page.locator('select[name="groups"]').selectOption("2");
    const progress = student.page.locator(".step-panel .task-progress");
    await expect.poll(() => progress.textContent()).toContain("Tu es dans le groupe 1.");
    expect(await progress.textContent()).toContain("Ton groupe : 0 sur 1 en place");
    expect(await progress.locator(".still-to-place").textContent()).toBe("Reste à placer : Oxygène (O)");
    const place = (id: string, pose: Pose) =>
      student.page.evaluate(([i, p]) => (window as unknown as Hooks).meridianTest.place(i, p), [id, pose] as const);
    const site: Pose = { p: [0.145, 1, 0], q: [0, 0, 0, 1] };

    // The other group's oxygen is refused, with the reason, and stays where it was.
    await place("co2-o2", site);
    await expect
      .poll(() => student.page.locator('.toast[data-reason="otherGroup"]').textContent())
      .toBe("Cette pièce appartient à un autre groupe.");
    expect(
      await student.page.evaluate(() => (window as unknown as Hooks).meridianTest.statePose("co2-o2")!.p[0]),
    ).not.toBeCloseTo(0.145, 2);

    await place("co2-o1", site);
    await expect.poll(() => progress.getAttribute("data-done")).toBe("true");
    expect(await progress.textContent()).toContain("Ton groupe a terminé !");
    const groups = teacher.page.locator(".teacher-panel .group-progress");
    await expect.poll(() => groups.locator('li[data-group="1"]').textContent()).toBe("✓ Group 1: done");
    expect(await groups.locator('li[data-group="2"]').textContent()).toBe("Group 2: 0 of 1");
    const seat = await seatOf(student.page);
    expect(await teacher.page.locator(`.roster li[data-seat="${seat}"] .group-chip`).textContent()).toBe("Group 1");
    await student.page.screenshot({ path: `${SCREENSHOT_DIR}/student-group-done.png` });
    await teacher.page.screenshot({ path: `${SCREENSHOT_DIR}/teacher-sees-groups.png` });
  });
});
