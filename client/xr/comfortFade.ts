/**
 * A short fade to dark and back, for any jump of the play space (a teleport,
 * "come here", follow-me): the jump happens while the view is dark.
 */
const FADE_MS = 260;
let flashedAt = -Infinity;

export const comfortFade = {
  /** Starts a fade; returns when the view is darkest, the time to jump. */
  flash(now = performance.now()): number {
    flashedAt = now;
    return now + FADE_MS / 2;
  },
  /** 0 → 1 → 0 over FADE_MS after a flash; 0 otherwise. */
  opacity(now: number): number {
    const t = (now - flashedAt) / FADE_MS;
    return t < 0 || t > 1 ? 0 : 1 - Math.abs(2 * t - 1);
  },
};
