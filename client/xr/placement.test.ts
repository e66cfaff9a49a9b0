import { Matrix4, Quaternion, Vector3 } from "three";
import { describe, expect, it } from "vitest";
import type { Pose } from "../../shared/math.ts";
import { LESSON_PIVOT, originTransform, toRoom, toShared, yawFacing, type Placement } from "./placement.ts";

const placements: Placement[] = [
  { position: [0.06, 0.748, -0.65], yaw: 0, scale: 0.5 },
  { position: [1.2, 0.72, 0.4], yaw: Math.PI / 3, scale: 0.25 },
  { position: [-2, 0, 3], yaw: -2.4, scale: 1 },
  { position: [0, 0.9, -1], yaw: Math.PI, scale: 1.5 },
  { position: [0.3, 0.01, 0.2], yaw: 0.7, scale: 0.1 },
];
const poses: Pose[] = [
  { p: [0, 0.8, 0], q: [0, 0, 0, 1] },
  { p: [0.4, 1.05, -0.3], q: [0, 0.3826834, 0, 0.9238795] },
  { p: [-0.6, 1.3, 0.55], q: [0.1825742, 0.3651484, 0.5477226, 0.7302967] },
];

function expectPoseClose(actual: Pose, expected: Pose) {
  actual.p.forEach((v, i) => expect(v).toBeCloseTo(expected.p[i]!, 9));
  // q and -q are the same rotation.
  const sign = Math.sign(actual.q.reduce((sum, v, i) => sum + v * expected.q[i]!, 0)) || 1;
  actual.q.forEach((v, i) => expect(v * sign).toBeCloseTo(expected.q[i]!, 9));
}

describe("the AR placement transform", () => {
  it.each(placements)("round-trips poses both ways (%o)", (placement) => {
    for (const pose of poses) {
      expectPoseClose(toShared(placement, toRoom(placement, pose)), pose);
      expectPoseClose(toRoom(placement, toShared(placement, pose)), pose);
    }
  });

  it("sets the lesson's table top down on the chosen point, at the chosen scale and turn", () => {
    const placement: Placement = { position: [1, 0.75, -2], yaw: Math.PI / 2, scale: 0.5 };
    expect(toRoom(placement, { p: LESSON_PIVOT, q: [0, 0, 0, 1] }).p).toEqual([1, 0.75, -2]);
    // 0.4 m towards the lesson's front (+z) is 0.2 m in the room, turned a quarter to +x.
    const front = toRoom(placement, { p: [0, 0.8, 0.4], q: [0, 0, 0, 1] }).p;
    expect(front[0]).toBeCloseTo(1.2, 9);
    expect(front[1]).toBeCloseTo(0.75, 9);
    expect(front[2]).toBeCloseTo(-2, 9);
  });

  it.each(placements)("gives the XR origin the transform that maps the room into the lesson (%o)", (placement) => {
    const { position, quaternion, scale } = originTransform(placement);
    const origin = new Matrix4().compose(
      new Vector3(...position),
      new Quaternion(...quaternion),
      new Vector3(scale, scale, scale),
    );
    for (const pose of poses) {
      const room = toRoom(placement, pose).p;
      const shared = new Vector3(...room).applyMatrix4(origin);
      expect(shared.x).toBeCloseTo(pose.p[0], 9);
      expect(shared.y).toBeCloseTo(pose.p[1], 9);
      expect(shared.z).toBeCloseTo(pose.p[2], 9);
    }
  });

  it("turns the lesson's front towards the student", () => {
    const point: [number, number, number] = [0, 0.75, -1];
    const placement: Placement = { position: point, yaw: yawFacing([1, 1.6, -1], point), scale: 1 };
    // The lesson's front (+z) now points at the viewer, who stands to the room's +x.
    const front = toRoom(placement, { p: [0, 0.8, 1], q: [0, 0, 0, 1] }).p;
    expect(front[0]).toBeCloseTo(1, 9);
    expect(front[2]).toBeCloseTo(-1, 9);
  });
});
