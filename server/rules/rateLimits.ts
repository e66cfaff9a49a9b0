/**
 * Sliding-window rate limits per participant and kind of message (chat,
 * reactions, phrases, hand raises), with time passed in.
 */
export interface Rate {
  count: number;
  perMs: number;
}

export type RateWindows = Map<string, number[]>;

/** Records one use and says whether it fits within the rate; a refused use is not recorded. */
export function withinRate(windows: RateWindows, key: string, rate: Rate, now: number): boolean {
  const recent = (windows.get(key) ?? []).filter((at) => now - at < rate.perMs);
  if (recent.length >= rate.count) {
    windows.set(key, recent);
    return false;
  }
  recent.push(now);
  windows.set(key, recent);
  return true;
}

/** Forgets windows with nothing in them younger than `olderThanMs` (the longest rate's window will do). */
export function forgetStaleRates(windows: RateWindows, now: number, olderThanMs: number): void {
  for (const [key, uses] of windows) if (uses.every((at) => now - at >= olderThanMs)) windows.delete(key);
}

/** Forgets a participant's windows (they left). */
export function forgetRates(windows: RateWindows, seat: string): void {
  for (const key of windows.keys()) if (key.startsWith(`${seat}:`)) windows.delete(key);
}
