/**
 * Soft indoor light. The sky light takes its colours from a small CC0
 * environment map (an apartment's daylight, from @pmndrs/assets, bundled
 * and served by the classroom itself): the light it casts on faces turned
 * up and down (see environmentLight), computed once per page on the CPU.
 * One sun through the windows gives the table's shadows. The map arrives as
 * its own chunk after the scene is up; until then neutral colours stand in.
 *
 * Measured before choosing this: sampling the map in every pixel (an
 * environment map) halved the frame rate of a software-rendered class, and
 * a light probe added after the first frame left an emulated AR headset's
 * page unable to take a click; changing two colours costs nothing.
 */
import { useEffect, useState } from "react";
import { Color, FloatType } from "three";
import { EXRLoader } from "three/examples/jsm/loaders/EXRLoader.js";
import { lightFromEquirect, skyLightFrom } from "./environmentLight.ts";

const SKY_INTENSITY = 1.5;
const NEUTRAL = { sky: new Color("#ffffff"), ground: new Color("#c9b9a3") };

let environmentSky: Promise<{ sky: Color; ground: Color }> | undefined;
/** Loads and reduces the map once; entering or leaving a headset session reuses the result. */
function loadEnvironmentSky() {
  return (environmentSky ??= import("@pmndrs/assets/hdri/apartment.exr.js").then(async (module) => {
    const map = await new EXRLoader().setDataType(FloatType).loadAsync(module.default);
    const { data, width, height } = map.image as { data: Float32Array; width: number; height: number };
    map.dispose();
    return skyLightFrom(lightFromEquirect(data, width, height));
  }));
}

export function RoomLighting() {
  const [light, setLight] = useState(NEUTRAL);
  useEffect(() => {
    let current = true;
    loadEnvironmentSky()
      .then((loaded) => current && setLight(loaded))
      .catch(() => {
        // Without the map the neutral sky stays: the room is a little flatter, nothing more.
      });
    return () => {
      current = false;
    };
  }, []);
  return (
    <>
      <hemisphereLight color={light.sky} groundColor={light.ground} intensity={SKY_INTENSITY} />
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
    </>
  );
}
