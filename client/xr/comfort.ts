/**
 * Moving in a headset without feeling sick: where a teleport arc lands, how
 * a snap turn moves the play space so the head stays put, and the choices a
 * headset user keeps on the device. Plain functions over numbers: tests call
 * them without a headset.
 */
import type { Vec3 } from "../../shared/math.ts";

export const TURN_CHOICES = ["snap30", "snap45", "smooth"] as const;
export type TurnChoice = (typeof TURN_CHOICES)[number];
export const POSTURE_CHOICES = ["standing", "seated"] as const;
export type PostureChoice = (typeof POSTURE_CHOICES)[number];

/** How much higher a seated user's play space is put, so their eyes meet the table as if standing. */
export const SEATED_LIFT_M = 0.45;
/** Smooth turning, radians a second at full stick. */
export const SMOOTH_TURN_RAD_S = 1.6;
/** Stick beyond this counts as pushed; back within RELEASED it counts as let go. */
export const PUSHED = 0.6;
export const RELEASED = 0.3;

const ARC_SPEED_M_S = 7;
const GRAVITY = 9.8;
const ARC_STEPS = 40;
const ARC_SECONDS = 2;
/** Nobody lands inside the table (its radius and a step more), nor beyond the room. */
const KEEP_FROM_TABLE_M = 1.2;
const ROOM_RADIUS_M = 7;

export function snapDegrees(choice: TurnChoice): number {
  return choice === "snap45" ? 45 : 30;
}

/**
 * The points of a thrown arc from a controller (`from`, aiming along the unit
 * `direction`) down to the floor, and where it lands, or undefined when it
 * never comes down within the arc's time.
 */
export function teleportArc(from: Vec3, direction: Vec3): { points: Vec3[]; landing: Vec3 | undefined } {
  const points: Vec3[] = [];
  for (let i = 0; i <= ARC_STEPS; i++) {
    const t = (i / ARC_STEPS) * ARC_SECONDS;
    const point: Vec3 = [
      from[0] + direction[0] * ARC_SPEED_M_S * t,
      from[1] + direction[1] * ARC_SPEED_M_S * t - (GRAVITY * t * t) / 2,
      from[2] + direction[2] * ARC_SPEED_M_S * t,
    ];
    if (point[1] <= 0) {
      const previous = points[points.length - 1] ?? from;
      const share = previous[1] / Math.max(1e-6, previous[1] - point[1]);
      const hit: Vec3 = [
        previous[0] + (point[0] - previous[0]) * share,
        0,
        previous[2] + (point[2] - previous[2]) * share,
      ];
      points.push(hit);
      return { points, landing: allowedLanding(hit) };
    }
    points.push(point);
  }
  return { points, landing: undefined };
}

/** A landing point kept out of the table and inside the room. */
export function allowedLanding(point: Vec3): Vec3 {
  const distance = Math.hypot(point[0], point[2]);
  if (distance < 1e-6) return [0, 0, KEEP_FROM_TABLE_M];
  const clamped = Math.min(ROOM_RADIUS_M, Math.max(KEEP_FROM_TABLE_M, distance));
  return [(point[0] / distance) * clamped, 0, (point[2] / distance) * clamped];
}

/** Where the play space's origin goes so the head (now at `head`) stands over `target`. */
export function originForHeadAt(origin: Vec3, head: Vec3, target: Vec3): Vec3 {
  return [origin[0] + target[0] - head[0], origin[1], origin[2] + target[2] - head[2]];
}

/** The origin's new place and yaw after turning by `angle` (radians, about y) around the head. */
export function turnAroundHead(origin: Vec3, yaw: number, head: Vec3, angle: number): { origin: Vec3; yaw: number } {
  const dx = origin[0] - head[0];
  const dz = origin[2] - head[2];
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  // A rotation about +y by `angle`: x' = x cos + z sin, z' = -x sin + z cos.
  return {
    origin: [head[0] + dx * cos + dz * sin, origin[1], head[2] - dx * sin + dz * cos],
    yaw: yaw + angle,
  };
}
