/**
 * Teaching tools as rules over the class state: hands, reactions, phrases and
 * chat from students (rate-limited, silenced when muted), and the teacher's
 * tools (mute, lock the class, gather, follow me, pointer, hand an object
 * over). Time is passed in.
 */
import type { Pose, Vec3 } from "../../shared/math.ts";
import type { Phrase, Reaction } from "../../shared/phrasebook.ts";
import { roundRobinGroup } from "../../shared/groups.ts";
import { dealParts, refreshTask } from "./tasks.ts";
import { ClassEventKind, Limits, Refusal, Role, type ClassEventMessage } from "../../shared/protocol.ts";
import { type Classroom, type RuleResult, isTeacher, rateKey, readPose, writePose } from "./classroom.ts";
import { withinRate } from "./rateLimits.ts";
import { silenceWhoMayNotSpeak } from "./voice.ts";

const ok = { ok: true } as const;
const refuse = (reason: Refusal): RuleResult => ({ ok: false, reason });

function requireTeacher(classroom: Classroom, seat: string): RuleResult {
  return isTeacher(classroom, seat) ? ok : refuse(Refusal.TeacherOnly);
}

/** Raises or lowers one's own hand; the queue is ordered by when hands went up. */
export function raiseHand(classroom: Classroom, seat: string, raised: boolean, now: number): RuleResult {
  const participant = classroom.state.participants.get(seat);
  if (!participant) return refuse(Refusal.UnknownParticipant);
  if (raised === participant.handRaisedAt > 0) return ok;
  if (raised && !withinRate(classroom.rateWindows, rateKey(classroom, seat, "hand"), Limits.rates.hand, now))
    return refuse(Refusal.RateLimited);
  participant.handRaisedAt = raised ? now : 0;
  return ok;
}

/** Teacher: lowers a student's hand (question answered). */
export function lowerHand(classroom: Classroom, seat: string, target: string): RuleResult {
  const allowed = requireTeacher(classroom, seat);
  if (!allowed.ok) return allowed;
  const participant = classroom.state.participants.get(target);
  if (!participant) return refuse(Refusal.UnknownParticipant);
  participant.handRaisedAt = 0;
  return ok;
}

/** Seats with a raised hand, first raised first. */
export function handQueue(classroom: Classroom): string[] {
  return [...classroom.state.participants.values()]
    .filter((p) => p.handRaisedAt > 0)
    .sort((a, b) => a.handRaisedAt - b.handRaisedAt)
    .map((p) => p.seat);
}

export type Utterance =
  | { kind: typeof ClassEventKind.Reaction; reaction: Reaction }
  | { kind: typeof ClassEventKind.Phrase; phrase: Phrase }
  | { kind: typeof ClassEventKind.Chat; text: string };

const RATE_OF = { reaction: Limits.rates.reaction, phrase: Limits.rates.phrase, chat: Limits.rates.chat } as const;

/**
 * Something a participant says to the class. Returns the event to send to
 * everyone, or a refusal (muted, too fast). Chat and phrases are kept for
 * newcomers; reactions are of the moment.
 */
export function speak(
  classroom: Classroom,
  seat: string,
  utterance: Utterance,
  now: number,
): { ok: true; event: ClassEventMessage } | { ok: false; reason: Refusal } {
  const participant = classroom.state.participants.get(seat);
  if (!participant) return { ok: false, reason: Refusal.UnknownParticipant };
  if (participant.muted) return { ok: false, reason: Refusal.Muted };
  if (!withinRate(classroom.rateWindows, rateKey(classroom, seat, utterance.kind), RATE_OF[utterance.kind], now)) {
    return { ok: false, reason: Refusal.RateLimited };
  }
  const event = { seat, nickname: participant.nickname, at: now, ...utterance } as ClassEventMessage;
  if (utterance.kind !== ClassEventKind.Reaction) {
    classroom.recentEvents.push(event);
    if (classroom.recentEvents.length > Limits.classEventHistory) classroom.recentEvents.shift();
  }
  return { ok: true, event };
}

/** Teacher: silences or lets speak a student's reactions, phrases and chat. */
export function setMuted(classroom: Classroom, seat: string, target: string, muted: boolean): RuleResult {
  const allowed = requireTeacher(classroom, seat);
  if (!allowed.ok) return allowed;
  const participant = classroom.state.participants.get(target);
  if (!participant) return refuse(Refusal.UnknownParticipant);
  if (participant.role === Role.Teacher) return refuse(Refusal.TeacherOnly);
  participant.muted = muted;
  // Muted means silent in every way: the microphone stops too.
  silenceWhoMayNotSpeak(classroom);
  return ok;
}

