/**
 * What a student on a thin link downloads and waits for. Prints:
 * - JavaScript bytes (raw and gzip) of the start page and of a class on a
 *   desktop, on a phone and in a headset, as the browser loaded them
 *   (a headset's are counted without the emulator that stands in for one here);
 * - the time from typing the address to a drawn class at 256 kbit/s down
 *   and 300 ms round trip (test/support/thinLink.ts: unlike Chromium's own
 *   emulation it also slows the service worker's fetches), for a first visit
 *   and a return visit (the app kept by its service worker), beside the targets.
 * Asserts nothing (test/unit/bundleBudgets.test.ts asserts the bytes).
 *
 *   npm run build && npm run bench
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { type Browser, type Page, chromium } from "playwright-core";
import { createClassAsBot } from "../../client/bot/bot.ts";
import { formatJoinCode } from "../../shared/joinCode.ts";
import { type BuildManifest, CLASS_PARTS, entryKey, staticClosure } from "../../scripts/build/clientPaths.ts";
import { CLIENT_DIR, clientPaths, fileBytes, kib } from "../support/clientBytes.ts";
import { startTestServer } from "../support/server.ts";
import { startThinLink } from "../support/thinLink.ts";

const THIN_LINK = { downloadKbps: 256, uploadKbps: 256, roundTripMs: 300 };
const TARGETS = { startPageGzip: 170_000, classGzip: 350 * 1024, firstVisitS: 15, returnVisitS: 3 };

const manifest = JSON.parse(readFileSync(join(CLIENT_DIR, ".vite", "manifest.json"), "utf8")) as BuildManifest;
const classFiles = staticClosure(manifest, [entryKey(manifest), ...CLASS_PARTS]);
/** The headset emulator's own files (iwer and its synthetic rooms): a real headset never loads them. */
const emulatorFiles = new Set(
  [
    ...staticClosure(
      manifest,
      Object.keys(manifest).filter((key) => /iwer|xr\/dist\/emulate/.test(key)),
    ),
  ].filter((file) => !classFiles.has(file)),
);

// Every student joins from this one loopback address: lift the per-address join limit for the bench.
const server = await startTestServer({ addressRates: { join: { count: 100_000, perMs: 60_000 } } });
const base = `http://127.0.0.1:${server.port}`;
const teacher = await createClassAsBot(base, "shapes-and-planets", { nickname: "Teacher" });
const code = formatJoinCode(teacher.connection.code);
// Students reach the server through the thin link; the teacher is on the server's own machine.
const link = await startThinLink(server.port, THIN_LINK);
const farBase = `http://127.0.0.1:${link.port}/`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--use-angle=swiftshader", "--enable-unsafe-swiftshader"],
});

/** The JavaScript files a page loaded from /assets/, as paths in the build. */
function watchScripts(page: Page): Set<string> {
  const loaded = new Set<string>();
  page.on("response", (response) => {
    const path = new URL(response.url()).pathname;
    if (path.startsWith("/assets/") && path.endsWith(".js")) loaded.add(path.slice(1));
  });
  return loaded;
}

/** As sent: the build's Brotli where there is one (server/http/precompressed.ts), else the file gzipped. */
function sentBytes(file: string): number {
  const brotli = join(CLIENT_DIR, `${file}.br`);
  return existsSync(brotli) ? statSync(brotli).size : fileBytes(file).gzip;
}

function bytesOf(files: Iterable<string>) {
  let raw = 0;
  let gzip = 0;
  let sent = 0;
  for (const file of files) {
    const size = fileBytes(file);
    raw += size.raw;
    gzip += size.gzip;
    sent += sentBytes(file);
  }
  return `${kib(raw)} raw, ${kib(gzip)} gzip, ${kib(sent)} as sent (Brotli)`;
}

/** Types the address, then the nickname and code as soon as the form is there; seconds to a drawn class. */
async function joinAndDraw(page: Page, url: string, nickname: string): Promise<{ startPage: number; drawn: number }> {
  const started = performance.now();
  await page.goto(url);
  await page.locator('input[name="nickname"]').waitFor({ timeout: 120_000 });
  const startPage = (performance.now() - started) / 1000;
  await page.locator('input[name="nickname"]').fill(nickname);
  await page.locator('input[name="code"]').fill(code);
  await page.locator('form button[type="submit"]').click();
  await page.locator("canvas").waitFor({ timeout: 180_000 });
  await page.locator(".loading-bar").waitFor({ state: "detached", timeout: 180_000 });
  return { startPage, drawn: (performance.now() - started) / 1000 };
}

