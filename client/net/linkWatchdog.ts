/**
 * Notices a link that has died without saying so. A Wi-Fi drop or a 20-second
 * outage closes nothing: the socket looks open while nothing arrives, and TCP
 * may wait minutes before giving up. The connection pings the server every
 * couple of seconds; when nothing at all has been heard for a while, or a
 * reconnection attempt hangs, the watchdog says so and the connection starts
 * a fresh attempt, so a student is back as soon as the link returns.
 */
import { Limits } from "../../shared/protocolNames.ts";

export const LinkVerdict = {
  Fine: "fine",
  /** Connected, but the server has been silent too long: the link is dead. */
  Silent: "silent",
  /** Reconnecting, and the current attempt has hung: start another. */
  AttemptStuck: "attemptStuck",
} as const;
export type LinkVerdict = (typeof LinkVerdict)[keyof typeof LinkVerdict];

export class LinkWatchdog {
  private lastHeardAt: number;
  private lastDropAt: number | undefined;

  constructor(now: number) {
    this.lastHeardAt = now;
  }

  /** Anything arrived from the server. */
  heard(now: number): void {
    this.lastHeardAt = now;
  }

  /** The socket closed (or an attempt to reopen it failed); a new attempt follows within the retry delay. */
  dropped(now: number): void {
    this.lastDropAt = now;
  }

  reconnected(now: number): void {
    this.lastHeardAt = now;
    this.lastDropAt = undefined;
  }

  check(now: number, state: { connected: boolean; reconnecting: boolean; socketOpen: boolean }): LinkVerdict {
    if (state.connected && now - this.lastHeardAt > Limits.linkSilentMs) {
      this.lastHeardAt = now;
      return LinkVerdict.Silent;
    }
    const attemptAge = this.lastDropAt === undefined ? 0 : now - this.lastDropAt;
    if (
      state.reconnecting &&
      !state.socketOpen &&
      attemptAge > Limits.reconnectRetryMaxDelayMs + Limits.reconnectAttemptMs
    ) {
      this.lastDropAt = now;
      return LinkVerdict.AttemptStuck;
    }
    return LinkVerdict.Fine;
  }
}
