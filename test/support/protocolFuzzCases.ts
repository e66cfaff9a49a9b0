/**
 * What a protocol fuzz test sends through a room: every client message type
 * with hostile or spoilt payloads, unknown and special types, and frames no
 * SDK would build. A valid example per message type is the starting point of
 * every spoilt payload, so each handler is reached past its first check.
 */
import { Protocol } from "@colyseus/shared-types";
import type { Pose } from "../../shared/math.ts";
import { PHRASES, REACTIONS } from "../../shared/phrasebook.ts";
import { ClientMessage, Limits, type ClientPayloads } from "../../shared/protocol.ts";
import {
  BREAKS_STRING,
  type Hostile,
  MALFORMED_MSGPACK,
  type RawMsgpack,
  hostileValue,
  mutate,
  nestedArrays,
  packMsgpack,
} from "./hostileValues.ts";
import { concatBytes, roomBytesFrame, roomDataFrame, roomRequestFrame } from "./rawClassroomClient.ts";
import type { SeededRandom } from "./seededRandom.ts";

/** What the fuzzer knows of the class it attacks. */
export interface FuzzContext {
  objectIds: readonly string[];
  /** Seats in the class (the attacker's own among them). */
  seats: readonly string[];
}

/** One thing an attacker sends. */
export interface FuzzSend {
  /** "message": a typed frame (the type is counted); "raw": anything else. */
  kind: "message" | "raw";
  type?: string | number;
  label: string;
  frame: Uint8Array | string;
}

function randomPose(rng: SeededRandom): Pose {
  const coordinate = () =>
    rng.chance(0.1) ? rng.pick([-Limits.worldBound, Limits.worldBound, 0]) : (rng.next() - 0.5) * 4;
  const q = [rng.next() - 0.5, rng.next() - 0.5, rng.next() - 0.5, rng.next() - 0.5];
  const length = Math.hypot(...q) || 1;
  return {
    p: [coordinate(), coordinate(), coordinate()],
    q: [q[0]! / length, q[1]! / length, q[2]! / length, q[3]! / length],
  };
}

