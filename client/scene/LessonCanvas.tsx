/**
 * The canvas every 3D lesson view draws in (a live class, a recorded one):
 * the same camera, quality and pointer handling, and the scene's readiness
 * for the loading bar.
 */
import { Canvas } from "@react-three/fiber";
import { PointerEvents, noEvents } from "@react-three/xr";
import { useEffect, useState, type ReactNode } from "react";
import { GPU_PIXEL_RATIO, SOFTWARE_PIXEL_RATIO, isSoftwareRenderer, rendererName } from "./renderQuality.ts";
import { sceneStatus } from "./sceneStatus.ts";
import { markSceneDrawn } from "../app/appUpdates.ts";

export function LessonCanvas({ label, children }: { label: string; children: ReactNode }) {
  useEffect(() => () => sceneStatus.setState({ ready: false }), []);
  const [pixelRatio, setPixelRatio] = useState<number | [number, number]>(GPU_PIXEL_RATIO);
  return (
    <Canvas
      events={noEvents}
      shadows
      dpr={pixelRatio}
      camera={{ position: [0, 1.6, 1.9], fov: 55, near: 0.05, far: 60 }}
      gl={{ antialias: true }}
      // The scene as one picture to assistive technology; what is in it is described in words beside it.
      role="img"
      aria-label={label}
      onCreated={({ gl }) => {
        if (isSoftwareRenderer(rendererName(gl.getContext()))) setPixelRatio(SOFTWARE_PIXEL_RATIO);
        sceneStatus.setState({ ready: true });
        markSceneDrawn();
      }}
    >
      <PointerEvents />
      {children}
    </Canvas>
  );
}
