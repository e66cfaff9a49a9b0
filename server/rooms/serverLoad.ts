/**
 * How busy this server process is, from how much of the last second its event
 * loop spent working, and what that means for avatar frames: a server short of
 * time sends every receiver every second frame (then every third) rather than
 * falling behind on all of them. Moves of objects and everything else keep
 * their rate.
 */
import { performance, type EventLoopUtilization } from "node:perf_hooks";

/** Busier than this, frames thin out one step; calmer than `CALM`, they come back one step. */
const BUSY = 0.9;
const CALM = 0.7;
const MAX_STRIDE = 3;

/** The stride for the next second, from the last second's utilisation (0–1) and the current stride. */
export function nextServerStride(utilization: number, current: number): number {
  if (utilization > BUSY) return Math.min(MAX_STRIDE, current + 1);
  if (utilization < CALM) return Math.max(1, current - 1);
  return current;
}

/** Patch times kept for the figures: at least the last minute of a busy server. */
const PATCH_SAMPLES = 100_000;

export interface LoadFigures {
  /** Share of the last second the event loop was busy (0–1). */
  utilization: number;
  avatarStride: number;
  /** Time per patch (the state patch and the avatar frames after it) over the window, ms. */
  patchMs: { p50: number; p99: number; samples: number };
  /** Avatar updates taken in since the process started. */
  avatarUpdates: number;
}

export interface ServerLoad {
  /** Avatar frames every receiver waits between two of theirs (1 when the server has time). */
  readonly avatarStride: number;
  recordPatch(ms: number): void;
  countAvatarUpdate(): void;
  /** Figures over the last `windowMs` (at most a minute). */
  figures(windowMs?: number): LoadFigures;
  stop(): void;
}

export function watchServerLoad(): ServerLoad {
  let last: EventLoopUtilization = performance.eventLoopUtilization();
  let stride = 1;
  let utilization = 0;
  let avatarUpdates = 0;
  const patchTimes = new Float64Array(PATCH_SAMPLES);
  const patchedAt = new Float64Array(PATCH_SAMPLES);
  let patches = 0;
  const timer = setInterval(() => {
    const now = performance.eventLoopUtilization();
    utilization = performance.eventLoopUtilization(now, last).utilization;
    stride = nextServerStride(utilization, stride);
    last = now;
  }, 1000);
  timer.unref();
  return {
    get avatarStride() {
      return stride;
    },
    recordPatch(ms) {
      patchedAt[patches % PATCH_SAMPLES] = performance.now();
      patchTimes[patches++ % PATCH_SAMPLES] = ms;
    },
    countAvatarUpdate() {
      avatarUpdates++;
    },
    figures(windowMs = 10_000) {
      const since = performance.now() - windowMs;
      const recent = patchTimes
        .slice(0, Math.min(patches, PATCH_SAMPLES))
        .filter((_, i) => patchedAt[i]! >= since)
        .sort();
      const at = (p: number) => recent[Math.min(recent.length - 1, Math.floor(p * recent.length))] ?? 0;
      return {
        utilization,
        avatarStride: stride,
        patchMs: { p50: at(0.5), p99: at(0.99), samples: recent.length },
        avatarUpdates,
      };
    },
    stop: () => clearInterval(timer),
  };
}
