/**
 * Classroom rules: plain functions over the class state, with time passed in.
 * The room adapts sockets to these; tests call them directly.
 */
import type { AvatarPose } from "../../shared/avatarFrame.ts";
import { type Pose, type Vec3, clampVec3, normalizeQuat } from "../../shared/math.ts";
import { type Lesson, type LessonObject, stepScene } from "../../shared/lesson.ts";
import {
  Limits,
  PROTOCOL_VERSION,
  Refusal,
  Role,
  type ClassEventMessage,
  type ClientPayloads,
  type Device,
  type Language,
} from "../../shared/protocol.ts";
import { NO_GROUP } from "../../shared/groups.ts";
import { ClassroomState, ParticipantState, SceneObjectState, type PoseState } from "../../shared/state.ts";
import { type RateWindows, forgetRates, forgetStaleRates } from "./rateLimits.ts";
import { dealParts, refreshTask } from "./tasks.ts";

/** The class as the rules see it: replicated state plus server-only bookkeeping. */
export interface Classroom {
  state: ClassroomState;
  lesson: Lesson;
  /** When each held object was last grabbed or moved, for idle release. */
  lastTouchedAt: Map<string, number>;
  /** Models the teacher added during the class; they stay through step changes. */
  addedModels: { id: string; model: string; label: string }[];
  /** Recent uses of rate-limited messages, by "holder:kind" (rateKey). */
  rateWindows: RateWindows;
  /**
   * Whose rate windows each seat uses: the same person rejoining (same
   * network address, same name) finds their windows as they left them,
   * so leaving and joining again does not reset a rate limit.
   */
  rateHolders: Map<string, string>;
  /** Recent chat and phrases, shown to newcomers. */
  recentEvents: ClassEventMessage[];
  /** Where each seat's head and hands are, by seat: sent outside the state (see avatarInterest.ts). */
  avatars: Map<string, AvatarRecord>;
  /** What each receiver (by seat) was last sent of each avatar (by seat). */
  avatarsSent: Map<string, Map<string, AvatarSent>>;
}

export interface AvatarRecord {
  pose: AvatarPose;
  /** Goes up with every update, so a receiver is sent only what changed since. */
  version: number;
}

export interface AvatarSent {
  version: number;
  /** The avatar frame it went out in. */
  frame: number;
}

export type RuleResult = { ok: true } | { ok: false; reason: Refusal; detail?: string };

const ok: RuleResult = { ok: true };
const refuse = (reason: Refusal, detail?: string): RuleResult =>
  detail === undefined ? { ok: false, reason } : { ok: false, reason, detail };

/** Number of avatar colours the client palette has. */
export const AVATAR_COLORS = 8;

/** Opens a class on a lesson, at its first step. */
export function openClassroom(lesson: Lesson): Classroom {
  const state = new ClassroomState();
  state.protocolVersion = PROTOCOL_VERSION;
  state.lessonId = lesson.id;
  const classroom: Classroom = {
    state,
    lesson,
    lastTouchedAt: new Map(),
    addedModels: [],
    rateWindows: new Map(),
    rateHolders: new Map(),
    recentEvents: [],
    avatars: new Map(),
    avatarsSent: new Map(),
  };
  enterStep(classroom, 0);
  return classroom;
}

/**
 * Sets the scene up for a step: the step's objects (all by default), each at
 * the step's start pose or the lesson's, locked as the step says. Whatever
 * was held is let go.
 */
function enterStep(classroom: Classroom, index: number): void {
  classroom.state.step = index;
  classroom.state.objects.clear();
  classroom.lastTouchedAt.clear();
  for (const { object, start, locked } of stepScene(classroom.lesson.objects, classroom.lesson.steps[index]!)) {
    const scene = sceneObjectFrom(object, start);
    scene.locked = locked;
    classroom.state.objects.set(object.id, scene);
  }
  classroom.addedModels.forEach((added, index) =>
    classroom.state.objects.set(added.id, addedModelObject(added, index)),
  );
  dealParts(classroom);
  refreshTask(classroom);
}

/** Where added models appear: in a row across the middle of the table. */
function addedModelObject(added: Classroom["addedModels"][number], index: number): SceneObjectState {
  const scene = new SceneObjectState();
  scene.id = added.id;
  scene.shape = "model";
  scene.model = added.model;
  scene.label = added.label;
  scene.sx = scene.sy = scene.sz = 0.3;
  writePose(scene.pose, { p: [-0.6 + (index % 5) * 0.3, 1.05, -0.3 + Math.floor(index / 5) * 0.3], q: [0, 0, 0, 1] });
  return scene;
}

