/**
 * What the class screen says to a screen reader: one polite live region, fed
 * by whoever has news (a step change, a raised hand, an object picked up).
 * Only news goes here, never values that tick (a round trip, a clock).
 */
import { createStore } from "zustand/vanilla";

export const announcements = createStore<{ text: string; serial: number }>(() => ({ text: "", serial: 0 }));

export function announce(text: string): void {
  announcements.setState((last) => ({ text, serial: last.serial + 1 }));
}
