/**
 * The first look at every frame a participant sends, before Colyseus decodes
 * it: only the frame kinds our client sends, only message types the protocol
 * names, and a payload that decodes. Anything else is garbage, counted
 * against its sender, and never reaches a handler (Colyseus would log a stack
 * trace for each, and dispatch a type such as "*" to the catch-all handler
 * with the payload in place of the type).
 */
import { Protocol } from "@colyseus/core";
import { unpack } from "msgpackr";
import { ClientMessage } from "../../shared/protocol.ts";
import { StudioMessage } from "../../shared/studio.ts";

const PROTOCOL_CODE_MASK = 0x1f;
const KNOWN_TYPES: ReadonlySet<string> = new Set([...Object.values(ClientMessage), ...Object.values(StudioMessage)]);
/** Frame kinds a classroom client sends; requests, raw bytes and inputs are not part of our protocol. */
const PASSED_THROUGH: ReadonlySet<number> = new Set([Protocol.JOIN_ROOM, Protocol.LEAVE_ROOM, Protocol.PING]);

export type FrameCheck = { ok: true } | { ok: false; problem: FrameProblem };

export const FrameProblem = {
  NotBytes: "not bytes",
  UnknownFrameKind: "unknown frame kind",
  BadType: "undecodable message type",
  UnknownType: "unknown message type",
  BadPayload: "undecodable payload",
} as const;
export type FrameProblem = (typeof FrameProblem)[keyof typeof FrameProblem];

/** Checks one incoming frame; never throws. */
export function checkFrame(frame: unknown): FrameCheck {
  if (!(frame instanceof Uint8Array) || frame.byteLength === 0) return refused(FrameProblem.NotBytes);
  const kind = frame[0]! & PROTOCOL_CODE_MASK;
  if (PASSED_THROUGH.has(kind)) return { ok: true };
  if (kind !== Protocol.ROOM_DATA) return refused(FrameProblem.UnknownFrameKind);
  const type = readTypeString(frame, 1);
  if (!type) return refused(FrameProblem.BadType);
  if (!KNOWN_TYPES.has(type.value)) return refused(FrameProblem.UnknownType);
  if (frame.byteLength > type.end) {
    try {
      unpack(frame.subarray(type.end));
    } catch {
      return refused(FrameProblem.BadPayload);
    }
  }
  return { ok: true };
}

const refused = (problem: FrameProblem): FrameCheck => ({ ok: false, problem });

/** A msgpack string at `offset` (the encoding Colyseus uses for message types), or undefined. */
function readTypeString(frame: Uint8Array, offset: number): { value: string; end: number } | undefined {
  const prefix = frame[offset];
  if (prefix === undefined) return undefined;
  let length: number;
  let start = offset + 1;
  if (prefix > 0xa0 && prefix < 0xc0) length = prefix & 0x1f;
  else if (prefix === 0xd9 && frame.byteLength > start) length = frame[start++]!;
  else return undefined; // Our types are short; longer string forms and numbers are not ours.
  const end = start + length;
  if (end > frame.byteLength) return undefined;
  return { value: Buffer.from(frame.buffer, frame.byteOffset + start, length).toString("utf8"), end };
}
