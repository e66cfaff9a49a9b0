/**
 * The wire contract between the classroom client and the room server.
 * Every message name, payload schema, limit and close code lives here; both
 * sides import it and nothing else defines a message.
 */
import { z } from "zod";
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from "./joinCode.ts";
import { PHRASES, REACTIONS, type Phrase, type Reaction } from "./phrasebook.ts";
import { DRAFT_ID_PATTERN, SECRET_KEY_LENGTH, SECRET_KEY_PATTERN } from "./studioIds.ts";

/** Bumped whenever a message or the state layout changes incompatibly. */
export const PROTOCOL_VERSION = 1;

/** The Colyseus room type every class runs in. */
export const ROOM_NAME = "classroom";

export const Limits = {
  /** Metres from the lesson's centre that any pose may reach. */
  worldBound: 50,
  nicknameMaxLength: 24,
  objectIdMaxLength: 64,
  lessonIdMaxLength: 64,
  /** A teacher key is 32 hex characters (128 bits). */
  teacherKeyLength: SECRET_KEY_LENGTH,
  maxParticipants: 40,
  /** Groups a teacher may split a class into ("each student alone" is as many groups as students). */
  maxGroups: 40,
  /**
   * Seconds a dropped participant's seat is held for them, counted from when
   * the server notices the drop: long enough for a 20-second outage and the
   * reconnection after it, on a slow far link.
   */
  reconnectGraceSeconds: 60,
  /** A client pings the server this often, so a silent link is noticed even in a still class. */
  linkPingMs: 2000,
  /** Nothing heard from the server for this long: the client treats the link as dead and reconnects. */
  linkSilentMs: 8000,
  /** Longest wait between two reconnection attempts. */
  reconnectRetryMaxDelayMs: 2000,
  /** A reconnection attempt not open after this long is abandoned for a fresh one. */
  reconnectAttemptMs: 6000,
  /** A held object nobody moved for this long is let go. */
  idleHoldReleaseMs: 30_000,
  /** Minutes a class with nobody in it stays joinable. */
  emptyClassMinutes: 30,
  /** Moves of a held object a client sends per second (and the patch rate). */
  poseSendHz: 20,
  /**
   * Avatar (head and hands) updates a client sends per second. Half the move
   * rate: avatars are interpolated, and they are most of a class's traffic.
   */
  avatarPoseHz: 10,
  /**
   * An avatar out of a receiver's view (and not close by, and not the one
   * everyone follows) is sent to them only every this many avatar frames.
   */
  avatarOutOfViewEvery: 3,
  /** Half the cone in front of a receiver's head that counts as in view (a headset sees about 110°). */
  avatarViewHalfAngleDegrees: 60,
  /** Avatars this close to a receiver are always sent at the full rate. */
  avatarNearMetres: 1.5,
  /**
   * A receiver whose reported round trip reaches these is sent every second,
   * or every third, avatar frame: a link that is backing up gets less to carry
   * (the newest poses, never a queue of old ones).
   */
  backedUpLinkRttMs: [400, 800],
  /** Invalid messages tolerated per connection before it is closed. */
  invalidMessageBudget: 50,
  /** Objects one participant may hold at once: one per hand. */
  maxHeldObjects: 2,
  /**
   * A seat dropped this soon after it joined is "short-lived": an address may
   * have only a few of those held for reconnection at once, so joining and
   * dropping in a loop cannot fill a class with held seats.
   */
  shortSeatSeconds: 15,
  /** Short-lived seats held for reconnection at once per address. */
  heldShortSeatsPerAddress: 3,
  /**
   * Per address and minute, across all classes of a server process. A school
   * behind one address (30 students, retries, two classes starting at once)
   * stays well within them; a script does not.
   */
  perAddressPerMinute: {
    /** Joins and class creations. */
    joins: 120,
    /** Joins that failed (wrong code, full, closed…): guessing codes. */
    failedJoins: 30,
    /** Requests with a class code or a teacher key that did not match. */
    failedKeys: 20,
  },
  /** Connections cut off for abuse (flooding, garbage) per address in ten minutes before its joins are refused. */
  abuseCutOffsPerTenMinutes: 5,
  /** A quaternion whose length is off by more than this is not a rotation. */
  quatTolerance: 0.02,
  /** Models a teacher may add to one class. */
  maxAddedModels: 20,
  chatMaxLength: 200,
  /** A WebRTC session description for one audio track is a few kilobytes. */
  sdpMaxLength: 16_384,
  /**
   * The largest WebSocket frame the server reads; a larger one closes the
   * sender's connection. Room for a session description, well short of a flood.
   */
  maxMessageBytes: 24 * 1024,
  /** At most `count` of each kind per participant within `perMs`. */
  rates: {
    /** Offers, answers and ICE candidates: a few dozen per peer when a class connects its voices. */
    signal: { count: 600, perMs: 10_000 },
    chat: { count: 5, perMs: 10_000 },
    reaction: { count: 10, perMs: 10_000 },
    phrase: { count: 6, perMs: 10_000 },
    hand: { count: 6, perMs: 60_000 },
  },
  /** Recent chat and phrases a newcomer is shown. */
  classEventHistory: 30,
} as const;

