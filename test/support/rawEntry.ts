/**
 * Ways into a class that the page never takes: raw matchmaking requests and
 * bare SDK rooms, for tests that act as a hostile participant would.
 */
import { Client, type Room } from "@colyseus/sdk";
import type { JoinFailedError, JoinFailure } from "../../client/net/connection.ts";
import { Device, PROTOCOL_VERSION, ROOM_NAME } from "../../shared/protocol.ts";
import { ClassroomState } from "../../shared/state.ts";

export const LESSON = "shapes-and-planets";

export function joinOptionsFor(code: string, nickname: string, extra: Record<string, unknown> = {}) {
  return { protocolVersion: PROTOCOL_VERSION, nickname, language: "en", device: Device.Desktop, code, ...extra };
}

export function createOptionsFor(nickname: string) {
  return { protocolVersion: PROTOCOL_VERSION, nickname, language: "en", device: Device.Desktop, lessonId: LESSON };
}

export interface MatchmakeAnswer {
  status: number;
  body: { roomId?: string; sessionId?: string; code?: number; error?: string; name?: string } & Record<string, unknown>;
}

/** One matchmaking request as any HTTP client could send it. */
export async function matchmake(
  endpoint: string,
  method: string,
  target: string,
  body: unknown,
): Promise<MatchmakeAnswer> {
  const response = await fetch(`${endpoint}/matchmake/${method}/${target}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await response.text();
  try {
    return { status: response.status, body: JSON.parse(text) as MatchmakeAnswer["body"] };
  } catch {
    return { status: response.status, body: { error: text } };
  }
}

/** A bare SDK room in a class, joined by its code, that does not reconnect by itself. */
export async function rawJoin(
  endpoint: string,
  code: string,
  nickname: string,
): Promise<Room<unknown, ClassroomState>> {
  const room = await new Client(endpoint).joinById(code, joinOptionsFor(code, nickname), ClassroomState);
  room.reconnection.enabled = false;
  // The room sends these to every participant; a bare room has no use for them.
  for (const type of ["refused", "av", "classEvent", "teacherKey", "iceServers", "voiceServer", "signal", "gather"])
    room.onMessage(type, () => undefined);
  return room;
}

/** Uses a seat reservation as the page would, later. */
export async function takeReservedSeat(
  endpoint: string,
  reservation: MatchmakeAnswer["body"],
): Promise<Room<unknown, ClassroomState>> {
  const room = await new Client(endpoint).consumeSeatReservation(reservation as never, ClassroomState);
  room.reconnection.enabled = false;
  return room;
}

/** The lobby's reason a join failed, or undefined when it succeeded. */
export function failureOf(attempt: Promise<unknown>): Promise<JoinFailure | undefined> {
  return attempt.then(
    () => undefined,
    (error: JoinFailedError) => error.failure,
  );
}

export { ROOM_NAME };
