/**
 * The protocol's names and numbers: message names, limits, roles, refusals
 * and error codes, without the payload schemas (shared/protocol.ts), so a
 * page that only needs names (the start page) does not carry zod.
 */
import { SECRET_KEY_LENGTH } from "./studioIds.ts";

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

export const ClassEventKind = { Reaction: "reaction", Phrase: "phrase", Chat: "chat" } as const;
export type ClassEventKind = (typeof ClassEventKind)[keyof typeof ClassEventKind];
