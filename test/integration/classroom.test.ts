/**
 * The classroom over real sockets: a real server on a loopback port and real
 * SDK clients (bots built on the browser's connection module).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type Bot, createClassAsBot, joinClassAsBot } from "../../client/bot/bot.ts";
import { ConnectionStatus } from "../../client/net/classView.ts";
import { JoinFailure, type JoinFailedError } from "../../client/net/connection.ts";
import type { Pose } from "../../shared/math.ts";
import { ClientMessage, Limits, Refusal, Role } from "../../shared/protocol.ts";
import { classServerForThisFile } from "../support/classServer.ts";
import { startTcpProxy, type TcpProxy } from "../support/tcpProxy.ts";

const LESSON = "shapes-and-planets";

const classes = classServerForThisFile();

async function track(bot: Promise<Bot>): Promise<Bot> {
  const ready = await bot;
  classes.track(ready);
  return ready;
}

/** A teacher and two students in a fresh class, all seeing all three seats. */
async function classOfThree() {
  const teacher = await track(createClassAsBot(classes.endpoint, LESSON, { nickname: "Ms Okafor" }));
  const code = teacher.connection.code;
  const ana = await track(joinClassAsBot(classes.endpoint, code, { nickname: "Ana", language: "es", device: "vr" }));
  const bo = await track(joinClassAsBot(classes.endpoint, code, { nickname: "Bo", language: "fr" }));
  for (const bot of [teacher, ana, bo]) {
    await vi.waitFor(() => expect(bot.connection.state.participants.size).toBe(3));
  }
  return { teacher, ana, bo, code };
}

const posed = (x: number, y: number, z: number): Pose => ({ p: [x, y, z], q: [0, 0.3826834, 0, 0.9238795] });
const objectOf = (bot: Bot, id: string) => bot.connection.state.objects.get(id)!;
const snapshot = (bot: Bot) => JSON.stringify(bot.connection.state.toJSON());

describe("joining", () => {
  it("a teacher creates a class, gets a key, and students join by code", async () => {
    const { teacher, ana, code } = await classOfThree();
    expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTVWXYZ]{6}$/);
    await vi.waitFor(() => expect(teacher.connection.view.getState().teacherKey).toMatch(/^[0-9a-f]{32}$/));
    expect(ana.connection.view.getState().teacherKey).toBeUndefined();
    const roles = Object.fromEntries([...ana.connection.state.participants.values()].map((p) => [p.nickname, p.role]));
    expect(roles).toEqual({ "Ms Okafor": Role.Teacher, Ana: Role.Student, Bo: Role.Student });
    expect(ana.connection.state.objects.size).toBeGreaterThan(3);
  });

  it("a wrong code fails with a 'wrong code' reason", async () => {
    const failure = await joinClassAsBot(classes.endpoint, "ZZZZZZ", { nickname: "Lost" }).catch(
      (e: JoinFailedError) => e,
    );
    expect((failure as JoinFailedError).failure).toBe(JoinFailure.WrongCode);
  });

  it("the teacher link brings the teacher back as teacher; a wrong key is refused", async () => {
    const { teacher, code } = await classOfThree();
    await vi.waitFor(() => expect(teacher.connection.view.getState().teacherKey).toBeDefined());
    const key = teacher.connection.view.getState().teacherKey!;
    const again = await track(joinClassAsBot(classes.endpoint, code, { nickname: "Ms Okafor (tablet)" }, key));
    await vi.waitFor(() =>
      expect(again.connection.state.participants.get(again.connection.seat)?.role).toBe(Role.Teacher),
    );
    const wrong = await joinClassAsBot(classes.endpoint, code, { nickname: "Sneaky" }, "0".repeat(32)).catch((e) => e);
    expect((wrong as JoinFailedError).failure).toBe(JoinFailure.WrongTeacherKey);
  });

  it("a full class says so", async () => {
    const teacher = await track(createClassAsBot(classes.endpoint, LESSON, { nickname: "Teacher" }));
    const code = teacher.connection.code;
    for (let i = 1; i < Limits.maxParticipants; i++) {
      await track(joinClassAsBot(classes.endpoint, code, { nickname: `Student ${i}` }));
    }
    const late = await joinClassAsBot(classes.endpoint, code, { nickname: "Late" }).catch((e) => e);
    expect((late as JoinFailedError).failure).toBe(JoinFailure.ClassFull);
  });
});

