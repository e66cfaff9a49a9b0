/**
 * The lesson studio as a room part: a class room opened on a draft plugs it
 * in. It keeps the draft, turns each author's edit into changes (rules in
 * server/rules/studio.ts), sends them to every author in one order, keeps the
 * table in step with the draft, remembers each author's undo and redo, saves
 * the draft and publishes it.
 */
import { randomBytes } from "node:crypto";
import { ServerError, matchMaker } from "@colyseus/core";
import { workingLesson } from "../../shared/draftLesson.ts";
import { publishable } from "../../shared/draftPublish.ts";
import type { Lesson } from "../../shared/lesson.ts";
import { JoinError, Refusal, type StudioOpen } from "../../shared/protocol.ts";
import { SECRET_KEY_LENGTH, DRAFT_ID_LENGTH } from "../../shared/studioIds.ts";
import {
  type Draft,
  type DraftChange,
  type DraftRecord,
  type PublishedMessage,
  StudioLimits,
  StudioServerMessage,
  type StudioChangesMessage,
  type StudioEdit,
} from "../../shared/studio.ts";
import type { Classroom, RuleResult } from "../rules/classroom.ts";
import { readPose } from "../rules/classroom.ts";
import { applyChecked, creditAuthor, draftFromLesson, draftProblem, newDraft, planEdit } from "../rules/studio.ts";
import { keepTableInStep } from "../rules/studioTable.ts";
import { hashTeacherKey, teacherKeyMatches } from "../rules/teacherKey.ts";
import type { ClassStore } from "../storage/classStore.ts";

/** What the studio needs from the server. */
export interface StudioContext {
  store: ClassStore;
  findLesson: (id: string) => Promise<Lesson | undefined>;
  /** True when a model file can be served (uploaded or shipped). */
  modelAvailable: (file: string) => boolean;
  /** Adds a lesson to this server's list (every process in scale-out). */
  publish: (lesson: Lesson) => Promise<void>;
  now: () => number;
}

/** Which room has a draft open, so a second author joins it rather than opening another. */
const openKey = (draftId: string) => `meridian:studio:${draftId}`;
/** Who is opening a draft right now: the first to count 1 opens it; the others join the room it opens. */
const claimKey = (draftId: string) => `meridian:studio-claim:${draftId}`;
/** A claim whose room never opened (its opener failed) lapses after this long. */
const CLAIM_SECONDS = 10;

/** The room a draft is open in, when that room still runs. */
async function roomWithDraft(draftId: string): Promise<string | undefined> {
  const openIn = await matchMaker.presence.get(openKey(draftId));
  return openIn && (await matchMaker.getRoomById(openIn)) ? (openIn as string) : undefined;
}

/**
 * Claims a closed draft for this opening, atomically across processes (two
 * authors opening the same draft at once must end in one room). Returns the
 * code of the room that has it open instead, when another has or is opening it.
 */
async function claimDraft(draftId: string): Promise<string | undefined> {
  const openIn = await roomWithDraft(draftId);
  if (openIn) return openIn;
  const claims = await matchMaker.presence.hincrbyex(claimKey(draftId), "opening", 1, CLAIM_SECONDS);
  if (claims === 1) return undefined;
  // Another opener won: wait for its room (it opens in well under a second).
  for (let tries = 0; tries < 50; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const opened = await roomWithDraft(draftId);
    if (opened) return opened;
  }
  throw new ServerError(JoinError.AlreadyOpen, "");
}

interface UndoEntry {
  /** Puts back what the edit changed. */
  undo: DraftChange[];
  /** Does the edit again. */
  redo: DraftChange[];
}

type Send = (seat: string | undefined, type: string, message: unknown) => void;

export class StudioPart {
  private readonly undoBySeat = new Map<string, UndoEntry[]>();
  private readonly redoBySeat = new Map<string, UndoEntry[]>();
  /** Authors trying the lesson as students: their moves are play, not authoring. */
  private readonly trying = new Set<string>();
  private savedRevision: number;

  private constructor(
    private record: DraftRecord,
    private readonly context: StudioContext,
  ) {
    this.savedRevision = record.draft.revision;
  }

