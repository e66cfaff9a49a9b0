import { describe, expect, it } from "vitest";
import { angleBetween, azimuthOf, boardAim, boardPlace, glide } from "./boardPlacement.ts";

describe("board placement", () => {
  it("stands across the table from the viewer, facing them", () => {
    for (const [x, z] of [
      [0, 1.9],
      [1.9, 0],
      [0, -1.9],
      [-1.3, -1.3],
    ] as const) {
      const place = boardPlace(azimuthOf(x, z));
      // On the far side: the table's centre lies between the viewer and the board.
      expect(place.x * x + place.z * z).toBeLessThan(0);
      // Its face (+z turned by yaw) points at the viewer.
      const face = [Math.sin(place.yaw), Math.cos(place.yaw)];
      const toViewer = [x - place.x, z - place.z];
      const cos = (face[0]! * toViewer[0]! + face[1]! * toViewer[1]!) / Math.hypot(toViewer[0]!, toViewer[1]!);
      expect(cos).toBeGreaterThan(0.99);
    }
  });

  it("stays put for small moves and follows a viewer who went round the table", () => {
    expect(boardAim(0, 0.5)).toBe(0);
    expect(boardAim(0, -0.5)).toBe(0);
    expect(boardAim(0, 1.2)).toBe(1.2);
    expect(boardAim(3, -3)).toBe(3); // across ±π is a short way
  });

  it("glides the short way round, and jumps with reduced motion", () => {
    expect(angleBetween(3, -3)).toBeCloseTo(2 * Math.PI - 6);
    const step = glide(3, -3, 0.01, false);
    expect(step).toBeGreaterThan(3);
    expect(glide(0, 2, 0.016, true)).toBe(2);
    let angle = 0;
    for (let frame = 0; frame < 200; frame++) angle = glide(angle, 2, 1 / 60, false);
    expect(angle).toBe(2);
  });
});
