/**
 * Credentials: a teacher issues an Open Badges 3.0 credential to a student
 * who completed every task of the lesson; it verifies offline (here and with
 * `npm run verify-badge`), and a changed copy does not.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it, vi } from "vitest";
import { createClassAsBot, joinClassAsBot } from "../../client/bot/bot.ts";
import { loadLessonCatalog } from "../../server/lessons/catalog.ts";
import { type OpenBadgeCredential, verifyCredential } from "../../shared/credential.ts";
import { classServerForThisFile } from "../support/classServer.ts";

const classes = classServerForThisFile();
const lesson = loadLessonCatalog("assets/lessons", "assets/models").get("solar-system")!;
const folder = mkdtempSync(join(tmpdir(), "meridian-badge-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const verifyFile = async (credential: unknown) => {
  const file = join(folder, `${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(credential));
  return promisify(execFile)(join("node_modules", ".bin", "tsx"), ["server/credentials/verifyBadge.ts", file]).then(
    ({ stdout }) => ({ code: 0, stdout }),
    (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
  );
};

describe("badges", () => {
  it("are issued only for a completed lesson, verify offline, and fail once changed", async () => {
    const teacher = classes.track(await createClassAsBot(classes.endpoint, "solar-system", { nickname: "Ms Okafor" }));
    const code = teacher.connection.code;
    const student = classes.track(await joinClassAsBot(classes.endpoint, code, { nickname: "Kofi", language: "sw" }));
    const teacherKey = await vi.waitFor(() => teacher.connection.view.getState().teacherKey!);
    const askForBadge = () =>
      fetch(`${classes.endpoint}/api/classes/${code}/participants/${student.connection.seat}/badge`, {
        method: "POST",
        headers: { "x-teacher-key": teacherKey },
      });
    // The roster is saved with the class every two seconds.
    await vi.waitFor(
      async () => {
        const early = await askForBadge();
        expect(early.status).toBe(409);
        expect(((await early.json()) as { missing?: string[] }).missing).toEqual(["order-the-planets"]);
      },
      { timeout: 10_000, interval: 500 },
    );
    const byStudent = await fetch(
      `${classes.endpoint}/api/classes/${code}/participants/${student.connection.seat}/badge`,
      {
        method: "POST",
        headers: { "x-teacher-key": "0".repeat(32) },
      },
    );
    expect(byStudent.status).toBe(403);

    // The student puts every planet in its orbit slot.
    const step = lesson.steps.findIndex((s) => s.id === "order-the-planets");
    teacher.connection.setStep(step);
    await vi.waitFor(() => expect(student.connection.state.step).toBe(step));
    for (const id of lesson.steps[step]!.goal!.snapped) {
      const slot = lesson.objects.find((o) => o.id === id)!.snap![0]!.pose;
      student.connection.grab(id, slot);
      student.connection.release(id, slot);
    }
    await vi.waitFor(() => expect(teacher.connection.state.taskDone).toBe(true));

    const issued = await vi.waitFor(async () => {
      const response = await askForBadge();
      expect(response.status).toBe(201);
      return (await response.json()) as OpenBadgeCredential;
    });
    expect(issued.type).toContain("OpenBadgeCredential");
    expect(issued.credentialSubject.achievement.name).toBe("The Solar System");
    expect(JSON.stringify(issued)).not.toContain("Kofi");
    expect(await verifyCredential(issued)).toMatchObject({ valid: true });
    expect(await verifyFile(issued)).toMatchObject({ code: 0, stdout: expect.stringMatching(/^valid/) });

    const changed = structuredClone(issued);
    changed.credentialSubject.achievement.name = "Every lesson there is";
    expect((await verifyCredential(changed)).valid).toBe(false);
    expect(await verifyFile(changed)).toMatchObject({ code: 1, stdout: expect.stringMatching(/^NOT valid/) });
  }, 60_000);
});
