/**
 * One run of the protocol fuzz test (test/integration/protocolFuzz.test.ts):
 * a class of well-behaved bots, attackers sending what the seed picks, and
 * the checks after each round. A failure comes back as a report: what broke,
 * the server's output, the last sends, and the one send that alone does it
 * again on a fresh server.
 */
import { expect, vi } from "vitest";
import { type Bot, createClassAsBot, joinClassAsBot } from "../../client/bot/bot.ts";
import type { Pose } from "../../shared/math.ts";
import { PHRASES, REACTIONS } from "../../shared/phrasebook.ts";
import { AttackerLane } from "./attackerLane.ts";
import { classViolations } from "./classInvariants.ts";
import {
  type HostileRequest,
  type RequestOutcome,
  type RequestTarget,
  hostileHttp,
  hostileJoin,
} from "./hostileRequests.ts";
import { hexPreview } from "./hostileValues.ts";
import {
  type FuzzContext,
  type FuzzSend,
  MESSAGE_TYPES,
  coverageSends,
  messageSend,
  oversizeSend,
  randomMessageType,
  rawSend,
} from "./protocolFuzzCases.ts";
import { RawSeat, type SeatReservation, loopbackAddresses } from "./rawClassroomClient.ts";
import { SeededRandom } from "./seededRandom.ts";
import { killHard } from "./serverProcess.ts";
import { type WatchedServer, serverAnswers, trouble, watchedServer } from "./watchedServer.ts";

const LESSON_ID = "shapes-and-planets";
/** A full run: rounds of sends, each followed by the checks. */
export const ROUNDS = 24;
const SENDS_PER_LANE_PER_ROUND = 34;
const JOINS_PER_ROUND = 5;
const HTTP_PER_ROUND = 3;
/** Per attacker connection: under the room's limit of 120 a second, so floods are not what gets it cut off. */
const SENDS_PER_SECOND = 80;
const RAW_SHARE = 0.12;
/** Sends before which an attacker drops its connection and comes back with its reconnection token. */
const DROP_SHARE = 0.01;
/** Sends kept for a failure report (and replayed one by one to find which one alone does it again). */
const REMEMBERED_SENDS = 60;
const REPLAYED_SENDS = 30;
const ADDRESSES_REMEMBERED = 40;
const ABNORMAL_CLOSE = 1006;
export const FRAME_TOO_LARGE = 1009;

/**
 * A 5xx that means the server failed, not a refusal: Colyseus answers
 * matchmaking refusals with its own codes 520–525 (no such method, no room,
 * expired token…), but 523 and 526 are its "unhandled" and "application error".
 */
function isServerError(status: number): boolean {
  return status >= 500 && status <= 599 && ![520, 521, 522, 524, 525].includes(status);
}
const SEEN_WITHIN = { timeout: 5000, interval: 20 };

/** Odd but valid names, so what the class shows of a nickname is fuzzed too. */
const ATTACKER_NICKNAMES = [
  "Fuzz",
  "\u202eevil",
  "<b>bold</b>",
  "👩‍🏫 x",
  "a".repeat(24),
  "Z\u0351\u0352",
  "%s%n",
  "__proto__",
];

interface Remembered {
  /** When it went (performance.now()), and from which address. */
  at: number;
  address: string | undefined;
  lane: string;
  label: string;
  preview: string;
  /** Sends it again to another server, to find which send alone does the harm. */
  replay: (server: WatchedServer, classCode: string, processId: string) => Promise<void>;
}

interface Lesson {
  objects: { id: string; grabbable?: boolean }[];
  steps: unknown[];
}