/** A valid payload for each message type, built for the class at hand. Adding a message type without one fails to compile. */
export const VALID_EXAMPLES: {
  [K in ClientMessage]: (rng: SeededRandom, context: FuzzContext) => ClientPayloads[K];
} = {
  [ClientMessage.Pose]: (rng) =>
    rng.chance(0.5)
      ? { head: randomPose(rng) }
      : { head: randomPose(rng), left: randomPose(rng), right: randomPose(rng) },
  [ClientMessage.Grab]: (rng, { objectIds }) => ({ objectId: rng.pick(objectIds) }),
  [ClientMessage.Move]: (rng, { objectIds }) => ({ objectId: rng.pick(objectIds), pose: randomPose(rng) }),
  [ClientMessage.Release]: (rng, { objectIds }) =>
    rng.chance(0.5) ? { objectId: rng.pick(objectIds) } : { objectId: rng.pick(objectIds), pose: randomPose(rng) },
  [ClientMessage.SetLock]: (rng, { objectIds }) => ({ objectId: rng.pick(objectIds), locked: rng.chance(0.5) }),
  [ClientMessage.SetSceneLock]: (rng) => ({ locked: rng.chance(0.5) }),
  [ClientMessage.SetStep]: (rng) => ({ step: rng.int(0, 3) }),
  [ClientMessage.AddModel]: (rng) => ({ model: rng.pick(["fuzz.glb", "a-b-c.glb", "0.glb"]), label: "Fuzz model" }),
  [ClientMessage.ResetScene]: () => ({}),
  [ClientMessage.RemoveParticipant]: (rng, { seats }) => ({ seat: rng.pick(seats) }),
  [ClientMessage.EndClass]: () => ({}),
  [ClientMessage.RaiseHand]: (rng) => ({ raised: rng.chance(0.5) }),
  [ClientMessage.LowerHand]: (rng, { seats }) => ({ seat: rng.pick(seats) }),
  [ClientMessage.React]: (rng) => ({ reaction: rng.pick(REACTIONS) }),
  [ClientMessage.SayPhrase]: (rng) => ({ phrase: rng.pick(PHRASES) }),
  [ClientMessage.Chat]: (rng) => ({ text: rng.pick(["hello", "Is this the sun?", "ok 👍"]) }),
  [ClientMessage.SetMuted]: (rng, { seats }) => ({ seat: rng.pick(seats), muted: rng.chance(0.5) }),
  [ClientMessage.SetClassLocked]: (rng) => ({ locked: rng.chance(0.5) }),
  [ClientMessage.Gather]: (rng) => ({ point: randomPose(rng).p }),
  [ClientMessage.SetFollow]: (rng) => ({ on: rng.chance(0.5) }),
  [ClientMessage.SetPointer]: (rng) => (rng.chance(0.3) ? { on: false } : { on: true, pose: randomPose(rng) }),
  [ClientMessage.HandTo]: (rng, { objectIds, seats }) => ({ objectId: rng.pick(objectIds), seat: rng.pick(seats) }),
  [ClientMessage.ReportLink]: (rng) => ({ rttMs: rng.int(0, 60_000) }),
  [ClientMessage.SetGroups]: (rng) => ({ groups: rng.int(0, Limits.maxGroups) }),
  [ClientMessage.Signal]: (rng, { seats }) =>
    rng.chance(0.5)
      ? {
          to: rng.pick(seats),
          description: { type: rng.pick(["offer", "answer"] as const), sdp: "v=0\r\no=- 1 2 IN IP4 0.0.0.0\r\n" },
        }
      : {
          to: rng.pick(seats),
          candidate: { candidate: "candidate:1 1 udp 1 192.0.2.1 9 typ host", sdpMid: "0", sdpMLineIndex: 0 },
        },
  [ClientMessage.SetMic]: (rng) => ({ on: rng.chance(0.5) }),
  [ClientMessage.SetFloor]: (rng, { seats }) => ({ seat: rng.pick(seats), on: rng.chance(0.5) }),
  [ClientMessage.SetVoice]: (rng) =>
    rng.pick([
      {},
      { open: rng.chance(0.5) },
      { teacherEverywhere: rng.chance(0.5) },
      { open: true, teacherEverywhere: false },
    ]),
};

export const MESSAGE_TYPES: readonly ClientMessage[] = Object.values(ClientMessage);

/** The valid example for a type, if it is one of the protocol's (own keys only: "toString" is no message). */
function exampleFor(type: string | number) {
  return typeof type === "string" && Object.hasOwn(VALID_EXAMPLES, type)
    ? VALID_EXAMPLES[type as ClientMessage]
    : undefined;
}
/** Types the room framework itself treats specially, or that name the prototype chain. */
export const SPECIAL_TYPES = ["*", "__proto__", "constructor", "toString"] as const;
const UNKNOWN_STRING_TYPES = [
  "",
  "Pose",
  "pose ",
  "av",
  "teacherKey",
  "refused",
  "_$bpose",
  "hasOwnProperty",
  "valueOf",
  "__defineGetter__",
  "x".repeat(300),
  "\u0000",
  "\ud800",
  "grab\u0000",
];
const UNKNOWN_NUMBER_TYPES = [0, 1, -1, 13, 255, 65_536, 2 ** 32, 2 ** 53, 1.5, NaN, Infinity, -0, 1e308];
const HOSTILE_REQUEST_IDS = [0, 1, 2 ** 32 - 1, 2 ** 32, -1, 1.5, NaN, Infinity, 2 ** 53];

