import { describe, expect, it } from "vitest";
import { ClassEventKind, Limits, Refusal } from "../../shared/protocol.ts";
import { classWithThree } from "./testClassroom.ts";
import { type Classroom, readPose, updateAvatarPose } from "./classroom.ts";
import {
  gather,
  handQueue,
  handTo,
  lowerHand,
  raiseHand,
  setClassLocked,
  setFollow,
  setMuted,
  setPointer,
  speak,
} from "./teaching.ts";

describe("teacher tools refuse students and change nothing", () => {
  const tools = {
    lowerHand: (c: Classroom, seat: string) => lowerHand(c, seat, "bo"),
    setMuted: (c: Classroom, seat: string) => setMuted(c, seat, "bo", true),
    setClassLocked: (c: Classroom, seat: string) => setClassLocked(c, seat, true),
    gather: (c: Classroom, seat: string) => gather(c, seat),
    setFollow: (c: Classroom, seat: string) => setFollow(c, seat, true),
    setPointer: (c: Classroom, seat: string) => setPointer(c, seat, true, { p: [0, 1, 0], q: [0, 0, 0, 1] }),
    handTo: (c: Classroom, seat: string) => handTo(c, seat, "earth", "bo"),
  };
  for (const [name, tool] of Object.entries(tools)) {
    it(`${name}`, () => {
      const classroom = classWithThree();
      raiseHand(classroom, "bo", true, 1);
      const before = JSON.stringify(classroom.state.toJSON());
      expect(tool(classroom, "ana")).toMatchObject({ ok: false, reason: Refusal.TeacherOnly });
      expect(JSON.stringify(classroom.state.toJSON())).toBe(before);
      expect(tool(classroom, "teacher")).toEqual({ ok: true });
    });
  }
});

describe("hands", () => {
  it("queue in the order they went up; the teacher lowers one", () => {
    const classroom = classWithThree();
    raiseHand(classroom, "bo", true, 100);
    raiseHand(classroom, "ana", true, 200);
    expect(handQueue(classroom)).toEqual(["bo", "ana"]);
    lowerHand(classroom, "teacher", "bo");
    expect(handQueue(classroom)).toEqual(["ana"]);
    raiseHand(classroom, "ana", false, 300);
    expect(handQueue(classroom)).toEqual([]);
  });

  it("going up and down too often is refused for a while", () => {
    const classroom = classWithThree();
    let t = 0;
    for (let i = 0; i < Limits.rates.hand.count; i++) {
      expect(raiseHand(classroom, "ana", true, (t += 10)).ok).toBe(true);
      raiseHand(classroom, "ana", false, (t += 10));
    }
    expect(raiseHand(classroom, "ana", true, (t += 10))).toMatchObject({ reason: Refusal.RateLimited });
    expect(raiseHand(classroom, "ana", true, t + Limits.rates.hand.perMs).ok).toBe(true);
  });
});

describe("speaking", () => {
  it("chat beyond the rate is refused until the window passes", () => {
    const classroom = classWithThree();
    for (let i = 0; i < Limits.rates.chat.count; i++)
      expect(speak(classroom, "ana", { kind: ClassEventKind.Chat, text: `hi ${i}` }, i).ok).toBe(true);
    expect(speak(classroom, "ana", { kind: ClassEventKind.Chat, text: "again" }, 100)).toEqual({
      ok: false,
      reason: Refusal.RateLimited,
    });
    expect(speak(classroom, "bo", { kind: ClassEventKind.Chat, text: "me too" }, 100).ok).toBe(true);
    expect(speak(classroom, "ana", { kind: ClassEventKind.Chat, text: "later" }, Limits.rates.chat.perMs + 1).ok).toBe(
      true,
    );
  });

  it("reactions and phrases have their own limits", () => {
    const classroom = classWithThree();
    for (let i = 0; i < Limits.rates.reaction.count; i++)
      speak(classroom, "ana", { kind: ClassEventKind.Reaction, reaction: "clap" }, i);
    expect(speak(classroom, "ana", { kind: ClassEventKind.Reaction, reaction: "clap" }, 50).ok).toBe(false);
    expect(speak(classroom, "ana", { kind: ClassEventKind.Phrase, phrase: "question" }, 50).ok).toBe(true);
  });

  it("a muted student is silent until unmuted; chat is kept for newcomers, reactions are not", () => {
    const classroom = classWithThree();
    setMuted(classroom, "teacher", "ana", true);
    expect(speak(classroom, "ana", { kind: ClassEventKind.Phrase, phrase: "done" }, 1)).toEqual({
      ok: false,
      reason: Refusal.Muted,
    });
    setMuted(classroom, "teacher", "ana", false);
    speak(classroom, "ana", { kind: ClassEventKind.Phrase, phrase: "done" }, 2);
    speak(classroom, "ana", { kind: ClassEventKind.Reaction, reaction: "heart" }, 3);
    expect(classroom.recentEvents.map((e) => e.kind)).toEqual([ClassEventKind.Phrase]);
  });
});

describe("teacher tools", () => {
  it("hands an object to a student: in front of their eyes, free to take", () => {
    const classroom = classWithThree();
    // Bo stands at +x looking towards -x (turned 90° left).
    updateAvatarPose(classroom, "bo", { head: { p: [1, 1.6, 0], q: [0, Math.SQRT1_2, 0, Math.SQRT1_2] } });
    expect(handTo(classroom, "teacher", "moon", "bo")).toEqual({ ok: true });
    const moon = readPose(classroom.state.objects.get("moon")!.pose).p;
    expect(moon[0]).toBeCloseTo(0.55, 2);
    expect(moon[1]).toBeCloseTo(1.4, 2);
    expect(moon[2]).toBeCloseTo(0, 2);
  });

  it("follow-me and the class lock are class-wide switches", () => {
    const classroom = classWithThree();
    setFollow(classroom, "teacher", true);
    setClassLocked(classroom, "teacher", true);
    expect([classroom.state.followSeat, classroom.state.locked]).toEqual(["teacher", true]);
    setFollow(classroom, "teacher", false);
    expect(classroom.state.followSeat).toBe("");
  });
});
