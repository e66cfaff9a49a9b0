/** Guessing join codes is cut short; real classes stay joinable for everyone else. */
import { describe, expect, it, vi } from "vitest";
import { createClassAsBot, joinClassAsBot } from "../../client/bot/bot.ts";
import { JoinFailure } from "../../client/net/connection.ts";
import { classServerForThisFile } from "../support/classServer.ts";
import { failureOf } from "../support/rawEntry.ts";

const MAX_FAILURES = 5;

const classes = classServerForThisFile({ addressRates: { failedJoin: { count: MAX_FAILURES, perMs: 60_000 } } });

describe("failed join limit", () => {
  it("after too many wrong codes, even a right code is refused for a while", async () => {
    const teacher = await createClassAsBot(classes.endpoint, "shapes-and-planets", { nickname: "Teacher" });
    const code = teacher.connection.code;
    const student = await joinClassAsBot(classes.endpoint, code, { nickname: "Early" });
    await student.leave();

    for (let i = 0; i < MAX_FAILURES; i++) {
      expect(await failureOf(joinClassAsBot(classes.endpoint, "ZZZZZZ", { nickname: "Guesser" }))).toBe(
        JoinFailure.WrongCode,
      );
    }
    expect(await failureOf(joinClassAsBot(classes.endpoint, code, { nickname: "Guesser" }))).toBe(
      JoinFailure.TooManyAttempts,
    );
    // Only the teacher is in: the early student left (a patch that may still be on its way), the guesser never got in.
    await vi.waitFor(() => expect(teacher.connection.state.participants.size).toBe(1));
    await teacher.leave();
  });
});