export class FuzzRun {
  private readonly rng: SeededRandom;
  private readonly nextAddress = loopbackAddresses();
  private lanes: AttackerLane[] = [];
  /** For each lane: the sweep of sends every run makes, by the position in the lane's stream where it goes. */
  private readonly sweeps = new Map<AttackerLane, Map<number, FuzzSend>>();
  private readonly sendIndex = new Map<AttackerLane, number>();
  private teacher!: Bot;
  private students: Bot[] = [];
  private witness: Bot | undefined;
  private lesson!: Lesson;
  private processId = "";
  private readonly recent: Remembered[] = [];
  private readonly byAddress = new Map<string, Remembered[]>();
  /** Attacker sockets that closed without a close frame: the moment a server dies, before its exit is seen. */
  private readonly abnormalCloses: number[] = [];
  private readonly watched = new WeakSet<RawSeat>();
  private readonly acceptedSeats: RawSeat[] = [];
  private readonly lastHeard = new Map<string, number>();
  private round = 0;
  private readonly startedAt = performance.now();
  readonly counts = {
    messages: 0,
    types: new Set<string>(),
    raw: 0,
    joins: 0,
    http: 0,
    skipped: 0,
    acceptedJoins: 0,
    witnessRejoins: 0,
  };
  /** Answers by status, and hostile requests that got a server error (5xx) or a seat that was not theirs. */
  readonly statuses = new Map<number, number>();
  readonly serverErrors = new Map<string, number>();
  readonly seatsClaimed: string[] = [];

  constructor(
    private readonly server: WatchedServer,
    readonly seed: number,
    private readonly rounds: number,
    /** Sends whose label matches are left out (to look past a known fault). */
    private readonly skip?: RegExp,
  ) {
    this.rng = new SeededRandom(seed);
  }

  async run(): Promise<string> {
    try {
      await this.setUp();
      for (this.round = 0; this.round < this.rounds; this.round++) {
        await Promise.all([
          ...this.lanes.map((lane) => this.laneRound(lane)),
          this.requestRound(this.rng.fork(`requests ${this.round}`)),
        ]);
        await this.check();
      }
      return this.summary();
    } finally {
      await this.tearDown();
    }
  }

  private async setUp(): Promise<void> {
    const endpoint = this.server.url;
    this.lesson = (await (await fetch(`${endpoint}/api/lessons/${LESSON_ID}`)).json()) as Lesson;
    this.teacher = await createClassAsBot(endpoint, LESSON_ID, { nickname: "Ms Okafor" });
    const code = this.teacher.connection.code;
    this.students = [
      await joinClassAsBot(endpoint, code, { nickname: "Kofi", language: "sw" }),
      await joinClassAsBot(endpoint, code, { nickname: "Amira", language: "ar" }),
    ];
    this.students[0]!.startWandering();
    const lane = (name: string, role: "student" | "teacher") =>
      new AttackerLane(name, {
        endpoint,
        role,
        code,
        lessonId: LESSON_ID,
        ratePerSecond: SENDS_PER_SECOND,
        nextAddress: this.nextAddress,
        nicknames: ATTACKER_NICKNAMES,
      });
    this.lanes = [
      lane("student attacker 1", "student"),
      lane("student attacker 2", "student"),
      lane("teacher attacker", "teacher"),
    ];
    const sweep = this.rng.fork("sweep");
    for (const [i, attacker] of this.lanes.entries()) {
      const seat = await attacker.openSeat();
      if (!seat) throw new Error(`${attacker.name} could not join: ${JSON.stringify([...attacker.refusedJoins])}`);
      this.processId = seat.reservation.processId;
      const mine = coverageSends(this.contextFor(attacker, seat), sweep).filter(
        (_, index) => index % this.lanes.length === i,
      );
      if (i === 0) mine.push(oversizeSend());
      // Spread over a full run whatever this run's length, so a shorter run repeats the start of a full one.
      const positions = Array.from({ length: ROUNDS * SENDS_PER_LANE_PER_ROUND }, (_, n) => n);
      for (let n = positions.length - 1; n > 0; n--) {
        const m = sweep.int(0, n);
        [positions[n], positions[m]] = [positions[m]!, positions[n]!];
      }
      this.sweeps.set(attacker, new Map(mine.map((send, index) => [positions[index]!, send])));
      this.sendIndex.set(attacker, 0);
    }
    await this.keepWitness();
  }

  private async tearDown(): Promise<void> {
    for (const lane of this.lanes) lane.finish();
    for (const seat of this.acceptedSeats.splice(0)) seat.leave();
    await Promise.all([this.teacher as Bot | undefined, ...this.students, this.witness].map((bot) => bot?.leave()));
  }

