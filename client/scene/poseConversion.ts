/** Conversions between three.js objects and wire poses. */
import { Quaternion, Vector3, type Object3D } from "three";
import type { Pose } from "../../shared/math.ts";

const position = new Vector3();
const rotation = new Quaternion();
const scale = new Vector3();

/** The object's pose in world space. */
export function worldPoseOf(object: Object3D): Pose {
  object.updateWorldMatrix(true, false);
  object.matrixWorld.decompose(position, rotation, scale);
  return { p: [position.x, position.y, position.z], q: [rotation.x, rotation.y, rotation.z, rotation.w] };
}

/** Places an object (whose parent is the scene root) at a pose. */
export function applyPose(object: Object3D, pose: Pose): void {
  object.position.set(pose.p[0], pose.p[1], pose.p[2]);
  object.quaternion.set(pose.q[0], pose.q[1], pose.q[2], pose.q[3]);
}
