/**
 * The README's deployment, as written: the project's own deploy/Caddyfile,
 * run by Debian's Caddy with its internal authority for "localhost", in
 * front of two classroom processes in scale-out mode. Through Caddy alone
 * (HTTPS, one address): the start page, the lesson list, matchmaking, and
 * each process's rooms at its own path. This test trusts exactly Caddy's
 * authority, not every certificate.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getCACertificates, setDefaultCACertificates } from "node:tls";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type Bot, createClassAsBot, joinClassAsBot } from "../../client/bot/bot.ts";
import type { TestSchema } from "../support/postgres.ts";
import {
  type ServerProcess,
  freePort,
  killAllServerProcesses,
  startScaleOutProcesses,
} from "../support/serverProcess.ts";

const CADDY = process.env.CADDY_PATH ?? "/usr/bin/caddy";
const haveCaddy = existsSync(CADDY);
if (!haveCaddy && process.env.CI) throw new Error(`No Caddy at ${CADDY}: install Debian's "caddy" package.`);
if (!haveCaddy) console.warn(`Skipping the Caddy deployment test: no Caddy at ${CADDY} (apt-get install caddy).`);
/** The process's trusted authorities before this test adds Caddy's, put back after. */
const trustedBefore = getCACertificates("default");

/** The path of the process a bot's room lives on, read from where its socket went. */
function roomPath(bot: Bot): string {
  const transport = bot.connection.room.connection.transport as unknown as { ws: WebSocket };
  const url = new URL(transport.ws.url);
  return `${url.host}/${url.pathname.split("/")[1]}`;
}

describe.skipIf(!haveCaddy)("Caddy in front of two classroom processes (deploy/Caddyfile)", () => {
  let schema: TestSchema;
  let processes: ServerProcess[] = [];
  let caddy: ChildProcess | undefined;
  let caddyHome: string;
  let site: string;
  const bots: Bot[] = [];
  let caddyLog = "";

  beforeAll(async () => {
    const httpsPort = await freePort();
    site = `https://localhost:${httpsPort}`;
    const started = await startScaleOutProcesses(2, "caddy", (index) => `localhost:${httpsPort}/p${index + 1}`);
    schema = started.schema;
    processes = started.servers;
    caddyHome = mkdtempSync(join(tmpdir(), "meridian-caddy-"));
    caddy = spawn(CADDY, ["run", "--config", "deploy/Caddyfile", "--adapter", "caddyfile"], {
      env: {
        PATH: process.env.PATH ?? "",
        HOME: caddyHome,
        XDG_DATA_HOME: join(caddyHome, "data"),
        XDG_CONFIG_HOME: join(caddyHome, "config"),
        MERIDIAN_SITE: "localhost",
        MERIDIAN_HTTPS_PORT: String(httpsPort),
        MERIDIAN_HTTP_PORT: String(await freePort()),
        MERIDIAN_CADDY_ADMIN: "off",
        MERIDIAN_PROCESS_1: new URL(processes[0]!.url).host,
        MERIDIAN_PROCESS_2: new URL(processes[1]!.url).host,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    caddy.stdout!.on("data", (chunk: Buffer) => (caddyLog += chunk.toString()));
    caddy.stderr!.on("data", (chunk: Buffer) => (caddyLog += chunk.toString()));
    // Caddy makes its authority on first start; the test trusts that authority alone, in this process.
    const root = join(caddyHome, "data", "caddy", "pki", "authorities", "local", "root.crt");
    await vi.waitFor(() => expect(existsSync(root), caddyLog).toBe(true), { timeout: 20_000, interval: 200 });
    setDefaultCACertificates([...trustedBefore, readFileSync(root, "utf8")]);
    await vi.waitFor(
      async () =>
        expect(
          (await fetch(`${site}/api/lessons`).catch((error: unknown) => error)) instanceof Response,
          caddyLog,
        ).toBe(true),
      { timeout: 20_000, interval: 250 },
    );
  }, 90_000);

  afterAll(async () => {
    await Promise.all(bots.map((bot) => bot.leave().catch(() => undefined)));
    caddy?.kill("SIGTERM");
    killAllServerProcesses();
    await schema?.drop();
    setDefaultCACertificates(trustedBefore);
    if (caddyHome) rmSync(caddyHome, { recursive: true, force: true });
  });

  it("serves the start page and the lesson list over HTTPS", async () => {
    const page = await fetch(`${site}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    const lessons = (await (await fetch(`${site}/api/lessons`)).json()) as { id: string }[];
    expect(lessons.map((lesson) => lesson.id)).toContain("solar-system");
  });

  it("classes open on both processes, and students join each through the one address", async () => {
    const teachers: Bot[] = [];
    for (let i = 0; i < 4; i++) teachers.push(await createClassAsBot(site, "solar-system", { nickname: `T${i}` }));
    bots.push(...teachers);
    const host = new URL(site).host;
    expect(new Set(teachers.map(roomPath))).toEqual(new Set([`${host}/p1`, `${host}/p2`]));
    for (const teacher of teachers) {
      const student = await joinClassAsBot(site, teacher.connection.code, { nickname: "Ama" });
      bots.push(student);
      expect(roomPath(student)).toBe(roomPath(teacher));
      await vi.waitFor(() => expect(teacher.connection.state.participants.size).toBe(2));
    }
  }, 60_000);
});
