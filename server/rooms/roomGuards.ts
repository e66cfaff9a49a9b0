/**
 * Two doors of a Colyseus room that its public API does not let a room
 * guard: the frame handler every participant's message goes through, and the
 * seat reservation every join ends in (whatever path matchmaking took). The
 * classroom wraps both, so a frame that makes Colyseus throw never leaves the
 * room, and no seat is promised that the class's rules would refuse.
 */
import type { Client, Room } from "@colyseus/core";

/** The parts of Room this module wraps; private in Colyseus's typings, stable in its code. */
interface RoomInternals {
  _onMessage(client: Client, frame: unknown): void;
  _reserveSeat(
    sessionId: string,
    joinOptions?: unknown,
    authData?: unknown,
    seconds?: number,
    allowReconnection?: boolean,
    devModeReconnectionToken?: string,
  ): Promise<boolean>;
  /** sessionId → [join options, auth data, consumed, waiting for a reconnection]. */
  _reservedSeats: Record<string, [unknown, unknown, boolean, boolean]>;
}

export interface RoomGuards {
  /** Every incoming frame first; false drops it unread. */
  acceptFrame(client: Client, frame: unknown): boolean;
  /** Whatever a frame made Colyseus or a handler throw. */
  frameFailed(client: Client, error: unknown): void;
  /**
   * A new seat (not a reconnection) is about to be promised to `sessionId`;
   * false turns it down. `promised` are the new seats promised but not yet
   * taken by a participant.
   */
  acceptSeat(sessionId: string, auth: unknown, promised: readonly string[]): boolean;
}

/** Wraps the room's frame handler and seat reservation with the guards (call once, in onCreate). */
export function guardRoom(room: Room, guards: RoomGuards): void {
  const internals = room as unknown as RoomInternals;
  const onMessage = internals._onMessage.bind(room);
  internals._onMessage = (client, frame) => {
    try {
      if (guards.acceptFrame(client, frame)) onMessage(client, frame);
    } catch (error) {
      guards.frameFailed(client, error);
    }
  };

  const reserveSeat = internals._reserveSeat.bind(room);
  internals._reserveSeat = async (sessionId, joinOptions, authData, seconds, allowReconnection, devToken) => {
    if (!allowReconnection) {
      const promised = Object.entries(internals._reservedSeats)
        .filter(([, [, , , reconnecting]]) => !reconnecting)
        .map(([id]) => id);
      if (!guards.acceptSeat(sessionId, authData, promised)) return false;
    }
    return reserveSeat(sessionId, joinOptions, authData, seconds, allowReconnection, devToken);
  };
}