/** Messages a client may send. */
export const ClientMessage = {
  Pose: "pose",
  Grab: "grab",
  Move: "move",
  Release: "release",
  SetLock: "setLock",
  SetSceneLock: "setSceneLock",
  SetStep: "setStep",
  AddModel: "addModel",
  ResetScene: "resetScene",
  RemoveParticipant: "removeParticipant",
  EndClass: "endClass",
  RaiseHand: "raiseHand",
  LowerHand: "lowerHand",
  React: "react",
  SayPhrase: "sayPhrase",
  Chat: "chat",
  SetMuted: "setMuted",
  SetClassLocked: "setClassLocked",
  Gather: "gather",
  SetFollow: "setFollow",
  SetPointer: "setPointer",
  HandTo: "handTo",
  ReportLink: "reportLink",
  SetGroups: "setGroups",
  /** WebRTC signalling for voice, relayed by the room to one participant (shared/voice.ts). */
  Signal: "signal",
  /** The participant's microphone is (not) sending: push-to-talk held or the mic left open. */
  SetMic: "setMic",
  /** Teacher: gives a student the floor (they may speak) or takes it back. */
  SetFloor: "setFloor",
  /** Teacher: open discussion (everyone may speak) or not, and whether the teacher is heard everywhere at full level. */
  SetVoice: "setVoice",
} as const;
export type ClientMessage = (typeof ClientMessage)[keyof typeof ClientMessage];

/** Messages the server sends to one client. */
export const ServerMessage = {
  /** Sent once to the creator of a class: the private key for the teacher link. */
  TeacherKey: "teacherKey",
  /** A request was refused; the state is unchanged. */
  Refused: "refused",
  /** Something said in class: a reaction, a phrasebook phrase or a chat line. */
  ClassEvent: "classEvent",
  /** The teacher called everyone to a point. */
  Gather: "gather",
  /** Bytes: the avatars due for this receiver (shared/avatarFrame.ts). Short: it is sent ten times a second. */
  Avatars: "av",
  /** WebRTC signalling from another participant, relayed by the room. */
  Signal: "signal",
  /** Voice goes through a media server: where, and this participant's way in (VoiceServerMessage). */
  VoiceServer: "voiceServer",
  /**
   * The relays (TURN, with short-lived credentials) a participant's voice may
   * use, possibly none: sent on joining and on reconnecting, to participants only.
   */
  IceServers: "iceServers",
} as const;
export type ServerMessage = (typeof ServerMessage)[keyof typeof ServerMessage];

export const Role = { Teacher: "teacher", Student: "student" } as const;
export type Role = (typeof Role)[keyof typeof Role];

export const Device = { Desktop: "desktop", Mobile: "mobile", VR: "vr", AR: "ar" } as const;
export type Device = (typeof Device)[keyof typeof Device];

/** Interface and lesson languages a participant may pick. English is the fallback. */
export const LANGUAGES = ["en", "es", "fr", "pt", "sw", "ar", "hi", "zh", "ru"] as const;
export type Language = (typeof LANGUAGES)[number];

