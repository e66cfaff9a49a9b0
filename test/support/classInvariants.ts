/**
 * What must hold in a class's state as any participant sees it, whatever
 * anyone sent: poses in the world, holders present, roles as given, the step
 * within the lesson. For fuzz and property tests; returns every violation
 * rather than stopping at the first, so a report shows the whole picture.
 */
import type { PoseBook } from "../../client/net/poseBook.ts";
import type { Pose } from "../../shared/math.ts";
import { Limits, Role } from "../../shared/protocol.ts";
import type { ClassroomState, PoseState } from "../../shared/state.ts";

export interface ClassExpectations {
  lessonObjectIds: readonly string[];
  stepCount: number;
  /** The only seats that may be teachers; everyone else is a student. */
  teacherSeats: ReadonlySet<string>;
  /** Seats that must be in the class and connected. */
  present: readonly string[];
}

/** Quantisation on the wire moves a coordinate by up to 1.5 mm. */
const WIRE_SLACK = 0.002;
/** A hand may be up to 1.27 m from its head (shared/avatarFrame.ts). */
const HAND_REACH = 1.3;

function poseProblem(pose: Pose, bound: number): string | undefined {
  const numbers = [...pose.p, ...pose.q];
  if (!numbers.every(Number.isFinite)) return `not finite: ${JSON.stringify(numbers)}`;
  if (pose.p.some((c) => Math.abs(c) > bound + WIRE_SLACK)) return `outside the world: ${JSON.stringify(pose.p)}`;
  const length = Math.hypot(...pose.q);
  if (Math.abs(length - 1) > Limits.quatTolerance) return `rotation of length ${length}`;
  return undefined;
}

function fromState(pose: PoseState): Pose {
  return { p: [pose.px, pose.py, pose.pz], q: [pose.qx, pose.qy, pose.qz, pose.qw] };
}

/** Every way this view of a class breaks what must always hold. */
export function classViolations(state: ClassroomState, expected: ClassExpectations, poses?: PoseBook): string[] {
  const problems: string[] = [];
  const problem = (text: string) => problems.push(text);

  if (state.participants.size > Limits.maxParticipants)
    problem(`${state.participants.size} participants, more than ${Limits.maxParticipants}`);
  const slots = new Map<number, string>();
  state.participants.forEach((participant, seat) => {
    const who = `participant ${seat} (${JSON.stringify(participant.nickname)})`;
    if (participant.seat !== seat) problem(`${who} is filed under another seat (${participant.seat})`);
    if (participant.role !== Role.Teacher && participant.role !== Role.Student)
      problem(`${who} has role ${participant.role}`);
    if ((participant.role === Role.Teacher) !== expected.teacherSeats.has(seat))
      problem(`${who} is a ${participant.role}, which it was never made`);
    const name = participant.nickname;
    if (name.trim() === "" || name.length > Limits.nicknameMaxLength || /\p{Cc}/u.test(name))
      problem(`${who} has a nickname the join rules forbid`);
    const other = slots.get(participant.slot);
    if (other !== undefined) problem(`${who} shares avatar slot ${participant.slot} with ${other}`);
    slots.set(participant.slot, seat);
    if (!Number.isFinite(participant.handRaisedAt) || participant.handRaisedAt < 0)
      problem(`${who} raised a hand at ${participant.handRaisedAt}`);
    const mayTalk = participant.role === Role.Teacher || participant.floor || state.voiceOpen;
    if (participant.micOn && (!mayTalk || participant.muted))
      problem(`${who} has an open microphone without the floor`);
    if (participant.pointing && participant.role !== Role.Teacher) problem(`${who} points a laser but is no teacher`);
    const pointer = poseProblem(fromState(participant.pointer), Limits.worldBound);
    if (pointer) problem(`${who}'s pointer: ${pointer}`);
    if (participant.group > state.groups) problem(`${who} is in group ${participant.group} of ${state.groups}`);
    if (!poses) return;
    const head = poses.latest(`head:${seat}`);
    const headProblem = head && poseProblem(head, Limits.worldBound);
    if (headProblem) problem(`${who}'s head: ${headProblem}`);
    for (const hand of ["left", "right"] as const) {
      const pose = poses.latest(`${hand}:${seat}`);
      const handProblem = pose && poseProblem(pose, Limits.worldBound + HAND_REACH);
      if (handProblem) problem(`${who}'s ${hand} hand: ${handProblem}`);
    }
  });
  for (const seat of expected.present) {
    const participant = state.participants.get(seat);
    if (!participant) problem(`${seat} is no longer in the class`);
    else if (!participant.connected) problem(`${seat} is marked as dropped`);
  }

  for (const id of expected.lessonObjectIds)
    if (!state.objects.has(id)) problem(`lesson object ${id} is gone from the scene`);
  if (state.objects.size > expected.lessonObjectIds.length + Limits.maxAddedModels)
    problem(`${state.objects.size} objects in the scene`);
  state.objects.forEach((object, id) => {
    const pose = poseProblem(fromState(object.pose), Limits.worldBound);
    if (pose) problem(`object ${id}: ${pose}`);
    if (object.heldBy !== "") {
      const holder = state.participants.get(object.heldBy);
      if (!holder) problem(`object ${id} is held by ${object.heldBy}, who is not in the class`);
      else if (!holder.connected) problem(`object ${id} is held by ${object.heldBy}, whose connection dropped`);
      if (object.locked) problem(`object ${id} is locked yet held`);
    }
    if (object.group > state.groups) problem(`object ${id} belongs to group ${object.group} of ${state.groups}`);
  });

  if (state.step >= expected.stepCount) problem(`step ${state.step} of a lesson with ${expected.stepCount} steps`);
  if (state.followSeat !== "" && state.participants.get(state.followSeat)?.role !== Role.Teacher)
    problem(`everyone follows ${state.followSeat}, who is not a teacher in the class`);
  if (state.groups > Limits.maxGroups) problem(`${state.groups} groups`);
  if (state.taskInPlace > state.taskTotal) problem(`${state.taskInPlace} of ${state.taskTotal} task parts in place`);
  return problems;
}
