/**
 * Where an AR student put the lesson in their own room: a point on a real
 * surface, a turn about the vertical, and a scale (tabletop by default). It
 * is theirs alone: the class keeps working in the shared lesson frame, and
 * these functions carry poses between the two, both ways.
 *
 * The lesson's table top centre (LESSON_PIVOT) is what sits on the surface.
 */
import type { Pose, Quat, Vec3 } from "../../shared/math.ts";
import { TABLE_HEIGHT } from "../scene/Classroom3D.tsx";

export interface Placement {
  /** Where the lesson's pivot sits, in the student's room (the XR reference space). */
  position: Vec3;
  /** Turn about the vertical, in radians. */
  yaw: number;
  /** Room metres per lesson metre. */
  scale: number;
}

/** The point of the shared lesson that is set down on the chosen surface: the centre of its table top. */
export const LESSON_PIVOT: Vec3 = [0, TABLE_HEIGHT, 0];
/** A lesson made for a 1.5 m table fits a desk or a kitchen table at half size. */
export const TABLETOP_SCALE = 0.5;
export const MIN_SCALE = 0.1;
export const MAX_SCALE = 1.5;

/** Shared lesson frame → the student's room. */
export function toRoom(placement: Placement, pose: Pose): Pose {
  const local = rotateY(sub(pose.p, LESSON_PIVOT), placement.yaw);
  return {
    p: add(placement.position, scaled(local, placement.scale)),
    q: multiply(yawQuat(placement.yaw), pose.q),
  };
}

/** The student's room → shared lesson frame (what the class is sent). */
export function toShared(placement: Placement, pose: Pose): Pose {
  const local = rotateY(scaled(sub(pose.p, placement.position), 1 / placement.scale), -placement.yaw);
  return { p: add(LESSON_PIVOT, local), q: multiply(yawQuat(-placement.yaw), pose.q) };
}

/**
 * The transform of the XR origin that shows the lesson placed: the origin
 * carries the room into the lesson frame (room → shared), so the scene, its
 * grabbing and the avatar reports all stay in the shared frame.
 */
export function originTransform(placement: Placement): { position: Vec3; quaternion: Quat; scale: number } {
  return {
    position: sub(LESSON_PIVOT, rotateY(scaled(placement.position, 1 / placement.scale), -placement.yaw)),
    quaternion: yawQuat(-placement.yaw),
    scale: 1 / placement.scale,
  };
}

/** The turn that has the lesson's front (+z, where a desktop student stands) face a viewer at `viewer`. */
export function yawFacing(viewer: Vec3, point: Vec3): number {
  const dx = viewer[0] - point[0];
  const dz = viewer[2] - point[2];
  return Math.hypot(dx, dz) < 1e-6 ? 0 : Math.atan2(dx, dz);
}

export function clampScale(scale: number): number {
  return Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));
}

function rotateY(v: Vec3, angle: number): Vec3 {
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  return [c * v[0] + s * v[2], v[1], -s * v[0] + c * v[2]];
}

function yawQuat(angle: number): Quat {
  return [0, Math.sin(angle / 2), 0, Math.cos(angle / 2)];
}

function multiply(a: Quat, b: Quat): Quat {
  const [ax, ay, az, aw] = a;
  const [bx, by, bz, bw] = b;
  return [
    aw * bx + ax * bw + ay * bz - az * by,
    aw * by - ax * bz + ay * bw + az * bx,
    aw * bz + ax * by - ay * bx + az * bw,
    aw * bw - ax * bx - ay * by - az * bz,
  ];
}

const add = (a: Vec3, b: Vec3): Vec3 => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
const sub = (a: Vec3, b: Vec3): Vec3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const scaled = (v: Vec3, k: number): Vec3 => [v[0] * k, v[1] * k, v[2] * k];