async function measurePath(name: string, options: Parameters<Browser["newContext"]>[0], url: string) {
  const context = await browser.newContext(options);
  // The first-run guide would stand in front of "Enter VR"; what it costs to download is counted all the same.
  await context.addInitScript(
    'for (const role of ["teacher", "student"]) localStorage.setItem(`meridian.choice.guide.${role}`, "seen");',
  );
  const page = await context.newPage();
  const loaded = watchScripts(page);
  await page.goto(url);
  await page.locator('input[name="nickname"]').fill(name);
  await page.locator('input[name="code"]').fill(code);
  await page.locator('form button[type="submit"]').click();
  await page.locator("canvas").waitFor({ timeout: 60_000 });
  if (url.includes("xr=quest3")) {
    await page.getByRole("button", { name: "Enter VR" }).click();
    await page.getByRole("button", { name: "Exit VR" }).waitFor({ timeout: 60_000 });
  }
  await page.waitForTimeout(1500);
  await context.close();
  return [...loaded].filter((file) => !emulatorFiles.has(file));
}

try {
  const { startPage, classOnScreen } = clientPaths();
  console.log("JavaScript a student downloads (gzip level 9; targets: start page 170 KB, class 350 KiB)");
  console.log(`  start page (build manifest):       ${kib(startPage.raw)} raw, ${kib(startPage.gzip)} gzip`);
  console.log(`  class on a screen (build manifest): ${kib(classOnScreen.raw)} raw, ${kib(classOnScreen.gzip)} gzip`);
  const desktop = await measurePath("Desk", { viewport: { width: 1280, height: 800 } }, `${base}/`);
  console.log(`  desktop class, as loaded:          ${bytesOf(desktop)} (${desktop.length} files)`);
  const beyond = desktop.filter((file) => !classFiles.has(file));
  console.log(
    `    of which loaded later, beyond the class path: ${bytesOf(beyond)}: ${beyond.map((f) => f.replace(/^assets\//, "")).join(", ")}`,
  );
  const phone = await measurePath(
    "Fone",
    { viewport: { width: 412, height: 860 }, isMobile: true, hasTouch: true, locale: "ar" },
    `${base}/`,
  );
  console.log(`  phone class (Arabic), as loaded:   ${bytesOf(phone)} (${phone.length} files)`);
  const headset = await measurePath("Head", { viewport: { width: 1280, height: 800 } }, `${base}/?xr=quest3`);
  console.log(`  headset in VR, as loaded:          ${bytesOf(headset)} (${headset.length} files, emulator left out)`);

  console.log(
    `Time from typing the address to a drawn class, ${THIN_LINK.downloadKbps} kbit/s, ${THIN_LINK.roundTripMs} ms round trip (targets: first ${TARGETS.firstVisitS} s, return ${TARGETS.returnVisitS} s)`,
  );
  for (const [label, options] of [
    ["desktop", { viewport: { width: 1280, height: 800 } }],
    ["phone, Arabic", { viewport: { width: 412, height: 860 }, isMobile: true, hasTouch: true, locale: "ar" }],
  ] as const) {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    const first = await joinAndDraw(page, farBase, "First");
    // The worker keeps the app once active; then the student comes back another day.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 120_000 });
    await page.evaluate(() => sessionStorage.clear());
    const back = await context.newPage();
    await page.close();
    const again = await joinAndDraw(back, farBase, "Again");
    console.log(
      `  ${label}: first visit start page ${first.startPage.toFixed(1)} s, class drawn ${first.drawn.toFixed(1)} s; return visit start page ${again.startPage.toFixed(1)} s, class drawn ${again.drawn.toFixed(1)} s`,
    );
    await context.close();
  }
} finally {
  await browser.close();
  await link.close();
  await teacher.leave();
  await server.stop();
}
process.exit(0);
