/**
 * The installable app: after one visit the start page opens with no network
 * at all, from what the service worker kept, and says it is offline; with
 * the network back the student joins the class and it draws. Then a class
 * opened again offline-first draws its 3D code from the kept copy, not the network.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Bot, createClassAsBot } from "../../client/bot/bot.ts";
import { formatJoinCode } from "../../shared/joinCode.ts";
import type { RunningServer } from "../../server/app.ts";
import { openBrowser, type TestBrowser } from "../support/browser.ts";
import { startTestServer } from "../support/server.ts";
import { SCREENSHOT_DIR, joinThroughLobby, requireBrowserAndBuild } from "./support.ts";

describe("the app keeps itself for offline use", () => {
  let server: RunningServer;
  let teacher: Bot;
  let student: TestBrowser;
  let base: string;

  beforeAll(async () => {
    requireBrowserAndBuild();
    server = await startTestServer();
    base = `http://localhost:${server.port}`;
    teacher = await createClassAsBot(base, "shapes-and-planets", { nickname: "Ms Ito" });
    // A browser of its own: emulated network outages are unreliable in a shared one (see openBrowser).
    student = await openBrowser({ width: 412, height: 860 }, { phone: true, ownBrowser: true, serviceWorkers: true });
  });

  afterAll(async () => {
    await student?.close();
    await teacher?.leave();
    await server?.stop();
  });

  it(
    "after one visit the start page opens with the network cut, and says it is offline",
    { timeout: 150_000 },
    async () => {
      const page = student.page;
      await page.goto(`${base}/`);
      await page.locator('input[name="code"]').waitFor();
      // The worker is registered once the start page has sat idle (20 s, client/app/appUpdates.ts); it has kept
      // the app once it is active and looks after the page.
      await page.waitForFunction(
        async () => (await navigator.serviceWorker.ready).active?.state === "activated",
        undefined,
        { timeout: 90_000 },
      );
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
      expect(await page.getByRole("status").filter({ hasText: "offline" }).count()).toBe(0);

      await student.context.setOffline(true);
      await page.reload();
      await page.locator('input[name="code"]').waitFor({ timeout: 15_000 });
      await expect
        .poll(() => page.getByRole("status").filter({ hasText: "You are offline" }).count(), { timeout: 15_000 })
        .toBe(1);
      await page.screenshot({ path: `${SCREENSHOT_DIR}/offline-start-page-phone.png` });
    },
  );

  it("with the network back, the student joins and the class draws", async () => {
    const page = student.page;
    await student.context.setOffline(false);
    await expect
      .poll(() => page.getByRole("status").filter({ hasText: "You are offline" }).count(), { timeout: 15_000 })
      .toBe(0);
    await joinThroughLobby(page, `${base}/?test=1`, formatJoinCode(teacher.connection.code), "Amani");
    await expect.poll(() => teacher.connection.state.participants.size, { timeout: 15_000 }).toBe(2);
  });

  it("the class's code comes from the kept copy: no script is fetched from the network on a return", async () => {
    const page = student.page;
    const fromNetwork: string[] = [];
    let scripts = 0;
    page.on("response", (response) => {
      if (!response.url().includes("/assets/") || !response.url().endsWith(".js")) return;
      scripts++;
      if (!response.fromServiceWorker()) fromNetwork.push(response.url());
    });
    await page.reload();
    await page.waitForFunction(
      () => Boolean((window as unknown as { meridianTest?: { seat(): unknown } }).meridianTest?.seat()),
      undefined,
      { timeout: 30_000 },
    );
    await page.locator("canvas").waitFor();
    expect(scripts).toBeGreaterThan(10);
    expect(fromNetwork).toEqual([]);
  });
});