describe("holding objects", () => {
  it("a student's grab, move and release reach everyone", async () => {
    const { teacher, ana, bo } = await classOfThree();
    ana.connection.grab("earth", posed(0, 1, 0));
    await vi.waitFor(() => expect(objectOf(bo, "earth").heldBy).toBe(ana.connection.seat));
    ana.connection.move("earth", posed(0.2, 1.3, -0.1));
    await vi.waitFor(() => expect(objectOf(teacher, "earth").pose.px).toBeCloseTo(0.2, 2));
    ana.connection.release("earth", posed(0.3, 1.1, 0));
    await vi.waitFor(() => {
      const earth = objectOf(bo, "earth");
      expect(earth.heldBy).toBe("");
      expect(earth.pose.px).toBeCloseTo(0.3, 2);
      expect(earth.pose.qy).toBeCloseTo(0.3826834, 3);
    });
  });

  it("a second grab of a held object is refused and the holder keeps it", async () => {
    const { ana, bo } = await classOfThree();
    ana.connection.grab("moon", posed(0, 1, 0));
    await vi.waitFor(() => expect(objectOf(bo, "moon").heldBy).toBe(ana.connection.seat));
    bo.connection.grab("moon", posed(0, 1, 0));
    await vi.waitFor(() => expect(bo.connection.view.getState().lastRefusal?.reason).toBe(Refusal.HeldByOther));
    expect(bo.connection.holds("moon")).toBe(false);
    bo.connection.localHolds.set("moon", posed(5, 5, 5));
    bo.connection.move("moon", posed(5, 5, 5));
    await vi.waitFor(() => expect(bo.connection.view.getState().lastRefusal?.request).toBe(ClientMessage.Move));
    expect(objectOf(ana, "moon").heldBy).toBe(ana.connection.seat);
    expect(objectOf(ana, "moon").pose.px).not.toBeCloseTo(5, 1);
  });

  it("avatar poses replicate to the others", async () => {
    const { ana, bo } = await classOfThree();
    ana.connection.sendAvatarPose({ head: posed(0.5, 1.7, 1), right: posed(0.6, 1.2, 0.8) });
    await vi.waitFor(() => {
      const seat = ana.connection.seat;
      expect(bo.connection.poses.latest(`head:${seat}`)?.p[0]).toBeCloseTo(0.5, 2);
      expect(bo.connection.poses.latest(`right:${seat}`)?.p[2]).toBeCloseTo(0.8, 2);
      expect(bo.connection.state.participants.get(seat)!.hasHands).toBe(true);
    });
  });
});

describe("dropped connections", () => {
  let proxy: TcpProxy;
  beforeAll(async () => {
    proxy = await startTcpProxy(classes.server.port);
  });
  afterAll(async () => {
    await proxy.close();
  });

  it("a drop frees what the student held; a return within the grace gives back the same seat", async () => {
    const { teacher, code } = await classOfThree();
    const carla = await track(
      joinClassAsBot(`http://127.0.0.1:${proxy.port}`, code, { nickname: "Carla", device: "vr" }),
    );
    const seat = carla.connection.seat;
    await vi.waitFor(() => expect(teacher.connection.state.participants.has(seat)).toBe(true));
    const color = teacher.connection.state.participants.get(seat)!.color;
    carla.connection.grab("cube", posed(0, 1, 0));
    await vi.waitFor(() => expect(objectOf(teacher, "cube").heldBy).toBe(seat));

    proxy.setDown(true);
    proxy.cutAll();
    await vi.waitFor(() => {
      expect(objectOf(teacher, "cube").heldBy).toBe("");
      expect(teacher.connection.state.participants.get(seat)?.connected).toBe(false);
    });
    expect(carla.connection.view.getState().status).toBe(ConnectionStatus.Reconnecting);

    proxy.setDown(false);
    await vi.waitFor(() => expect(carla.connection.view.getState().status).toBe(ConnectionStatus.Connected), {
      timeout: 15_000,
    });
    expect(carla.connection.seat).toBe(seat);
    await vi.waitFor(() => expect(teacher.connection.state.participants.get(seat)?.connected).toBe(true));
    const back = teacher.connection.state.participants.get(seat)!;
    expect(back.color).toBe(color);
    expect(back.role).toBe(Role.Student);
    expect(back.nickname).toBe("Carla");
    // And the class works for them again.
    carla.connection.grab("cube", posed(0, 1, 0));
    await vi.waitFor(() => expect(objectOf(teacher, "cube").heldBy).toBe(seat));
  });
});

