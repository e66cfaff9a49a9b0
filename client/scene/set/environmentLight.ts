/**
 * The light of an environment map as nine spherical-harmonic coefficients
 * (what a three.js LightProbe holds), computed on the CPU straight from the
 * equirectangular pixels: no render target, no read-back from the GPU, so it
 * is the same before and during a headset session and costs nothing per
 * frame. Rows run from the bottom (looking down) to the top, as the EXR
 * loader lays them out; columns follow three.js's equirectangular mapping.
 */
import { Color, SphericalHarmonics3, Vector3 } from "three";

export function lightFromEquirect(
  data: ArrayLike<number>,
  width: number,
  height: number,
  channels = 4,
): SphericalHarmonics3 {
  const sh = new SphericalHarmonics3();
  const basis = new Array<number>(9).fill(0);
  const direction = new Vector3();
  const cosLongitude = Float64Array.from({ length: width }, (_, x) =>
    Math.cos(((x + 0.5) / width - 0.5) * 2 * Math.PI),
  );
  const sinLongitude = Float64Array.from({ length: width }, (_, x) =>
    Math.sin(((x + 0.5) / width - 0.5) * 2 * Math.PI),
  );
  let totalWeight = 0;
  for (let y = 0; y < height; y++) {
    const latitude = ((y + 0.5) / height - 0.5) * Math.PI;
    const up = Math.sin(latitude);
    const across = Math.cos(latitude);
    // Each texel's share of the sphere shrinks towards the poles.
    const weight = across;
    for (let x = 0; x < width; x++) {
      direction.set(across * cosLongitude[x]!, up, across * sinLongitude[x]!);
      SphericalHarmonics3.getBasisAt(direction, basis);
      const at = (y * width + x) * channels;
      const r = data[at]!;
      const g = data[at + 1]!;
      const b = data[at + 2]!;
      for (let j = 0; j < 9; j++) {
        const scale = basis[j]! * weight;
        sh.coefficients[j]!.x += r * scale;
        sh.coefficients[j]!.y += g * scale;
        sh.coefficients[j]!.z += b * scale;
      }
      totalWeight += weight;
    }
  }
  // The weights summed over the sphere are its 4π steradians.
  const norm = (4 * Math.PI) / totalWeight;
  for (const coefficient of sh.coefficients) coefficient.multiplyScalar(norm);
  return sh;
}

/**
 * The map's light as a sky light: the colour it casts on a face turned up
 * and on one turned down, scaled so the brighter of the two is 1. Cheaper
 * than a light probe and, unlike adding one, it changes no shader.
 */
export function skyLightFrom(sh: SphericalHarmonics3): { sky: Color; ground: Color } {
  const at = (y: number) => {
    const rgb = sh.getIrradianceAt(new Vector3(0, y, 0), new Vector3());
    return new Color(Math.max(0, rgb.x), Math.max(0, rgb.y), Math.max(0, rgb.z));
  };
  const sky = at(1);
  const ground = at(-1);
  const brightest = Math.max(sky.r, sky.g, sky.b, ground.r, ground.g, ground.b, 1e-6);
  return { sky: sky.multiplyScalar(1 / brightest), ground: ground.multiplyScalar(1 / brightest) };
}
