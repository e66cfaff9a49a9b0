import { describe, expect, it } from "vitest";
import { TABLE_HEIGHT } from "../../scene/Classroom3D.tsx";
import {
  COARSE_FACTOR,
  MOVE_STEP_M,
  TURN_STEP_RAD,
  areaOf,
  cmToNearestPlace,
  heightAboveTableCm,
  keyMove,
  turnedAboutY,
  viewFrame,
} from "./keyboardMove.ts";
import type { Pose } from "../../../shared/math.ts";

const onTable: Pose = { p: [0, TABLE_HEIGHT + 0.03, 0], q: [0, 0, 0, 1] };
/** A screen viewer's default place: in front of the table, looking at it (towards -z). */
const front = viewFrame([0, 1.6, 1.9], onTable.p);

describe("moving an object from the keyboard", () => {
  it("takes the viewer's directions, snapped to the table's axes", () => {
    expect(front).toEqual({ away: [0, -1], right: [1, 0] });
    // A viewer on the table's right (+x) looking at it: away is -x, right is -z.
    expect(viewFrame([1.5, 1.6, 0.2], [0, 0.8, 0])).toEqual({ away: [-1, 0], right: [-0, -1] });
    expect(viewFrame(undefined, [0, 0.8, 0])).toEqual(front);
  });

  it("moves one step per press, five with Shift, and raises and lowers", () => {
    expect(keyMove(onTable, "ArrowUp", false, front)!.p[2]).toBeCloseTo(-MOVE_STEP_M);
    expect(keyMove(onTable, "ArrowRight", true, front)!.p[0]).toBeCloseTo(MOVE_STEP_M * COARSE_FACTOR);
    expect(keyMove(onTable, "PageUp", false, front)!.p[1]).toBeCloseTo(onTable.p[1] + MOVE_STEP_M);
    expect(keyMove(onTable, "x", false, front)).toBeUndefined();
  });

  it("keeps the object over the table and above its top", () => {
    let pose = onTable;
    for (let i = 0; i < 200; i++) pose = keyMove(pose, "ArrowLeft", true, front)!;
    expect(Math.hypot(pose.p[0], pose.p[2])).toBeLessThanOrEqual(1.1 + 1e-9);
    for (let i = 0; i < 20; i++) pose = keyMove(pose, "PageDown", true, front)!;
    expect(pose.p[1]).toBeCloseTo(TABLE_HEIGHT);
  });

  it("turns about the vertical, a unit quaternion after many turns", () => {
    let pose = onTable;
    for (let i = 0; i < 24; i++) pose = keyMove(pose, "e", false, front)!;
    // Twenty-four steps of 15° are a full turn: the same rotation (q or -q).
    expect(Math.abs(pose.q[3])).toBeCloseTo(1);
    expect(Math.hypot(...pose.q)).toBeCloseTo(1);
    const quarter = turnedAboutY([0, 0, 0, 1], TURN_STEP_RAD * 6);
    expect(quarter[1]).toBeCloseTo(Math.SQRT1_2);
  });
});

describe("saying where things are", () => {
  it("names the part of the table as the viewer sees it", () => {
    expect(areaOf([0, 0.8, 0], front)).toBe("centre");
    expect(areaOf([0.4, 0.8, 0], front)).toBe("right");
    expect(areaOf([-0.4, 0.8, 0.4], front)).toBe("nearLeft");
    expect(areaOf([0.4, 0.8, -0.4], front)).toBe("farRight");
  });

  it("gives the height above the table and the distance to the nearest place it fits", () => {
    expect(heightAboveTableCm([0, TABLE_HEIGHT + 0.03, 0])).toBe(0);
    expect(heightAboveTableCm([0, TABLE_HEIGHT + 0.2, 0])).toBe(20);
    expect(cmToNearestPlace([0, 1, 0], [])).toBeUndefined();
    expect(
      cmToNearestPlace(
        [0, 1, 0],
        [
          { p: [0.5, 1, 0], q: [0, 0, 0, 1] },
          { p: [0, 1, 0.1], q: [0, 0, 0, 1] },
        ],
      ),
    ).toBe(10);
  });
});
