/**
 * A server restart does not lose the class: a real server process with its
 * embedded database is killed mid-lesson and started again; students rejoin
 * with the same code and find the scene as it was.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { createClassAsBot, joinClassAsBot } from "../../client/bot/bot.ts";
import { Role } from "../../shared/protocol.ts";
import { openStudio } from "../../client/net/studioEntry.ts";
import { createTestSchema, type TestSchema } from "../support/postgres.ts";
import { killAllServerProcesses, killHard, startServerProcess } from "../support/serverProcess.ts";

const dataDir = mkdtempSync(join(tmpdir(), "meridian-restart-"));
/** Where classes are kept: the default embedded database, or a PostgreSQL server. */
type Storage = Record<string, string>;

const postgresSchemas: TestSchema[] = [];

afterAll(async () => {
  killAllServerProcesses();
  rmSync(dataDir, { recursive: true, force: true });
  await Promise.all(postgresSchemas.map((schema) => schema.drop()));
});

describe.each([
  ["the embedded database", async (): Promise<Storage> => ({ DATA_DIR: dataDir })],
  [
    "PostgreSQL",
    async (): Promise<Storage> => {
      const schema = await createTestSchema("restart");
      postgresSchemas.push(schema);
      return { DATABASE_URL: schema.url };
    },
  ],
])("a server restart, classes kept in %s", (_name, storageFor) => {
  it("brings the class back as it was, under the same code, with the teacher link still working", async () => {
    const storage = await storageFor();
    const { url: first, child: firstProcess } = await startServerProcess(storage);
    const teacher = await createClassAsBot(first, "solar-system", { nickname: "Ms Okafor" });
    const student = await joinClassAsBot(first, teacher.connection.code, { nickname: "Kofi", language: "sw" });
    await vi.waitFor(() => expect(teacher.connection.view.getState().teacherKey).toBeDefined());
    const { code, teacherKey } = {
      code: teacher.connection.code,
      teacherKey: teacher.connection.view.getState().teacherKey!,
    };

    teacher.connection.setStep(3);
    await vi.waitFor(() => expect(student.connection.state.step).toBe(3));
    student.connection.grab("jupiter", { p: [0, 1, 0], q: [0, 0, 0, 1] });
    student.connection.move("jupiter", { p: [0.25, 1.1, 0.3], q: [0, 0.3826834, 0, 0.9238795] });
    student.connection.release("jupiter", { p: [0.25, 1.1, 0.3], q: [0, 0.3826834, 0, 0.9238795] });
    teacher.connection.setLock("mars", true);
    await vi.waitFor(() => {
      expect(teacher.connection.state.objects.get("jupiter")!.pose.px).toBeCloseTo(0.25, 2);
      expect(teacher.connection.state.objects.get("mars")!.locked).toBe(true);
    });
    // Saves are batched every two seconds; give one to happen, then pull the plug.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    killHard(firstProcess);
    for (const bot of [teacher, student])
      await vi.waitFor(() => expect(bot.connection.view.getState().status).not.toBe("connected"), {
        timeout: 15_000,
      });
    await Promise.all([teacher.leave(), student.leave()]);

    const { url: second } = await startServerProcess(storage);
    const back = await joinClassAsBot(second, code, { nickname: "Kofi", language: "sw" });
    await vi.waitFor(() => expect(back.connection.state.objects.size).toBeGreaterThan(0));
    const state = back.connection.state;
    expect(state.step).toBe(3);
    const jupiter = state.objects.get("jupiter")!.pose;
    expect(jupiter.px).toBeCloseTo(0.25, 2);
    expect(jupiter.py).toBeCloseTo(1.1, 2);
    expect(jupiter.qy).toBeCloseTo(0.3826834, 3);
    expect(state.objects.get("mars")!.locked).toBe(true);

    const teacherAgain = await joinClassAsBot(second, code, { nickname: "Ms Okafor" }, teacherKey);
    await vi.waitFor(() =>
      expect(teacherAgain.connection.state.participants.get(teacherAgain.connection.seat)?.role).toBe(Role.Teacher),
    );
    await Promise.all([back.leave(), teacherAgain.leave()]);
  }, 120_000);

  it("keeps lesson drafts and published lessons: the studio comes back with the draft as it was", async () => {
    const storage = await storageFor();
    const { url: first, child: firstProcess } = await startServerProcess(storage);
    const who = { nickname: "Ana", language: "en" as const, device: "desktop" as const };
    const author = await openStudio(first, who, { start: "remix", lessonId: "shapes-and-planets" });
    await vi.waitFor(() => expect(author.studio.store.getState().draft).toBeDefined());
    await vi.waitFor(() => expect(author.view.getState().teacherKey).toBeDefined());
    const authorKey = author.view.getState().teacherKey!;
    const draftId = author.studio.store.getState().draft!.id;
    author.studio.edit({ edit: "setText", target: { of: "lesson", field: "title" }, language: "en", text: "Kept" });
    author.studio.publish();
    await vi.waitFor(() => expect(author.studio.store.getState().publishedAs).toBeDefined());
    const published = author.studio.store.getState().publishedAs!;
    // Work goes on after publishing: a new step, not yet written.
    author.studio.edit({ edit: "addStep", after: 0 });
    await vi.waitFor(() => expect(author.studio.store.getState().draft!.lesson.steps).toHaveLength(2));
    const before = author.studio.store.getState().draft!;
    expect(before.lesson.steps).toHaveLength(2);
    // The draft is saved within two seconds of a change; give one save to happen, then pull the plug.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    killHard(firstProcess);
    await vi.waitFor(() => expect(author.view.getState().status).not.toBe("connected"), { timeout: 15_000 });
    await author.leave();

    const { url: second } = await startServerProcess(storage);
    const lessons = (await (await fetch(`${second}/api/lessons`)).json()) as { id: string }[];
    expect(lessons.map((lesson) => lesson.id)).toContain(published);
    // Opening the draft again finds the studio brought back (or opens it): the same draft either way.
    const back = await openStudio(second, who, { start: "draft", draftId, authorKey });
    await vi.waitFor(() => expect(back.studio.store.getState().draft?.lesson.title.en).toBe("Kept"));
    expect(back.studio.store.getState().draft!.lesson).toEqual(before.lesson);
    await back.leave();
  }, 120_000);
});
