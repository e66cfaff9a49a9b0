import { describe, expect, it } from "vitest";
import { boundingSphere, broadsideYaw, framingDistance, pixelsPerMetre, subjectOf } from "./framing.ts";

describe("framing a step's subject", () => {
  it("bounds the objects and backs off until they fill the narrower side of the view", () => {
    const sphere = boundingSphere([
      { centre: [-0.5, 1, 0], radius: 0.1 },
      { centre: [0.5, 1, 0], radius: 0.1 },
    ])!;
    expect(sphere.centre).toEqual([0, 1, 0]);
    expect(sphere.radius).toBeCloseTo(0.6);
    const wide = framingDistance(sphere, 55, 1.6);
    const phone = framingDistance(sphere, 55, 0.48);
    expect(phone).toBeGreaterThan(wide);
    expect(framingDistance({ centre: [0, 0, 0], radius: 0.01 }, 55, 1)).toBe(0.35);
  });

  it("measures how many pixels a metre spans on screen", () => {
    // With a 90° field of view, at 1 m the view is 2 m high: 800 px show 400 px per metre.
    expect(pixelsPerMetre(1, 90, 800)).toBeCloseTo(400);
    expect(pixelsPerMetre(2, 90, 800)).toBeCloseTo(200);
  });

  it("leaves out a prop far larger than the rest", () => {
    const planets = [0.05, 0.06, 0.04].map((radius, i) => ({
      centre: [i * 0.2, 1, 0] as [number, number, number],
      radius,
    }));
    const line = { centre: [0, 1, 0] as [number, number, number], radius: 0.8 };
    expect(subjectOf([...planets, line])).toEqual(planets);
    expect(subjectOf([line, planets[0]!])).toHaveLength(2);
  });

  it("looks at a row broadside from the nearer side, and leaves a compact subject's side alone", () => {
    const row = [-0.6, -0.3, 0, 0.3, 0.6].map((x) => [x, 1, 0.05 * x] as [number, number, number]);
    // Seen nearly end-on (from +x, a little towards +z), the view turns to look across the row from +z.
    const turned = broadsideYaw(row, Math.PI / 2 - 0.4)!;
    expect(Math.abs(Math.sin(turned))).toBeLessThan(0.1);
    expect(Math.cos(turned)).toBeGreaterThan(0.9);
    // From the far side (yaw near π) it stays on that side.
    expect(Math.cos(broadsideYaw(row, Math.PI - 0.3)!)).toBeLessThan(-0.9);
    const cluster = [
      [0, 1, 0],
      [0.05, 1, 0.02],
      [-0.03, 1, 0.04],
    ] as [number, number, number][];
    expect(broadsideYaw(cluster, 1)).toBeUndefined();
  });
});
