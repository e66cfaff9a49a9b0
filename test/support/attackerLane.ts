/**
 * One attacker of a protocol fuzz test: a bare-wire connection to a class
 * (as a student of the attacked class, or as the teacher of a class of its
 * own) that sends what it is given at a bounded rate, and comes back on a
 * fresh connection, from a fresh address, whenever the server cuts it off.
 */
import { CloseCode, Device, PROTOCOL_VERSION, ROOM_NAME, ServerMessage } from "../../shared/protocol.ts";
import { RawSeat, matchmake } from "./rawClassroomClient.ts";

export interface LaneOptions {
  endpoint: string;
  role: "student" | "teacher";
  /** The attacked class (students join it). */
  code?: string;
  lessonId: string;
  /** Sends per second at most: under the room's flood limit, so only what is sent gets a connection cut. */
  ratePerSecond: number;
  nextAddress: () => string;
  /** Odd but valid nicknames, used in turn. */
  nicknames: readonly string[];
}

export class AttackerLane {
  seat: RawSeat | undefined;
  /** The class this lane teaches (teacher lanes). */
  ownClass: { code: string; teacherKey: string } | undefined;
  /** Every seat this lane has held: in its own class, these are the only ones that may be teachers. */
  readonly seatsHeld = new Set<string>();
  /** Why connections ended, by close code. */
  readonly cutOffs = new Map<number | "unknown", number>();
  /** Joins the server turned down, by HTTP status (or the reason the socket failed). */
  readonly refusedJoins = new Map<string, number>();
  connections = 0;
  reconnections = 0;
  /** Connections this lane cut itself, without a close frame. */
  drops = 0;
  classesCreated = 0;
  private nextSendAt = 0;

  constructor(
    readonly name: string,
    private readonly options: LaneOptions,
  ) {}

  /** A seat that is open now, connecting again if the last one was closed; undefined when the server will not seat this lane. */
  async openSeat(): Promise<RawSeat | undefined> {
    if (this.seat?.isOpen) return this.seat;
    const previous = this.seat;
    if (previous) {
      // A socket being closed has not told its close code yet, and the code decides how to come back.
      if (previous.closeCode === undefined)
        await Promise.race([previous.closed, new Promise((resolve) => setTimeout(resolve, 1000))]);
      if (previous.dropped) this.drops++;
      else this.countCutOff(previous);
    }
    this.seat = undefined;
    for (let attempt = 0; attempt < 3 && !this.seat; attempt++) this.seat = await this.connect(previous);
    return this.seat;
  }

  /** Sends one frame once the rate allows; false when the seat was closed under it. */
  async send(seat: RawSeat, frame: Uint8Array | string): Promise<boolean> {
    const wait = this.nextSendAt - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    this.nextSendAt = Math.max(performance.now(), this.nextSendAt) + 1000 / this.options.ratePerSecond;
    return seat.send(frame);
  }

  /** Counts a connection that ended at the end of a run, and leaves. */
  finish(): void {
    if (this.seat && !this.seat.isOpen) this.countCutOff(this.seat);
    else this.seat?.leave();
    this.seat = undefined;
  }

  private countCutOff(seat: RawSeat): void {
    const code = seat.closeCode ?? "unknown";
    this.cutOffs.set(code, (this.cutOffs.get(code) ?? 0) + 1);
  }

  private refused(reason: string): undefined {
    this.refusedJoins.set(reason, (this.refusedJoins.get(reason) ?? 0) + 1);
    return undefined;
  }

  private joinOptions(extra: Record<string, unknown>) {
    const nickname = this.options.nicknames[this.connections % this.options.nicknames.length]!;
    return { protocolVersion: PROTOCOL_VERSION, nickname, language: "en", device: Device.Desktop, ...extra };
  }

  private async connect(previous: RawSeat | undefined): Promise<RawSeat | undefined> {
    const { endpoint } = this.options;
    const localAddress = this.options.nextAddress();
    // A seat held for a dropped connection is taken back, as the real client does.
    const seatMayBeHeld =
      previous?.reconnectionToken &&
      ![CloseCode.ClassEnded, CloseCode.Removed, CloseCode.TooManyInvalidMessages].includes(
        previous.closeCode as CloseCode,
      );
    if (previous && seatMayBeHeld) {
      const [roomId, token] = previous.reconnectionToken.split(":") as [string, string];
      const reserved = await matchmake(endpoint, "reconnect", roomId, { reconnectionToken: token }, localAddress);
      if (reserved.ok) {
        const seat = await RawSeat.open(endpoint, reserved.reservation, {
          localAddress,
          reconnectionToken: token,
        }).catch(() => undefined);
        if (seat) {
          this.reconnections++;
          return this.seated(seat);
        }
      }
    }
    if (this.options.role === "student") {
      const code = this.options.code!;
      return this.join(
        await matchmake(endpoint, "joinById", code, this.joinOptions({ code }), localAddress),
        localAddress,
      );
    }
    if (this.ownClass && previous?.closeCode !== CloseCode.ClassEnded) {
      const { code, teacherKey } = this.ownClass;
      const back = await this.join(
        await matchmake(endpoint, "joinById", code, this.joinOptions({ code, teacherKey }), localAddress),
        localAddress,
      );
      if (back) return back;
    }
    return this.createClass(localAddress);
  }

  private async join(
    reserved: Awaited<ReturnType<typeof matchmake>>,
    localAddress: string,
  ): Promise<RawSeat | undefined> {
    if (!reserved.ok) return this.refused(`HTTP ${reserved.status}`);
    const seat = await RawSeat.open(this.options.endpoint, reserved.reservation, { localAddress }).catch(
      (error: Error) => this.refused(error.message.slice(0, 60)),
    );
    return seat && this.seated(seat);
  }

  private async createClass(localAddress: string): Promise<RawSeat | undefined> {
    const options = this.joinOptions({ lessonId: this.options.lessonId });
    const reserved = await matchmake(this.options.endpoint, "create", ROOM_NAME, options, localAddress);
    if (!reserved.ok) return this.refused(`create: HTTP ${reserved.status}`);
    const seat = await RawSeat.open(this.options.endpoint, reserved.reservation, { localAddress }).catch(
      (error: Error) => this.refused(`create: ${error.message.slice(0, 60)}`),
    );
    if (!seat) return undefined;
    const key = await new Promise<string | undefined>((resolve) => {
      const timer = setTimeout(() => resolve(undefined), 5000);
      const take = (payload: unknown) => {
        clearTimeout(timer);
        resolve((payload as { teacherKey?: string }).teacherKey);
      };
      const early = seat.received.find((data) => data.type === ServerMessage.TeacherKey);
      if (early) take(early.payload);
      else seat.onData((data) => data.type === ServerMessage.TeacherKey && take(data.payload));
    });
    if (!key) {
      seat.leave();
      return this.refused("create: no teacher key");
    }
    this.ownClass = { code: seat.roomId, teacherKey: key };
    this.classesCreated++;
    this.seatsHeld.clear();
    return this.seated(seat);
  }

  private seated(seat: RawSeat): RawSeat {
    this.connections++;
    this.seatsHeld.add(seat.sessionId);
    return seat;
  }
}
