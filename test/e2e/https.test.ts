/**
 * The classroom over HTTPS with the certificate it makes for itself, as a
 * headset on the school's Wi-Fi meets it: the page is opened by the
 * machine's network name (not localhost, which browsers trust anyway), and
 * Chromium is told to trust exactly this certificate (its public key), not
 * to ignore certificate errors. Over https the page is a secure context, an
 * emulated Quest 3 enters VR and the microphone can be asked for; over plain
 * http on the same port it is not, and the start page says where to go.
 */
import { createHash, X509Certificate } from "node:crypto";
import { hostname } from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Bot, createClassAsBot } from "../../client/bot/bot.ts";
import { formatJoinCode } from "../../shared/joinCode.ts";
import type { RunningServer } from "../../server/app.ts";
import { openBrowser, type TestBrowser } from "../support/browser.ts";
import { startTestServer } from "../support/server.ts";
import { SCREENSHOT_DIR, joinThroughLobby, requireBrowserAndBuild } from "./support.ts";

/** What Chromium's --ignore-certificate-errors-spki-list takes: the base64 SHA-256 of the public key. */
const spkiHash = (pem: string) =>
  createHash("sha256")
    .update(new X509Certificate(pem).publicKey.export({ type: "spki", format: "der" }))
    .digest("base64");

describe("HTTPS on the school's network", () => {
  let server: RunningServer;
  let teacher: Bot;
  let headset: TestBrowser;
  // The machine's own mDNS name, as a headset would open it; the browser resolves it to loopback.
  const schoolName = `${hostname().toLowerCase()}.local`;

  beforeAll(async () => {
    requireBrowserAndBuild();
    server = await startTestServer({}, { tls: { kind: "selfMade", dir: undefined } });
    teacher = await createClassAsBot(`http://127.0.0.1:${server.port}`, "shapes-and-planets", { nickname: "Ms Ito" });
    headset = await openBrowser(
      { width: 1280, height: 800 },
      {
        fakeMedia: true,
        browserArgs: [
          `--ignore-certificate-errors-spki-list=${spkiHash(server.certificate!.cert)}`,
          `--host-resolver-rules=MAP ${schoolName} 127.0.0.1`,
        ],
      },
    );
  });

  afterAll(async () => {
    await headset?.close();
    await teacher?.leave();
    await server?.stop();
  });

  it("over plain http by the network name the page is not secure, and links to the https address", async () => {
    const page = headset.page;
    await page.goto(`http://${schoolName}:${server.port}/`);
    expect(await page.evaluate(() => window.isSecureContext)).toBe(false);
    const secure = page.getByRole("link", { name: "Open the secure address" });
    expect(await secure.getAttribute("href")).toBe(`https://${schoolName}:${server.port}/`);
  });

  it("over https it is a secure context: the microphone can be asked for and a Quest 3 enters VR", async () => {
    const page = headset.page;
    const base = `https://${schoolName}:${server.port}`;
    await page.goto(`${base}/`);
    expect(await page.evaluate(() => window.isSecureContext)).toBe(true);
    expect(await page.getByRole("link", { name: "Open the secure address" }).count()).toBe(0);
    const microphone = await page.evaluate(async () => {
      const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
      const kinds = stream.getTracks().map((track) => track.kind);
      stream.getTracks().forEach((track) => track.stop());
      return kinds;
    });
    expect(microphone).toEqual(["audio"]);

    await joinThroughLobby(page, `${base}/?test=1&xr=quest3`, formatJoinCode(teacher.connection.code), "Kofi");
    await page.getByRole("button", { name: "Enter VR" }).click();
    await page.getByRole("button", { name: "Exit VR" }).waitFor({ timeout: 60_000 });
    expect(teacher.connection.state.participants.size).toBe(2);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/https-headset-in-vr.png` });
  });
});
