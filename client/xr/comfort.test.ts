import { describe, expect, it } from "vitest";
import { allowedLanding, originForHeadAt, snapDegrees, teleportArc, turnAroundHead } from "./comfort.ts";

describe("moving comfortably in a headset", () => {
  it("throws an arc forward and down to the floor, and lands where it meets it", () => {
    const down = Math.SQRT1_2;
    const { points, landing } = teleportArc([0, 1.2, 3], [0, -down, -down]);
    expect(points.length).toBeGreaterThan(2);
    expect(landing).toBeDefined();
    expect(landing![1]).toBe(0);
    // Ahead of the controller (towards -z) and never inside the table.
    expect(landing![2]).toBeLessThan(3);
    expect(Math.hypot(landing![0], landing![2])).toBeGreaterThanOrEqual(1.2 - 1e-9);
  });

  it("never lands on the table or past the room's walls", () => {
    expect(allowedLanding([0.1, 0, 0])).toEqual([1.2, 0, 0]);
    expect(Math.hypot(...allowedLanding([20, 0, 0]))).toBeCloseTo(7);
    expect(allowedLanding([0, 0, 3])).toEqual([0, 0, 3]);
  });

  it("moves the play space so the head, not the origin, stands on the target", () => {
    const origin = originForHeadAt([0, 0, 1.1], [0.3, 1.6, 1.4], [2, 0, 2]);
    [1.7, 0, 1.7].forEach((value, i) => expect(origin[i]).toBeCloseTo(value));
  });

  it("turns around the head: the head stays where it was", () => {
    const head: [number, number, number] = [0.5, 1.6, 2];
    const { origin, yaw } = turnAroundHead([0, 0, 1], 0, head, (snapDegrees("snap30") * Math.PI) / 180);
    expect(yaw).toBeCloseTo(Math.PI / 6);
    // The head's offset from the origin, turned with the origin, ends where the head was.
    const offset = [head[0] - 0, head[2] - 1];
    const cos = Math.cos(yaw);
    const sin = Math.sin(yaw);
    const headAfter = [
      origin[0] + offset[0]! * cos + offset[1]! * sin,
      origin[2] - offset[0]! * sin + offset[1]! * cos,
    ];
    expect(headAfter[0]).toBeCloseTo(head[0]);
    expect(headAfter[1]).toBeCloseTo(head[2]);
  });
});
