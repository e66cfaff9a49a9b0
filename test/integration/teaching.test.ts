/**
 * Teaching tools over real sockets: every teacher action from a student is
 * refused and changes nothing; a locked class and a removed student are kept
 * out with clear reasons; chat is rate-limited and muting silences.
 */
import { Client } from "@colyseus/sdk";
import { describe, expect, it, vi } from "vitest";
import { createClassAsBot, joinClassAsBot } from "../../client/bot/bot.ts";
import { ConnectionStatus } from "../../client/net/classView.ts";
import { JoinFailure, type JoinFailedError } from "../../client/net/connection.ts";
import { PHRASEBOOK } from "../../shared/phrasebook.ts";
import { ClientMessage, Limits, Refusal } from "../../shared/protocol.ts";
import { ClassroomState } from "../../shared/state.ts";
import { classServerForThisFile } from "../support/classServer.ts";

const classes = classServerForThisFile();

async function classOfThree() {
  const teacher = await createClassAsBot(classes.endpoint, "shapes-and-planets", { nickname: "Teacher" });
  const es = await joinClassAsBot(classes.endpoint, teacher.connection.code, { nickname: "Lucía", language: "es" });
  const ar = await joinClassAsBot(classes.endpoint, teacher.connection.code, { nickname: "ليلى", language: "ar" });
  classes.track([teacher, es, ar]);
  for (const bot of [teacher, es, ar]) await vi.waitFor(() => expect(bot.connection.state.participants.size).toBe(3));
  return { teacher, es, ar };
}

describe("role checks", () => {
  it("every teacher action attempted by a student is refused and changes nothing", async () => {
    const { teacher, es, ar } = await classOfThree();
    const target = ar.connection.seat;
    const attempts: [ClientMessage, unknown][] = [
      [ClientMessage.SetLock, { objectId: "earth", locked: true }],
      [ClientMessage.SetSceneLock, { locked: true }],
      [ClientMessage.SetStep, { step: 0 }],
      [ClientMessage.AddModel, { model: "saturn.glb", label: "Saturn" }],
      [ClientMessage.ResetScene, {}],
      [ClientMessage.RemoveParticipant, { seat: target }],
      [ClientMessage.EndClass, {}],
      [ClientMessage.LowerHand, { seat: target }],
      [ClientMessage.SetMuted, { seat: target, muted: true }],
      [ClientMessage.SetClassLocked, { locked: true }],
      [ClientMessage.Gather, { point: [0, 0, 0] }],
      [ClientMessage.SetFollow, { on: true }],
      [ClientMessage.SetPointer, { on: true }],
      [ClientMessage.HandTo, { objectId: "moon", seat: target }],
      [ClientMessage.SetGroups, { groups: 2 }],
      [ClientMessage.SetFloor, { seat: es.connection.seat, on: true }],
      [ClientMessage.SetVoice, { open: true }],
    ];
    ar.connection.raiseHand(true);
    await vi.waitFor(() => expect(teacher.connection.state.participants.get(target)!.handRaisedAt).toBeGreaterThan(0));
    const before = JSON.stringify(teacher.connection.state.toJSON());
    let gathered = false;
    ar.connection.view.subscribe((view) => (gathered ||= view.gather !== undefined));
    for (const [index, [type, payload]] of attempts.entries()) {
      es.connection.room.send(type as never, payload as never);
      await vi.waitFor(() => {
        const refusal = es.connection.view.getState().lastRefusal;
        expect(refusal?.serial).toBe(index + 1);
        expect(refusal?.reason, type).toBe(Refusal.TeacherOnly);
      });
    }
    expect(JSON.stringify(teacher.connection.state.toJSON())).toBe(before);
    expect(gathered).toBe(false);
    expect(ar.connection.view.getState().status).toBe(ConnectionStatus.Connected);
  });
});

