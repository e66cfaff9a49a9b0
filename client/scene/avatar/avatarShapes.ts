/**
 * What an avatar is made of, in the avatar's own frame (it looks towards
 * -z): a head with a visor for the face's direction, a torso under it that
 * turns with the head but never tilts, and hands for headset users. Shared
 * by every avatar in the class, which are drawn as instances of these.
 */
import {
  BoxGeometry,
  type BufferGeometry,
  CapsuleGeometry,
  Euler,
  LatheGeometry,
  Matrix4,
  Quaternion,
  SphereGeometry,
  Vector2,
  Vector3,
} from "three";
import type { Pose } from "../../../shared/math.ts";

export const HEAD_RADIUS_M = 0.11;
/** From the centre of the head down to the top of the shoulders. */
const NECK_DROP_M = 0.17;

export function headGeometry(): BufferGeometry {
  return new SphereGeometry(HEAD_RADIUS_M, 24, 16);
}

/** The visor across the eyes, in front of the head (-z). */
export function visorGeometry(): BufferGeometry {
  const visor = new BoxGeometry(0.17, 0.055, 0.06);
  visor.translate(0, 0.015, -0.08);
  return visor;
}

/**
 * Shoulders, chest and waist as one turned profile, flattened front to back:
 * reads as a person from any side, and is short enough that a seated
 * screen user does not stand like a pillar.
 */
export function torsoGeometry(): BufferGeometry {
  const profile = [
    [0.0, 0.0],
    [0.05, 0.0],
    [0.07, -0.02],
    [0.17, -0.06],
    [0.2, -0.1],
    [0.19, -0.2],
    [0.16, -0.34],
    [0.15, -0.46],
    [0.12, -0.5],
    [0.0, -0.5],
  ].map(([radius, height]) => new Vector2(radius, height));
  const torso = new LatheGeometry(profile, 20);
  torso.scale(1, 1, 0.62);
  torso.computeVertexNormals();
  return torso;
}

/** A mitten: enough to show where a headset user's hand is and which way it points. */
export function handGeometry(): BufferGeometry {
  const hand = new CapsuleGeometry(0.028, 0.06, 4, 10);
  hand.rotateX(Math.PI / 2);
  hand.scale(1.3, 0.75, 1);
  return hand;
}

const yaw = new Euler(0, 0, 0, "YXZ");
const headRotation = new Quaternion();
const bodyRotation = new Quaternion();
const bodyPosition = new Vector3();
const unit = new Vector3(1, 1, 1);

/**
 * The torso's placement for a head pose: under the head, turned as the head
 * is about the vertical, upright whatever the head's pitch and roll.
 */
export function torsoMatrix(head: Pose, target: Matrix4): Matrix4 {
  headRotation.set(head.q[0], head.q[1], head.q[2], head.q[3]);
  yaw.setFromQuaternion(headRotation, "YXZ");
  yaw.set(0, yaw.y, 0);
  bodyRotation.setFromEuler(yaw);
  bodyPosition.set(head.p[0], head.p[1] - NECK_DROP_M, head.p[2]);
  return target.compose(bodyPosition, bodyRotation, unit);
}

/** A pose as a matrix (scale 1). */
export function poseMatrix(pose: Pose, target: Matrix4): Matrix4 {
  bodyPosition.set(pose.p[0], pose.p[1], pose.p[2]);
  headRotation.set(pose.q[0], pose.q[1], pose.q[2], pose.q[3]);
  return target.compose(bodyPosition, headRotation, unit);
}

/** Draws nothing: an instance that is out of sight. */
export const HIDDEN = new Matrix4().makeScale(0, 0, 0);
