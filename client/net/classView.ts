/**
 * What the interface shows of a class, as plain data: who is in, which
 * objects exist and who holds them, and how the connection is doing. Poses
 * are not here: they change 20 times a second and live in the pose book.
 */
import { createStore } from "zustand/vanilla";
import type { Lesson } from "../../shared/lesson.ts";
import type { ClassEventMessage, Refusal, Role, VoiceServerMessage } from "../../shared/protocol.ts";
import type { ClassroomState } from "../../shared/state.ts";

export const ConnectionStatus = {
  Connecting: "connecting",
  Connected: "connected",
  Reconnecting: "reconnecting",
  /** Gone for good: the grace ran out or the network never came back. */
  Lost: "lost",
  Ended: "ended",
  Removed: "removed",
  Left: "left",
} as const;
export type ConnectionStatus = (typeof ConnectionStatus)[keyof typeof ConnectionStatus];

export interface ParticipantView {
  seat: string;
  nickname: string;
  role: Role;
  device: string;
  language: string;
  connected: boolean;
  color: number;
  hasHands: boolean;
  /** When the hand went up (ms, server clock); 0 when down. */
  handRaisedAt: number;
  muted: boolean;
  rttMs: number;
  pointing: boolean;
  /** The student's group in group work; 0 when the class works together. */
  group: number;
  /** The teacher gave them the floor. */
  floor: boolean;
  /** Their microphone is sending now. */
  micOn: boolean;
  /** In the lesson studio: the text field they are writing in, or "". */
  editing: string;
}

export interface ObjectView {
  id: string;
  shape: string;
  /** For models: the .glb file name on the server. */
  model: string;
  /** For models a teacher added: their label (lesson objects take theirs from the lesson). */
  label: string;
  color: string;
  size: [number, number, number];
  heldBy: string;
  locked: boolean;
  grabbable: boolean;
  /** For an object of the step's goal: who put it in place ("" while it is not). */
  placedBy: string;
  /** For an object of the step's goal: it rests in place. */
  inPlace: boolean;
  /** For a goal part in group work: the group it was dealt to; 0: anyone's. */
  group: number;
}

/** How far the class is with the step's task (total 0: the step has none). */
export interface TaskView {
  done: boolean;
  inPlace: number;
  total: number;
}

export interface RefusalNotice {
  request: string;
  reason: Refusal;
  /** Increases with each refusal so the same reason twice still shows. */
  serial: number;
}

export interface ClassView {
  status: ConnectionStatus;
  code: string;
  seat: string;
  role: Role;
  teacherKey: string | undefined;
  lessonId: string;
  /** The lesson's full content (all languages), fetched once the class is known. */
  lesson: Lesson | undefined;
  /** The step everyone is on. */
  step: number;
  participants: ParticipantView[];
  objects: ObjectView[];
  lastRefusal: RefusalNotice | undefined;
  /** Round-trip time to the server in ms, measured by pings. */
  pingMs: number | undefined;
  /** Ids of objects this participant holds (or has asked to), ahead of the server. */
  holding: string[];
  /** The class is closed to newcomers. */
  classLocked: boolean;
  /** Seat everyone's view follows, or "". */
  followSeat: string;
  task: TaskView;
  /** How many groups the class works in; 0: together. */
  groups: number;
  /** Voice: open discussion, and the teacher heard everywhere at full level. */
  voice: { open: boolean; teacherEverywhere: boolean };
  /** Voice goes through the school's media server: this participant's way in (none: voices connect directly). */
  voiceServer: VoiceServerMessage | undefined;
  /** Relays for voice, as the room sent them on joining (undefined until then). */
  iceServers: RTCIceServer[] | undefined;
  /** Recent reactions, phrases and chat, oldest first. */
  events: ClassEventMessage[];
  /** The teacher's latest "come here", with a serial so the same point twice still moves people. */
  gather: { point: [number, number, number]; serial: number } | undefined;
}

export type ClassViewStore = ReturnType<typeof createClassViewStore>;

/** A store for one class's view, filled by the connection. */
export function createClassViewStore(initial: Pick<ClassView, "code" | "seat" | "role">) {
  return createStore<ClassView>(() => ({
    status: ConnectionStatus.Connecting,
    teacherKey: undefined,
    lessonId: "",
    lesson: undefined,
    step: 0,
    participants: [],
    objects: [],
    lastRefusal: undefined,
    pingMs: undefined,
    holding: [],
    classLocked: false,
    followSeat: "",
    task: { done: false, inPlace: 0, total: 0 },
    groups: 0,
    voice: { open: false, teacherEverywhere: true },
    voiceServer: undefined,
    iceServers: undefined,
    events: [],
    gather: undefined,
    ...initial,
  }));
}

/**
 * Copies the structural part of the replicated state into the view, replacing
 * a list only when something in it changed so React re-renders only then.
 */
export function syncClassView(store: ClassViewStore, state: ClassroomState): void {
  const participants: ParticipantView[] = [];
  state.participants.forEach((p) =>
    participants.push({
      seat: p.seat,
      nickname: p.nickname,
      role: p.role as Role,
      device: p.device,
      language: p.language,
      connected: p.connected,
      color: p.color,
      hasHands: p.hasHands,
      handRaisedAt: p.handRaisedAt,
      muted: p.muted,
      rttMs: p.rttMs,
      pointing: p.pointing,
      group: p.group,
      floor: p.floor,
      micOn: p.micOn,
      editing: p.editing,
    }),
  );
  const objects: ObjectView[] = [];
  state.objects.forEach((o) =>
    objects.push({
      id: o.id,
      shape: o.shape,
      model: o.model,
      label: o.label,
      color: o.color,
      size: [o.sx, o.sy, o.sz],
      heldBy: o.heldBy,
      locked: o.locked,
      grabbable: o.grabbable,
      placedBy: o.placedBy,
      inPlace: o.inPlace,
      group: o.group,
    }),
  );
  const current = store.getState();
  const next: Partial<ClassView> = {};
  if (!sameList(current.participants, participants)) next.participants = participants;
  if (!sameList(current.objects, objects)) next.objects = objects;
  if (current.lessonId !== state.lessonId) next.lessonId = state.lessonId;
  if (current.step !== state.step) next.step = state.step;
  if (current.classLocked !== state.locked) next.classLocked = state.locked;
  if (current.followSeat !== state.followSeat) next.followSeat = state.followSeat;
  if (current.groups !== state.groups) next.groups = state.groups;
  const voice = { open: state.voiceOpen, teacherEverywhere: state.teacherEverywhere };
  if (!sameFields(current.voice, voice)) next.voice = voice;
  const task = { done: state.taskDone, inPlace: state.taskInPlace, total: state.taskTotal };
  if (!sameFields(current.task, task)) next.task = task;
  if (state.ended && current.status !== ConnectionStatus.Ended) next.status = ConnectionStatus.Ended;
  if (Object.keys(next).length > 0) store.setState(next);
}

function sameList<T extends object>(a: T[], b: T[]): boolean {
  return a.length === b.length && a.every((item, i) => sameFields(item, b[i]!));
}

function sameFields(a: object, b: object): boolean {
  for (const [key, value] of Object.entries(a)) {
    const other = (b as Record<string, unknown>)[key];
    if (Array.isArray(value) ? !sameArray(value, other) : value !== other) return false;
  }
  return true;
}

function sameArray(a: unknown[], b: unknown): boolean {
  return Array.isArray(b) && a.length === b.length && a.every((v, i) => v === b[i]);
}
