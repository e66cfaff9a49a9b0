/** Guessing join codes is cut short; real classes stay joinable for everyone else. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClassAsBot, joinClassAsBot } from "../../client/bot/bot.ts";
import { JoinFailure, type JoinFailedError } from "../../client/net/connection.ts";
import type { RunningServer } from "../../server/app.ts";
import { startTestServer } from "../support/server.ts";

const MAX_FAILURES = 5;
let server: RunningServer;
let endpoint: string;

beforeAll(async () => {
  server = await startTestServer({ joinLimits: { maxFailures: MAX_FAILURES, windowMs: 60_000 } });
  endpoint = `http://127.0.0.1:${server.port}`;
});
afterAll(async () => {
  await server.stop();
});

const failureOf = (attempt: Promise<unknown>) =>
  attempt.then(
    () => undefined,
    (error: JoinFailedError) => error.failure,
  );

describe("failed join limit", () => {
  it("after too many wrong codes, even a right code is refused for a while", async () => {
    const teacher = await createClassAsBot(endpoint, "shapes-and-planets", { nickname: "Teacher" });
    const code = teacher.connection.code;
    const student = await joinClassAsBot(endpoint, code, { nickname: "Early" });
    await student.leave();

    for (let i = 0; i < MAX_FAILURES; i++) {
      expect(await failureOf(joinClassAsBot(endpoint, "ZZZZZZ", { nickname: "Guesser" }))).toBe(JoinFailure.WrongCode);
    }
    expect(await failureOf(joinClassAsBot(endpoint, code, { nickname: "Guesser" }))).toBe(JoinFailure.TooManyAttempts);
    expect(teacher.connection.state.participants.size).toBe(1);
    await teacher.leave();
  });
});
