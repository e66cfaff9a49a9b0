/**
 * Moving around on a screen: drag the background to look around the table,
 * scroll or pinch to zoom, W A S D / arrow keys to walk. While an object is
 * held, the wheel and Q/E turn it instead. The camera is this participant's
 * head for everyone else.
 */
import { useFrame, useThree } from "@react-three/fiber";
import { OrbitHandles, createScreenCameraStore } from "@react-three/handle";
import { useEffect, useMemo, useRef } from "react";
import { useStore } from "zustand";
import { gizmoState } from "./studio/gizmoState.ts";
import { useClassView } from "../app/useStores.ts";
import type { ClassroomConnection } from "../net/connection.ts";
import { TABLE_HEIGHT } from "./Classroom3D.tsx";
import { AVATAR_PALETTE } from "./palette.ts";
import { worldPoseOf } from "./poseConversion.ts";
import { RIGHT, UP, addSpin } from "./spinInput.ts";
import { requestStepFocus } from "./focusRequests.ts";
import { StepFraming } from "./StepFraming.tsx";
import { prefersReducedMotion } from "./reducedMotion.ts";
import { spotNear } from "./viewpoint.ts";

const WALK_SPEED = 1.2; // m/s
const EYE_HEIGHT = 1.6; // m
const TURN_SPEED = 1.8; // rad/s
const WHEEL_TURN = 0.004; // rad per wheel pixel

export function DesktopControls({ connection }: { connection: ClassroomConnection }) {
  const holding = useClassView(connection.view, (v) => v.holding.length > 0);
  // The studio's on-screen handles take the drag: the camera keeps still meanwhile.
  const handleDragged = useStore(gizmoState, (gizmo) => gizmo.dragging);
  // Everyone starts at their own place around the table, by avatar colour,
  // so no two people begin inside each other.
  const startYaw = useMemo(() => {
    const me = connection.view.getState().participants.find((p) => p.seat === connection.seat);
    return ((me?.color ?? 0) * 2 * Math.PI) / AVATAR_PALETTE.length;
  }, [connection]);
  const cameraStore = useMemo(
    () => createScreenCameraStore({ origin: [0, TABLE_HEIGHT + 0.15, 0], distance: 1.9, yaw: startYaw, pitch: -0.45 }),
    [startYaw],
  );
  const keys = usePressedKeys();
  const reducedMotion = useMemo(() => prefersReducedMotion(), []);
  const camera = useThree((three) => three.camera);

  useEffect(() => {
    const onWheel = (event: WheelEvent) => {
      if (connection.view.getState().holding.length === 0) return;
      event.preventDefault();
      addSpin(UP, event.deltaY * WHEEL_TURN);
    };
    window.addEventListener("wheel", onWheel, { passive: false, capture: true });
    return () => window.removeEventListener("wheel", onWheel, { capture: true });
  }, [connection]);

  // "Come here": stand at this participant's spot near the teacher's point, still facing the table.
  const gatherSerial = useClassView(connection.view, (v) => v.gather?.serial);
  useEffect(() => {
    const { gather, participants } = connection.view.getState();
    if (!gather) return;
    const me = participants.find((p) => p.seat === connection.seat);
    const [x, , z] = spotNear(gather.point, me?.color ?? 0);
    cameraStore.getState().setCameraPosition(x, EYE_HEIGHT, z, false);
  }, [gatherSerial, cameraStore, connection]);

  useFrame((_, delta) => {
    const { followSeat, participants } = connection.view.getState();
    if (followSeat && followSeat !== connection.seat) {
      // Follow me: keep to this participant's spot beside the leader.
      const leader = connection.poses.sample(`head:${followSeat}`, performance.now());
      const me = participants.find((p) => p.seat === connection.seat);
      if (leader) {
        const [x, , z] = spotNear(leader.p, me?.color ?? 0);
        cameraStore.getState().setCameraPosition(x, EYE_HEIGHT, z, false);
      }
    }
    const pressed = keys.current;
    const forward =
      (pressed.has("KeyW") || pressed.has("ArrowUp") ? 1 : 0) -
      (pressed.has("KeyS") || pressed.has("ArrowDown") ? 1 : 0);
    const sideways =
      (pressed.has("KeyD") || pressed.has("ArrowRight") ? 1 : 0) -
      (pressed.has("KeyA") || pressed.has("ArrowLeft") ? 1 : 0);
    if (forward !== 0 || sideways !== 0) {
      const state = cameraStore.getState();
      const step = WALK_SPEED * delta;
      const { yaw } = state;
      const [x, y, z] = state.origin;
      // Forward is the way the camera faces, flattened onto the floor.
      const dx = (-Math.sin(yaw) * forward + Math.cos(yaw) * sideways) * step;
      const dz = (-Math.cos(yaw) * forward - Math.sin(yaw) * sideways) * step;
      state.setOriginPosition(x + dx, y, z + dz, true);
    }
    const turn = (pressed.has("KeyE") ? 1 : 0) - (pressed.has("KeyQ") ? 1 : 0);
    if (turn !== 0 && connection.view.getState().holding.length > 0) addSpin(UP, turn * TURN_SPEED * delta);
    const tilt = (pressed.has("KeyF") ? 1 : 0) - (pressed.has("KeyR") ? 1 : 0);
    if (tilt !== 0 && connection.view.getState().holding.length > 0) addSpin(RIGHT, tilt * TURN_SPEED * delta);

    // The connection sends it only when it changed.
    connection.sendAvatarPose({ head: worldPoseOf(camera) });
  });

  return (
    <>
      <OrbitHandles
        store={cameraStore}
        damping={!reducedMotion}
        zoom={!holding && !handleDragged}
        rotate={!handleDragged}
        pan={!handleDragged}
      />
      <StepFraming connection={connection} cameraStore={cameraStore} />
    </>
  );
}

/** The keyboard keys held right now, ignoring typing into form fields. */
function usePressedKeys() {
  const pressed = useRef(new Set<string>());
  useEffect(() => {
    // Typing, or moving an object from the scene's list (its arrows and Q/E are the object's, not the camera's).
    const isTyping = (event: KeyboardEvent) =>
      event.target instanceof HTMLInputElement ||
      event.target instanceof HTMLTextAreaElement ||
      event.target instanceof HTMLSelectElement ||
      (event.target instanceof Element && event.target.closest(".scene-objects") !== null);
    const down = (event: KeyboardEvent) => {
      if (isTyping(event)) return;
      pressed.current.add(event.code);
      // Z: look at the step's subject again.
      if (event.code === "KeyZ" && !event.repeat) requestStepFocus();
    };
    const up = (event: KeyboardEvent) => pressed.current.delete(event.code);
    const clear = () => pressed.current.clear();
    window.addEventListener("keydown", down);
    window.addEventListener("keyup", up);
    window.addEventListener("blur", clear);
    return () => {
      window.removeEventListener("keydown", down);
      window.removeEventListener("keyup", up);
      window.removeEventListener("blur", clear);
    };
  }, []);
  return pressed;
}