/** A lesson object as the scene holds it, at a pose. */
export function sceneObjectFrom(object: LessonObject, pose: Pose): SceneObjectState {
  const scene = new SceneObjectState();
  scene.id = object.id;
  scene.shape = object.shape;
  scene.color = object.color;
  [scene.sx, scene.sy, scene.sz] = object.size;
  scene.grabbable = object.grabbable;
  scene.locked = object.locked;
  writePose(scene.pose, pose);
  return scene;
}

/** Two things closer than this stand on the same spot. */
const SAME_SPOT = 0.01;

/**
 * Where a released object clicks into place: the nearest snap target within
 * reach that no other object already occupies (two hydrogens never share a
 * bond site).
 */
export function snapPose(object: LessonObject | undefined, released: Pose, occupied: Vec3[] = []): Pose {
  const distance = (a: Vec3, b: Vec3) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
  let best: { pose: Pose; distance: number } | undefined;
  for (const target of object?.snap ?? []) {
    if (occupied.some((spot) => distance(spot, target.pose.p) < SAME_SPOT)) continue;
    const away = distance(target.pose.p, released.p);
    if (away <= target.within && (!best || away < best.distance)) best = { pose: target.pose, distance: away };
  }
  return best?.pose ?? released;
}

/** Writes a validated pose into state, clamped to the world and normalised. */
export function writePose(target: PoseState, pose: Pose): void {
  const [px, py, pz] = clampVec3(pose.p, Limits.worldBound);
  const [qx, qy, qz, qw] = normalizeQuat(pose.q);
  target.px = px;
  target.py = py;
  target.pz = pz;
  target.qx = qx;
  target.qy = qy;
  target.qz = qz;
  target.qw = qw;
}

/** A pose kept inside the world, its rotation of unit length. */
function cleanPose(pose: Pose): Pose {
  return { p: clampVec3(pose.p, Limits.worldBound), q: normalizeQuat(pose.q) };
}

/** Reads a pose out of state. */
export function readPose(source: PoseState): Pose {
  return { p: [source.px, source.py, source.pz], q: [source.qx, source.qy, source.qz, source.qw] };
}

export interface Newcomer {
  nickname: string;
  role: Role;
  device: Device;
  language: Language;
  /** Who this is for rate limits, across rejoins (e.g. address and name); the seat when absent. */
  rateHolder?: string;
}

/** The rate window of one kind of message for a seat (shared with earlier seats of the same holder). */
export function rateKey(classroom: Classroom, seat: string, kind: string): string {
  return `${classroom.rateHolders.get(seat) ?? seat}:${kind}`;
}

/** Gives a newcomer a seat with the first free avatar colour. */
export function seatParticipant(classroom: Classroom, seat: string, who: Newcomer): ParticipantState {
  const participant = new ParticipantState();
  participant.seat = seat;
  participant.nickname = who.nickname;
  participant.role = who.role;
  participant.device = who.device;
  participant.language = who.language;
  participant.color = firstFreeColor(classroom.state);
  participant.slot = firstFreeSlot(classroom.state);
  if (who.rateHolder !== undefined) classroom.rateHolders.set(seat, who.rateHolder);
  if (who.role === Role.Student && classroom.state.groups > 0) participant.group = smallestGroup(classroom.state);
  // Desktop users start around the table, facing it, at standing eye height.
  classroom.avatars.set(seat, { pose: { head: { p: [0, 1.6, 1.6], q: [0, 0, 0, 1] } }, version: 1 });
  classroom.state.participants.set(seat, participant);
  return participant;
}

/** The group with the fewest students (the lowest number of those), for a student who arrives during group work. */
function smallestGroup(state: ClassroomState): number {
  const sizes = new Array<number>(state.groups + 1).fill(0);
  state.participants.forEach((p) => {
    if (p.group > 0 && p.group <= state.groups) sizes[p.group]!++;
  });
  let smallest = 1;
  for (let group = 2; group <= state.groups; group++) if (sizes[group]! < sizes[smallest]!) smallest = group;
  return smallest;
}

function firstFreeSlot(state: ClassroomState): number {
  const used = new Set<number>();
  state.participants.forEach((p) => used.add(p.slot));
  let slot = 0;
  while (used.has(slot)) slot++;
  return slot;
}

function firstFreeColor(state: ClassroomState): number {
  const used = new Set<number>();
  state.participants.forEach((p) => used.add(p.color));
  for (let color = 0; color < AVATAR_COLORS; color++) if (!used.has(color)) return color;
  return state.participants.size % AVATAR_COLORS;
}

/** True when the seat belongs to the class's teacher. */
export function isTeacher(classroom: Classroom, seat: string): boolean {
  return classroom.state.participants.get(seat)?.role === Role.Teacher;
}