  /**
   * Opens the studio on a new draft, a remix, or a draft made before (with
   * its key). The author key goes back to the opener for the co-author link.
   */
  static async open(context: StudioContext, open: StudioOpen): Promise<{ part: StudioPart; authorKey: string }> {
    if (open.start === "draft") {
      const record = await context.store.loadDraft(open.draftId);
      // A missing draft and a wrong key read the same: nobody learns which drafts exist.
      if (!record || !teacherKeyMatches(open.authorKey, record.authorKeyHash))
        throw new ServerError(JoinError.WrongTeacherKey, "this author link is not for a draft here");
      const problem = draftProblem(record.draft);
      if (problem) throw new ServerError(JoinError.UnknownLesson, `the stored draft is damaged: ${problem}`);
      const openIn = await claimDraft(open.draftId);
      if (openIn) throw new ServerError(JoinError.AlreadyOpen, openIn);
      return { part: new StudioPart(record, context), authorKey: open.authorKey };
    }
    const id = newDraftId();
    let draft: Draft;
    if (open.start === "remix") {
      const lesson = await context.findLesson(open.lessonId);
      if (!lesson) throw new ServerError(JoinError.UnknownLesson, `no lesson "${open.lessonId}"`);
      draft = draftFromLesson(id, lesson);
    } else draft = newDraft(id);
    const authorKey = randomBytes(SECRET_KEY_LENGTH / 2).toString("hex");
    const now = context.now();
    const record: DraftRecord = { draft, authorKeyHash: hashTeacherKey(authorKey), createdAt: now, updatedAt: now };
    await context.store.saveDraft(record);
    const part = new StudioPart(record, context);
    return { part, authorKey };
  }

  /** Brings a studio back after a restart, from its stored draft. */
  static async restore(context: StudioContext, draftId: string): Promise<StudioPart | undefined> {
    const record = await context.store.loadDraft(draftId);
    return record && !draftProblem(record.draft) ? new StudioPart(record, context) : undefined;
  }

  get draft(): Draft {
    return this.record.draft;
  }

  get authorKeyHash(): string {
    return this.record.authorKeyHash;
  }

  /** The lesson the table shows now. */
  lesson(): Lesson {
    return workingLesson(this.record.draft);
  }

  /** Marks this room as the one the draft is open in. */
  async opened(code: string): Promise<void> {
    await matchMaker.presence.setex(openKey(this.draft.id), code, 24 * 60 * 60);
    await matchMaker.presence.del(claimKey(this.draft.id));
  }

  async closed(): Promise<void> {
    await this.save();
    await matchMaker.presence.del(openKey(this.draft.id));
  }

  /** A newcomer (or a returning author) gets the whole draft. */
  welcome(seat: string, send: Send): void {
    send(seat, StudioServerMessage.Draft, this.record.draft);
  }

  /** An author's edit: planned, checked, applied, sent to everyone; the author can undo it. */
  edit(classroom: Classroom, seat: string, edit: StudioEdit, send: Send): RuleResult {
    if (edit.edit === "addObject" && edit.model && !this.context.modelAvailable(edit.model))
      return { ok: false, reason: Refusal.UnknownModel, detail: edit.model };
    const planned = planEdit(this.record.draft, edit);
    if (!planned.ok) return planned;
    const result = this.apply(classroom, seat, planned.changes, send);
    if (!result.ok) return result;
    this.remember(this.undoBySeat, seat, { undo: result.inverse, redo: planned.changes });
    this.redoBySeat.delete(seat);
    // Being named as an author is not part of the edit an author may undo.
    const nickname = classroom.state.participants.get(seat)?.nickname;
    const credit = nickname ? creditAuthor(this.record.draft, nickname) : undefined;
    if (credit) this.apply(classroom, seat, [credit], send);
    return { ok: true };
  }

