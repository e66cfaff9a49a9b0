/**
 * The replicated classroom state. The server owns it; clients decode it.
 * Positions and rotations are quantised on the wire (16 bits each): 1.5 mm
 * over the ±50 m world and ~3e-5 per quaternion component, which halves the
 * bytes of a pose without a visible difference.
 */
import { MapSchema, schema, t, type SchemaType } from "@colyseus/schema";
import { Limits } from "./protocolNames.ts";

const coordinate = () => t.quantized({ min: -Limits.worldBound, max: Limits.worldBound, bits: 16 }).default(0);
const quatComponent = (initial: number) => t.quantized({ min: -1, max: 1, bits: 16 }).default(initial);

export const PoseState = schema(
  {
    px: coordinate(),
    py: coordinate(),
    pz: coordinate(),
    qx: quatComponent(0),
    qy: quatComponent(0),
    qz: quatComponent(0),
    qw: quatComponent(1),
  },
  "PoseState",
);
export type PoseState = SchemaType<typeof PoseState>;

export const ParticipantState = schema(
  {
    /** The seat id: the Colyseus session id, kept across reconnections. */
    seat: t.string().default(""),
    nickname: t.string().default(""),
    role: t.string().default("student"),
    device: t.string().default("desktop"),
    language: t.string().default("en"),
    /** False while the seat is held for a dropped connection. */
    connected: t.boolean().default(true),
    /** Index into the avatar palette; stable for the seat. */
    color: t.uint8().default(0),
    /** True when the participant tracks hands/controllers (a headset). */
    hasHands: t.boolean().default(false),
    /**
     * The participant's number in the avatar stream. Heads and hands are not in
     * this state: they travel packed, per receiver (shared/avatarFrame.ts).
     */
    slot: t.uint8().default(0),
    /** When the hand went up (server clock, ms); 0 when it is down. The queue is ordered by it. */
    handRaisedAt: t.float64().default(0),
    /** The teacher silenced this participant's reactions, phrases and chat. */
    muted: t.boolean().default(false),
    /** Round trip to the server as the participant's client last measured it. */
    rttMs: t.uint16().default(0),
    /** The teacher's laser pointer: on, and where it starts and points (-z). */
    pointing: t.boolean().default(false),
    pointer: t.ref(PoseState),
    /** The student's group for group work (shared/groups.ts); 0 when the class works together. */
    group: t.uint8().default(0),
    /** The teacher gave this student the floor: they may speak. */
    floor: t.boolean().default(false),
    /** Their microphone is sending now (push-to-talk held or left open), as the room allowed. */
    micOn: t.boolean().default(false),
    /** In the lesson studio: the text field they are writing in (shared/studio.ts fieldKey), or "". */
    editing: t.string().default(""),
  },
  "ParticipantState",
);
export type ParticipantState = SchemaType<typeof ParticipantState>;

export const SceneObjectState = schema(
  {
    id: t.string().default(""),
    shape: t.string().default("box"),
    /** For shape "model": the .glb file's name on the server. */
    model: t.string().default(""),
    /** Only for models a teacher added (lesson objects are labelled by the lesson, in every language). */
    label: t.string().default(""),
    color: t.string().default("#888888"),
    sx: t.float32().default(0.2),
    sy: t.float32().default(0.2),
    sz: t.float32().default(0.2),
    pose: t.ref(PoseState),
    /** Seat of the participant holding it, or "" when free. */
    heldBy: t.string().default(""),
    locked: t.boolean().default(false),
    grabbable: t.boolean().default(true),
    /** For an object in the step's goal: the seat of whoever put it in place; "" while it is not. */
    placedBy: t.string().default(""),
    /** For an object in the step's goal: it rests in one of its snap places. */
    inPlace: t.boolean().default(false),
    /** For a part of the goal in group work: the group it was dealt to (only they may take it); 0: anyone. */
    group: t.uint8().default(0),
  },
  "SceneObjectState",
);
export type SceneObjectState = SchemaType<typeof SceneObjectState>;

export const ClassroomState = schema(
  {
    protocolVersion: t.uint16().default(0),
    lessonId: t.string().default(""),
    /** Index of the lesson step everyone is on. */
    step: t.uint8().default(0),
    participants: t.map(ParticipantState),
    objects: t.map(SceneObjectState),
    /** True once the teacher ended the class; clients show the goodbye screen. */
    ended: t.boolean().default(false),
    /** The teacher closed the class to newcomers. */
    locked: t.boolean().default(false),
    /** Seat everyone's view follows ("follow me"), or "" when off. */
    followSeat: t.string().default(""),
    /** The step's goal is met (every object of it in place); false for a step without one. */
    taskDone: t.boolean().default(false),
    /** Objects of the step's goal in place, and how many it has (0 for a step without a goal). */
    taskInPlace: t.uint8().default(0),
    taskTotal: t.uint8().default(0),
    /** How many groups the class works in (shared/groups.ts); 0: the whole class together. */
    groups: t.uint8().default(0),
    /** Open discussion: every student may speak, not only those given the floor. */
    voiceOpen: t.boolean().default(false),
    /** The teacher is heard at full level wherever one stands, not from their avatar. */
    teacherEverywhere: t.boolean().default(true),
  },
  "ClassroomState",
);
export type ClassroomState = SchemaType<typeof ClassroomState>;

export { MapSchema };
