import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type ClassSnapshot, type ClassStore, createMemoryClassStore } from "./classStore.ts";
import { createTestSchema, type TestSchema } from "../../test/support/postgres.ts";
import { openPgliteClassStore } from "./pgliteClassStore.ts";
import { openPostgresClassStore } from "./postgresClassStore.ts";
import { loadLessonCatalog } from "../lessons/catalog.ts";
import { learningRecords, pseudonym } from "../records/learningRecords.ts";
import { newDraft } from "../rules/studio.ts";

const snapshot = (code: string, step = 0): ClassSnapshot => ({
  code,
  lessonId: "solar-system",
  step,
  ended: false,
  locked: false,
  teacherKeyHash: "ab".repeat(32),
  objects: [{ id: "earth", pose: { p: [0.1, 1, 0], q: [0, 0, 0, 1] }, locked: true }],
  addedModels: [],
  roster: [{ seat: "s1", nickname: "Ana", role: "student" }],
  savedAt: 1000 + step,
});

async function loadAll(store: ClassStore): Promise<ClassSnapshot[]> {
  const saved = await Promise.all((await store.list()).map(({ code }) => store.load(code)));
  return saved.filter((snapshot) => snapshot !== undefined);
}

const dataDir = mkdtempSync(join(tmpdir(), "meridian-store-"));
let postgresSchema: TestSchema | undefined;
let recordsSchema: TestSchema | undefined;
afterAll(async () => {
  rmSync(dataDir, { recursive: true, force: true });
  await postgresSchema?.drop();
  await recordsSchema?.drop();
});

describe.each([
  ["memory", async () => createMemoryClassStore()],
  ["PGlite", async () => openPgliteClassStore(join(dataDir, "a"))],
  [
    "PostgreSQL",
    async () => {
      postgresSchema = await createTestSchema("store");
      return openPostgresClassStore(postgresSchema.url);
    },
  ],
])("%s class store", (_name, open) => {
  it("saves, replaces, lists and removes snapshots", async () => {
    const store = await open();
    await store.save(snapshot("K7F3QX"));
    await store.save(snapshot("K7F3QX", 2));
    await store.save(snapshot("ABCDEF"));
    const all = await loadAll(store);
    expect(all.map((s) => [s.code, s.step]).sort()).toEqual([
      ["ABCDEF", 0],
      ["K7F3QX", 2],
    ]);
    expect(all.find((s) => s.code === "K7F3QX")).toEqual(snapshot("K7F3QX", 2));
    expect(await store.load("K7F3QX")).toEqual(snapshot("K7F3QX", 2));
    expect(await store.load("NOSUCH")).toBeUndefined();
    await store.save({ ...snapshot("OWNED1"), owner: "process-a" });
    expect((await store.list()).sort((x, y) => x.code.localeCompare(y.code))).toEqual([
      { code: "ABCDEF" },
      { code: "K7F3QX" },
      { code: "OWNED1", owner: "process-a" },
    ]);
    await store.remove("OWNED1");
    await store.remove("ABCDEF");
    expect((await loadAll(store)).map((s) => s.code)).toEqual(["K7F3QX"]);
    await store.close();
  }, 30_000);
});