function payloadFor(rng: SeededRandom, type: string | number, context: FuzzContext): Hostile | undefined {
  const own = exampleFor(type);
  const example = own ?? VALID_EXAMPLES[rng.pick(MESSAGE_TYPES)];
  return rng.weighted<() => Hostile | undefined>([
    [10, () => mutate(rng, example(rng, context))],
    [6, () => hostileValue(rng)],
    [own ? 2 : 0, () => ({ label: "valid", value: example(rng, context) })],
    [1, () => undefined],
  ])();
}

/** A typed frame: one of the protocol's message types, an unknown one, or a special one. */
export function messageSend(rng: SeededRandom, context: FuzzContext, type: string | number): FuzzSend {
  const payload = payloadFor(rng, type, context);
  const bytes = payload === undefined ? undefined : packMsgpack(payload.value);
  const what = payload?.label ?? "no payload";
  const route = rng.weighted([
    [17, "data"],
    [2, "request"],
    [1, "bytes"],
  ] as const);
  const shownType = typeof type === "string" ? JSON.stringify(type.slice(0, 40)) : String(type);
  if (route === "request") {
    const requestId = rng.pick(HOSTILE_REQUEST_IDS);
    return {
      kind: "message",
      type,
      label: `request #${requestId} ${shownType} ${what}`,
      frame: roomRequestFrame(requestId, type, bytes),
    };
  }
  if (route === "bytes")
    return {
      kind: "message",
      type,
      label: `bytes ${shownType} ${what}`,
      frame: roomBytesFrame(type, bytes ?? new Uint8Array()),
    };
  return { kind: "message", type, label: `${shownType} ${what}`, frame: roomDataFrame(type, bytes) };
}

export function randomMessageType(rng: SeededRandom): string | number {
  return rng.weighted<() => string | number>([
    [16, () => rng.pick(MESSAGE_TYPES)],
    [2, () => rng.pick(SPECIAL_TYPES)],
    [1, () => rng.pick(UNKNOWN_STRING_TYPES)],
    [1, () => rng.pick(UNKNOWN_NUMBER_TYPES)],
  ])();
}

const raw = (label: string, frame: Uint8Array | string): FuzzSend => ({ kind: "raw", label, frame });
const bytes = (...values: number[]) => Uint8Array.from(values);

