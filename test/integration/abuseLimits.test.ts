/**
 * Abuse that would degrade a class without stopping it: churning seats,
 * probing codes, flooding and coming back, filling the log, hoarding
 * objects, taking the voice relay, passing for the teacher. Each is limited,
 * and a school behind one address is not caught by the limits.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { Client } from "@colyseus/sdk";
import { type Bot, createClassAsBot, joinClassAsBot } from "../../client/bot/bot.ts";
import { ConnectionStatus } from "../../client/net/classView.ts";
import { JoinFailure } from "../../client/net/connection.ts";
import { ClientMessage, Limits, Refusal, Role } from "../../shared/protocol.ts";
import { ClassroomState } from "../../shared/state.ts";
import { startTestServer } from "../support/server.ts";
import { classServerForThisFile } from "../support/classServer.ts";
import { startTcpProxy, type TcpProxy } from "../support/tcpProxy.ts";
import { LESSON, failureOf, rawJoin } from "../support/rawEntry.ts";

/** The rules' clock: a test moves it on to make seats long-lived. */
let clockOffset = 0;
const classes = classServerForThisFile({
  now: () => Date.now() + clockOffset,
  addressRates: { failedKey: { count: 5, perMs: 60_000 }, cutOff: { count: 2, perMs: 600_000 } },
});

const proxies: TcpProxy[] = [];
afterEach(async () => {
  await Promise.all(proxies.splice(0).map((proxy) => proxy.close()));
  clockOffset = 0;
});

/** Clients relayed through this proxy reach the server from another loopback address: another school's network. */
async function networkAt(address: string) {
  const proxy = await startTcpProxy(classes.server.port, address);
  proxies.push(proxy);
  return { proxy, endpoint: `http://127.0.0.1:${proxy.port}` };
}

async function newClass(): Promise<{ teacher: Bot; code: string }> {
  const teacher = classes.track(await createClassAsBot(classes.endpoint, LESSON, { nickname: "Ms Okafor" }));
  return { teacher, code: teacher.connection.code };
}

describe("held seats", () => {
  it("joining and dropping in a loop does not fill a class with held seats", async () => {
    const { teacher, code } = await newClass();
    const attacker = await networkAt("127.0.0.2");
    for (let i = 0; i < Limits.maxParticipants; i++) {
      const room = await rawJoin(attacker.endpoint, code, `Ghost ${i}`);
      await vi.waitFor(() => expect(teacher.connection.state.participants.has(room.sessionId)).toBe(true));
      attacker.proxy.cutAll();
      await vi.waitFor(() =>
        expect(teacher.connection.state.participants.get(room.sessionId)?.connected).not.toBe(true),
      );
    }
    // Only a few of the attacker's dropped seats are held; a class's worth of students still gets in.
    await vi.waitFor(() =>
      expect(teacher.connection.state.participants.size).toBeLessThanOrEqual(1 + Limits.heldShortSeatsPerAddress),
    );
    for (let i = 0; i < 30; i++)
      classes.track(await joinClassAsBot(classes.endpoint, code, { nickname: `Student ${i}` }));
    await vi.waitFor(() => expect(teacher.connection.state.participants.size).toBeGreaterThanOrEqual(31));
  });

  it("a school behind one address that loses its Wi-Fi gets every seat back", async () => {
    const { teacher, code } = await newClass();
    const school = await networkAt("127.0.0.3");
    const students: Bot[] = [];
    for (let i = 0; i < 30; i++)
      students.push(classes.track(await joinClassAsBot(school.endpoint, code, { nickname: `Pupil ${i}` })));
    const seats = students.map((student) => student.connection.seat);
    // Every student has the class's state: the server counts each as fully joined.
    await vi.waitFor(() => {
      for (const student of students) expect(student.connection.state.participants.size).toBe(31);
    });
    // Ten minutes of class later, the school's link drops for everyone at once.
    clockOffset = 10 * 60_000;
    school.proxy.cutAll();
    await vi.waitFor(
      () => {
        for (const seat of seats) expect(teacher.connection.state.participants.get(seat)?.connected).toBe(true);
        for (const student of students)
          expect(student.connection.view.getState().status).toBe(ConnectionStatus.Connected);
      },
      { timeout: 45_000, interval: 200 },
    );
    expect(students.map((student) => student.connection.seat)).toEqual(seats);
  }, 90_000);

  it("a school whose link drops just after joining can still join again, all of it", async () => {
    const { teacher, code } = await newClass();
    const school = await networkAt("127.0.0.4");
    const rooms = [];
    for (let i = 0; i < 30; i++) rooms.push(await rawJoin(school.endpoint, code, `Pupil ${i}`));
    school.proxy.cutAll();
    await vi.waitFor(() =>
      expect(teacher.connection.state.participants.size).toBeLessThanOrEqual(1 + Limits.heldShortSeatsPerAddress),
    );
    for (let i = 0; i < 30; i++)
      classes.track(await joinClassAsBot(school.endpoint, code, { nickname: `Pupil ${i} again` }));
    await vi.waitFor(() => expect(teacher.connection.state.participants.size).toBeGreaterThanOrEqual(31));
  });
});