describe.each([
  ["memory", async () => createMemoryClassStore()],
  ["PGlite", async () => openPgliteClassStore(join(dataDir, "records"))],
  [
    "PostgreSQL",
    async () => {
      recordsSchema = await createTestSchema("records");
      return openPostgresClassStore(recordsSchema.url);
    },
  ],
])("%s learning records", (_name, open) => {
  it("keeps records by class, deletes one participant's, and purges by age with keys and scenes", async () => {
    const store = await open();
    const scope = {
      home: "https://class.example.org",
      code: "REC0RD",
      lesson: loadLessonCatalog("assets/lessons", "assets/models").get("solar-system")!,
      registration: "6f1c1f2e-8a3b-4c5d-9e0f-123456789abc",
    };
    const at = new Date();
    await store.appendRecords("REC0RD", [
      learningRecords.joined(scope, "ana", "es", at),
      learningRecords.joined(scope, "bo", "ar", at),
      learningRecords.raisedHand(scope, "ana", 0, at),
    ]);
    await store.appendRecords("OTHER1", [learningRecords.joined({ ...scope, code: "OTHER1" }, "ana", "es", at)]);
    expect(await store.records("REC0RD")).toHaveLength(3);
    expect(await store.deleteRecordsOf("REC0RD", pseudonym("REC0RD", "ana"))).toBe(2);
    expect((await store.records("REC0RD")).map((s) => s.actor.account.name)).toEqual([pseudonym("REC0RD", "bo")]);
    expect(await store.records("OTHER1")).toHaveLength(1);

    await store.keepTeacherKey("REC0RD", "cd".repeat(32));
    expect(await store.teacherKeyHash("REC0RD")).toBe("cd".repeat(32));
    await store.save({ ...snapshot("REC0RD"), savedAt: Date.now() });
    // Drafts are the authors' data: kept, replaced, deleted on request, and purged by age like the rest.
    const record = {
      draft: { ...newDraft("abcdefgh12345678"), revision: 4 },
      authorKeyHash: "ef".repeat(32),
      createdAt: Date.now(),
      updatedAt: Date.now(),
    };
    await store.saveDraft(record);
    await store.saveDraft({ ...record, draft: { ...record.draft, revision: 5 } });
    expect((await store.loadDraft("abcdefgh12345678"))?.draft.revision).toBe(5);
    await store.saveDraft({ ...record, draft: newDraft("zzzzzzzz12345678") });
    expect(await store.deleteDraft("zzzzzzzz12345678")).toBe(true);
    expect(await store.deleteDraft("zzzzzzzz12345678")).toBe(false);
    // Nothing is older than a minute ago; everything is older than a minute from now.
    expect(await store.purge(Date.now() - 60_000)).toEqual({ records: 0, classes: 0, drafts: 0 });
    expect(await store.purge(Date.now() + 60_000)).toEqual({ records: 2, classes: 1, drafts: 1 });
    expect(await store.loadDraft("abcdefgh12345678")).toBeUndefined();

    // Published lessons are kept for every process; publishing again replaces.
    const lesson = scope.lesson;
    await store.publishLesson({ ...lesson, id: "my-lesson" });
    await store.publishLesson({ ...lesson, id: "my-lesson", subject: "physics" });
    expect((await store.publishedLesson("my-lesson"))?.subject).toBe("physics");
    expect((await store.publishedLessons()).map((published) => published.id)).toEqual(["my-lesson"]);
    expect(await store.records("REC0RD")).toEqual([]);
    expect(await store.teacherKeyHash("REC0RD")).toBeUndefined();
    expect(await store.load("REC0RD")).toBeUndefined();

    // Replays: frames come back in time order, counted from the first.
    await store.appendReplay("REPLAY", "solar-system", [
      { at: 5000, frame: { t: 0, key: true, step: 0, objects: { mars: [0, 1, 0, 0, 0, 0, 1] } } },
    ]);
    await store.appendReplay("REPLAY", "solar-system", [
      { at: 5600, frame: { t: 0, objects: { mars: [0.2, 1, 0, 0, 0, 0, 1] } } },
    ]);
    const replay = await store.replay("REPLAY");
    expect(replay).toMatchObject({ lessonId: "solar-system", startedAt: 5000 });
    expect(replay!.frames.map((f) => f.t)).toEqual([0, 600]);
    expect(replay!.frames[1]!.objects!.mars![0]).toBe(0.2);
    expect(await store.replay("NOSUCH")).toBeUndefined();

    // Settings: the first value saved under a name stays.
    expect(await store.loadSetting("signing-key")).toBeUndefined();
    expect(await store.saveSettingOnce("signing-key", "first")).toBe("first");
    expect(await store.saveSettingOnce("signing-key", "second")).toBe("first");
    expect(await store.loadSetting("signing-key")).toBe("first");
    await store.close();
  }, 30_000);
});

describe("PGlite class store on disk", () => {
  it("keeps classes across a close and a reopen", async () => {
    const first = await openPgliteClassStore(join(dataDir, "not", "yet", "made"));
    await first.save(snapshot("K7F3QX", 3));
    await first.close();
    const second = await openPgliteClassStore(join(dataDir, "not", "yet", "made"));
    expect((await loadAll(second))[0]?.step).toBe(3);
    await second.close();
  }, 30_000);
});

describe("PostgreSQL class store", () => {
  it("refuses to start, with the server's reason, when the database cannot be reached", async () => {
    await expect(openPostgresClassStore("postgres://postgres@127.0.0.1:1/test")).rejects.toThrow(/ECONNREFUSED/);
  });
});