  private contextFor(lane: AttackerLane, seat: RawSeat): FuzzContext {
    const objectIds = this.lesson.objects.map((object) => object.id);
    if (lane.ownClass)
      return { objectIds, seats: [seat.sessionId, ...(this.witness ? [this.witness.connection.seat] : [])] };
    const others = this.lanes.flatMap((other) => (other.seat && !other.ownClass ? [other.seat.sessionId] : []));
    return {
      objectIds,
      seats: [this.teacher.connection.seat, ...this.students.map((s) => s.connection.seat), seat.sessionId, ...others],
    };
  }

  private nextSend(lane: AttackerLane, rng: SeededRandom, context: FuzzContext): FuzzSend {
    const index = this.sendIndex.get(lane)!;
    this.sendIndex.set(lane, index + 1);
    const swept = this.sweeps.get(lane)!.get(index);
    if (swept && !this.skip?.test(swept.label)) return swept;
    for (;;) {
      const send = rng.chance(RAW_SHARE) ? rawSend(rng, context) : messageSend(rng, context, randomMessageType(rng));
      if (!this.skip?.test(send.label)) return send;
    }
  }

  private async laneRound(lane: AttackerLane): Promise<void> {
    const rng = this.rng.fork(`${lane.name} ${this.round}`);
    // Its own stream: how often lanes drop may change without changing what they send.
    const drops = this.rng.fork(`${lane.name} ${this.round} drops`);
    for (let i = 0; i < SENDS_PER_LANE_PER_ROUND; i++) {
      // Once the server is in trouble, the sends that caused it stay the last ones remembered.
      if (trouble(this.server)) return;
      const seat = await lane.openSeat();
      if (seat && !this.watched.has(seat)) {
        this.watched.add(seat);
        void seat.closed.then(
          (code) => code === ABNORMAL_CLOSE && !seat.dropped && this.abnormalCloses.push(seat.closedAt!),
        );
      }
      if (!seat) {
        this.counts.skipped += SENDS_PER_LANE_PER_ROUND - i;
        return;
      }
      if (drops.chance(DROP_SHARE)) {
        // Gone without a word: the room holds the seat, and the lane takes it back from another address.
        seat.drop();
        continue;
      }
      const send = this.nextSend(lane, rng, this.contextFor(lane, seat));
      const sentAt = performance.now();
      if (!(await lane.send(seat, send.frame))) continue;
      if (send.kind === "message") {
        this.counts.messages++;
        this.counts.types.add(String(send.type));
      } else this.counts.raw++;
      const teacherLane = lane.ownClass !== undefined;
      this.remember({
        at: sentAt,
        address: seat.localAddress,
        lane: lane.name,
        label: send.label,
        preview: hexPreview(send.frame),
        replay: (server, code) => replayFrame(server, teacherLane ? undefined : code, send.frame),
      });
    }
  }

  private requestTarget(): RequestTarget {
    const teacherLane = this.lanes.find((lane) => lane.ownClass);
    return {
      endpoint: this.server.url,
      code: this.teacher.connection.code,
      seats: this.students.map((s) => s.connection.seat),
      processId: this.processId,
      ...(teacherLane?.ownClass
        ? {
            ownClass: {
              ...teacherLane.ownClass,
              seats: this.witness ? [this.witness.connection.seat] : [],
            },
          }
        : {}),
      lesson: this.lesson as unknown as Record<string, unknown>,
      lessonId: LESSON_ID,
    };
  }

  private async requestRound(rng: SeededRandom): Promise<void> {
    const requests = [
      ...Array.from({ length: JOINS_PER_ROUND }, () => hostileJoin(rng)),
      ...Array.from({ length: HTTP_PER_ROUND }, () => hostileHttp(rng)),
    ];
    for (const request of requests) {
      if (trouble(this.server)) return;
      if (this.skip?.test(request.label)) continue;
      const localAddress = this.nextAddress();
      const sentAt = performance.now();
      const outcome = await request.run(this.requestTarget(), localAddress);
      this.counts[request.kind === "join" ? "joins" : "http"]++;
      this.statuses.set(outcome.status, (this.statuses.get(outcome.status) ?? 0) + 1);
      this.remember({
        at: sentAt,
        address: localAddress,
        lane: request.kind === "join" ? "hostile join" : "hostile HTTP",
        label: request.label,
        preview: `→ ${outcome.status} ${outcome.body.slice(0, 80)}`,
        replay: (server, code, processId) => replayRequest(server, code, processId, request),
      });
      if (isServerError(outcome.status)) this.serverErrors.set(request.label, outcome.status);
      if (outcome.status === 101) this.seatsClaimed.push(request.label);
      await this.takeAcceptedSeat(request, outcome, localAddress);
    }
  }