describe("keeping people out", () => {
  it("a locked class refuses newcomers with a clear reason; the teacher's link still works", async () => {
    const { teacher } = await classOfThree();
    await vi.waitFor(() => expect(teacher.connection.view.getState().teacherKey).toBeDefined());
    teacher.connection.setClassLocked(true);
    await vi.waitFor(() => expect(teacher.connection.state.locked).toBe(true));
    const late = await joinClassAsBot(classes.endpoint, teacher.connection.code, { nickname: "Late" }).catch(
      (e: JoinFailedError) => e,
    );
    expect((late as JoinFailedError).failure).toBe(JoinFailure.ClassLocked);
    const coTeacher = await joinClassAsBot(
      classes.endpoint,
      teacher.connection.code,
      { nickname: "Co" },
      teacher.connection.view.getState().teacherKey,
    );
    classes.track(coTeacher);
    teacher.connection.setClassLocked(false);
    await vi.waitFor(async () => {
      const again = await joinClassAsBot(classes.endpoint, teacher.connection.code, { nickname: "Later" });
      classes.track(again);
    });
  });

  it("a removed student is disconnected and cannot take their old seat back", async () => {
    const { teacher, es } = await classOfThree();
    const seat = es.connection.seat;
    const token = es.connection.room.reconnectionToken;
    teacher.connection.removeParticipant(seat);
    await vi.waitFor(() => expect(es.connection.view.getState().status).toBe(ConnectionStatus.Removed));
    // The teacher learns of it with the next patch, which may come a moment after the student's socket closed.
    await vi.waitFor(() => expect(teacher.connection.state.participants.has(seat)).toBe(false));
    await expect(new Client(classes.endpoint).reconnect(token, ClassroomState)).rejects.toThrow();
    expect(teacher.connection.state.participants.has(seat)).toBe(false);
  });
});

describe("speaking up", () => {
  it("a phrase is delivered as a phrase id that each reader shows in their own language", async () => {
    const { es, ar } = await classOfThree();
    es.connection.sayPhrase("slower");
    await vi.waitFor(() =>
      expect(ar.connection.view.getState().events.at(-1)).toMatchObject({
        kind: "phrase",
        phrase: "slower",
        nickname: "Lucía",
      }),
    );
    expect(PHRASEBOOK.slower.ar).toBe("أبطأ من فضلك");
  });

  it("chat beyond the rate limit is refused; a muted student is silent until unmuted", async () => {
    const { teacher, es, ar } = await classOfThree();
    for (let i = 0; i <= Limits.rates.chat.count; i++) es.connection.chat(`message ${i}`);
    await vi.waitFor(() => expect(es.connection.view.getState().lastRefusal?.reason).toBe(Refusal.RateLimited));
    expect(ar.connection.view.getState().events.filter((e) => e.kind === "chat")).toHaveLength(Limits.rates.chat.count);

    teacher.connection.setMuted(ar.connection.seat, true);
    await vi.waitFor(() => expect(ar.connection.state.participants.get(ar.connection.seat)!.muted).toBe(true));
    ar.connection.react("clap");
    await vi.waitFor(() => expect(ar.connection.view.getState().lastRefusal?.reason).toBe(Refusal.Muted));
    teacher.connection.setMuted(ar.connection.seat, false);
    await vi.waitFor(() => expect(ar.connection.state.participants.get(ar.connection.seat)!.muted).toBe(false));
    ar.connection.react("clap");
    await vi.waitFor(() =>
      expect(teacher.connection.view.getState().events.at(-1)).toMatchObject({ kind: "reaction", reaction: "clap" }),
    );
  });

  it("a chat line over the length limit, or with control characters, changes nothing", async () => {
    const { es, ar } = await classOfThree();
    es.connection.room.send(ClientMessage.Chat, { text: "x".repeat(Limits.chatMaxLength + 1) });
    es.connection.room.send(ClientMessage.Chat, { text: "bell\u0007" });
    await vi.waitFor(() => expect(es.connection.view.getState().lastRefusal?.serial).toBe(2));
    expect(es.connection.view.getState().lastRefusal?.reason).toBe(Refusal.InvalidMessage);
    expect(ar.connection.view.getState().events).toHaveLength(0);
  });

  it("a newcomer sees the recent chat and phrases", async () => {
    const { teacher, es } = await classOfThree();
    es.connection.chat("hola a todos");
    await vi.waitFor(() => expect(teacher.connection.view.getState().events).toHaveLength(1));
    const late = await joinClassAsBot(classes.endpoint, teacher.connection.code, { nickname: "Late" });
    classes.track(late);
    await vi.waitFor(() =>
      expect(late.connection.view.getState().events.at(-1)).toMatchObject({ kind: "chat", text: "hola a todos" }),
    );
  });
});
