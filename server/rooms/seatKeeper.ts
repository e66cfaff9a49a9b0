/**
 * The class's seats as a room part: whose seat is the creator's, which
 * names the teachers go by, which dropped seats are held. The room asks it
 * at every seat reservation and every drop; the rules themselves are plain
 * functions in server/rules/admission.ts.
 */
import { z } from "zod";
import { CreateOptions, JoinError, JoinOptions, Role } from "../../shared/protocol.ts";
import type { ClassroomState } from "../../shared/state.ts";
import { type TeacherName, entryRefusal, holdsDroppedSeat, isShortLived, teacherNameOf } from "../rules/admission.ts";
import { teacherKeyMatches } from "../rules/teacherKey.ts";
import type { Conduct } from "./conduct.ts";

export const JoinOrCreateOptions = z.union([CreateOptions, JoinOptions]);

/** What a refused join is told, by refusal. */
export const ENTRY_REFUSALS: Partial<Record<JoinError, string>> = {
  [JoinError.ClassEnded]: "this class has ended",
  [JoinError.ClassLocked]: "the teacher has closed this class to newcomers",
  [JoinError.ClassFull]: "this class is full",
  [JoinError.NicknameNotAllowed]: "this nickname could pass for the teacher's; choose another",
};

/** What the keeper reads of its class. */
export interface SeatedClass {
  code: string;
  teacherKeyHash: string;
  state: ClassroomState;
  /** Set once the class is over for good. */
  finished: boolean;
}

export class SeatKeeper {
  /** The seat promised to whoever created the class: the only one seated as teacher without the key. */
  private creatorSeat: string | undefined;
  /** The creator's seat was promised (or the class was restored): no other seat is the creator's. */
  private creatorPromised = false;
  /** The teachers' names as the door compares them: students may not pass for them. */
  readonly teacherNames: TeacherName[] = [];
  /** Seats dropped soon after joining that are held now. */
  private readonly heldShortLived = new Map<string, Conduct>();

  constructor(private readonly seated: () => SeatedClass) {}

  /** A new class: its creator's name is a teacher's from the start. */
  opened(creatorNickname: string): void {
    this.teacherNames.push(teacherNameOf(creatorNickname));
  }

  /** A class brought back after a restart: its creator came in long ago; teachers return with the key. */
  restored(roster: readonly { nickname: string; role: string }[]): void {
    this.creatorPromised = true;
    for (const entry of roster) if (entry.role === Role.Teacher) this.teacherNames.push(teacherNameOf(entry.nickname));
  }

  /**
   * The room's own check of every new seat, whatever path matchmaking took:
   * the creator's seat is the one promised to the create request, and
   * nobody else's; the rest go through the class's door (admission.ts)
   * with the live count, so racing joins cannot overfill the class.
   */
  acceptSeat(sessionId: string, auth: unknown, promised: readonly string[]): boolean {
    const parsed = JoinOrCreateOptions.safeParse(auth);
    if (!parsed.success) return false;
    if (!("code" in parsed.data)) {
      if (this.creatorPromised) return false;
      this.creatorPromised = true;
      this.creatorSeat = sessionId;
      return true;
    }
    const { code, state, finished, teacherKeyHash } = this.seated();
    if (parsed.data.code !== code) return false;
    const { teacherKey } = parsed.data;
    if (teacherKey !== undefined && !teacherKeyMatches(teacherKey, teacherKeyHash)) return false;
    const waiting = promised.filter((seat) => !state.participants.has(seat)).length;
    const door = {
      ended: state.ended || finished,
      locked: state.locked,
      taken: state.participants.size + waiting,
      teacherNames: this.teacherNames,
    };
    return entryRefusal(door, { teacher: teacherKey !== undefined, nickname: parsed.data.nickname }) === undefined;
  }

  isCreator(seat: string): boolean {
    return seat === this.creatorSeat;
  }

  teacherSeated(nickname: string): void {
    this.teacherNames.push(teacherNameOf(nickname));
  }

  /** Whether a dropped seat is held for its participant to come back to (admission.ts holdsDroppedSeat). */
  holdOnDrop(seat: string, conduct: Conduct, now: number): boolean {
    if (!holdsDroppedSeat(conduct, this.heldShortLived.values(), now)) return false;
    if (isShortLived(conduct, now)) this.heldShortLived.set(seat, conduct);
    return true;
  }

  /** The seat is taken again, or gone: it no longer counts as held. */
  settled(seat: string): void {
    this.heldShortLived.delete(seat);
  }
}
