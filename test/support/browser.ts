/**
 * Debian's Chromium driven by playwright-core. Never downloads a browser; in
 * CI a missing browser fails the run instead of skipping.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM_PATH);
}

export interface TestBrowser {
  context: BrowserContext;
  page: Page;
  /** The page's console warnings/errors and uncaught exceptions, for failure reports. */
  logs: string[];
  close(): Promise<void>;
}

/** Opens a fresh, isolated browser profile with one page; `phone` gives it a touch screen and a phone's screen. */
export async function openBrowser(
  viewport = { width: 1280, height: 800 },
  { phone = false, fakeMedia = false }: { phone?: boolean; fakeMedia?: boolean } = {},
): Promise<TestBrowser> {
  const profile = mkdtempSync(join(tmpdir(), "meridian-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport,
    // A phone's screen at one pixel per point: the software renderer draws four times fewer pixels.
    ...(phone ? { hasTouch: true, isMobile: true, deviceScaleFactor: 1 } : {}),
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--use-angle=swiftshader",
      "--enable-unsafe-swiftshader",
      // A microphone that plays a tone, granted without a prompt: voice tests hear real WebRTC audio.
      ...(fakeMedia ? ["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"] : []),
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const logs: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") logs.push(`${message.type()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => logs.push(`exception: ${error.message}`));
  return {
    context,
    page,
    logs,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
