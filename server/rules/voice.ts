/**
 * Who may speak, as rules over the class state. The teacher always may; a
 * student may when the teacher gave them the floor or opened the discussion,
 * and not while muted. The room relays WebRTC signalling between
 * participants; every client plays only voices these rules allow, so a
 * student without the floor is not heard even from a changed client.
 */
import { Limits, Refusal, Role } from "../../shared/protocol.ts";
import { type Classroom, type RuleResult, isTeacher, rateKey } from "./classroom.ts";
import { maySpeak } from "../../shared/voice.ts";
import { withinRate } from "./rateLimits.ts";

const ok = { ok: true } as const;
const refuse = (reason: Refusal): RuleResult => ({ ok: false, reason });

/** A signal from one participant to another: both must be in the class, and not too many too fast. */
export function relaySignal(classroom: Classroom, from: string, to: string, now: number): RuleResult {
  if (from === to || !classroom.state.participants.has(from) || !classroom.state.participants.has(to))
    return refuse(Refusal.UnknownParticipant);
  if (!withinRate(classroom.rateWindows, rateKey(classroom, from, "signal"), Limits.rates.signal, now))
    return refuse(Refusal.RateLimited);
  return ok;
}

/** A participant's microphone starts or stops sending; starting needs the right to speak. */
export function setMic(classroom: Classroom, seat: string, on: boolean): RuleResult {
  const participant = classroom.state.participants.get(seat);
  if (!participant) return refuse(Refusal.UnknownParticipant);
  if (on && !maySpeak(classroom.state.voiceOpen, participant))
    return refuse(participant.muted ? Refusal.Muted : Refusal.NoFloor);
  participant.micOn = on;
  return ok;
}

/** Teacher: gives a student the floor or takes it back (their microphone stops with it). */
export function setFloor(classroom: Classroom, seat: string, target: string, on: boolean): RuleResult {
  if (!isTeacher(classroom, seat)) return refuse(Refusal.TeacherOnly);
  const participant = classroom.state.participants.get(target);
  if (!participant) return refuse(Refusal.UnknownParticipant);
  if (participant.role === Role.Teacher) return ok;
  participant.floor = on;
  // Given the floor, the question is being answered: the hand comes down.
  if (on) participant.handRaisedAt = 0;
  silenceWhoMayNotSpeak(classroom);
  return ok;
}

/** Teacher: opens or closes the discussion, and chooses whether their own voice is heard everywhere. */
export function setVoice(
  classroom: Classroom,
  seat: string,
  change: { open?: boolean | undefined; teacherEverywhere?: boolean | undefined },
): RuleResult {
  if (!isTeacher(classroom, seat)) return refuse(Refusal.TeacherOnly);
  if (change.open !== undefined) classroom.state.voiceOpen = change.open;
  if (change.teacherEverywhere !== undefined) classroom.state.teacherEverywhere = change.teacherEverywhere;
  silenceWhoMayNotSpeak(classroom);
  return ok;
}

/** After the floor, the discussion or a mute changed: anyone who may no longer speak stops sending. */
export function silenceWhoMayNotSpeak(classroom: Classroom): void {
  classroom.state.participants.forEach((participant) => {
    if (participant.micOn && !maySpeak(classroom.state.voiceOpen, participant)) participant.micOn = false;
  });
}

/** What the class asks of its mixing room: mute or unmute these participants, remove those it does not know. */
export interface MixingCorrections {
  mute: number[];
  unmute: number[];
  remove: number[];
}

/**
 * Compares the mixing room with the class, which decides: a participant id
 * that belongs to no seat is removed; one whose seat may speak and has
 * switched their microphone on is unmuted, any other is muted.
 */
export function mixingCorrections(
  classroom: Classroom,
  mixing: { id: number; muted: boolean }[],
  seatOfId: (id: number) => string | undefined,
): MixingCorrections {
  const corrections: MixingCorrections = { mute: [], unmute: [], remove: [] };
  for (const { id, muted } of mixing) {
    const seat = seatOfId(id);
    const participant = seat === undefined ? undefined : classroom.state.participants.get(seat);
    if (!participant) {
      corrections.remove.push(id);
      continue;
    }
    const speaking = participant.micOn && maySpeak(classroom.state.voiceOpen, participant);
    if (speaking && muted) corrections.unmute.push(id);
    if (!speaking && !muted) corrections.mute.push(id);
  }
  return corrections;
}