/** Updates where a participant's head and hands are. */
export function updateAvatarPose(classroom: Classroom, seat: string, payload: ClientPayloads["pose"]): RuleResult {
  const participant = classroom.state.participants.get(seat);
  const avatar = classroom.avatars.get(seat);
  if (!participant || !avatar) return refuse(Refusal.UnknownParticipant);
  avatar.pose = {
    head: cleanPose(payload.head),
    left: payload.left && cleanPose(payload.left),
    right: payload.right && cleanPose(payload.right),
  };
  avatar.version++;
  // Hands show while they are tracked (in a headset session), not before.
  participant.hasHands = payload.left !== undefined || payload.right !== undefined;
  return ok;
}

/** Takes hold of an object: granted only when it is free, grabbable and unlocked. */
export function grab(classroom: Classroom, seat: string, objectId: string, now: number): RuleResult {
  const object = classroom.state.objects.get(objectId);
  if (!object) return refuse(Refusal.UnknownObject, objectId);
  if (!classroom.state.participants.has(seat)) return refuse(Refusal.UnknownParticipant);
  if (!object.grabbable || object.locked) return refuse(Refusal.Locked, objectId);
  if (object.heldBy !== "" && object.heldBy !== seat) return refuse(Refusal.HeldByOther, objectId);
  const participant = classroom.state.participants.get(seat)!;
  // In group work a part is its group's to place; the teacher may still help.
  if (object.group !== NO_GROUP && participant.role !== Role.Teacher && participant.group !== object.group)
    return refuse(Refusal.OtherGroup, objectId);
  if (object.heldBy !== seat && heldCount(classroom.state, seat) >= Limits.maxHeldObjects)
    return refuse(Refusal.HandsFull, objectId);
  object.heldBy = seat;
  classroom.lastTouchedAt.set(objectId, now);
  refreshTask(classroom, { seat, objectId });
  return ok;
}

function heldCount(state: ClassroomState, seat: string): number {
  let held = 0;
  state.objects.forEach((object) => {
    if (object.heldBy === seat) held++;
  });
  return held;
}

/** Moves an object its holder holds. */
export function move(classroom: Classroom, seat: string, objectId: string, pose: Pose, now: number): RuleResult {
  const object = classroom.state.objects.get(objectId);
  if (!object) return refuse(Refusal.UnknownObject, objectId);
  if (object.heldBy !== seat) return refuse(Refusal.NotHolder, objectId);
  writePose(object.pose, pose);
  classroom.lastTouchedAt.set(objectId, now);
  return ok;
}

/** Lets go of an object, optionally at a final pose. */
export function release(classroom: Classroom, seat: string, objectId: string, pose: Pose | undefined): RuleResult {
  const object = classroom.state.objects.get(objectId);
  if (!object) return refuse(Refusal.UnknownObject, objectId);
  if (object.heldBy !== seat) return refuse(Refusal.NotHolder, objectId);
  const lessonObject = classroom.lesson.objects.find((o) => o.id === objectId);
  const occupied: Vec3[] = [];
  classroom.state.objects.forEach((other, id) => {
    if (id !== objectId) occupied.push([other.pose.px, other.pose.py, other.pose.pz]);
  });
  if (pose) writePose(object.pose, snapPose(lessonObject, pose, occupied));
  object.heldBy = "";
  classroom.lastTouchedAt.delete(objectId);
  refreshTask(classroom, { seat, objectId });
  return ok;
}

/** Lets go of everything a seat holds (on a drop or leave). Returns the freed ids. */
export function releaseAllHeldBy(classroom: Classroom, seat: string): string[] {
  const freed: string[] = [];
  classroom.state.objects.forEach((object, id) => {
    if (object.heldBy === seat) {
      object.heldBy = "";
      classroom.lastTouchedAt.delete(id);
      freed.push(id);
    }
  });
  refreshTask(classroom);
  return freed;
}

/** Frees objects held but untouched for longer than the idle limit. Returns the freed ids. */
export function releaseIdleHolds(classroom: Classroom, now: number): string[] {
  const freed: string[] = [];
  for (const [id, touchedAt] of classroom.lastTouchedAt) {
    if (now - touchedAt < Limits.idleHoldReleaseMs) continue;
    const object = classroom.state.objects.get(id);
    if (object) object.heldBy = "";
    classroom.lastTouchedAt.delete(id);
    freed.push(id);
  }
  if (freed.length > 0) refreshTask(classroom);
  return freed;
}

/** Marks a seat as waiting for its participant to reconnect; frees what they held. */
export function markDropped(classroom: Classroom, seat: string): void {
  const participant = classroom.state.participants.get(seat);
  if (participant) {
    participant.connected = false;
    participant.micOn = false;
  }
  releaseAllHeldBy(classroom, seat);
}

/** Marks a held seat as taken again by its returning participant. */
export function markReconnected(classroom: Classroom, seat: string): void {
  const participant = classroom.state.participants.get(seat);
  if (participant) participant.connected = true;
  // Whatever was sent before the drop may be lost: the returning receiver gets every avatar afresh.
  classroom.avatarsSent.delete(seat);
}

