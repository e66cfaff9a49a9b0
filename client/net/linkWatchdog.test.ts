import { describe, expect, it } from "vitest";
import { Limits } from "../../shared/protocol.ts";
import { LinkVerdict, LinkWatchdog } from "./linkWatchdog.ts";

const connected = { connected: true, reconnecting: false, socketOpen: true };
const reconnecting = { connected: false, reconnecting: true, socketOpen: false };

describe("the link watchdog", () => {
  it("keeps a link that keeps talking", () => {
    const watchdog = new LinkWatchdog(0);
    for (let t = 1000; t < 60_000; t += 1000) {
      watchdog.heard(t);
      expect(watchdog.check(t + 500, connected)).toBe(LinkVerdict.Fine);
    }
  });

  it("calls a connected link dead after a silence, once", () => {
    const watchdog = new LinkWatchdog(0);
    expect(watchdog.check(Limits.linkSilentMs - 1, connected)).toBe(LinkVerdict.Fine);
    expect(watchdog.check(Limits.linkSilentMs + 1, connected)).toBe(LinkVerdict.Silent);
    expect(watchdog.check(Limits.linkSilentMs + 2, connected)).toBe(LinkVerdict.Fine);
  });

  it("abandons a reconnection attempt that hangs, and not one that is still young", () => {
    const watchdog = new LinkWatchdog(0);
    watchdog.dropped(10_000);
    const patience = Limits.reconnectRetryMaxDelayMs + Limits.reconnectAttemptMs;
    expect(watchdog.check(10_000 + patience - 1, reconnecting)).toBe(LinkVerdict.Fine);
    expect(watchdog.check(10_000 + patience + 1, reconnecting)).toBe(LinkVerdict.AttemptStuck);
    // The next attempt gets its own time.
    expect(watchdog.check(10_000 + patience + 2, reconnecting)).toBe(LinkVerdict.Fine);
    // An attempt whose socket is open is waiting for the server's answer, not hanging.
    expect(watchdog.check(10_000 + 3 * patience, { ...reconnecting, socketOpen: true })).toBe(LinkVerdict.Fine);
  });

  it("starts afresh after a reconnection", () => {
    const watchdog = new LinkWatchdog(0);
    watchdog.dropped(1000);
    watchdog.reconnected(5000);
    expect(watchdog.check(5000 + Limits.linkSilentMs - 1, connected)).toBe(LinkVerdict.Fine);
    expect(watchdog.check(60_000, reconnecting)).toBe(LinkVerdict.Fine);
  });
});