  /** A hostile join the server accepted is seated for real, so the checks see what it made of the options. */
  private async takeAcceptedSeat(
    request: HostileRequest,
    outcome: RequestOutcome,
    localAddress: string,
  ): Promise<void> {
    if (request.kind !== "join" || outcome.status !== 200) return;
    let reservation: SeatReservation;
    try {
      reservation = JSON.parse(outcome.body) as SeatReservation;
    } catch {
      return;
    }
    if (typeof reservation.sessionId !== "string") return;
    this.counts.acceptedJoins++;
    const seat = await RawSeat.open(this.server.url, reservation, { localAddress }).catch(() => undefined);
    if (seat) this.acceptedSeats.push(seat);
  }

  private remember(entry: Remembered): void {
    this.recent.push(entry);
    if (this.recent.length > REMEMBERED_SENDS) this.recent.shift();
    if (entry.address === undefined) return;
    // Each address is one connection: its sends are the suspects when the server names it in an alarm.
    const sends = this.byAddress.get(entry.address) ?? [];
    sends.push(entry);
    this.byAddress.set(entry.address, sends.slice(-REMEMBERED_SENDS));
    if (this.byAddress.size > ADDRESSES_REMEMBERED) this.byAddress.delete(this.byAddress.keys().next().value!);
  }

  /** The checks after each round; throws a report of what went wrong. */
  private async check(): Promise<void> {
    if (!(await serverAnswers(this.server).catch(() => false)))
      throw await this.failure("the server stopped answering");
    if (this.server.alarms().length > 0)
      throw await this.failure(
        `the server logged what hostile input must never cause:\n  ${this.server.alarms().join("\n  ")}`,
      );
    const violations = [
      ...[this.teacher, ...this.students].flatMap((bot) =>
        classViolations(
          bot.connection.state,
          {
            lessonObjectIds: this.lesson.objects.map((object) => object.id),
            stepCount: this.lesson.steps.length,
            teacherSeats: new Set([this.teacher.connection.seat]),
            present: [this.teacher.connection.seat, ...this.students.map((s) => s.connection.seat)],
          },
          bot.connection.poses,
        ).map(
          (problem) => `as ${bot.connection.state.participants.get(bot.connection.seat)?.nickname} sees it: ${problem}`,
        ),
      ),
      ...this.attackerClassViolations(),
    ];
    if (violations.length > 0) throw await this.failure(`the class state broke:\n  ${violations.join("\n  ")}`);
    if (this.serverErrors.size > 0)
      throw await this.failure(
        `hostile requests got a server error, not a refusal:\n  ${[...this.serverErrors]
          .map(([label, status]) => `${status} for ${label}`)
          .join("\n  ")}`,
      );
    if (this.seatsClaimed.length > 0)
      throw await this.failure(`a socket took a seat it had no reservation for: ${this.seatsClaimed.join("; ")}`);
    await this.expect("the teacher moves an object and both students see it", () => this.teacherMovesSomething());
    await this.expect("a student reacts and the others see it", () => this.studentIsHeard());
    if (this.round % 6 === 5) await this.expect("a hand goes up and the teacher lowers it", () => this.handGoesUp());
    for (const seat of this.acceptedSeats.splice(0)) seat.leave();
    await this.keepWitness();
  }

  private attackerClassViolations(): string[] {
    const teacherLane = this.lanes.find((lane) => lane.ownClass);
    const witness = this.witness?.connection;
    if (!teacherLane || !witness || witness.code !== teacherLane.ownClass?.code) return [];
    if (witness.view.getState().status !== "connected" || witness.state.ended) return [];
    return classViolations(
      witness.state,
      {
        lessonObjectIds: this.lesson.objects.map((object) => object.id),
        stepCount: this.lesson.steps.length,
        teacherSeats: teacherLane.seatsHeld,
        present: [witness.seat],
      },
      witness.poses,
    ).map((problem) => `in the attacker's own class: ${problem}`);
  }

