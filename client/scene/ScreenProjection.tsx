/** Registers how to find a world point on screen (for the browser tests' hook). */
import { useThree } from "@react-three/fiber";
import { useEffect } from "react";
import { Vector3 } from "three";
import { screenProjection } from "./sceneRegistry.ts";

export function ScreenProjection() {
  const camera = useThree((three) => three.camera);
  const canvas = useThree((three) => three.gl.domElement);
  useEffect(() => {
    screenProjection.project = (point) => {
      const projected = new Vector3(...point).project(camera);
      const rect = canvas.getBoundingClientRect();
      return [rect.left + ((projected.x + 1) / 2) * rect.width, rect.top + ((1 - projected.y) / 2) * rect.height];
    };
    screenProjection.viewpoint = () => {
      const position = camera.getWorldPosition(new Vector3());
      return [position.x, position.y, position.z];
    };
    return () => {
      screenProjection.project = undefined;
      screenProjection.viewpoint = undefined;
    };
  }, [camera, canvas]);
  return null;
}
