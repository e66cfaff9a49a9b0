/** Registers how to find a world point on screen, and what was drawn (for the browser tests' hook and the render bench). */
import { useThree } from "@react-three/fiber";
import { useEffect } from "react";
import { Vector3 } from "three";
import { pixelsPerMetre } from "./framing.ts";
import { screenProjection } from "./sceneRegistry.ts";

export function ScreenProjection() {
  const camera = useThree((three) => three.camera);
  const canvas = useThree((three) => three.gl.domElement);
  const gl = useThree((three) => three.gl);
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
    screenProjection.pixelsAcross = (point, metres) => {
      const distance = camera.getWorldPosition(new Vector3()).distanceTo(new Vector3(...point));
      const fov = "fov" in camera ? (camera.fov as number) : 55;
      const rect = canvas.getBoundingClientRect();
      return metres * pixelsPerMetre(distance, fov, rect.height);
    };
    screenProjection.drawn = () => ({ calls: gl.info.render.calls, triangles: gl.info.render.triangles });
    return () => {
      screenProjection.drawn = undefined;
      screenProjection.project = undefined;
      screenProjection.viewpoint = undefined;
      screenProjection.pixelsAcross = undefined;
    };
  }, [camera, canvas, gl]);
  return null;
}
