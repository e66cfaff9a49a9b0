/**
 * A participant who does not use the page: a message no handler expects, a
 * join that races the class's creator, ways into a class without its code.
 * None may stop the server, take the teacher's seat, or seat anyone the
 * class's rules would refuse.
 */
import { afterAll, describe, expect, it, vi } from "vitest";
import { matchMaker } from "@colyseus/core";
import { Client } from "@colyseus/sdk";
import { createClassAsBot, joinClassAsBot } from "../../client/bot/bot.ts";
import { JoinFailure, type JoinFailedError } from "../../client/net/connection.ts";
import { ClientMessage, Limits, Role, ServerMessage } from "../../shared/protocol.ts";
import { classServerForThisFile } from "../support/classServer.ts";
import { killAllServerProcesses, startServerProcess } from "../support/serverProcess.ts";
import {
  LESSON,
  createOptionsFor,
  failureOf,
  joinOptionsFor,
  matchmake,
  rawJoin,
  takeReservedSeat,
} from "../support/rawEntry.ts";

const classes = classServerForThisFile();
afterAll(() => killAllServerProcesses());

describe("one participant cannot stop the server", () => {
  it("messages typed '*' or otherwise unexpected, carrying values that cannot be printed, leave every class running", async () => {
    const server = await startServerProcess({ DATA_DIR: "memory" });
    const teacher = await createClassAsBot(server.url, LESSON, { nickname: "Ms Okafor" });
    const code = teacher.connection.code;
    const attacker = await rawJoin(server.url, code, "Mallory");
    const unprintable = { toString: 1, valueOf: 1 };
    attacker.send("*", unprintable);
    attacker.send("*", [unprintable]);
    attacker.send(7 as never, unprintable);
    attacker.send("__proto__", unprintable);
    attacker.send(ClientMessage.Grab, { objectId: unprintable });
    // Frames are handled in order: once this raised hand shows, the server has read all of the above.
    attacker.send(ClientMessage.RaiseHand, { raised: true });
    await vi.waitFor(() =>
      expect(teacher.connection.state.participants.get(attacker.sessionId)?.handRaisedAt).toBeGreaterThan(0),
    );

    expect(server.child.exitCode).toBeNull();
    expect((await fetch(`${server.url}/api/status`)).status).toBe(200);
    const student = await joinClassAsBot(server.url, code, { nickname: "Ana" });
    student.connection.grab("cone", { p: [0, 1, 0], q: [0, 0, 0, 1] });
    await vi.waitFor(() => expect(teacher.connection.state.objects.get("cone")?.heldBy).toBe(student.connection.seat));
    await Promise.all([teacher.leave(), student.leave(), attacker.leave()]);
  });
});

describe("the teacher's seat", () => {
  it("is the creator's, even when someone with the code connects before the creator's connection opens", async () => {
    const reservation = await matchmake(classes.endpoint, "create", "classroom", createOptionsFor("Ms Okafor"));
    expect(reservation.status).toBe(200);
    const code = reservation.body.roomId!;

    const thief = classes.track(await joinClassAsBot(classes.endpoint, code, { nickname: "Early" }));
    await vi.waitFor(() => expect(thief.connection.state.participants.get(thief.connection.seat)).toBeDefined());
    expect(thief.connection.state.participants.get(thief.connection.seat)?.role).toBe(Role.Student);

    const creator = await takeReservedSeat(classes.endpoint, reservation.body);
    let teacherKey: string | undefined;
    creator.onMessage(ServerMessage.TeacherKey, (message: { teacherKey: string }) => (teacherKey = message.teacherKey));
    await vi.waitFor(() => expect(teacherKey).toMatch(/^[0-9a-f]{32}$/));
    expect(creator.state.participants.get(creator.sessionId)?.role).toBe(Role.Teacher);
    expect(thief.connection.view.getState().teacherKey).toBeUndefined();
    await creator.leave();
  });

  it("cannot be taken by a second create request carrying the same options into the class", async () => {
    const teacher = classes.track(await createClassAsBot(classes.endpoint, LESSON, { nickname: "Ms Okafor" }));
    const code = teacher.connection.code;
    const answer = await matchmake(classes.endpoint, "joinById", code, createOptionsFor("Ms Okafor"));
    expect(answer.status).toBe(400);
    expect(teacher.connection.state.participants.size).toBe(1);
  });
});

