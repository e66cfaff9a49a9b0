import { describe, expect, it } from "vitest";
import { Limits } from "../../shared/protocol.ts";
import { markDropped } from "./classroom.ts";
import { raiseHand, setMuted } from "./teaching.ts";
import { classWithThree } from "./testClassroom.ts";
import { mixingCorrections, relaySignal, setFloor, setMic, setVoice } from "./voice.ts";

const mic = (classroom: ReturnType<typeof classWithThree>, seat: string) =>
  classroom.state.participants.get(seat)!.micOn;

describe("who may speak", () => {
  it("the teacher always; a student only with the floor, and not after it is taken back", () => {
    const classroom = classWithThree();
    expect(setMic(classroom, "teacher", true)).toEqual({ ok: true });
    expect(setMic(classroom, "ana", true)).toEqual({ ok: false, reason: "noFloor" });
    expect(mic(classroom, "ana")).toBe(false);

    raiseHand(classroom, "ana", true, 1000);
    expect(setFloor(classroom, "teacher", "ana", true)).toEqual({ ok: true });
    // Given the floor, the hand comes down.
    expect(classroom.state.participants.get("ana")!.handRaisedAt).toBe(0);
    expect(setMic(classroom, "ana", true)).toEqual({ ok: true });
    expect(mic(classroom, "ana")).toBe(true);
    setFloor(classroom, "teacher", "ana", false);
    expect(mic(classroom, "ana")).toBe(false);
  });

  it("everyone in an open discussion, except a muted student; closing it silences them again", () => {
    const classroom = classWithThree();
    setVoice(classroom, "teacher", { open: true });
    expect(setMic(classroom, "bo", true)).toEqual({ ok: true });
    setMuted(classroom, "teacher", "ana", true);
    expect(setMic(classroom, "ana", true)).toEqual({ ok: false, reason: "muted" });
    setVoice(classroom, "teacher", { open: false });
    expect(mic(classroom, "bo")).toBe(false);
    expect(mic(classroom, "teacher")).toBe(false);
    // A student muted while speaking stops at once.
    setFloor(classroom, "teacher", "bo", true);
    setMic(classroom, "bo", true);
    setMuted(classroom, "teacher", "bo", true);
    expect(mic(classroom, "bo")).toBe(false);
  });

  it("is the teacher's to change: floor and discussion from a student are refused", () => {
    const classroom = classWithThree();
    expect(setFloor(classroom, "ana", "ana", true)).toEqual({ ok: false, reason: "teacherOnly" });
    expect(setVoice(classroom, "bo", { open: true })).toEqual({ ok: false, reason: "teacherOnly" });
    expect(classroom.state.voiceOpen).toBe(false);
    expect(classroom.state.participants.get("ana")!.floor).toBe(false);
    setVoice(classroom, "teacher", { teacherEverywhere: false });
    expect(classroom.state.teacherEverywhere).toBe(false);
  });

  it("a dropped connection's microphone is off", () => {
    const classroom = classWithThree();
    setMic(classroom, "teacher", true);
    markDropped(classroom, "teacher");
    expect(mic(classroom, "teacher")).toBe(false);
  });
});

describe("signalling between participants", () => {
  it("goes only to someone in the class, never to oneself, and not in a flood", () => {
    const classroom = classWithThree();
    expect(relaySignal(classroom, "ana", "bo", 0)).toEqual({ ok: true });
    expect(relaySignal(classroom, "ana", "ana", 0)).toEqual({ ok: false, reason: "unknownParticipant" });
    expect(relaySignal(classroom, "ana", "nobody", 0)).toEqual({ ok: false, reason: "unknownParticipant" });
    for (let i = 1; i < Limits.rates.signal.count; i++) relaySignal(classroom, "ana", "bo", 10);
    expect(relaySignal(classroom, "ana", "bo", 20)).toEqual({ ok: false, reason: "rateLimited" });
    expect(relaySignal(classroom, "ana", "bo", Limits.rates.signal.perMs + 20)).toEqual({ ok: true });
  });
});

describe("the mixing room kept in line with the class", () => {
  it("unmutes whoever speaks, mutes whoever may not or has not switched on, and removes strangers", () => {
    const classroom = classWithThree();
    setFloor(classroom, "teacher", "ana", true);
    setMic(classroom, "ana", true);
    setMic(classroom, "teacher", true);
    const seats = new Map([
      [11, "teacher"],
      [22, "ana"],
      [33, "bo"],
    ]);
    const mixing = [
      { id: 11, muted: true }, // the teacher switched on a moment before the mixing room heard of it
      { id: 22, muted: false },
      { id: 33, muted: false }, // Bo unmuted himself without the floor
      { id: 44, muted: true }, // someone the class does not know
    ];
    expect(mixingCorrections(classroom, mixing, (id) => seats.get(id))).toEqual({
      mute: [33],
      unmute: [11],
      remove: [44],
    });
    // The floor taken back: Ana is muted too.
    setFloor(classroom, "teacher", "ana", false);
    expect(mixingCorrections(classroom, mixing, (id) => seats.get(id)).mute).toEqual([22, 33]);
  });
});
