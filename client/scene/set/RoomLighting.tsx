/**
 * Soft indoor light. The fill comes from a small CC0 environment map (an
 * apartment's daylight, from @pmndrs/assets, bundled and served by the
 * classroom itself), reduced once to a light probe: the room's light by
 * direction for a few multiply-adds per pixel, where sampling the map in
 * every pixel halved the frame rate of a software-rendered class. One sun
 * through the windows gives the table's shadows. The map arrives as its own
 * chunk after the scene is up; until then a plain sky light carries it.
 */
import { useLoader, useThree } from "@react-three/fiber";
import { Suspense, use, useCallback, useEffect, useState } from "react";
import { HalfFloatType, type LightProbe, WebGLCubeRenderTarget } from "three";
import { EXRLoader } from "three/examples/jsm/loaders/EXRLoader.js";
import { LightProbeGenerator } from "three/examples/jsm/lights/LightProbeGenerator.js";

const PROBE_INTENSITY = 1.6;
let environmentUrl: Promise<string> | undefined;
const loadEnvironmentUrl = () =>
  (environmentUrl ??= import("@pmndrs/assets/hdri/apartment.exr.js").then((module) => module.default));

export function RoomLighting() {
  const [probed, setProbed] = useState(false);
  const onProbeReady = useCallback(() => setProbed(true), []);
  return (
    <>
      {/* The sky light fills in until the probe is ready, then only lifts the shadows a little. */}
      <hemisphereLight args={["#ffffff", "#c9b9a3", probed ? 0.35 : 1.3]} />
      <directionalLight
        position={[2.5, 4, 2]}
        intensity={1.6}
        castShadow
        shadow-mapSize={[1024, 1024]}
        shadow-camera-left={-2}
        shadow-camera-right={2}
        shadow-camera-top={2}
        shadow-camera-bottom={-2}
      />
      <Suspense fallback={null}>
        <EnvironmentProbe onReady={onProbeReady} />
      </Suspense>
    </>
  );
}

function EnvironmentProbe({ onReady }: { onReady: () => void }) {
  const url = use(loadEnvironmentUrl());
  const map = useLoader(EXRLoader, url);
  const renderer = useThree((three) => three.gl);
  const [probe, setProbe] = useState<LightProbe>();
  useEffect(() => {
    let current = true;
    const cube = new WebGLCubeRenderTarget(32, { type: HalfFloatType });
    cube.fromEquirectangularTexture(renderer, map);
    void LightProbeGenerator.fromCubeRenderTarget(renderer, cube)
      .then((made) => {
        if (!current) return;
        made.intensity = PROBE_INTENSITY;
        setProbe(made);
        onReady();
      })
      .catch(() => {
        // Without the probe the sky light stays as it is: the room is a little flatter, nothing more.
      })
      .finally(() => cube.dispose());
    return () => {
      current = false;
    };
  }, [renderer, map, onReady]);
  return probe ? <primitive object={probe} /> : null;
}