  /** A well-behaved student in the class the teacher attacker runs, to see what it makes of it. */
  private async keepWitness(): Promise<void> {
    const own = this.lanes.find((lane) => lane.ownClass)?.ownClass;
    const current = this.witness?.connection;
    if (!own || (current && current.code === own.code && current.view.getState().status === "connected")) return;
    await this.witness?.leave();
    this.witness = await joinClassAsBot(this.server.url, own.code, { nickname: "Witness" }).catch(() => undefined);
    if (this.witness) this.counts.witnessRejoins++;
  }

  /**
   * The teacher takes a free object, moves it, and both students see it held
   * and moved; then lets go. An attacker's grab may still have been on its
   * way when the round ended: a refused grab moves on to another object.
   */
  private async teacherMovesSomething(): Promise<void> {
    const teacher = this.teacher.connection;
    const state = teacher.state;
    const free = this.lesson.objects.filter((object) => {
      const now = state.objects.get(object.id);
      return object.grabbable !== false && now && now.heldBy === "" && !now.locked;
    });
    if (free.length === 0) throw new Error("no object is free for the teacher to take");
    const angle = this.round * 0.7;
    const pose: Pose = {
      p: [0.3 * Math.cos(angle), 1.1 + 0.01 * (this.round % 10), 0.3 * Math.sin(angle)],
      q: [0, Math.sin(angle / 2), 0, Math.cos(angle / 2)],
    };
    for (let attempt = 0; attempt < Math.min(3, free.length); attempt++) {
      const id = free[(this.round + attempt) % free.length]!.id;
      teacher.grab(id, pose);
      teacher.move(id, pose);
      await vi.waitFor(() => {
        const seen = this.students.every((student) => {
          const object = student.connection.state.objects.get(id)!;
          return (
            object.heldBy === teacher.seat &&
            Math.abs(object.pose.px - pose.p[0]) < 0.01 &&
            Math.abs(object.pose.py - pose.p[1]) < 0.01 &&
            Math.abs(object.pose.pz - pose.p[2]) < 0.01
          );
        });
        expect(seen || !teacher.holds(id), `both students see ${id} held and moved by the teacher`).toBe(true);
      }, SEEN_WITHIN);
      if (!teacher.holds(id)) continue;
      teacher.release(id, pose);
      await vi.waitFor(() => {
        for (const student of this.students) expect(student.connection.state.objects.get(id)!.heldBy).toBe("");
      }, SEEN_WITHIN);
      return;
    }
    throw new Error(`the teacher's grabs were refused: ${JSON.stringify(teacher.view.getState().lastRefusal)}`);
  }

  /** A student says something (a reaction, a phrase or a chat line in turn, each well within its rate) and the others hear it. */
  private async studentIsHeard(): Promise<void> {
    const speaker = this.students[this.round % 2]!;
    const listeners = [this.teacher, this.students[(this.round + 1) % 2]!];
    const since = this.lastHeard.get(speaker.connection.seat) ?? 0;
    const turn = Math.floor(this.round / 2) % 4;
    if (turn === 1) speaker.connection.sayPhrase(PHRASES[this.round % PHRASES.length]!);
    else if (turn === 3) speaker.connection.chat(`round ${this.round + 1}`);
    else speaker.connection.react(REACTIONS[this.round % REACTIONS.length]!);
    await vi.waitFor(() => {
      for (const listener of listeners) {
        const heard = listener.connection.view
          .getState()
          .events.filter((event) => event.seat === speaker.connection.seat && event.at > since);
        expect(heard.length).toBeGreaterThan(0);
      }
    }, SEEN_WITHIN);
    const events = listeners[0]!.connection.view.getState().events;
    this.lastHeard.set(speaker.connection.seat, Math.max(...events.map((event) => event.at)));
  }