/** Why the server refused a request; the client maps each to a sentence. */
export const Refusal = {
  InvalidMessage: "invalidMessage",
  TeacherOnly: "teacherOnly",
  UnknownObject: "unknownObject",
  UnknownParticipant: "unknownParticipant",
  HeldByOther: "heldByOther",
  NotHolder: "notHolder",
  Locked: "locked",
  UnknownStep: "unknownStep",
  UnknownModel: "unknownModel",
  TooManyObjects: "tooManyObjects",
  Muted: "muted",
  RateLimited: "rateLimited",
  OtherGroup: "otherGroup",
  /** Speaking needs the floor: the teacher gives it, or opens the discussion. */
  NoFloor: "noFloor",
  /** Both hands are full (Limits.maxHeldObjects): put something down first. */
  HandsFull: "handsFull",
  /** A studio edit that would leave the draft unlike a lesson (the detail says how). */
  DraftInvalid: "draftInvalid",
  TooManySteps: "tooManySteps",
  NothingToUndo: "nothingToUndo",
  /** A studio message sent in a class (or a class message only a class has). */
  NotInStudio: "notInStudio",
} as const;
export type Refusal = (typeof Refusal)[keyof typeof Refusal];

/** WebSocket close codes the room uses beyond Colyseus's own. */
export const CloseCode = {
  ClassEnded: 4100,
  Removed: 4101,
  /** Cut off for abuse (garbage frames, floods, too many invalid messages): no seat is held. */
  TooManyInvalidMessages: 4102,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/**
 * Codes a join or create fails with during HTTP matchmaking, before a socket
 * opens. They travel as HTTP statuses, so they must stay within 400–599.
 */
export const JoinError = {
  BadOptions: 400,
  WrongTeacherKey: 403,
  NoSuchClass: 404,
  ClassEnded: 410,
  ClassFull: 423,
  ClassLocked: 409,
  WrongVersion: 426,
  TooManyAttempts: 429,
  UnknownLesson: 422,
  /** A lesson studio takes only its co-authors: the author key is missing. */
  AuthorsOnly: 401,
  /** The draft is open in a studio already: the message is its code, to join instead. */
  AlreadyOpen: 425,
  /** The nickname passes for the teacher or a role ("Teacher", "Admin") or the class's teacher. */
  NicknameNotAllowed: 412,
} as const;
export type JoinError = (typeof JoinError)[keyof typeof JoinError];

const finite = z.number().finite();
const coordinate = finite.min(-Limits.worldBound).max(Limits.worldBound);

export const Vec3Schema = z.tuple([coordinate, coordinate, coordinate]);
export const QuatSchema = z
  .tuple([finite, finite, finite, finite])
  .refine((q) => Math.abs(Math.hypot(...q) - 1) <= Limits.quatTolerance, "rotation must be a unit quaternion");
export const PoseSchema = z.object({ p: Vec3Schema, q: QuatSchema }).strict();

const objectId = z.string().min(1).max(Limits.objectIdMaxLength);
const nickname = z
  .string()
  .trim()
  .min(1)
  .max(Limits.nicknameMaxLength)
  // Control characters would break name tags and logs; a lone surrogate half is shown as another character.
  .refine((s) => !/[\p{Cc}\p{Cs}]/u.test(s), "nickname contains control characters or broken characters");

export const PosePayload = z
  .object({ head: PoseSchema, left: PoseSchema.optional(), right: PoseSchema.optional() })
  .strict();
export const GrabPayload = z.object({ objectId }).strict();
export const MovePayload = z.object({ objectId, pose: PoseSchema }).strict();
export const ReleasePayload = z.object({ objectId, pose: PoseSchema.optional() }).strict();
export const SetLockPayload = z.object({ objectId, locked: z.boolean() }).strict();
export const SetSceneLockPayload = z.object({ locked: z.boolean() }).strict();
export const SetStepPayload = z.object({ step: z.number().int().min(0).max(255) }).strict();
export const AddModelPayload = z
  .object({
    model: z.string().regex(/^[a-z0-9][a-z0-9-]*\.glb$/),
    label: z
      .string()
      .trim()
      .min(1)
      .max(60)
      .refine((s) => !/[<>]|\p{Cc}/u.test(s), "label must be plain text"),
  })
  .strict();
export const ResetScenePayload = z.object({}).strict();
const seat = z.string().min(1).max(64);
export const RaiseHandPayload = z.object({ raised: z.boolean() }).strict();
export const LowerHandPayload = z.object({ seat }).strict();
export const ReactPayload = z.object({ reaction: z.enum(REACTIONS) }).strict();
export const SayPhrasePayload = z.object({ phrase: z.enum(PHRASES) }).strict();
export const ChatPayload = z
  .object({
    text: z
      .string()
      .trim()
      .min(1)
      .max(Limits.chatMaxLength)
      .refine((s) => !/[\p{Cc}\p{Cs}]/u.test(s), "chat must not contain control characters or broken characters"),
  })
  .strict();
export const SetMutedPayload = z.object({ seat, muted: z.boolean() }).strict();
export const SetClassLockedPayload = z.object({ locked: z.boolean() }).strict();
export const GatherPayload = z.object({ point: Vec3Schema }).strict();
export const SetFollowPayload = z.object({ on: z.boolean() }).strict();
export const SetPointerPayload = z.object({ on: z.boolean(), pose: PoseSchema.optional() }).strict();
export const HandToPayload = z.object({ objectId, seat }).strict();
export const ReportLinkPayload = z.object({ rttMs: z.number().finite().min(0).max(60_000) }).strict();
/** A WebRTC session description or ICE candidate for one other participant. */
export const SignalPayload = z
  .object({
    to: z.string().min(1).max(64),
    description: z
      .object({ type: z.enum(["offer", "answer"]), sdp: z.string().min(1).max(Limits.sdpMaxLength) })
      .strict()
      .optional(),
    candidate: z
      .object({
        candidate: z.string().max(1024),
        sdpMid: z.string().max(32).nullable().optional(),
        sdpMLineIndex: z.number().int().min(0).max(16).nullable().optional(),
        usernameFragment: z.string().max(256).nullable().optional(),
      })
      .strict()
      .optional(),
  })
  .strict()
  .refine((signal) => (signal.description === undefined) !== (signal.candidate === undefined), {
    message: "a signal carries a description or a candidate",
  });
export type SignalPayload = z.infer<typeof SignalPayload>;
/** What the receiver of a signal gets: the same, from whom instead of to whom. */
export type SignalMessage = Omit<SignalPayload, "to"> & { from: string };
/** A participant's way into the class's mixing room on the media server. */
export interface VoiceServerMessage {
  url: string;
  room: number;
  pin: string;
  token: string;
  id: number;
}
export const SetMicPayload = z.object({ on: z.boolean() }).strict();
export const SetFloorPayload = z.object({ seat: z.string().min(1).max(64), on: z.boolean() }).strict();
export const SetVoicePayload = z
  .object({ open: z.boolean().optional(), teacherEverywhere: z.boolean().optional() })
  .strict();
/** 0: the whole class together; otherwise students are dealt into this many groups. */
export const SetGroupsPayload = z.object({ groups: z.number().int().min(0).max(Limits.maxGroups) }).strict();
export const RemoveParticipantPayload = z.object({ seat: z.string().min(1).max(64) }).strict();
export const EndClassPayload = z.object({}).strict();

/** The schema of every client message, by name. */
export const clientMessageSchemas = {
  [ClientMessage.Pose]: PosePayload,
  [ClientMessage.Grab]: GrabPayload,
  [ClientMessage.Move]: MovePayload,
  [ClientMessage.Release]: ReleasePayload,
  [ClientMessage.SetLock]: SetLockPayload,
  [ClientMessage.SetSceneLock]: SetSceneLockPayload,
  [ClientMessage.SetStep]: SetStepPayload,
  [ClientMessage.AddModel]: AddModelPayload,
  [ClientMessage.ResetScene]: ResetScenePayload,
  [ClientMessage.RemoveParticipant]: RemoveParticipantPayload,
  [ClientMessage.EndClass]: EndClassPayload,
  [ClientMessage.RaiseHand]: RaiseHandPayload,
  [ClientMessage.LowerHand]: LowerHandPayload,
  [ClientMessage.React]: ReactPayload,
  [ClientMessage.SayPhrase]: SayPhrasePayload,
  [ClientMessage.Chat]: ChatPayload,
  [ClientMessage.SetMuted]: SetMutedPayload,
  [ClientMessage.SetClassLocked]: SetClassLockedPayload,
  [ClientMessage.Gather]: GatherPayload,
  [ClientMessage.SetFollow]: SetFollowPayload,
  [ClientMessage.SetPointer]: SetPointerPayload,
  [ClientMessage.HandTo]: HandToPayload,
  [ClientMessage.ReportLink]: ReportLinkPayload,
  [ClientMessage.SetGroups]: SetGroupsPayload,
  [ClientMessage.Signal]: SignalPayload,
  [ClientMessage.SetMic]: SetMicPayload,
  [ClientMessage.SetFloor]: SetFloorPayload,
  [ClientMessage.SetVoice]: SetVoicePayload,
} as const satisfies Record<ClientMessage, z.ZodType>;

export type ClientPayloads = { [K in ClientMessage]: z.infer<(typeof clientMessageSchemas)[K]> };

/** Messages only a teacher may send. */
export const TEACHER_ONLY_MESSAGES: ReadonlySet<ClientMessage> = new Set([
  ClientMessage.SetLock,
  ClientMessage.SetSceneLock,
  ClientMessage.SetStep,
  ClientMessage.AddModel,
  ClientMessage.ResetScene,
  ClientMessage.RemoveParticipant,
  ClientMessage.EndClass,
  ClientMessage.LowerHand,
  ClientMessage.SetMuted,
  ClientMessage.SetClassLocked,
  ClientMessage.Gather,
  ClientMessage.SetFollow,
  ClientMessage.SetPointer,
  ClientMessage.HandTo,
  ClientMessage.SetGroups,
  ClientMessage.SetFloor,
  ClientMessage.SetVoice,
]);

/** What every join carries. */
export const JoinOptions = z
  .object({
    protocolVersion: z.number().int(),
    nickname,
    language: z.enum(LANGUAGES),
    device: z.enum([Device.Desktop, Device.Mobile, Device.VR, Device.AR]),
    /** The class's join code (also the room id), checked before a seat is given. */
    code: z.string().regex(new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`)),
    /** Present when returning through the private teacher link. */
    teacherKey: z.string().regex(SECRET_KEY_PATTERN).optional(),
  })
  .strict();
export type JoinOptions = z.infer<typeof JoinOptions>;

const lessonId = z.string().min(1).max(Limits.lessonIdMaxLength);
const authorKey = z.string().regex(SECRET_KEY_PATTERN);

/** How an author opens the lesson studio (shared/studio.ts). */
export const StudioOpenSchema = z.discriminatedUnion("start", [
  /** A new, empty lesson. */
  z.object({ start: z.literal("new") }).strict(),
  /** A copy of a lesson (shipped, imported or published) to change. */
  z.object({ start: z.literal("remix"), lessonId }).strict(),
  /** A draft made before, opened with its author key. */
  z.object({ start: z.literal("draft"), draftId: z.string().regex(DRAFT_ID_PATTERN), authorKey }).strict(),
]);
export type StudioOpen = z.infer<typeof StudioOpenSchema>;

/**
 * What creating a class carries: the teacher's join options plus the lesson;
 * or, for the lesson studio, how to open it (its room is a class whose
 * participants are all authors).
 */
export const CreateOptions = JoinOptions.omit({ teacherKey: true, code: true })
  .extend({ lessonId: lessonId.optional(), studio: StudioOpenSchema.optional() })
  .strict()
  .refine((options) => (options.lessonId === undefined) !== (options.studio === undefined), {
    message: "name a lesson, or open the studio",
  });
export type CreateOptions = z.infer<typeof CreateOptions>;

export const TeacherKeyMessage = z.object({ code: z.string(), teacherKey: z.string() });
export type TeacherKeyMessage = z.infer<typeof TeacherKeyMessage>;

export const ClassEventKind = { Reaction: "reaction", Phrase: "phrase", Chat: "chat" } as const;
export type ClassEventKind = (typeof ClassEventKind)[keyof typeof ClassEventKind];

/** Something a participant said, as every other participant receives it. */
export type ClassEventMessage = {
  seat: string;
  nickname: string;
  at: number;
} & (
  | { kind: typeof ClassEventKind.Reaction; reaction: Reaction }
  | { kind: typeof ClassEventKind.Phrase; phrase: Phrase }
  | { kind: typeof ClassEventKind.Chat; text: string }
);

export interface GatherMessage {
  point: [number, number, number];
}

export interface RefusedMessage {
  request: ClientMessage | string;
  reason: Refusal;
  /** The object the refused request was about, if any. */
  objectId?: string;
  /** Extra detail for a developer; the UI shows a sentence keyed by `reason`. */
  detail?: string;
}

/** What the room publishes in its matchmaking listing, so joins can be checked before a seat is reserved. */
export interface ClassListing {
  ended: boolean;
  /** The teacher closed the class to newcomers. */
  locked: boolean;
  seated: number;
  /** SHA-256 of the teacher key, hex. The key itself never leaves the creator. */
  teacherKeyHash: string;
  /** The teachers' names reduced for comparison (server/rules/admission.ts), so no student can pass for one. */
  teacherNames: { whole: string; words: string[] }[];
  /** A lesson studio: only its co-authors (holders of the author key) come in. */
  studio?: boolean;
}
