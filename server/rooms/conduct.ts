/**
 * How a participant's connection has behaved: garbage frames, messages that
 * failed their schema, handlers their input made throw. Each connection has a
 * budget; past it the room cuts it off. The server log gets one line when a
 * connection first misbehaves and one summary when it goes, never a stack
 * trace per frame (a fuzzing client would fill the disk).
 */
import { Limits } from "../../shared/protocol.ts";

export const Offence = {
  /** A frame that is not our protocol (checkFrame). */
  Garbage: "garbage",
  /** A message whose payload failed its schema. */
  Invalid: "invalid",
  /** A handler threw on this participant's message. */
  HandlerError: "handlerError",
} as const;
export type Offence = (typeof Offence)[keyof typeof Offence];

export interface Conduct {
  /** The network address the connection came from. */
  address: string;
  /** When the seat was taken (ms). */
  joinedAt: number;
  offences: Record<Offence, number>;
  /** The room cut this connection off: no seat is held for it. */
  cutOff: boolean;
}

export function newConduct(address: string, joinedAt: number): Conduct {
  return { address, joinedAt, offences: { garbage: 0, invalid: 0, handlerError: 0 }, cutOff: false };
}

function total(conduct: Conduct): number {
  return conduct.offences.garbage + conduct.offences.invalid + conduct.offences.handlerError;
}

/**
 * Counts one offence. Returns what to write to the log (only for the first
 * offence of a connection) and whether the connection has spent its budget.
 */
export function countOffence(
  conduct: Conduct,
  offence: Offence,
  detail: string,
): { logLine: string | undefined; spent: boolean } {
  conduct.offences[offence]++;
  const count = total(conduct);
  return {
    logLine:
      count === 1
        ? `${offence} from ${conduct.address}: ${detail.slice(0, 200)} (further ones are counted, not logged)`
        : undefined,
    spent: count > Limits.invalidMessageBudget,
  };
}

/** The one line summing up a misbehaving connection when it goes; nothing for a well-behaved one. */
export function conductSummary(conduct: Conduct): string | undefined {
  if (total(conduct) === 0) return undefined;
  const { garbage, invalid, handlerError } = conduct.offences;
  return `${conduct.address}: ${garbage} garbage frames, ${invalid} invalid messages, ${handlerError} handler errors${conduct.cutOff ? ", cut off" : ""}`;
}

/** The address a participant's connection came from (the socket's, never a header). */
export function connectionAddress(ref: unknown): string {
  return (ref as { _socket?: { remoteAddress?: string } } | undefined)?._socket?.remoteAddress ?? "unknown";
}

/**
 * A frame over Limits.maxMessageBytes makes the socket close itself (the
 * transport refuses to read it): that is abuse too.
 */
export function onOversizedFrame(ref: unknown, then: () => void): void {
  const socket = ref as { on?: (event: string, listener: (error: { code?: string }) => void) => void };
  socket.on?.("error", (error) => {
    if (error.code === "WS_ERR_UNSUPPORTED_MESSAGE_LENGTH") then();
  });
}

/** An error as one log line, whatever was thrown (even a value that cannot be turned into a string). */
export function describeError(error: unknown): string {
  try {
    if (error instanceof Error) return `${error.name}: ${error.message}`.slice(0, 300);
    return String(error).slice(0, 300);
  } catch {
    return "an unprintable value";
  }
}