describe("class codes and teacher keys over HTTP", () => {
  it("a live code and an unknown one answer alike, and guessing is cut short for that address only", async () => {
    const { teacher, code } = await newClass();
    await vi.waitFor(() => expect(teacher.connection.view.getState().teacherKey).toBeDefined());
    const key = teacher.connection.view.getState().teacherKey!;
    const guesser = await networkAt("127.0.0.5");
    const ask = async (endpoint: string, classCode: string, teacherKey: string) => {
      const response = await fetch(`${endpoint}/api/classes/${classCode}/records`, {
        headers: { "x-teacher-key": teacherKey },
      });
      return { status: response.status, body: await response.text() };
    };
    const live = await ask(guesser.endpoint, code, "0".repeat(32));
    const unknown = await ask(guesser.endpoint, "ZZZZZZ", "0".repeat(32));
    expect(unknown).toEqual(live);
    const seat = teacher.connection.seat;
    const data = await fetch(`${guesser.endpoint}/api/classes/ZZZZZZ/participants/${seat}/data`);
    expect(data.status).toBe(live.status);

    for (let i = 0; i < 5; i++) await ask(guesser.endpoint, `ZZZZZ${i + 2}`, "0".repeat(32));
    // The guesser's address is refused for a while, even with the right key; others are not.
    expect((await ask(guesser.endpoint, code, key)).status).toBe(429);
    expect((await ask(classes.endpoint, code, key)).status).toBe(200);
  });
});

