/**
 * What a student sees around the scene: friendly messages for a wrong code,
 * and a connection indicator that follows the network and gives the seat
 * back after a drop.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CREDENTIAL_CONTEXTS, didKeyOf, signCredential } from "../../shared/credential.ts";
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
    student = await openBrowser({ width: 1024, height: 700 }, { ownBrowser: true });
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

    await page.locator('select[name="language"]').selectOption("es");
    await page.locator('form button[type="submit"]').click();
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("no existe");
    await page.locator('input[name="code"]').fill("K0");
    await page.locator('form button[type="submit"]').click();
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("seis");
    await page.screenshot({ path: `${SCREENSHOT_DIR}/lobby-wrong-code-es.png` });
  });

  it("anyone can check a badge file in the page, offline; a changed one is refused", async () => {
    const { page } = student;
    await page.goto(`${base}/`);
    // The page remembers the Spanish chosen before.
    await page.locator('select[name="language"]').selectOption("en");
    const pair = (await crypto.subtle.generateKey({ name: "Ed25519" }, true, ["sign", "verify"])) as CryptoKeyPair;
    const publicKey = new Uint8Array(await crypto.subtle.exportKey("raw", pair.publicKey));
    const issuer = didKeyOf(publicKey);
    const credential = await signCredential(
      {
        "@context": CREDENTIAL_CONTEXTS,
        id: "urn:uuid:7c1f1f2e-8a3b-4c5d-9e0f-123456789abc",
        type: ["VerifiableCredential", "OpenBadgeCredential"],
        issuer: { id: issuer, type: ["Profile"], name: "Meridian classroom" },
        validFrom: "2026-11-30T10:00:00Z",
        name: "Building molecules — completed",
        credentialSubject: {
          type: ["AchievementSubject"],
          identifier: [
            { type: "IdentityObject", identityHash: "sha256$00", identityType: "name", hashed: true, salt: "1" },
          ],
          achievement: {
            id: `${base}/xapi/lessons/molecules`,
            type: ["Achievement"],
            name: "Building molecules",
            description: "Water, carbon dioxide, methane, ammonia.",
            criteria: { narrative: "Completed every task." },
          },
        },
      },
      { privateKey: pair.privateKey, publicKey },
      new Date(),
    );
    const upload = (content: unknown) =>
      page.setInputFiles('input[name="badgeFile"]', {
        name: "badge.json",
        mimeType: "application/json",
        buffer: Buffer.from(JSON.stringify(content)),
      });
    const verdict = page.locator(".badge-check [role=status]");
    await upload(credential);
    await expect.poll(() => verdict.getAttribute("data-valid")).toBe("true");
    expect(await verdict.textContent()).toContain("Building molecules — completed");
    await verdict.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOT_DIR}/lobby-badge-valid.png` });
    await upload({ ...credential, name: "Every subject there is — completed" });
    await expect.poll(() => verdict.getAttribute("data-valid")).toBe("false");
    expect(await verdict.textContent()).toContain("Not valid");
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
