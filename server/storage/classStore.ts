/**
 * Where classes are kept so a server restart does not lose them: a small
 * interface with an in-memory implementation (tests) and an embedded
 * PostgreSQL (PGlite) one, the default for `npm start`.
 */
import type { Pose } from "../../shared/math.ts";
import type { Lesson } from "../../shared/lesson.ts";
import type { DraftRecord } from "../../shared/studio.ts";
import type { XapiStatement } from "../../shared/xapi.ts";
import { REPLAY_FORMAT, REPLAY_FORMAT_VERSION, type ReplayFrame, type ReplayRecording } from "../../shared/replay.ts";

/** Frames stored with their absolute time; a recording's times count from its first frame. */
export function recordingOf(
  code: string,
  lessonId: string,
  stored: { at: number; frame: ReplayFrame }[],
): ReplayRecording | undefined {
  if (stored.length === 0) return undefined;
  const startedAt = stored[0]!.at;
  return {
    format: REPLAY_FORMAT,
    version: REPLAY_FORMAT_VERSION,
    code,
    lessonId,
    startedAt,
    frames: stored.map(({ at, frame }) => ({ ...frame, t: at - startedAt })),
  };
}

/** What is saved of a class: enough to bring its scene back as it was. */
export interface ClassSnapshot {
  code: string;
  lessonId: string;
  step: number;
  ended: boolean;
  locked: boolean;
  /** Groups the class worked in (0 or absent: together). */
  groups?: number;
  /** SHA-256 of the teacher key, hex: the teacher link keeps working after a restart. */
  teacherKeyHash: string;
  objects: { id: string; pose: Pose; locked: boolean }[];
  addedModels: { id: string; model: string; label: string }[];
  /** Who had a seat (nicknames only), for the teacher's record; seats themselves are not restored. */
  roster: { seat: string; nickname: string; role: string }[];
  savedAt: number;
  /** The server process running the class when it was saved (scale-out: who to ask whether it still does). */
  owner?: string;
}

/** Which classes are saved, and by whom, without their scenes (a cheap look, taken every few seconds). */
export type SavedClass = Pick<ClassSnapshot, "code" | "owner">;

export interface ClassStore {
  save(snapshot: ClassSnapshot): Promise<void>;
  list(): Promise<SavedClass[]>;
  load(code: string): Promise<ClassSnapshot | undefined>;
  /** Keeps a class's learning records (xAPI statements); they outlive the class's scene. */
  appendRecords(code: string, statements: XapiStatement[]): Promise<void>;
  records(code: string): Promise<XapiStatement[]>;
  /** Deletes every record whose actor is this account name (a participant's data, on request). */
  deleteRecordsOf(code: string, actorName: string): Promise<number>;
  /** Keeps the teacher key's hash, so the teacher reaches the records after the class has ended. */
  keepTeacherKey(code: string, teacherKeyHash: string): Promise<void>;
  teacherKeyHash(code: string): Promise<string | undefined>;
  /** Retention: deletes records, teacher keys, saved scenes and drafts older than `before` (ms since 1970). */
  purge(before: number): Promise<{ records: number; classes: number; drafts: number }>;
  remove(code: string): Promise<void>;
  /** Appends a class session's replay frames, each with its absolute time (ms since 1970). */
  appendReplay(code: string, lessonId: string, frames: { at: number; frame: ReplayFrame }[]): Promise<void>;
  replay(code: string): Promise<ReplayRecording | undefined>;
  /** Lesson drafts of the studio: the authors' work, kept until deleted or past retention. */
  saveDraft(record: DraftRecord): Promise<void>;
  loadDraft(id: string): Promise<DraftRecord | undefined>;
  deleteDraft(id: string): Promise<boolean>;
  /** Lessons published from the studio, for every process; publishing the same id again replaces it. */
  publishLesson(lesson: Lesson): Promise<void>;
  publishedLesson(id: string): Promise<Lesson | undefined>;
  publishedLessons(): Promise<Lesson[]>;
  /** A server-wide setting (the credential signing key); the first value saved under a name wins. */
  loadSetting(name: string): Promise<string | undefined>;
  saveSettingOnce(name: string, value: string): Promise<string>;
  close(): Promise<void>;
}

