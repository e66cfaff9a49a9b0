/**
 * The wire contract between the classroom client and the room server.
 * Every message name, payload schema, limit and close code lives here; both
 * sides import it and nothing else defines a message.
 */
import { z } from "zod";
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from "./joinCode.ts";
import { PHRASES, REACTIONS, type Phrase, type Reaction } from "./phrasebook.ts";
import { DRAFT_ID_PATTERN, SECRET_KEY_PATTERN } from "./studioIds.ts";
export * from "./protocolNames.ts";
import { type ClassEventKind, ClientMessage, Device, LANGUAGES, Limits, type Refusal } from "./protocolNames.ts";

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