/** Forgets rate windows that can no longer refuse anything (those of people who left, in time). */
export function tidyRates(classroom: Classroom, now: number): void {
  const longest = Math.max(...Object.values(Limits.rates).map((rate) => rate.perMs));
  forgetStaleRates(classroom.rateWindows, now, longest);
}

/** Removes a seat for good (the participant left or their grace ran out). */
export function vacateSeat(classroom: Classroom, seat: string): void {
  releaseAllHeldBy(classroom, seat);
  // A holder's windows outlive the seat (they run out by themselves); a seat's own go with it.
  if (!classroom.rateHolders.delete(seat)) forgetRates(classroom.rateWindows, seat);
  if (classroom.state.followSeat === seat) classroom.state.followSeat = "";
  classroom.state.participants.delete(seat);
  classroom.avatars.delete(seat);
  classroom.avatarsSent.delete(seat);
  for (const sent of classroom.avatarsSent.values()) sent.delete(seat);
}

function requireTeacher(classroom: Classroom, seat: string): RuleResult {
  return isTeacher(classroom, seat) ? ok : refuse(Refusal.TeacherOnly);
}

/** Teacher: locks an object (and frees it) or unlocks it. */
export function setLock(classroom: Classroom, seat: string, objectId: string, locked: boolean): RuleResult {
  const allowed = requireTeacher(classroom, seat);
  if (!allowed.ok) return allowed;
  const object = classroom.state.objects.get(objectId);
  if (!object) return refuse(Refusal.UnknownObject, objectId);
  object.locked = locked;
  if (locked) {
    object.heldBy = "";
    classroom.lastTouchedAt.delete(objectId);
    refreshTask(classroom);
  }
  return ok;
}

/** Teacher: locks (and frees) or unlocks every grabbable object at once. */
export function setSceneLock(classroom: Classroom, seat: string, locked: boolean): RuleResult {
  const allowed = requireTeacher(classroom, seat);
  if (!allowed.ok) return allowed;
  classroom.state.objects.forEach((object, id) => {
    if (!object.grabbable) return;
    object.locked = locked;
    if (locked) {
      object.heldBy = "";
      classroom.lastTouchedAt.delete(id);
    }
  });
  return ok;
}

/** Teacher: puts the current step back as it starts. */
export function resetScene(classroom: Classroom, seat: string): RuleResult {
  const allowed = requireTeacher(classroom, seat);
  if (!allowed.ok) return allowed;
  enterStep(classroom, classroom.state.step);
  return ok;
}

/** Teacher: brings a model (already uploaded and checked) into the class for everyone. */
export function addModel(
  classroom: Classroom,
  seat: string,
  { model, label, available }: { model: string; label: string; available: boolean },
): RuleResult {
  const allowed = requireTeacher(classroom, seat);
  if (!allowed.ok) return allowed;
  if (!available) return refuse(Refusal.UnknownModel, model);
  if (classroom.addedModels.length >= Limits.maxAddedModels) return refuse(Refusal.TooManyObjects);
  const added = { id: `added-${classroom.addedModels.length + 1}`, model, label };
  classroom.addedModels.push(added);
  classroom.state.objects.set(added.id, addedModelObject(added, classroom.addedModels.length - 1));
  return ok;
}

/** Sets the scene up for a step without a teacher's request (restoring a saved class). */
export function setStepQuietly(classroom: Classroom, step: number): void {
  enterStep(classroom, step);
}

/** Teacher: moves the whole class to a step of the lesson. */
export function setStep(classroom: Classroom, seat: string, step: number): RuleResult {
  const allowed = requireTeacher(classroom, seat);
  if (!allowed.ok) return allowed;
  if (step >= classroom.lesson.steps.length) return refuse(Refusal.UnknownStep, String(step));
  enterStep(classroom, step);
  return ok;
}

/** Teacher: checks that a student may be removed (the room closes their connection). */
export function removeParticipant(classroom: Classroom, seat: string, target: string): RuleResult {
  const allowed = requireTeacher(classroom, seat);
  if (!allowed.ok) return allowed;
  const participant = classroom.state.participants.get(target);
  if (!participant) return refuse(Refusal.UnknownParticipant, target);
  if (participant.role === Role.Teacher) return refuse(Refusal.TeacherOnly, "a teacher cannot be removed");
  vacateSeat(classroom, target);
  return ok;
}

/** Teacher: ends the class for everyone. */
export function endClass(classroom: Classroom, seat: string): RuleResult {
  const allowed = requireTeacher(classroom, seat);
  if (!allowed.ok) return allowed;
  classroom.state.ended = true;
  classroom.state.objects.forEach((object) => (object.heldBy = ""));
  classroom.lastTouchedAt.clear();
  return ok;
}