describe("a participant cut off for abuse", () => {
  it("does not take its seat back with its token; it comes back only through a fresh join, which is counted", async () => {
    const { teacher, code } = await newClass();
    const flooder = await networkAt("127.0.0.6");
    for (let round = 0; round < 2; round++) {
      const room = await rawJoin(flooder.endpoint, code, `Flooder ${round}`);
      const token = room.reconnectionToken;
      const closed = new Promise<number>((resolve) => room.onLeave((closeCode) => resolve(closeCode)));
      for (let i = 0; i < 300; i++) room.send(ClientMessage.ReportLink, { rttMs: 10 });
      await closed;
      await vi.waitFor(() => expect(teacher.connection.state.participants.has(room.sessionId)).toBe(false));
      await expect(new Client(flooder.endpoint).reconnect(token, ClassroomState)).rejects.toBeDefined();
    }
    // Two cut-offs from one address (this server's limit here): its joins are refused for a while.
    expect(await failureOf(joinClassAsBot(flooder.endpoint, code, { nickname: "Again" }))).toBe(
      JoinFailure.TooManyAttempts,
    );
    classes.track(await joinClassAsBot(classes.endpoint, code, { nickname: "Someone else" }));
  });

  it("garbage frames are logged once per connection, as a line and never a stack trace", async () => {
    const { teacher, code } = await newClass();
    const written: string[] = [];
    const spies = (["log", "warn", "error", "info"] as const).map((level) =>
      vi
        .spyOn(console, level)
        .mockImplementation((...args: unknown[]) => void written.push(args.map(String).join(" "))),
    );
    try {
      const room = await rawJoin(classes.endpoint, code, "Noisy");
      const connection = (room as unknown as { connection: { send(bytes: Uint8Array): void } }).connection;
      // A grab whose msgpack payload is cut short, then one with a type nobody knows.
      for (let i = 0; i < 20; i++) connection.send(new Uint8Array([13, 0xa4, 0x67, 0x72, 0x61, 0x62, 0xdc, 0xff]));
      for (let i = 0; i < 20; i++) connection.send(new Uint8Array([13, 0xa3, 0x7a, 0x7a, 0x7a, 0x80]));
      room.send(ClientMessage.RaiseHand, { raised: true });
      await vi.waitFor(() =>
        expect(teacher.connection.state.participants.get(room.sessionId)?.handRaisedAt).toBeGreaterThan(0),
      );
      await room.leave();
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    const lines = written.join("\n").split("\n");
    expect(lines.filter((line) => /^\s+at /.test(line))).toEqual([]);
    expect(lines.filter((line) => /garbage/.test(line)).length).toBeLessThanOrEqual(2);
  });
});

describe("rate limits", () => {
  it("follow the person: leaving and joining again does not reset them", async () => {
    const { code } = await newClass();
    const first = await joinClassAsBot(classes.endpoint, code, { nickname: "Chatty" });
    for (let i = 0; i < Limits.rates.chat.count; i++) first.connection.chat(`hello ${i}`);
    first.connection.chat("one too many");
    await vi.waitFor(() => expect(first.connection.view.getState().lastRefusal?.reason).toBe(Refusal.RateLimited));
    await first.leave();
    const again = classes.track(await joinClassAsBot(classes.endpoint, code, { nickname: "Chatty" }));
    again.connection.chat("back again");
    await vi.waitFor(() => expect(again.connection.view.getState().lastRefusal?.reason).toBe(Refusal.RateLimited));
  });
});

describe("objects", () => {
  it("one participant holds at most two at once", async () => {
    const { teacher, code } = await newClass();
    const ana = classes.track(await joinClassAsBot(classes.endpoint, code, { nickname: "Ana" }));
    const hold = { p: [0, 1, 0] as [number, number, number], q: [0, 0, 0, 1] as [number, number, number, number] };
    ana.connection.grab("cube", hold);
    ana.connection.grab("cone", hold);
    await vi.waitFor(() => expect(teacher.connection.state.objects.get("cone")?.heldBy).toBe(ana.connection.seat));
    ana.connection.grab("earth", hold);
    await vi.waitFor(() =>
      expect(ana.connection.view.getState().lastRefusal).toMatchObject({ request: "grab", reason: "handsFull" }),
    );
    expect(Refusal.HandsFull).toBe("handsFull");
    expect(teacher.connection.state.objects.get("earth")?.heldBy).toBe("");
  });
});

describe("nicknames", () => {
  it("a student cannot pass for the teacher, and broken characters are refused", async () => {
    const { code } = await newClass();
    for (const nickname of ["Teacher", "ADMIN", "T e a c h e r", "Profesora Ana", "Ms Okafor", "ms. okafor 2"])
      expect(await failureOf(joinClassAsBot(classes.endpoint, code, { nickname }))).toBe(
        JoinFailure.NicknameNotAllowed,
      );
    expect(await failureOf(joinClassAsBot(classes.endpoint, code, { nickname: "Ana \ud800" }))).toBe(
      JoinFailure.BadDetails,
    );
    classes.track(await joinClassAsBot(classes.endpoint, code, { nickname: "Okafor fan" }));
  });
});

describe("the voice relay", () => {
  it("its credentials go to the class's participants only", async () => {
    const server = await startTestServer({}, { turn: { urls: ["turn:127.0.0.1:3478"], secret: "s3cret" } });
    try {
      const endpoint = `http://127.0.0.1:${server.port}`;
      expect((await fetch(`${endpoint}/api/voice/ice-servers`)).status).toBe(404);
      const teacher = await createClassAsBot(endpoint, LESSON, { nickname: "Teacher" });
      const servers = await teacher.connection.iceServers();
      expect(servers).toEqual([
        expect.objectContaining({ urls: ["turn:127.0.0.1:3478"], credential: expect.any(String) }),
      ]);
      expect(teacher.connection.state.participants.get(teacher.connection.seat)?.role).toBe(Role.Teacher);
      await teacher.leave();
    } finally {
      await server.stop();
    }
  });
});
