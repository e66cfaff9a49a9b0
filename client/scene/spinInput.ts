/**
 * Turning a held object from the keyboard or mouse wheel on a desktop: the
 * controls add spin here and the held object takes it on its next frame.
 */
import { Quaternion, Vector3 } from "three";

const pending = new Quaternion();
let hasPending = false;
const axisQuat = new Quaternion();

/** Adds a turn of `angle` radians about a world axis. */
export function addSpin(axis: Vector3, angle: number): void {
  axisQuat.setFromAxisAngle(axis, angle);
  pending.premultiply(axisQuat);
  hasPending = true;
}

/** Takes the spin gathered since the last call, if any. */
export function takeSpin(): Quaternion | undefined {
  if (!hasPending) return undefined;
  const spin = pending.clone();
  pending.identity();
  hasPending = false;
  return spin;
}

export const UP = new Vector3(0, 1, 0);
export const RIGHT = new Vector3(1, 0, 0);
