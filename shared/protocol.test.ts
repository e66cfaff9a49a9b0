import { describe, expect, it } from "vitest";
import { ClientMessage, JoinOptions, Limits, PROTOCOL_VERSION, clientMessageSchemas } from "./protocol.ts";

const identity = { p: [0, 1, 0], q: [0, 0, 0, 1] };

describe("client message schemas", () => {
  it("have one schema per message name", () => {
    expect(Object.keys(clientMessageSchemas).sort()).toEqual(Object.values(ClientMessage).sort());
  });

  it("accept a well-formed move", () => {
    expect(clientMessageSchemas.move.safeParse({ objectId: "earth", pose: identity }).success).toBe(true);
  });

  it.each([
    ["NaN coordinate", { objectId: "earth", pose: { p: [Number.NaN, 0, 0], q: [0, 0, 0, 1] } }],
    ["infinite coordinate", { objectId: "earth", pose: { p: [Infinity, 0, 0], q: [0, 0, 0, 1] } }],
    ["outside the world", { objectId: "earth", pose: { p: [Limits.worldBound + 1, 0, 0], q: [0, 0, 0, 1] } }],
    ["non-unit rotation", { objectId: "earth", pose: { p: [0, 0, 0], q: [0, 0, 0, 2] } }],
    ["zero rotation", { objectId: "earth", pose: { p: [0, 0, 0], q: [0, 0, 0, 0] } }],
    ["missing pose", { objectId: "earth" }],
    ["extra field", { objectId: "earth", pose: identity, heldBy: "me" }],
    ["huge id", { objectId: "x".repeat(1000), pose: identity }],
    ["wrong types", { objectId: 42, pose: "up" }],
  ])("reject a move with %s", (_name, payload) => {
    expect(clientMessageSchemas.move.safeParse(payload).success).toBe(false);
  });

  it("validate join options", () => {
    const good = { protocolVersion: PROTOCOL_VERSION, code: "K7F3QX", nickname: "Ana", language: "es", device: "vr" };
    expect(JoinOptions.safeParse(good).success).toBe(true);
    expect(JoinOptions.safeParse({ ...good, nickname: "" }).success).toBe(false);
    expect(JoinOptions.safeParse({ ...good, nickname: "a".repeat(Limits.nicknameMaxLength + 1) }).success).toBe(false);
    expect(JoinOptions.safeParse({ ...good, nickname: "bad\u0000name" }).success).toBe(false);
    expect(JoinOptions.safeParse({ ...good, language: "xx" }).success).toBe(false);
    expect(JoinOptions.safeParse({ ...good, teacherKey: "nothex" }).success).toBe(false);
    expect(JoinOptions.safeParse({ ...good, role: "teacher" }).success).toBe(false);
    expect(JoinOptions.safeParse({ ...good, code: "K0F3QX" }).success).toBe(false);
  });
});
