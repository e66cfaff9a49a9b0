/**
 * Makes the lesson models from code: `npm run models` rewrites every .glb
 * in this folder. Each model fits a 1 m box centred on its origin; a lesson
 * scales it with the object's `size`. Released under CC BY 4.0 with the
 * lessons.
 */
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { CylinderGeometry, Quaternion, RingGeometry, SphereGeometry, Vector3 } from "three";
import { writeGlb, type ModelPart } from "./glb.ts";

const here = dirname(fileURLToPath(import.meta.url));
const GENERATOR = "Meridian make-models";

/** sRGB colour (as designers pick it) to the linear values glTF stores. */
function linear(hex: string): [number, number, number] {
  const channel = (offset: number) => {
    const c = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return [channel(1), channel(3), channel(5)];
}

function quat(axis: [number, number, number], degrees: number): [number, number, number, number] {
  const q = new Quaternion().setFromAxisAngle(new Vector3(...axis).normalize(), (degrees * Math.PI) / 180);
  return [q.x, q.y, q.z, q.w];
}

/** Saturn with its rings, tilted 26.7° like the real planet. */
function saturn(): ModelPart[] {
  const tilt = quat([0, 0, 1], 26.7);
  const rings = new RingGeometry(0.27, 0.5, 96, 3).rotateX(-Math.PI / 2);
  // Rings seen from below too: a second face turned the other way.
  const ringsBelow = new RingGeometry(0.27, 0.5, 96, 3).rotateX(Math.PI / 2);
  return [
    { name: "planet", geometry: new SphereGeometry(0.2, 48, 24), color: linear("#d8b878"), rotation: tilt },
    { name: "rings-top", geometry: rings, color: linear("#c9b28a"), roughness: 0.8, rotation: tilt },
    { name: "rings-bottom", geometry: ringsBelow, color: linear("#b09a74"), roughness: 0.8, rotation: tilt },
  ];
}

/** A ball-and-stick water molecule: O–H bonds at 104.5°. */
function water(): ModelPart[] {
  const bond = 0.3;
  const half = ((104.5 / 2) * Math.PI) / 180;
  const hydrogens: [number, number, number][] = [
    [Math.sin(half) * bond, -Math.cos(half) * bond + 0.12, 0],
    [-Math.sin(half) * bond, -Math.cos(half) * bond + 0.12, 0],
  ];
  const oxygen: [number, number, number] = [0, 0.12, 0];
  const sticks = hydrogens.map((h, index): ModelPart => {
    const direction = new Vector3(h[0] - oxygen[0], h[1] - oxygen[1], 0);
    const length = direction.length();
    const rotation = new Quaternion().setFromUnitVectors(new Vector3(0, 1, 0), direction.normalize());
    return {
      name: `bond-${index + 1}`,
      geometry: new CylinderGeometry(0.03, 0.03, length, 16),
      color: linear("#bbbbbb"),
      translation: [(h[0] + oxygen[0]) / 2, (h[1] + oxygen[1]) / 2, 0],
      rotation: [rotation.x, rotation.y, rotation.z, rotation.w],
    };
  });
  return [
    { name: "oxygen", geometry: new SphereGeometry(0.16, 32, 16), color: linear("#ff0d0d"), translation: oxygen },
    ...hydrogens.map((h, index): ModelPart => ({
      name: `hydrogen-${index + 1}`,
      geometry: new SphereGeometry(0.1, 32, 16),
      color: linear("#ffffff"),
      translation: h,
    })),
    ...sticks,
  ];
}

export const MODELS: Record<string, () => ModelPart[]> = { "saturn.glb": saturn, "water-molecule.glb": water };

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const [file, make] of Object.entries(MODELS)) {
    const glb = writeGlb(make(), GENERATOR);
    writeFileSync(join(here, file), glb);
    console.log(`${file}: ${(glb.length / 1024).toFixed(1)} KiB`);
  }
}
