/** One classroom server per integration test file, with bots cleaned up after each test. */
import { afterAll, afterEach, beforeAll } from "vitest";
import type { Bot } from "../../client/bot/bot.ts";
import type { RunningServer, ServerOverrides } from "../../server/app.ts";
import { startTestServer } from "./server.ts";

export interface TestServer {
  readonly endpoint: string;
  readonly server: RunningServer;
  /** Keeps a bot to leave after the current test. */
  track<T extends Bot | Bot[]>(bots: T): T;
}

/**
 * For an integration test file: one server for the file, and every tracked
 * bot leaves after each test so the next one starts clean.
 */
export function classServerForThisFile(overrides: ServerOverrides = {}): TestServer {
  let running: RunningServer | undefined;
  const bots: Bot[] = [];
  beforeAll(async () => {
    running = await startTestServer(overrides);
  });
  afterEach(async () => {
    await Promise.all(bots.splice(0).map((bot) => bot.leave()));
  });
  afterAll(async () => {
    await running?.stop();
  });
  return {
    get endpoint() {
      return `http://127.0.0.1:${running!.port}`;
    },
    get server() {
      return running!;
    },
    track(tracked) {
      bots.push(...(Array.isArray(tracked) ? tracked : [tracked]));
      return tracked;
    },
  };
}
