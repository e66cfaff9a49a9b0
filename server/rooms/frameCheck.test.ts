import { describe, expect, it } from "vitest";
import { pack } from "msgpackr";
import { FrameProblem, checkFrame } from "./frameCheck.ts";

const ROOM_DATA = 13;
const typed = (type: string) => [ROOM_DATA, 0xa0 | type.length, ...new TextEncoder().encode(type)];
const frame = (...bytes: number[]) => new Uint8Array(bytes);

describe("the first look at a frame", () => {
  it("passes a known message with a decodable payload, and the handshake, ping and leave", () => {
    expect(checkFrame(new Uint8Array([...typed("grab"), ...pack({ objectId: "cube" })]))).toEqual({ ok: true });
    expect(checkFrame(frame(...typed("resetScene")))).toEqual({ ok: true });
    for (const kind of [10, 12, 18]) expect(checkFrame(frame(kind))).toEqual({ ok: true });
  });

  it.each([
    ["an empty frame", frame(), FrameProblem.NotBytes],
    ["text", "grab", FrameProblem.NotBytes],
    ["a request", frame(21, 1, ...typed("grab").slice(1)), FrameProblem.UnknownFrameKind],
    ["raw bytes", frame(17, ...typed("grab").slice(1)), FrameProblem.UnknownFrameKind],
    ["an unknown kind", frame(31), FrameProblem.UnknownFrameKind],
    ["a numeric type", frame(ROOM_DATA, 7), FrameProblem.BadType],
    ["a type cut short", frame(ROOM_DATA, 0xa8, 0x67), FrameProblem.BadType],
    ["no type at all", frame(ROOM_DATA), FrameProblem.BadType],
    ["the type '*'", frame(...typed("*"), ...pack({ toString: 1 })), FrameProblem.UnknownType],
    ["the type '__proto__'", frame(...typed("__proto__")), FrameProblem.UnknownType],
    ["a payload cut short", frame(...typed("grab"), 0xdc, 0xff), FrameProblem.BadPayload],
  ])("refuses %s", (_name, bytes, problem) => {
    expect(checkFrame(bytes)).toEqual({ ok: false, problem });
  });
});
