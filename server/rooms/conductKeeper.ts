/**
 * How the room treats misbehaving connections, as a room part: every frame
 * checked first, offences counted and logged once, the connection cut off
 * past its budget (no seat held, its address counted), exceptions kept in
 * the room. The counting itself is in conduct.ts.
 */
import { type Client, CloseCode as ColyseusCloseCode, OnMessageException, ServerError } from "@colyseus/core";
import { CloseCode, type ClientMessage, Refusal, type RefusedMessage } from "../../shared/protocol.ts";
import { AddressEvent, type AddressLimits } from "../rules/addressLimits.ts";
import {
  type Conduct,
  Offence,
  conductSummary,
  connectionAddress,
  countOffence,
  describeError,
  newConduct,
  onOversizedFrame,
} from "./conduct.ts";
import { FrameProblem, checkFrame } from "./frameCheck.ts";

type ConductClient = Client<{ userData: Conduct }>;

/** Close codes that mean the room itself closed the connection on purpose: no seat is held. */
const CLOSED_BY_ROOM: ReadonlySet<number> = new Set([
  CloseCode.Removed,
  CloseCode.TooManyInvalidMessages,
  // Colyseus closes a connection with this code when it sends more than maxMessagesPerSecond.
  ColyseusCloseCode.WITH_ERROR,
]);

export class ConductKeeper {
  constructor(
    private readonly code: () => string,
    private readonly refuse: (client: ConductClient, message: RefusedMessage) => void,
    private readonly now: () => number,
    private readonly addressLimits: AddressLimits | undefined,
  ) {}

  /** A participant's connection opens: its conduct starts clean. */
  joined(client: ConductClient): Conduct {
    client.userData = newConduct(connectionAddress(client.ref), this.now());
    onOversizedFrame(client.ref, () => this.markCutOff(client));
    return client.userData;
  }

  /** A participant leaves: a misbehaving connection is summed up in one line. */
  left(client: ConductClient): void {
    const summary = client.userData ? conductSummary(client.userData) : undefined;
    if (summary) console.warn(`class ${this.code()}: a participant left: ${summary}`);
  }

  /**
   * True when a dropped connection was closed by the room on purpose
   * (removed, or cut off for abuse), so no seat is held for it. The flag, not
   * only the close code, says so: the other side may answer a close with any code.
   */
  closedOnPurpose(client: ConductClient, code: number | undefined): boolean {
    if (code === ColyseusCloseCode.WITH_ERROR) this.markCutOff(client);
    return client.userData?.cutOff === true || (code !== undefined && CLOSED_BY_ROOM.has(code));
  }

  /** Drops a frame that is not our protocol, counting it against its sender. */
  acceptFrame(client: ConductClient, frame: unknown): boolean {
    const checked = checkFrame(frame);
    if (checked.ok) return true;
    const stillHere = this.offence(client, Offence.Garbage, checked.problem);
    // A client of another version may send a type this one does not know: it hears so.
    if (stillHere && checked.problem === FrameProblem.UnknownType)
      this.refuse(client, { request: "unknown", reason: Refusal.InvalidMessage, detail: checked.problem });
    return false;
  }

  /** A malformed message changes nothing; a client that keeps sending them is cut off. */
  rejectInvalid(client: ConductClient, request: ClientMessage, detail: string): void {
    if (this.offence(client, Offence.Invalid, `${request}: ${detail}`))
      this.refuse(client, { request, reason: Refusal.InvalidMessage, detail: detail.slice(0, 300) });
  }

  /**
   * Counts an offence against a connection: logged once, and past the
   * budget the connection is cut off (and counted against its address).
   * Returns false once the connection is cut off.
   */
  offence(client: ConductClient, offence: Offence, detail: string): boolean {
    const conduct = (client.userData ??= newConduct(connectionAddress(client.ref), this.now()));
    if (conduct.cutOff) return false;
    const { logLine, spent } = countOffence(conduct, offence, detail);
    if (logLine) console.warn(`class ${this.code()}: ${logLine}`);
    if (!spent) return true;
    this.markCutOff(client);
    client.leave(CloseCode.TooManyInvalidMessages);
    return false;
  }

  /** No seat is held for a connection cut off for abuse, and its address is counted for it. */
  markCutOff(client: ConductClient): void {
    const conduct = client.userData;
    if (!conduct || conduct.cutOff) return;
    conduct.cutOff = true;
    this.addressLimits?.count(AddressEvent.CutOff, conduct.address);
  }

  /**
   * Whatever a handler, timer or lifecycle hook throws stays in the room:
   * a message that made a handler throw counts against its sender; the
   * rest is logged. Refusals (ServerError) are answers, not failures.
   */
  uncaught(error: unknown, where: string): void {
    if (error instanceof OnMessageException) {
      this.offence(error.client as ConductClient, Offence.HandlerError, describeError(error.cause ?? error));
      return;
    }
    const cause = (error as { cause?: unknown }).cause ?? error;
    if (cause instanceof ServerError) return;
    console.error(`class ${this.code()}: ${where} failed: ${describeError(cause)}`);
  }
}
