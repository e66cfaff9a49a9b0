import { describe, expect, it } from "vitest";
import { FloatType } from "three";
import { EXRLoader } from "three/examples/jsm/loaders/EXRLoader.js";
import apartment from "@pmndrs/assets/hdri/apartment.exr.js";
import { lightFromEquirect, skyLightFrom } from "./environmentLight.ts";
import { APARTMENT_SKY_LIGHT } from "./RoomLighting.tsx";

const WIDTH = 64;
const HEIGHT = 32;

function equirect(radiance: (y: number) => number): Float32Array {
  const data = new Float32Array(WIDTH * HEIGHT * 4);
  for (let y = 0; y < HEIGHT; y++)
    for (let x = 0; x < WIDTH; x++) data.set([radiance(y), radiance(y), radiance(y), 1], (y * WIDTH + x) * 4);
  return data;
}

describe("the light of an environment map", () => {
  it("of an even glow is the constant term alone (L · Y₀₀ · 4π)", () => {
    const sh = lightFromEquirect(
      equirect(() => 2),
      WIDTH,
      HEIGHT,
    );
    expect(sh.coefficients[0]!.x).toBeCloseTo(2 * 0.282095 * 4 * Math.PI, 2);
    // Up to the sampling of a small map: a few thousandths against a constant term of about 7.
    for (const coefficient of sh.coefficients.slice(1)) expect(Math.abs(coefficient.x)).toBeLessThan(0.02);
  });

  it("of a bright sky over a dark floor comes from above: lit from +y, more on an upward face", () => {
    // The top rows (looking up) are bright, the bottom ones dark.
    const sh = lightFromEquirect(
      equirect((y) => (y >= HEIGHT / 2 ? 3 : 0.2)),
      WIDTH,
      HEIGHT,
    );
    expect(sh.coefficients[1]!.x).toBeGreaterThan(0.5);
    expect(Math.abs(sh.coefficients[2]!.x)).toBeLessThan(1e-6);
    expect(Math.abs(sh.coefficients[3]!.x)).toBeLessThan(1e-6);
  });
});

describe("the sky light of an environment map", () => {
  it("is brighter from above under a bright sky, the brighter side scaled to 1", () => {
    const { sky, ground } = skyLightFrom(
      lightFromEquirect(
        equirect((y) => (y >= HEIGHT / 2 ? 3 : 0.2)),
        WIDTH,
        HEIGHT,
      ),
    );
    expect(Math.max(sky.r, sky.g, sky.b)).toBeCloseTo(1, 5);
    expect(ground.r).toBeLessThan(sky.r * 0.5);
  });
});

describe("the room's sky light", () => {
  it("is the apartment map's light, worked out again from the map", () => {
    const bytes = Buffer.from(apartment.split(",")[1]!, "base64");
    const map = new EXRLoader()
      .setDataType(FloatType)
      .parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    const { sky, ground } = skyLightFrom(lightFromEquirect(map.data as Float32Array, map.width!, map.height!));
    sky.toArray().forEach((value, i) => expect(value).toBeCloseTo(APARTMENT_SKY_LIGHT.sky[i]!, 4));
    ground.toArray().forEach((value, i) => expect(value).toBeCloseTo(APARTMENT_SKY_LIGHT.ground[i]!, 4));
  });
});
