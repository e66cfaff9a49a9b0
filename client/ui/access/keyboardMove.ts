/**
 * Moving and turning an object from the keyboard, and saying where things
 * are in words: plain functions over poses, so tests call them without a
 * browser. Directions are the viewer's, snapped to the table's axes, so each
 * key press moves an object along a straight line on the table.
 */
import { TABLE_HEIGHT } from "../../scene/Classroom3D.tsx";
import { clamp, type Pose, type Quat, type Vec3 } from "../../../shared/math.ts";

/** One press; with Shift, five times as far. */
export const MOVE_STEP_M = 0.02;
export const COARSE_FACTOR = 5;
/** One press of Q or E turns by this much around the vertical. */
export const TURN_STEP_RAD = Math.PI / 12;
/** How far from the table's centre a keyboard may take an object (the table's edge and a little past it). */
const REACH_M = 1.1;
const LOWEST_M = TABLE_HEIGHT;
const HIGHEST_M = TABLE_HEIGHT + 1;

/** The viewer's "away" and "right" on the table, each one of the table's axes. */
export interface ViewFrame {
  away: [number, number];
  right: [number, number];
}

/** The frame of a viewer at `viewer` looking at `target` (seen from above, to the nearest axis). */
export function viewFrame(viewer: Vec3 | undefined, target: Vec3): ViewFrame {
  const dx = viewer ? target[0] - viewer[0] : 0;
  const dz = viewer ? target[2] - viewer[2] : -1;
  const away: [number, number] = Math.abs(dx) > Math.abs(dz) ? [Math.sign(dx), 0] : [0, Math.sign(dz) || -1];
  // Right of "away" seen from above (y up): rotate (x, z) by -90° about y.
  return { away, right: [-away[1], away[0]] };
}

/** The pose after a key press while holding, or undefined when the key does not move or turn. */
export function keyMove(pose: Pose, key: string, coarse: boolean, frame: ViewFrame): Pose | undefined {
  const step = MOVE_STEP_M * (coarse ? COARSE_FACTOR : 1);
  const along = (direction: [number, number], sign: number): Vec3 => [
    pose.p[0] + direction[0] * step * sign,
    pose.p[1],
    pose.p[2] + direction[1] * step * sign,
  ];
  const moved: Record<string, Vec3> = {
    ArrowUp: along(frame.away, 1),
    ArrowDown: along(frame.away, -1),
    ArrowRight: along(frame.right, 1),
    ArrowLeft: along(frame.right, -1),
    PageUp: [pose.p[0], pose.p[1] + step, pose.p[2]],
    PageDown: [pose.p[0], pose.p[1] - step, pose.p[2]],
  };
  const turn = { q: -1, e: 1 }[key.toLowerCase()];
  if (turn !== undefined) return { p: pose.p, q: turnedAboutY(pose.q, turn * TURN_STEP_RAD * (coarse ? 3 : 1)) };
  const p = moved[key];
  if (!p) return undefined;
  const flat = Math.hypot(p[0], p[2]);
  const scale = flat > REACH_M ? REACH_M / flat : 1;
  return { p: [p[0] * scale, clamp(p[1], LOWEST_M, HIGHEST_M), p[2] * scale], q: pose.q };
}

/** q turned by `angle` about the world's vertical axis. */
export function turnedAboutY(q: Quat, angle: number): Quat {
  const s = Math.sin(angle / 2);
  const c = Math.cos(angle / 2);
  // (0, s, 0, c) * q
  return [c * q[0] + s * q[2], c * q[1] + s * q[3], c * q[2] - s * q[0], c * q[3] - s * q[1]];
}

/** Which part of the table a point is over, seen by the viewer, and how high above it. */
export type Area = "centre" | "left" | "right" | "near" | "far" | "nearLeft" | "nearRight" | "farLeft" | "farRight";

const CENTRE_M = 0.15;

export function areaOf(p: Vec3, frame: ViewFrame): Area {
  const away = p[0] * frame.away[0] + p[2] * frame.away[1];
  const right = p[0] * frame.right[0] + p[2] * frame.right[1];
  const depth = away > CENTRE_M ? "far" : away < -CENTRE_M ? "near" : "";
  const side = right > CENTRE_M ? "Right" : right < -CENTRE_M ? "Left" : "";
  if (!depth && !side) return "centre";
  if (!depth) return side === "Right" ? "right" : "left";
  return `${depth}${side}` as Area;
}

/** Centimetres above the table's top (0 when resting on it or nearly). */
export function heightAboveTableCm(p: Vec3): number {
  const cm = Math.round((p[1] - TABLE_HEIGHT) * 100);
  return cm < 6 ? 0 : cm;
}

/** Centimetres from the nearest of the object's snap places, or undefined when it has none. */
export function cmToNearestPlace(p: Vec3, places: readonly Pose[]): number | undefined {
  if (places.length === 0) return undefined;
  const nearest = Math.min(...places.map((place) => Math.hypot(...place.p.map((v, i) => v - p[i]!))));
  return Math.round(nearest * 100);
}
