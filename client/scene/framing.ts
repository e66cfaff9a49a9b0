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