/** Keeps snapshots in memory only (tests, and a server asked to keep nothing). */
export function createMemoryClassStore(now: () => number = Date.now): ClassStore {
  const snapshots = new Map<string, ClassSnapshot>();
  const records = new Map<string, { statement: XapiStatement; storedAt: number }[]>();
  const keys = new Map<string, { hash: string; keptAt: number }>();
  const settings = new Map<string, string>();
  const drafts = new Map<string, DraftRecord>();
  const published = new Map<string, Lesson>();
  const replays = new Map<
    string,
    { lessonId: string; frames: { at: number; frame: ReplayFrame; storedAt: number }[] }
  >();
  return {
    save: async (snapshot) => void snapshots.set(snapshot.code, structuredClone(snapshot)),
    list: async () => [...snapshots.values()].map(({ code, owner }) => (owner ? { code, owner } : { code })),
    load: async (code) => structuredClone(snapshots.get(code)),
    appendRecords: async (code, statements) => {
      const storedAt = now();
      records.set(code, [
        ...(records.get(code) ?? []),
        ...statements.map((statement) => ({ statement: structuredClone(statement), storedAt })),
      ]);
    },
    records: async (code) => (records.get(code) ?? []).map(({ statement }) => structuredClone(statement)),
    deleteRecordsOf: async (code, actorName) => {
      const kept = (records.get(code) ?? []).filter(({ statement }) => statement.actor.account.name !== actorName);
      const deleted = (records.get(code)?.length ?? 0) - kept.length;
      records.set(code, kept);
      return deleted;
    },
    keepTeacherKey: async (code, hash) => void keys.set(code, { hash, keptAt: now() }),
    teacherKeyHash: async (code) => keys.get(code)?.hash,
    purge: async (before) => {
      let purgedRecords = 0;
      for (const [code, list] of records) {
        const kept = list.filter(({ storedAt }) => storedAt >= before);
        purgedRecords += list.length - kept.length;
        records.set(code, kept);
      }
      for (const [code, { keptAt }] of keys) if (keptAt < before) keys.delete(code);
      for (const replay of replays.values()) replay.frames = replay.frames.filter(({ storedAt }) => storedAt >= before);
      let classes = 0;
      for (const [code, snapshot] of snapshots)
        if (snapshot.savedAt < before) {
          snapshots.delete(code);
          classes++;
        }
      let purgedDrafts = 0;
      for (const [id, record] of drafts)
        if (record.updatedAt < before) {
          drafts.delete(id);
          purgedDrafts++;
        }
      return { records: purgedRecords, classes, drafts: purgedDrafts };
    },
    remove: async (code) => void snapshots.delete(code),
    appendReplay: async (code, lessonId, frames) => {
      const replay = replays.get(code) ?? { lessonId, frames: [] };
      replay.frames.push(...frames.map((frame) => ({ ...structuredClone(frame), storedAt: now() })));
      replays.set(code, replay);
    },
    replay: async (code) => {
      const replay = replays.get(code);
      return replay && recordingOf(code, replay.lessonId, replay.frames);
    },
    saveDraft: async (record) => void drafts.set(record.draft.id, structuredClone(record)),
    loadDraft: async (id) => structuredClone(drafts.get(id)),
    deleteDraft: async (id) => drafts.delete(id),
    publishLesson: async (lesson) => void published.set(lesson.id, structuredClone(lesson)),
    publishedLesson: async (id) => structuredClone(published.get(id)),
    publishedLessons: async () => [...published.values()].map((lesson) => structuredClone(lesson)),
    loadSetting: async (name) => settings.get(name),
    saveSettingOnce: async (name, value) => {
      if (!settings.has(name)) settings.set(name, value);
      return settings.get(name)!;
    },
    close: async () => undefined,
  };
}
