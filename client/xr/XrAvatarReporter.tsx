/**
 * In a headset, tells the class where this participant's head and hands
 * are, in the shared lesson frame (the XR origin's transform applied).
 */
import { useFrame } from "@react-three/fiber";
import { useXR } from "@react-three/xr";
import { Matrix4, Quaternion, Vector3 } from "three";
import type { Pose } from "../../shared/math.ts";
import type { ClassroomConnection } from "../net/connection.ts";

const local = new Matrix4();
const world = new Matrix4();
const position = new Vector3();
const rotation = new Quaternion();
const scale = new Vector3();

export function XrAvatarReporter({ connection }: { connection: ClassroomConnection }) {
  const origin = useXR((xr) => xr.origin);
  const referenceSpace = useXR((xr) => xr.originReferenceSpace);

  useFrame((_state, _delta, frame: XRFrame | undefined) => {
    if (!frame || !referenceSpace) return;
    const toWorld = (transform: XRRigidTransform): Pose => {
      local.fromArray(transform.matrix);
      world.copy(origin?.matrixWorld ?? local.clone().identity()).multiply(local);
      world.decompose(position, rotation, scale);
      return { p: [position.x, position.y, position.z], q: [rotation.x, rotation.y, rotation.z, rotation.w] };
    };
    const viewer = frame.getViewerPose(referenceSpace);
    if (!viewer) return;
    const payload: { head: Pose; left?: Pose; right?: Pose } = { head: toWorld(viewer.transform) };
    for (const source of frame.session.inputSources) {
      if (source.handedness !== "left" && source.handedness !== "right") continue;
      const space = source.gripSpace ?? source.targetRaySpace;
      const pose = frame.getPose(space, referenceSpace);
      if (pose) payload[source.handedness] = toWorld(pose.transform);
    }
    connection.sendAvatarPose(payload);
  });
  return null;
}
