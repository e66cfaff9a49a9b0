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

export interface ServerLoad {
  /** Avatar frames every receiver waits between two of theirs (1 when the server has time). */
  readonly avatarStride: number;
  stop(): void;
}

export function watchServerLoad(): ServerLoad {
  let last: EventLoopUtilization = performance.eventLoopUtilization();
  let stride = 1;
  const timer = setInterval(() => {
    const now = performance.eventLoopUtilization();
    stride = nextServerStride(performance.eventLoopUtilization(now, last).utilization, stride);
    last = now;
  }, 1000);
  timer.unref();
  return {
    get avatarStride() {
      return stride;
    },
    stop: () => clearInterval(timer),
  };
}
