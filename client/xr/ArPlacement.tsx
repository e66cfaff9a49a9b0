/**
 * AR: shows the shared lesson in the student's room. A reticle marks the
 * surface they look at; the lesson follows it until a tap or trigger sets it
 * down. The XR origin carries the room into the lesson frame (placement.ts),
 * so grabbing, avatars and everything sent to the class stay in the shared
 * frame. Rendered inside the XR origin: its own meshes are in room metres.
 */
import { useFrame } from "@react-three/fiber";
import { useXR, useXRHitTest } from "@react-three/xr";
import { useEffect, useRef, type RefObject } from "react";
import type { Group, Mesh } from "three";
import { useStore } from "zustand";
import type { Vec3 } from "../../shared/math.ts";
import { HEADSET_START } from "../scene/viewpoint.ts";
import { arPlacement, lookAt, setDown, startPlacing, stopPlacing } from "./arPlacement.ts";
import { originTransform } from "./placement.ts";

export function ArPlacement({ origin }: { origin: RefObject<Group | null> }) {
  const session = useXR((xr) => xr.session);
  const referenceSpace = useXR((xr) => xr.originReferenceSpace);
  const placing = useStore(arPlacement, (s) => s.status === "placing");
  const viewer = useRef<Vec3>([0, 1.6, 0]);
  const reticle = useRef<Mesh>(null);

  useEffect(() => {
    const node = origin.current;
    startPlacing();
    return () => {
      stopPlacing();
      // Back to the headset's starting spot for a later VR session.
      node?.position.set(...HEADSET_START);
      node?.quaternion.identity();
      node?.scale.setScalar(1);
    };
  }, [origin]);

  // A tap on a phone, a trigger or pinch in a headset: set the lesson down where it is shown.
  useEffect(() => {
    if (!session) return;
    const onSelect = () => void setDown();
    session.addEventListener("select", onSelect);
    return () => session.removeEventListener("select", onSelect);
  }, [session]);

  useXRHitTest(
    placing
      ? (results) => {
          const position = referenceSpace ? results[0]?.getPose(referenceSpace)?.transform.position : undefined;
          lookAt(position ? [position.x, position.y, position.z] : undefined, viewer.current);
        }
      : undefined,
    "viewer",
    ["plane", "mesh"],
  );

  useFrame((_state, _delta, frame: XRFrame | undefined) => {
    const head = referenceSpace ? frame?.getViewerPose(referenceSpace)?.transform.position : undefined;
    if (head) viewer.current = [head.x, head.y, head.z];
    const { placement, hit, status } = arPlacement.getState();
    if (placement && origin.current) {
      const { position, quaternion, scale } = originTransform(placement);
      origin.current.position.set(...position);
      origin.current.quaternion.set(...quaternion);
      origin.current.scale.setScalar(scale);
    }
    if (reticle.current) {
      reticle.current.visible = status === "placing" && hit !== undefined;
      if (hit) reticle.current.position.set(...hit);
    }
  });

  return (
    <mesh ref={reticle} rotation={[-Math.PI / 2, 0, 0]} visible={false} name="ar-reticle">
      <ringGeometry args={[0.07, 0.09, 40]} />
      <meshBasicMaterial color="#ffffff" transparent opacity={0.9} depthTest={false} />
    </mesh>
  );
}
