/**
 * Each step frames its subject on a screen: when the step changes, when the
 * class first appears, when the screen changes shape, and on "Show the step"
 * (button or Z), the view eases to look at the step's objects (without props
 * far larger than them) from where they fill it: from the participant's own
 * side of the table, turned to see a row of objects broadside rather than
 * end-on. A step whose lesson names a view (a region, and maybe the
 * angle to see it from) is framed that way instead. With reduced motion
 * asked for, the view moves at once (the camera's damping is off then too).
 */
import { useFrame, useThree } from "@react-three/fiber";
import type { createScreenCameraStore } from "@react-three/handle";
import { useEffect, useRef } from "react";
import type { PerspectiveCamera } from "three";
import type { ClassroomConnection } from "../net/connection.ts";
import { boundingSphere, broadsideYaw, framingDistance, subjectOf, type Sphere } from "./framing.ts";
import { focusRequests } from "./focusRequests.ts";
import { screenProjection } from "./sceneRegistry.ts";

type CameraStore = ReturnType<typeof createScreenCameraStore>;

export function StepFraming({
  connection,
  cameraStore,
}: {
  connection: ClassroomConnection;
  cameraStore: CameraStore;
}) {
  const camera = useThree((three) => three.camera) as PerspectiveCamera;
  const size = useThree((three) => three.size);
  /** Framing waits for the objects' poses (the first patch) before it moves anything. */
  const pending = useRef(true);
  // A turned phone or a resized window frames the step again for its new shape.
  useEffect(() => {
    pending.current = true;
  }, [size.width, size.height]);

  // The lesson studio's "Use this view": what this screen looks at now, as a step's view.
  useEffect(() => {
    screenProjection.view = () => {
      const { origin, distance, yaw, pitch } = cameraStore.getState();
      const perRadius = framingDistance(
        { centre: [origin[0], origin[1], origin[2]], radius: 1 },
        camera.fov,
        size.width / Math.max(1, size.height),
      );
      const degrees = (radians: number) => Math.round((radians * 180) / Math.PI);
      const turned = Math.atan2(Math.sin(yaw), Math.cos(yaw));
      return {
        target: [origin[0], origin[1], origin[2]],
        radius: Math.min(5, Math.max(0.05, distance / perRadius)),
        yaw: degrees(turned),
        pitch: Math.min(30, Math.max(-89, degrees(pitch))),
      };
    };
    return () => {
      screenProjection.view = undefined;
    };
  }, [cameraStore, camera, size]);

  useEffect(() => {
    const request = () => (pending.current = true);
    const unsubscribeView = connection.view.subscribe((view, previous) => {
      if (view.step !== previous.step) request();
    });
    const unsubscribeFocus = focusRequests.subscribe(request);
    return () => {
      unsubscribeView();
      unsubscribeFocus();
    };
  }, [connection]);

  useFrame(() => {
    if (!pending.current) return;
    const { lesson, step } = connection.view.getState();
    const authored = lesson?.steps[step]?.view;
    if (authored) {
      pending.current = false;
      const aspect = size.width / Math.max(1, size.height);
      const distance = framingDistance({ centre: authored.target, radius: authored.radius }, camera.fov, aspect);
      const { yaw, pitch } = cameraStore.getState();
      cameraStore.setState({
        origin: authored.target,
        distance,
        yaw: authored.yaw === undefined ? yaw : (authored.yaw * Math.PI) / 180,
        pitch: authored.pitch === undefined ? pitch : (authored.pitch * Math.PI) / 180,
      });
      return;
    }
    const spheres: Sphere[] = [];
    for (const object of connection.view.getState().objects) {
      const pose = connection.poses.latest(`object:${object.id}`);
      if (pose) spheres.push({ centre: pose.p, radius: Math.max(...object.size) / 2 });
    }
    const parts = subjectOf(spheres);
    const subject = boundingSphere(parts);
    if (!subject) return;
    pending.current = false;
    const distance = framingDistance(subject, camera.fov, size.width / Math.max(1, size.height));
    const { yaw } = cameraStore.getState();
    const broadside = broadsideYaw(
      parts.map((part) => part.centre),
      yaw,
    );
    cameraStore.setState({ origin: subject.centre, distance, yaw: broadside ?? yaw });
  });
  return null;
}