  /** Undoes the author's own last edit (or does it again). */
  undo(classroom: Classroom, seat: string, send: Send, again = false): RuleResult {
    const from = again ? this.redoBySeat : this.undoBySeat;
    const to = again ? this.undoBySeat : this.redoBySeat;
    const entry = from.get(seat)?.pop();
    if (!entry) return { ok: false, reason: Refusal.NothingToUndo };
    const result = this.apply(classroom, seat, again ? entry.redo : entry.undo, send);
    if (!result.ok) return result;
    const changes = again ? entry.redo : entry.undo;
    this.remember(to, seat, again ? { undo: result.inverse, redo: changes } : { undo: changes, redo: result.inverse });
    return { ok: true };
  }

  /** Which text field an author writes in, for the others to see. */
  focus(classroom: Classroom, seat: string, field: string | null): RuleResult {
    const participant = classroom.state.participants.get(seat);
    if (participant) participant.editing = field ?? "";
    return { ok: true };
  }

  /** An author starts or stops trying the lesson as a student; stopping puts the table back as the draft has it. */
  try(classroom: Classroom, seat: string, on: boolean): RuleResult {
    if (on) this.trying.add(seat);
    else if (this.trying.delete(seat)) keepTableInStep(classroom, this.lesson());
    return { ok: true };
  }

  /** An author left: nothing of theirs is in play any more. */
  left(classroom: Classroom, seat: string): void {
    this.undoBySeat.delete(seat);
    this.redoBySeat.delete(seat);
    this.try(classroom, seat, false);
  }

  /** An author let go of an object on the table: where it is now is where it starts in this step. */
  released(classroom: Classroom, seat: string, objectId: string, send: Send): void {
    if (this.trying.has(seat)) return;
    const object = classroom.state.objects.get(objectId);
    const step = this.record.draft.lesson.steps[classroom.state.step];
    if (!object || !step) return;
    this.edit(classroom, seat, { edit: "placeObject", objectId, stepId: step.id, pose: readPose(object.pose) }, send);
  }

  /** Checks the draft as a lesson file; if it passes, adds it to the server's lessons. */
  async publish(send: Send, seat: string): Promise<RuleResult> {
    const checked = publishable(this.record.draft);
    if (!checked.ok) {
      send(seat, StudioServerMessage.Published, { ok: false, problems: checked.problems } satisfies PublishedMessage);
      return { ok: true };
    }
    const missing = checked.lesson.objects.find((object) => object.model && !this.context.modelAvailable(object.model));
    if (missing) return { ok: false, reason: Refusal.UnknownModel, detail: missing.model ?? "" };
    await this.context.publish(checked.lesson);
    this.record.draft.publishedAs = checked.lesson.id;
    await this.save(true);
    send(undefined, StudioServerMessage.Published, {
      ok: true,
      lessonId: checked.lesson.id,
    } satisfies PublishedMessage);
    return { ok: true };
  }

  /** Saves the draft if it changed since the last save. */
  async save(always = false): Promise<void> {
    const { revision } = this.record.draft;
    if (!always && revision === this.savedRevision) return;
    this.savedRevision = revision;
    this.record.updatedAt = this.context.now();
    await this.context.store
      .saveDraft(this.record)
      .catch((error: unknown) => console.error(`saving draft ${this.record.draft.id} failed`, error));
  }

  private apply(
    classroom: Classroom,
    seat: string,
    changes: DraftChange[],
    send: Send,
  ): { ok: true; inverse: DraftChange[] } | { ok: false; reason: Refusal; detail?: string } {
    const applied = applyChecked(this.record.draft, changes);
    if (!applied.ok) return applied;
    this.record.draft = applied.draft;
    keepTableInStep(classroom, this.lesson());
    const message: StudioChangesMessage = { revision: applied.draft.revision, changes, seat };
    send(undefined, StudioServerMessage.Changes, message);
    return { ok: true, inverse: applied.inverse };
  }

  private remember(stacks: Map<string, UndoEntry[]>, seat: string, entry: UndoEntry): void {
    const stack = stacks.get(seat) ?? [];
    stack.push(entry);
    if (stack.length > StudioLimits.undoDepth) stack.shift();
    stacks.set(seat, stack);
  }
}

/** A draft id: 16 characters of [a-z0-9], about 80 bits. */
function newDraftId(): string {
  const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
  return [...randomBytes(DRAFT_ID_LENGTH)].map((byte) => alphabet[byte % alphabet.length]).join("");
}
