/**
 * Where this participant's viewpoint should go when the teacher gathers the
 * class or leads with follow-me. Each participant keeps a small offset (by
 * avatar colour) so a gathered class stands in a ring, not in one spot.
 */
import { AVATAR_PALETTE } from "./palette.ts";

const RING_RADIUS = 0.6;

/** Where a headset user's play space starts: just beyond the table's edge, facing it. */
export const HEADSET_START: [number, number, number] = [0, 0, 1.1];

/** The spot on the floor this participant takes near `point`. */
export function spotNear(point: [number, number, number], color: number): [number, number, number] {
  const angle = ((color % AVATAR_PALETTE.length) / AVATAR_PALETTE.length) * Math.PI * 2;
  return [point[0] + Math.cos(angle) * RING_RADIUS, 0, point[2] + Math.sin(angle) * RING_RADIUS];
}