  private async handGoesUp(): Promise<void> {
    const student = this.students[(this.round + 1) % 2]!;
    const seat = student.connection.seat;
    const everyone = [this.teacher, ...this.students];
    student.connection.raiseHand(true);
    await vi.waitFor(() => {
      for (const bot of everyone) expect(bot.connection.state.participants.get(seat)!.handRaisedAt).toBeGreaterThan(0);
    }, SEEN_WITHIN);
    this.teacher.connection.lowerHand(seat);
    await vi.waitFor(() => {
      for (const bot of everyone) expect(bot.connection.state.participants.get(seat)!.handRaisedAt).toBe(0);
    }, SEEN_WITHIN);
  }

  private async expect(what: string, check: () => Promise<void>): Promise<void> {
    try {
      await check();
    } catch (error) {
      throw await this.failure(
        `${what}: no (${error instanceof Error ? error.message.split("\n")[0] : String(error)})`,
      );
    }
  }

  /** A report of a failure: what broke, the server's end and output, the last sends, and which one alone does it again. */
  private async failure(what: string): Promise<Error> {
    // A server that died takes a moment to be reaped.
    await vi.waitFor(() => expect(this.server.exit()).toBeDefined(), { timeout: 1000 }).catch(() => undefined);
    const lines = [
      `fuzz seed ${this.seed}, round ${this.round + 1} of ${this.rounds}: ${what}`,
      `server process: ${this.server.exit() ?? "still running"}`,
      `counts so far: ${this.countsLine()}`,
      "",
      "last sends, newest last:",
      ...this.recent.slice(-REPLAYED_SENDS).map((entry) => `  [${entry.lane}] ${entry.label} :: ${entry.preview}`),
      "",
      "server output (end):",
      ...this.server
        .output()
        .split("\n")
        .slice(-40)
        .map((line) => `  | ${line}`),
    ];
    if (trouble(this.server))
      lines.push("", `the send that alone does it again on a fresh server: ${await findCulprit(this.suspects())}`);
    lines.push(
      "",
      `again: FUZZ_SEED=${this.seed} npx vitest run --project integration test/integration/protocolFuzz.test.ts`,
    );
    return new Error(lines.join("\n"));
  }

  /**
   * The remembered sends that may have caused the trouble, newest first: all
   * from the connection an alarm names (by its address), or else those sent
   * before the trouble began (sockets dropping without a close frame mark a
   * death before the process's exit is seen).
   */
  private suspects(): Remembered[] {
    const named = /\b(127\.\d+\.\d+\.\d+)\b/.exec(this.server.alarms()[0] ?? "")?.[1];
    const fromThere = named === undefined ? undefined : this.byAddress.get(named);
    if (fromThere) return [...fromThere].reverse();
    const seen = this.server.troubleAt() ?? performance.now();
    const dropped = this.abnormalCloses.filter((at) => at <= seen && at > seen - 2000);
    const began = Math.min(seen, ...dropped);
    return this.recent
      .filter((entry) => entry.at <= began)
      .reverse()
      .slice(0, REPLAYED_SENDS);
  }

  private countsLine(): string {
    const { messages, types, raw, joins, http } = this.counts;
    const ours = MESSAGE_TYPES.filter((type) => types.has(type)).length;
    return (
      `${messages} messages (${ours} of the protocol's ${MESSAGE_TYPES.length} types and ${types.size - ours} others), ` +
      `${raw} raw frames, ${joins} join attempts, ${http} HTTP requests`
    );
  }

  /** Attacker connections that ended, by close code. */
  cutOffs(): Map<string, number> {
    const cutOffs = new Map<string, number>();
    for (const lane of this.lanes)
      for (const [code, count] of lane.cutOffs) cutOffs.set(String(code), (cutOffs.get(String(code)) ?? 0) + count);
    return cutOffs;
  }

