import { Euler, Matrix4, Quaternion, Vector3 } from "three";
import { describe, expect, it } from "vitest";
import { headGeometry, torsoGeometry, torsoMatrix } from "./avatarShapes.ts";

function headPose(pitch: number, yaw: number, roll: number) {
  const q = new Quaternion().setFromEuler(new Euler(pitch, yaw, roll, "YXZ"));
  return { p: [0.5, 1.6, 2] as [number, number, number], q: [q.x, q.y, q.z, q.w] as [number, number, number, number] };
}

describe("avatar shapes", () => {
  it("stands the torso upright under the head, turned with the head's yaw only", () => {
    const matrix = torsoMatrix(headPose(-0.6, 1.2, 0.4), new Matrix4());
    const position = new Vector3();
    const rotation = new Quaternion();
    matrix.decompose(position, rotation, new Vector3());
    expect(position.x).toBeCloseTo(0.5);
    expect(position.z).toBeCloseTo(2);
    expect(position.y).toBeLessThan(1.6);
    const up = new Vector3(0, 1, 0).applyQuaternion(rotation);
    expect(up.y).toBeCloseTo(1);
    const forward = new Vector3(0, 0, -1).applyQuaternion(rotation);
    expect(Math.atan2(-forward.x, -forward.z)).toBeCloseTo(1.2);
  });

  it("gives a torso wider than deep and shorter than a person's height, below the head", () => {
    const torso = torsoGeometry();
    torso.computeBoundingBox();
    const size = torso.boundingBox!.getSize(new Vector3());
    expect(size.x).toBeGreaterThan(size.z * 1.4);
    expect(size.y).toBeLessThan(0.6);
    const head = headGeometry();
    head.computeBoundingBox();
    expect(size.x).toBeGreaterThan(head.boundingBox!.getSize(new Vector3()).x);
  });
});
