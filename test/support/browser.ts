/**
 * Debian's Chromium driven by playwright-core. Never downloads a browser; in
 * CI a missing browser fails the run instead of skipping.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

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

const BROWSER_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--use-angle=swiftshader",
  "--enable-unsafe-swiftshader",
];
/** A microphone that plays a tone, granted without a prompt: voice tests hear real WebRTC audio. */
const FAKE_MEDIA_ARGS = ["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"];

/**
 * One Chromium per test file (and one more with a fake microphone when a
 * test asks for it); each participant gets a fresh, isolated context in it.
 * A context opens in a fraction of a browser's start-up time, which on a
 * two-core machine adds up over a few dozen participants.
 */
const sharedBrowsers = new Map<boolean, Promise<Browser>>();

function sharedBrowser(fakeMedia: boolean): Promise<Browser> {
  let browser = sharedBrowsers.get(fakeMedia);
  if (!browser) {
    browser = chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [...BROWSER_ARGS, ...(fakeMedia ? FAKE_MEDIA_ARGS : [])],
    });
    sharedBrowsers.set(fakeMedia, browser);
  }
  return browser;
}

afterAll(async () => {
  const browsers = [...sharedBrowsers.values()];
  sharedBrowsers.clear();
  await Promise.all(browsers.map(async (browser) => (await browser.catch(() => undefined))?.close()));
});

/** Opens a fresh, isolated browser context with one page; `phone` gives it a touch screen and a phone's screen. */
export async function openBrowser(
  viewport = { width: 1280, height: 800 },
  {
    phone = false,
    fakeMedia = false,
    ownBrowser = false,
    firstVisit = false,
    browserArgs = [],
    serviceWorkers = false,
  }: {
    phone?: boolean;
    fakeMedia?: boolean;
    /**
     * A browser of its own, for a test that takes its network offline: in a
     * shared browser an open WebSocket was seen to outlive the emulated
     * outage (the server never noticed the drop).
     */
    ownBrowser?: boolean;
    /**
     * A device that has never been in a class: the first-run guide opens.
     * Otherwise the guides count as seen, so they do not stand in front of
     * what other tests look at.
     */
    firstVisit?: boolean;
    /** More Chromium switches (a certificate to trust, a name to resolve): the context gets a browser of its own. */
    browserArgs?: string[];
    /**
     * The app's service worker runs (it keeps the app for offline use). Off
     * by default: a test of something else gets the network's answers, and
     * no worker fetching the app in the background.
     */
    serviceWorkers?: boolean;
  } = {},
): Promise<TestBrowser> {
  const options = {
    viewport,
    serviceWorkers: serviceWorkers ? ("allow" as const) : ("block" as const),
    // A phone's screen at one pixel per point: the software renderer draws four times fewer pixels.
    ...(phone ? { hasTouch: true, isMobile: true, deviceScaleFactor: 1 } : {}),
  };
  const profile = ownBrowser || browserArgs.length > 0 ? mkdtempSync(join(tmpdir(), "meridian-chromium-")) : undefined;
  const context = profile
    ? await chromium.launchPersistentContext(profile, {
        ...options,
        executablePath: CHROMIUM_PATH,
        headless: true,
        args: [...BROWSER_ARGS, ...(fakeMedia ? FAKE_MEDIA_ARGS : []), ...browserArgs],
      })
    : await (await sharedBrowser(fakeMedia)).newContext(options);
  if (!firstVisit)
    await context.addInitScript(
      'for (const role of ["teacher", "student"]) localStorage.setItem(`meridian.choice.guide.${role}`, "seen");',
    );
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
      if (profile) rmSync(profile, { recursive: true, force: true });
    },
  };
}
