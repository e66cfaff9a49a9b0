/**
 * Where a screen view should look from to show a step's subject: the
 * objects' bounding sphere, at the distance where it fills most of the
 * narrower side of the view. Plain numbers in, plain numbers out.
 */
import type { Vec3 } from "../../shared/math.ts";

export interface Sphere {
  centre: Vec3;
  radius: number;
}

/**
 * How many screen pixels one metre spans at `distance` from a camera with a
 * vertical field of view of `fovDeg`, on a view `screenHeight` pixels high.
 * The one measure of "how big is it on screen" for framing, labels, small
 * objects and the tests' hook.
 */
export function pixelsPerMetre(distance: number, fovDeg: number, screenHeight: number): number {
  return screenHeight / (2 * Math.max(0.01, distance) * Math.tan((fovDeg * Math.PI) / 360));
}

/** How much of the narrower side of the view the subject fills. */
const FILL = 0.8;
const CLOSEST_M = 0.35;
const FARTHEST_M = 4;

/** The smallest sphere (near enough) around a set of spheres: the box's centre, reaching the farthest one. */
export function boundingSphere(spheres: readonly Sphere[]): Sphere | undefined {
  if (spheres.length === 0) return undefined;
  const low = [Infinity, Infinity, Infinity];
  const high = [-Infinity, -Infinity, -Infinity];
  for (const { centre, radius } of spheres)
    for (let i = 0; i < 3; i++) {
      low[i] = Math.min(low[i]!, centre[i]! - radius);
      high[i] = Math.max(high[i]!, centre[i]! + radius);
    }
  const centre = low.map((v, i) => (v + high[i]!) / 2) as Vec3;
  const radius = Math.max(...spheres.map((s) => Math.hypot(...s.centre.map((v, i) => v - centre[i]!)) + s.radius));
  return { centre, radius };
}

/**
 * The camera's distance from the sphere's centre for it to fill the view:
 * `fovDeg` is the vertical field of view, `aspect` width over height.
 */
export function framingDistance(sphere: Sphere, fovDeg: number, aspect: number): number {
  const vertical = (fovDeg * Math.PI) / 180;
  const horizontal = 2 * Math.atan(Math.tan(vertical / 2) * aspect);
  const narrow = Math.min(vertical, horizontal);
  const distance = sphere.radius / Math.sin((narrow * FILL) / 2);
  return Math.min(FARTHEST_M, Math.max(CLOSEST_M, distance));
}

/**
 * The step's subject without its props: a sphere far larger than the
 * typical one (an orbit line, a base plate) is left out when there are at
 * least three, so it does not push the view back from what the step is about.
 */
export function subjectOf(spheres: readonly Sphere[]): Sphere[] {
  if (spheres.length < 3) return [...spheres];
  const radii = spheres.map((s) => s.radius).sort((a, b) => a - b);
  const median = radii[Math.floor(radii.length / 2)]!;
  const kept = spheres.filter((s) => s.radius <= median * PROP_FACTOR);
  return kept.length > 0 ? kept : [...spheres];
}
const PROP_FACTOR = 4;

/**
 * For a subject laid out along a line (planets in a row), the yaw that looks
 * at it broadside from the side nearer to `yaw` (so it is seen in a row, not
 * stacked end-on); undefined for a compact subject, where any side will do.
 * Yaw 0 looks from +z towards -z; the view's offset from its target is
 * (sin yaw, cos yaw) on the floor.
 */
export function broadsideYaw(centres: readonly Vec3[], yaw: number): number | undefined {
  if (centres.length < 3) return undefined;
  const mx = centres.reduce((sum, c) => sum + c[0], 0) / centres.length;
  const mz = centres.reduce((sum, c) => sum + c[2], 0) / centres.length;
  let sxx = 0;
  let szz = 0;
  let sxz = 0;
  for (const [x, , z] of centres) {
    sxx += (x - mx) ** 2;
    szz += (z - mz) ** 2;
    sxz += (x - mx) * (z - mz);
  }
  const half = (sxx - szz) / 2;
  const spread = Math.sqrt(half * half + sxz * sxz);
  const major = (sxx + szz) / 2 + spread;
  const minor = (sxx + szz) / 2 - spread;
  if (major / centres.length < ELONGATED_MIN_M2 || major < ELONGATED_RATIO * Math.max(minor, 1e-9)) return undefined;
  const axis = Math.atan2(2 * sxz, sxx - szz) / 2;
  // The two sides of the row, seen from above: normals of the axis (cos a, sin a).
  const normal: [number, number] = [-Math.sin(axis), Math.cos(axis)];
  const facing = Math.sin(yaw) * normal[0] + Math.cos(yaw) * normal[1] >= 0 ? 1 : -1;
  const wanted = Math.atan2(normal[0] * facing, normal[1] * facing);
  // The nearest turn to it from where the view is now, never the long way round.
  return yaw + Math.atan2(Math.sin(wanted - yaw), Math.cos(wanted - yaw));
}
/** Spread along the row (m², per object) and how much longer than wide a layout is to count as a row. */
const ELONGATED_MIN_M2 = 0.01;
const ELONGATED_RATIO = 4;
