/**
 * On-screen handles for the studio's object in hand (drei's
 * TransformControls): move and turn it as a grab, so every author sees it
 * move and its new place is kept for the step; resize it; or move its
 * target. The handles follow the object where it is drawn.
 */
import { TransformControls } from "@react-three/drei";
import { useFrame } from "@react-three/fiber";
import { useRef, useState } from "react";
import type { Group } from "three";
import { useStore } from "zustand";
import type { Pose } from "../../../shared/math.ts";
import type { ClassroomConnection } from "../../net/connection.ts";
import { studioSelection } from "../../ui/studio/selection.ts";
import { renderedObjects } from "../sceneRegistry.ts";
import { gizmoState } from "./gizmoState.ts";

export function StudioHandles({ connection }: { connection: ClassroomConnection }) {
  const selected = useStore(studioSelection, (s) => s.selected);
  const mode = useStore(studioSelection, (s) => s.gizmo);
  // Trying the lesson as a student: no authoring handles.
  const trying = useStore(studioSelection, (s) => s.trying !== undefined);
  const draft = useStore(connection.studio.store, (studio) => studio.draft);
  const [group, setGroup] = useState<Group | null>(null);
  const dragging = useRef(false);
  const object = draft?.lesson.objects.find((candidate) => candidate.id === selected);
  const target = object?.snap?.[0];

  // Between drags the handles stand where the object (or its target) is drawn.
  useFrame(() => {
    if (!group || dragging.current || !object) return;
    const pose = mode === "target" ? target?.pose : renderedObjects.get(object.id)?.();
    if (!pose) return;
    group.position.set(...pose.p);
    group.quaternion.set(...pose.q);
    group.scale.set(1, 1, 1);
  });

  if (!object || trying || (mode === "target" && !target)) return null;
  const poseOf = (group: Group): Pose => ({
    p: [group.position.x, group.position.y, group.position.z],
    q: [group.quaternion.x, group.quaternion.y, group.quaternion.z, group.quaternion.w],
  });
  const start = () => {
    if (!group) return;
    dragging.current = true;
    gizmoState.setState({ dragging: true });
    if (mode === "translate" || mode === "rotate") connection.grab(object.id, poseOf(group));
  };
  const change = () => {
    if (group && dragging.current && (mode === "translate" || mode === "rotate"))
      connection.move(object.id, poseOf(group));
  };
  const end = () => {
    dragging.current = false;
    gizmoState.setState({ dragging: false });
    if (!group) return;
    if (mode === "translate" || mode === "rotate") connection.release(object.id, poseOf(group));
    else if (mode === "scale") {
      const size = object.size.map((side, axis) =>
        Math.min(3, Math.max(0.02, side * Math.abs([group.scale.x, group.scale.y, group.scale.z][axis]!))),
      ) as [number, number, number];
      connection.studio.edit({ edit: "setObject", objectId: object.id, size });
    } else connection.studio.edit({ edit: "setTarget", objectId: object.id, pose: poseOf(group) });
  };

  return (
    <>
      <group ref={setGroup} />
      {group && (
        <TransformControls
          object={group}
          mode={mode === "target" ? "translate" : mode}
          size={0.7}
          onMouseDown={start}
          onObjectChange={change}
          onMouseUp={end}
        />
      )}
    </>
  );
}