/** Teacher: closes the class to newcomers (returning seats still come back) or opens it. */
export function setClassLocked(classroom: Classroom, seat: string, locked: boolean): RuleResult {
  const allowed = requireTeacher(classroom, seat);
  if (!allowed.ok) return allowed;
  classroom.state.locked = locked;
  return ok;
}

/** Teacher: calls everyone to a point (the room sends it to all). */
export function gather(classroom: Classroom, seat: string): RuleResult {
  return requireTeacher(classroom, seat);
}

/** Teacher: everyone's view follows the teacher, or stops following. */
export function setFollow(classroom: Classroom, seat: string, on: boolean): RuleResult {
  const allowed = requireTeacher(classroom, seat);
  if (!allowed.ok) return allowed;
  classroom.state.followSeat = on ? seat : "";
  return ok;
}

/** Teacher: turns the laser pointer on (from a pose, pointing along its -z) or off. */
export function setPointer(classroom: Classroom, seat: string, on: boolean, pose: Pose | undefined): RuleResult {
  const allowed = requireTeacher(classroom, seat);
  if (!allowed.ok) return allowed;
  const teacher = classroom.state.participants.get(seat)!;
  teacher.pointing = on;
  if (pose) writePose(teacher.pointer, pose);
  return ok;
}

/** How far in front of a student's eyes a handed object appears. */
const HAND_OVER_DISTANCE = 0.45;

/** Teacher: puts an object right in front of a student, free for them to take. */
export function handTo(classroom: Classroom, seat: string, objectId: string, target: string): RuleResult {
  const allowed = requireTeacher(classroom, seat);
  if (!allowed.ok) return allowed;
  const object = classroom.state.objects.get(objectId);
  if (!object) return refuse(Refusal.UnknownObject);
  const head = classroom.avatars.get(target)?.pose.head;
  if (!head || !classroom.state.participants.has(target)) return refuse(Refusal.UnknownParticipant);
  const [x, y, z, w] = head.q;
  // The head looks along its -z: rotate (0, 0, -1) by the head's rotation.
  const forward: Vec3 = [-(2 * (x * z + w * y)), -(2 * (y * z - w * x)), -(1 - 2 * (x * x + y * y))];
  const flat = Math.hypot(forward[0], forward[2]) || 1;
  writePose(object.pose, {
    p: [
      head.p[0] + (forward[0] / flat) * HAND_OVER_DISTANCE,
      head.p[1] - 0.2,
      head.p[2] + (forward[2] / flat) * HAND_OVER_DISTANCE,
    ],
    q: readPose(object.pose).q,
  });
  object.heldBy = "";
  classroom.lastTouchedAt.delete(objectId);
  refreshTask(classroom);
  return ok;
}

/** Records the round trip a participant's client measured, for the teacher's roster. */
export function reportLink(classroom: Classroom, seat: string, rttMs: number): RuleResult {
  const participant = classroom.state.participants.get(seat);
  if (!participant) return refuse(Refusal.UnknownParticipant);
  participant.rttMs = Math.min(65_535, Math.round(rttMs));
  return ok;
}

/**
 * Teacher: splits the class into groups for the task (0: everyone together).
 * Students are dealt out in the order they joined, and the step's goal parts
 * among the groups; a student who arrives later joins the smallest group.
 */
export function setGroups(classroom: Classroom, seat: string, groups: number): RuleResult {
  const allowed = requireTeacher(classroom, seat);
  if (!allowed.ok) return allowed;
  classroom.state.groups = groups;
  let index = 0;
  classroom.state.participants.forEach((participant) => {
    participant.group = groups > 0 && participant.role === Role.Student ? roundRobinGroup(index++, groups) : 0;
  });
  dealParts(classroom);
  // A part now dealt to another group leaves the hand that held it.
  classroom.state.objects.forEach((object, id) => {
    const holder = classroom.state.participants.get(object.heldBy);
    if (holder && holder.role === Role.Student && object.group !== 0 && holder.group !== object.group) {
      object.heldBy = "";
      classroom.lastTouchedAt.delete(id);
    }
  });
  refreshTask(classroom);
  return ok;
}
