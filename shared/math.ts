/** A position in metres, in the shared lesson frame (y up). */
export type Vec3 = [number, number, number];
/** A rotation as a unit quaternion [x, y, z, w]. */
export type Quat = [number, number, number, number];
/** Where something is and which way it faces. */
export interface Pose {
  p: Vec3;
  q: Quat;
}

export const IDENTITY_QUAT: Quat = [0, 0, 0, 1];

/** Scales a quaternion to unit length (the wire allows a little drift). */
export function normalizeQuat(q: Quat): Quat {
  const length = Math.hypot(q[0], q[1], q[2], q[3]);
  return [q[0] / length, q[1] / length, q[2] / length, q[3] / length];
}

/** Clamps every coordinate into [-bound, bound]. */
export function clampVec3(v: Vec3, bound: number): Vec3 {
  return [clamp(v[0], -bound, bound), clamp(v[1], -bound, bound), clamp(v[2], -bound, bound)];
}

/** Clamps a number into [min, max]. */
export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/**
 * True when two poses are within a small distance and angle of each other:
 * changes below that (a headset's tremor) are not worth sending.
 */
export function posesClose(a: Pose, b: Pose, metres = 0.002, quatDelta = 0.002): boolean {
  for (let i = 0; i < 3; i++) if (Math.abs(a.p[i]! - b.p[i]!) > metres) return false;
  // q and -q are the same rotation.
  const dot = a.q[0] * b.q[0] + a.q[1] * b.q[1] + a.q[2] * b.q[2] + a.q[3] * b.q[3];
  return 1 - Math.abs(dot) <= quatDelta * quatDelta;
}