describe("no way into a class without its code", () => {
  it("matchmaking's other ways in (join any, join or create) seat nobody in a running class", async () => {
    const teacher = classes.track(await createClassAsBot(classes.endpoint, LESSON, { nickname: "Teacher" }));
    const code = teacher.connection.code;
    const attempts = await Promise.all([
      matchmake(classes.endpoint, "join", "classroom", createOptionsFor("Sneaky")),
      matchmake(classes.endpoint, "joinOrCreate", "classroom", createOptionsFor("Sneaky")),
      matchmake(classes.endpoint, "join", "classroom", joinOptionsFor(code, "Sneaky")),
      matchmake(classes.endpoint, "joinById", code, { ...createOptionsFor("Sneaky"), lessonId: undefined }),
      matchmake(classes.endpoint, "joinById", code, joinOptionsFor("ZZZZZZ", "Sneaky")),
    ]);
    for (const attempt of attempts) {
      expect(attempt.status).toBeGreaterThanOrEqual(400);
      expect(attempt.body.roomId).toBeUndefined();
    }
    expect(teacher.connection.state.participants.size).toBe(1);
  });

  it("a closed class stays closed on every way in", async () => {
    const teacher = classes.track(await createClassAsBot(classes.endpoint, LESSON, { nickname: "Teacher" }));
    const code = teacher.connection.code;
    teacher.connection.setClassLocked(true);
    await vi.waitFor(() => expect(teacher.connection.state.locked).toBe(true));
    const through = [
      await matchmake(classes.endpoint, "joinById", code, createOptionsFor("Late")),
      await matchmake(classes.endpoint, "joinOrCreate", "classroom", createOptionsFor("Late")),
    ];
    for (const attempt of through) expect(attempt.body.roomId === code && attempt.status === 200).toBe(false);
    expect(await failureOf(joinClassAsBot(classes.endpoint, code, { nickname: "Late" }))).toBe(JoinFailure.ClassLocked);
    expect(teacher.connection.state.participants.size).toBe(1);
  });

  it("a full class takes nobody more, however many join at once and by whatever way", async () => {
    const teacher = classes.track(await createClassAsBot(classes.endpoint, LESSON, { nickname: "Teacher" }));
    const code = teacher.connection.code;
    const seatsLeft = 4;
    for (let i = 1; i < Limits.maxParticipants - seatsLeft; i++)
      classes.track(await joinClassAsBot(classes.endpoint, code, { nickname: `Student ${i}` }));
    // Ten join at once for the last four seats, and six more try the side doors.
    const racing = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => joinClassAsBot(classes.endpoint, code, { nickname: `Racer ${i}` })),
    );
    for (const result of racing) if (result.status === "fulfilled") classes.track(result.value);
    const sideDoors = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        matchmake(classes.endpoint, i % 2 ? "joinOrCreate" : "joinById", i % 2 ? "classroom" : code, {
          ...createOptionsFor(`Side ${i}`),
        }),
      ),
    );
    expect(racing.filter((result) => result.status === "fulfilled")).toHaveLength(seatsLeft);
    for (const result of racing)
      if (result.status === "rejected") expect((result.reason as JoinFailedError).failure).toBe(JoinFailure.ClassFull);
    for (const attempt of sideDoors) expect(attempt.body.roomId === code && attempt.status === 200).toBe(false);
    await vi.waitFor(() => expect(teacher.connection.state.participants.size).toBe(Limits.maxParticipants));
  });

  it("an ended class lets nobody in, and says it has ended, during its last moments and after", async () => {
    const teacher = await createClassAsBot(classes.endpoint, LESSON, { nickname: "Teacher" });
    const code = teacher.connection.code;
    teacher.connection.endClass();
    await vi.waitFor(() => expect(teacher.connection.state.ended).toBe(true));
    const sideDoor = await matchmake(classes.endpoint, "joinById", code, createOptionsFor("Late"));
    expect(sideDoor.body.roomId).toBeUndefined();
    expect(await failureOf(joinClassAsBot(classes.endpoint, code, { nickname: "Late" }))).toBe(JoinFailure.ClassEnded);
    // Once the class has closed for good, the code still says "ended", not "wrong code".
    await vi.waitFor(async () => expect(await matchMaker.getRoomById(code)).toBeFalsy());
    expect(await failureOf(joinClassAsBot(classes.endpoint, code, { nickname: "Later" }))).toBe(JoinFailure.ClassEnded);
    await expect(new Client(classes.endpoint).joinById(code, joinOptionsFor(code, "Raw"))).rejects.toMatchObject({
      code: 410,
    });
  });
});
