/**
 * Soft indoor light. The sky light takes its colours from a small CC0
 * environment map (an apartment's daylight, from @pmndrs/assets): the light
 * it casts on faces turned up and down (see environmentLight). Those two
 * colours are all the room uses of the map, so they are worked out once,
 * here, rather than on every student's device: the map is 97 KiB a student
 * on a thin link would otherwise download before the class draws. A unit
 * test works them out from the map again and holds them to it.
 * One sun through the windows gives the table's shadows.
 *
 * Measured before choosing this: sampling the map in every pixel (an
 * environment map) halved the frame rate of a software-rendered class, and
 * a light probe added after the first frame left an emulated AR headset's
 * page unable to take a click; two colours cost nothing.
 */
import { Color } from "three";

const SKY_INTENSITY = 1.5;

/** skyLightFrom(lightFromEquirect(apartment.exr)), in three's working colour space (linear sRGB). */
export const APARTMENT_SKY_LIGHT = {
  sky: [1, 0.85866, 0.75676],
  ground: [0.96318, 0.71752, 0.53748],
} as const;

const sky = new Color(...APARTMENT_SKY_LIGHT.sky);
const ground = new Color(...APARTMENT_SKY_LIGHT.ground);

export function RoomLighting() {
  return (
    <>
      <hemisphereLight color={sky} groundColor={ground} intensity={SKY_INTENSITY} />
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
