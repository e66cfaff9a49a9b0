/**
 * The first time on a device, each role gets a short guide: the teacher how
 * students get in (with a QR code of the student link that really scans),
 * a phone student how to look and move with a finger, in their language.
 * Dismissed, it stays dismissed on that device; the class bar's "?" brings
 * it back.
 */
import jsQR from "jsqr";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatJoinCode } from "../../shared/joinCode.ts";
import type { RunningServer } from "../../server/app.ts";
import ar from "../../client/i18n/locales/ar.json" with { type: "json" };
import { openBrowser } from "../support/browser.ts";
import { startTestServer } from "../support/server.ts";
import {
  SCREENSHOT_DIR,
  axeProblems,
  joinThroughLobby,
  requireBrowserAndBuild,
  startClassThroughLobby,
} from "./support.ts";

const QR_PIXELS = 336;

describe("the first-run guide", () => {
  let server: RunningServer;
  let url: string;
  let code: string;

  beforeAll(async () => {
    requireBrowserAndBuild();
    server = await startTestServer();
    url = `http://127.0.0.1:${server.port}/?test=1`;
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("shows a first-time teacher the code and a QR code that opens the student link; dismissed, it stays so", async () => {
    const teacher = await openBrowser({ width: 1280, height: 800 }, { firstVisit: true });
    try {
      const { page } = teacher;
      code = await startClassThroughLobby(page, url, "Ms Okafor", "solar-system");
      const guide = page.locator('dialog[data-guide="teacher"]');
      await guide.waitFor();
      expect(await guide.textContent()).toContain(formatJoinCode(code));
      // Focus is on "Got it": Enter or Space closes the guide, and no link is selected by surprise.
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("guide-done");
      await page.screenshot({ path: `${SCREENSHOT_DIR}/guide-teacher-en.png` });
      expect(await axeProblems(page)).toEqual([]);

      // The QR code as drawn on the page, read back from its pixels as a phone's camera would.
      const grey = await page.evaluate(async (side) => {
        const svg = document.querySelector(".qr-code")!;
        const image = new Image();
        image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(svg))}`;
        await image.decode();
        const canvas = document.createElement("canvas");
        canvas.width = canvas.height = side;
        const context = canvas.getContext("2d")!;
        context.drawImage(image, 0, 0, side, side);
        const rgba = context.getImageData(0, 0, side, side).data;
        return Array.from({ length: side * side }, (_, i) => rgba[i * 4]!);
      }, QR_PIXELS);
      const pixels = new Uint8ClampedArray(QR_PIXELS * QR_PIXELS * 4);
      grey.forEach((value, i) => pixels.set([value, value, value, 255], i * 4));
      expect(jsQR(pixels, QR_PIXELS, QR_PIXELS)?.data).toBe(`http://127.0.0.1:${server.port}/#join=${code}`);

      await page.locator('button[name="guide-done"]').click();
      await guide.waitFor({ state: "detached" });
      // Remembered on this device: a new page of the same device does not show it again…
      const again = await teacher.context.newPage();
      await startClassThroughLobby(again, url, "Ms Okafor", "molecules");
      await again.locator(".class-bar").waitFor();
      await again.waitForTimeout(500);
      expect(await again.locator("dialog.guide-dialog").count()).toBe(0);
      // …and the class bar's "?" brings it back; Escape closes it.
      await again.locator('button[name="guide"]').click();
      await again.locator('dialog[data-guide="teacher"]').waitFor();
      await again.keyboard.press("Escape");
      await again.locator("dialog.guide-dialog").waitFor({ state: "detached" });
    } finally {
      await teacher.close();
    }
  });

  it("shows a first-time phone student, in Arabic, how to look and move with a finger, all on a small screen", async () => {
    const phone = await openBrowser({ width: 360, height: 640 }, { phone: true, firstVisit: true });
    try {
      const { page } = phone;
      await joinThroughLobby(page, url, code, "ليلى", "ar");
      const guide = page.locator('dialog[data-guide="student"]');
      await guide.waitFor();
      const text = await guide.textContent();
      expect(text).toContain(ar.guide.studentTouch);
      expect(text).toContain(ar.guide.studentTouchGrab);
      expect(text).not.toContain(ar.guide.studentDesktopGrab);
      const done = page.locator('button[name="guide-done"]');
      await done.scrollIntoViewIfNeeded();
      const box = (await done.boundingBox())!;
      expect(box.height).toBeGreaterThanOrEqual(44);
      expect(box.y + box.height).toBeLessThanOrEqual(640);
      await page.screenshot({ path: `${SCREENSHOT_DIR}/guide-student-ar-phone-360.png` });
      expect(await axeProblems(page)).toEqual([]);
      await done.tap();
      await guide.waitFor({ state: "detached" });
    } finally {
      await phone.close();
    }
  });
});