  private summary(): string {
    const seconds = ((performance.now() - this.startedAt) / 1000).toFixed(1);
    const cutOffs = this.cutOffs();
    const totalCutOffs = [...cutOffs.values()].reduce((sum, n) => sum + n, 0);
    const refused = new Map<string, number>();
    for (const lane of this.lanes)
      for (const [why, n] of lane.refusedJoins) refused.set(why, (refused.get(why) ?? 0) + n);
    const list = (map: Map<string, number>) => [...map].map(([key, n]) => `${key} × ${n}`).join(", ") || "none";
    const classes = this.lanes.reduce((sum, lane) => sum + lane.classesCreated, 0);
    return [
      `fuzz seed ${this.seed}: ${this.countsLine()} in ${seconds} s; server alive;`,
      `${totalCutOffs} attacker connections cut off (by close code: ${list(cutOffs)}), ` +
        `${this.lanes.reduce((sum, lane) => sum + lane.drops, 0)} dropped on purpose, ` +
        `${this.lanes.reduce((sum, lane) => sum + lane.reconnections, 0)} seats taken back;`,
      `attacker joins refused: ${list(refused)}; sends skipped for want of a seat: ${this.counts.skipped};`,
      `classes the teacher attacker made: ${classes} (its witness joined ${this.counts.witnessRejoins} times); ` +
        `hostile joins accepted: ${this.counts.acceptedJoins};`,
      `answers to hostile requests: ${[...this.statuses]
        .sort(([a], [b]) => a - b)
        .map(([s, n]) => `${s} × ${n}`)
        .join(", ")}`,
    ].join("\n  ");
  }
}

/** Sends one frame from a fresh attacker: a student of `code`, or the teacher of a class of its own. */
async function replayFrame(server: WatchedServer, code: string | undefined, frame: Uint8Array | string): Promise<void> {
  const lane = new AttackerLane("replay", {
    endpoint: server.url,
    role: code ? "student" : "teacher",
    ...(code ? { code } : {}),
    lessonId: LESSON_ID,
    ratePerSecond: SENDS_PER_SECOND,
    nextAddress: replayAddresses,
    nicknames: ["Replay"],
  });
  const seat = await lane.openSeat();
  if (seat) await lane.send(seat, frame);
  await new Promise((resolve) => setTimeout(resolve, 300));
  lane.finish();
}

async function replayRequest(
  server: WatchedServer,
  code: string,
  processId: string,
  request: HostileRequest,
): Promise<void> {
  const lesson = (await (await fetch(`${server.url}/api/lessons/${LESSON_ID}`)).json()) as Record<string, unknown>;
  await request.run(
    { endpoint: server.url, code, seats: [], processId, lesson, lessonId: LESSON_ID },
    replayAddresses(),
  );
  await new Promise((resolve) => setTimeout(resolve, 300));
}

const replayAddresses = loopbackAddresses();

/**
 * Replays the remembered sends one at a time, newest first, each from a fresh
 * connection to a fresh server, until one kills the server or sets off an
 * alarm on its own.
 */
async function findCulprit(candidates: readonly Remembered[]): Promise<string> {
  let server: WatchedServer | undefined;
  let teacher: Bot | undefined;
  let processId = "";
  try {
    for (const entry of candidates) {
      if (!server || trouble(server) || !(await serverAnswers(server).catch(() => false))) {
        if (server) killHard(server.child);
        await teacher?.leave();
        server = await watchedServer();
        teacher = await createClassAsBot(server.url, LESSON_ID, { nickname: "Ms Okafor" });
        processId = (await processIdOf(server, teacher.connection.code)) ?? "";
      }
      await entry.replay(server, teacher!.connection.code, processId).catch(() => undefined);
      const alive = await serverAnswers(server).catch(() => false);
      if (!alive || trouble(server))
        return `[${entry.lane}] ${entry.label} :: ${entry.preview}\n  ${
          alive ? `alarm: ${server.alarms()[0]}` : `the server ${server.exit() ?? "stopped answering"}`
        }`;
    }
    return `none: each of the last ${candidates.length} sends alone leaves a fresh server well (it takes several together)`;
  } catch (error) {
    return `not found (${error instanceof Error ? error.message : String(error)})`;
  } finally {
    await teacher?.leave().catch(() => undefined);
    if (server) killHard(server.child);
  }
}

async function processIdOf(server: WatchedServer, code: string): Promise<string | undefined> {
  const lane = new AttackerLane("probe", {
    endpoint: server.url,
    role: "student",
    code,
    lessonId: LESSON_ID,
    ratePerSecond: SENDS_PER_SECOND,
    nextAddress: replayAddresses,
    nicknames: ["Probe"],
  });
  const seat = await lane.openSeat();
  lane.finish();
  return seat?.reservation.processId;
}