describe("bad input", () => {
  it("malformed and out-of-range messages change nothing and the room keeps serving", async () => {
    const { teacher, ana, bo } = await classOfThree();
    const before = snapshot(teacher);
    const hostile: [string, unknown][] = [
      [ClientMessage.Grab, { objectId: 42 }],
      [ClientMessage.Grab, {}],
      [ClientMessage.Grab, "earth"],
      [ClientMessage.Grab, { objectId: "x".repeat(1000) }],
      [ClientMessage.Move, { objectId: "earth", pose: { p: [NaN, 0, 0], q: [0, 0, 0, 1] } }],
      [ClientMessage.Move, { objectId: "earth", pose: { p: [1e9, 0, 0], q: [0, 0, 0, 1] } }],
      [ClientMessage.Move, { objectId: "earth", pose: { p: [0, 0, 0], q: [0, 0, 0, 7] } }],
      [ClientMessage.Pose, { head: { p: [0, 0, 0] } }],
      [ClientMessage.Pose, null],
      [ClientMessage.SetLock, { objectId: "earth", locked: "yes" }],
      ["becomeTeacher", { please: true }],
      ["__proto__", { polluted: true }],
    ];
    for (const [type, payload] of hostile) ana.connection.room.send(type as never, payload as never);
    await vi.waitFor(() => expect(ana.connection.view.getState().lastRefusal?.serial).toBe(hostile.length));
    expect(ana.connection.view.getState().lastRefusal?.reason).toBe(Refusal.InvalidMessage);
    expect(snapshot(teacher)).toBe(before);

    // The hostile sender and everyone else are still served.
    bo.connection.grab("cone", posed(0, 1, 0));
    await vi.waitFor(() => expect(objectOf(teacher, "cone").heldBy).toBe(bo.connection.seat));
    ana.connection.grab("earth", posed(0, 1, 0));
    await vi.waitFor(() => expect(objectOf(teacher, "earth").heldBy).toBe(ana.connection.seat));
  });

  it("an oversized frame cuts off only its sender", async () => {
    const { teacher, ana, bo } = await classOfThree();
    ana.connection.room.send(ClientMessage.Grab, { objectId: "x".repeat(Limits.maxMessageBytes + 1000) });
    await vi.waitFor(() =>
      expect(teacher.connection.state.participants.get(ana.connection.seat)?.connected).not.toBe(true),
    );
    bo.connection.grab("cone", posed(0, 1, 0));
    await vi.waitFor(() => expect(objectOf(teacher, "cone").heldBy).toBe(bo.connection.seat));
  });

  it("every teacher-only action is refused from a student and changes nothing", async () => {
    const { teacher, ana, bo } = await classOfThree();
    bo.connection.grab("cube", posed(0, 1, 0));
    await vi.waitFor(() => expect(objectOf(teacher, "cube").heldBy).toBe(bo.connection.seat));
    const before = snapshot(teacher);
    const attempts = [
      () => ana.connection.setLock("earth", true),
      () => ana.connection.resetScene(),
      () => ana.connection.removeParticipant(bo.connection.seat),
      () => ana.connection.removeParticipant(teacher.connection.seat),
      () => ana.connection.endClass(),
      () => ana.connection.setGroups(2),
    ];
    for (const [i, attempt] of attempts.entries()) {
      attempt();
      await vi.waitFor(() => {
        const refusal = ana.connection.view.getState().lastRefusal;
        expect(refusal?.serial).toBe(i + 1);
        expect(refusal?.reason).toBe(Refusal.TeacherOnly);
      });
    }
    expect(snapshot(teacher)).toBe(before);
    expect(bo.connection.view.getState().status).toBe(ConnectionStatus.Connected);
  });

  it("the teacher's actions work: lock refuses grabs, reset restores, end closes the class", async () => {
    const { teacher, ana, code } = await classOfThree();
    teacher.connection.setLock("earth", true);
    await vi.waitFor(() => expect(objectOf(ana, "earth").locked).toBe(true));
    ana.connection.grab("earth", posed(0, 1, 0));
    await vi.waitFor(() => expect(ana.connection.view.getState().lastRefusal?.reason).toBe(Refusal.Locked));

    ana.connection.grab("moon", posed(0, 1, 0));
    ana.connection.move("moon", posed(1, 1, 1));
    await vi.waitFor(() => expect(objectOf(teacher, "moon").pose.px).toBeCloseTo(1, 2));
    teacher.connection.resetScene();
    await vi.waitFor(() => expect(objectOf(ana, "moon").pose.px).toBeCloseTo(-0.25, 2));

    teacher.connection.endClass();
    await vi.waitFor(() => expect(ana.connection.view.getState().status).toBe(ConnectionStatus.Ended));
    const after = await joinClassAsBot(classes.endpoint, code, { nickname: "Late" }).catch((e) => e);
    expect((after as JoinFailedError).failure).toMatch(/wrongCode|classEnded/);
  });
});