/** A frame no SDK builds: unknown codes, cut-short headers, junk after a valid type, text frames. */
export function rawSend(rng: SeededRandom, context: FuzzContext): FuzzSend {
  const known = [
    Protocol.JOIN_ROOM,
    Protocol.ERROR,
    Protocol.ROOM_STATE,
    Protocol.ROOM_STATE_PATCH,
    Protocol.ROOM_DATA_SCHEMA,
    Protocol.ROOM_INPUT_RELIABLE,
    Protocol.ROOM_INPUT_UNRELIABLE,
    Protocol.ROOM_RESPONSE,
    Protocol.PING,
  ];
  return rng.weighted<() => FuzzSend>([
    [1, () => raw("empty frame", new Uint8Array())],
    [2, () => raw("one byte", bytes(rng.int(0, 255)))],
    [
      2,
      () => {
        const code = rng.pick(known);
        return raw(`code ${code} + junk`, concatBytes(bytes(code), randomBytes(rng, rng.int(0, 40))));
      },
    ],
    [
      1,
      () => {
        const code = rng.pick([0, 1, 9, 23, 63, 64 | Protocol.ROOM_DATA, 128 | Protocol.ROOM_DATA, 255]);
        return raw(`unknown code ${code}`, concatBytes(bytes(code), packMsgpack(rng.pick(MESSAGE_TYPES))));
      },
    ],
    [
      3,
      () => {
        const code = rng.pick([Protocol.ROOM_DATA, Protocol.ROOM_REQUEST, Protocol.ROOM_DATA_BYTES]);
        const cut = rng.pick([
          [],
          [0xd9],
          [0xd9, 0xff],
          [0xda, 0xff],
          [0xda, 0xff, 0xff, 0x61],
          [0xdb, 0xff, 0xff, 0xff, 0xff],
          [0xa5, 0x61],
          [0xcb, 0x00],
          [0xcf],
          [0xc1],
          [0xc0],
          [0x90],
          [0x80],
          [0xa0 + 4, ...new TextEncoder().encode("gra")],
        ]);
        return raw(
          `code ${code}, type prefix ${cut.map((b) => b.toString(16)).join(" ") || "missing"}`,
          bytes(code, ...cut),
        );
      },
    ],
    [
      3,
      () => {
        const junk = rng.pick(MALFORMED_MSGPACK);
        const type = rng.pick(MESSAGE_TYPES);
        return raw(`${JSON.stringify(type)} + ${junk.label}`, roomDataFrame(type, (junk.value as RawMsgpack).bytes));
      },
    ],
    [
      2,
      () => {
        const type = rng.pick([...MESSAGE_TYPES, "*"]);
        return raw(`${JSON.stringify(type)} + random bytes`, roomDataFrame(type, randomBytes(rng, rng.int(1, 60))));
      },
    ],
    [
      1,
      () => {
        const type = rng.pick([...MESSAGE_TYPES, "*", "av"]);
        return raw(
          `bytes ${JSON.stringify(type)} + random bytes`,
          roomBytesFrame(type, randomBytes(rng, rng.int(0, 60))),
        );
      },
    ],
    [
      1,
      () => {
        const valid = roomDataFrame(ClientMessage.Grab, packMsgpack(VALID_EXAMPLES.grab(rng, context)));
        const cutAt = rng.int(1, valid.byteLength - 1);
        return raw(`valid grab cut at ${cutAt} of ${valid.byteLength}`, valid.subarray(0, cutAt));
      },
    ],
    [1, () => raw("random bytes", randomBytes(rng, rng.int(1, 200)))],
    [
      1,
      () =>
        raw(
          "text frame",
          rng.pick(["hello", '{"type":"grab"}', "\u0000", String.fromCharCode(Protocol.ROOM_DATA) + "\u00a4grab"]),
        ),
    ],
    [1, () => raw("JOIN_ROOM again", bytes(Protocol.JOIN_ROOM))],
    [1, () => raw("request id cut short", bytes(Protocol.ROOM_REQUEST, 0xcf, 0x00))],
  ])();
}

function randomBytes(rng: SeededRandom, length: number): Uint8Array {
  return Uint8Array.from({ length }, () => rng.int(0, 255));
}

/** Larger than the server reads in one frame: the sender alone must be closed. */
export function oversizeSend(): FuzzSend {
  const frame = roomDataFrame(ClientMessage.Chat, packMsgpack({ text: "x".repeat(Limits.maxMessageBytes + 1024) }));
  return raw(`oversize frame (${frame.byteLength} bytes)`, frame);
}

/**
 * Sends every run makes whatever its seed: each type with the payloads most
 * likely to break a handler, so no type goes untried.
 */
export function coverageSends(context: FuzzContext, rng: SeededRandom): FuzzSend[] {
  const sends: FuzzSend[] = [];
  const types: (string | number)[] = [...MESSAGE_TYPES, ...SPECIAL_TYPES, 42];
  for (const type of types) {
    const shown = JSON.stringify(type);
    for (const hostile of [
      BREAKS_STRING[0]!,
      BREAKS_STRING[1]!,
      { label: "5000 nested arrays", value: nestedArrays(5000) },
    ])
      sends.push({
        kind: "message",
        type,
        label: `${shown} ${hostile.label}`,
        frame: roomDataFrame(type, packMsgpack(hostile.value)),
      });
    const example = exampleFor(type);
    if (example) {
      const spoilt = mutate(rng, example(rng, context));
      sends.push({
        kind: "message",
        type,
        label: `${shown} ${spoilt.label}`,
        frame: roomDataFrame(type, packMsgpack(spoilt.value)),
      });
    }
  }
  return sends;
}
