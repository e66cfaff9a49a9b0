/**
 * What a student sees around the scene: friendly messages for a wrong code,
 * and a connection indicator that follows the network and gives the seat
 * back after a drop.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Bot, createClassAsBot } from "../../client/bot/bot.ts";
import type { RunningServer } from "../../server/app.ts";
import { openBrowser, type TestBrowser } from "../support/browser.ts";
import { startTestServer } from "../support/server.ts";
import { SCREENSHOT_DIR, joinThroughLobby, requireBrowserAndBuild, seatOf } from "./support.ts";

describe("lobby messages and the connection indicator", () => {
  let server: RunningServer;
  let teacher: Bot;
  let student: TestBrowser;
  let base: string;

  beforeAll(async () => {
    requireBrowserAndBuild();
    server = await startTestServer();
    base = `http://127.0.0.1:${server.port}`;
    teacher = await createClassAsBot(base, "shapes-and-planets", { nickname: "Ms Okafor" });
    student = await openBrowser({ width: 1024, height: 700 });
  });

  afterAll(async () => {
    await student?.close();
    await teacher?.leave();
    await server?.stop();
  });

  it("a wrong code gets a plain message, in the student's language", async () => {
    const { page } = student;
    await page.goto(`${base}/`);
    await page.locator('input[name="nickname"]').fill("Ana");
    await page.locator('input[name="code"]').fill("ZZZ-ZZZ");
    await page.locator('form button[type="submit"]').click();
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("doesn't exist");

    await page.getByLabel("Language").selectOption("es");
    await page.locator('form button[type="submit"]').click();
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("no existe");
    await page.locator('input[name="code"]').fill("K0");
    await page.locator('form button[type="submit"]').click();
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("seis");
    await page.screenshot({ path: `${SCREENSHOT_DIR}/lobby-wrong-code-es.png` });
  });

  it("the indicator shows a drop, and the student comes back to the same seat", async () => {
    const { page, context } = student;
    await joinThroughLobby(page, `${base}/?test=1`, teacher.connection.code, "Ana", "en");
    const seat = await seatOf(page);
    const badge = page.locator(".connection");
    await expect.poll(() => badge.getAttribute("data-status")).toBe("connected");

    await context.setOffline(true);
    await expect.poll(() => badge.getAttribute("data-status"), { timeout: 10_000 }).toBe("reconnecting");
    await expect
      .poll(() => teacher.connection.state.participants.get(seat)?.connected, { timeout: 15_000 })
      .toBe(false);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/student-reconnecting.png` });

    await context.setOffline(false);
    await expect.poll(() => badge.getAttribute("data-status"), { timeout: 20_000 }).toBe("connected");
    expect(await seatOf(page)).toBe(seat);
    await expect.poll(() => teacher.connection.state.participants.get(seat)?.connected).toBe(true);
    expect(teacher.connection.state.participants.get(seat)?.nickname).toBe("Ana");
  });

  it("a reload takes the same seat back", async () => {
    const { page } = student;
    const seat = await seatOf(page);
    await page.reload();
    await page.waitForFunction(() =>
      Boolean((window as unknown as { meridianTest?: { seat(): string | undefined } }).meridianTest?.seat()),
    );
    expect(await seatOf(page)).toBe(seat);
    await expect.poll(() => page.locator(".connection").getAttribute("data-status")).toBe("connected");
    await expect.poll(() => teacher.connection.state.participants.get(seat)?.connected).toBe(true);
    expect(teacher.connection.state.participants.size).toBe(2);
  });
});
