/**
 * The classroom's shell as a handful of merged geometries, so the whole
 * room costs a few draw calls however many windows and lamps it has.
 * The table stands at the origin; the board's wall is towards -z.
 */
import { BoxGeometry, type BufferGeometry, PlaneGeometry } from "three";
import { mergeGeometries } from "three/examples/jsm/utils/BufferGeometryUtils.js";

/** Half the room's width and depth: a headset user may teleport up to 7 m from the table. */
export const ROOM_HALF_M = 8.5;
export const ROOM_HEIGHT_M = 3.6;

const WINDOW_WIDTH_M = 2.2;
const WINDOW_HEIGHT_M = 1.7;
const SILL_M = 0.95;
const FRAME_M = 0.08;
/** Where windows sit along a wall, from its middle. */
const WINDOW_OFFSETS_M = [-4.6, 0, 4.6];

interface WallSpot {
  /** Position of the window's centre on the wall's inner face. */
  at: [number, number, number];
  /** Rotation about the vertical so the pane faces into the room. */
  yaw: number;
}

/** Windows on the two side walls and the back wall (the board's wall stays plain). */
export function windowSpots(): WallSpot[] {
  const y = SILL_M + WINDOW_HEIGHT_M / 2;
  const inset = ROOM_HALF_M - 0.01;
  const spots: WallSpot[] = [];
  for (const offset of WINDOW_OFFSETS_M) {
    spots.push({ at: [-inset, y, offset], yaw: Math.PI / 2 });
    spots.push({ at: [inset, y, offset], yaw: -Math.PI / 2 });
    spots.push({ at: [offset, y, inset], yaw: Math.PI });
  }
  return spots;
}

function placed(geometry: BufferGeometry, spot: WallSpot, along = 0, up = 0, out = 0): BufferGeometry {
  geometry.translate(along, up, out);
  geometry.rotateY(spot.yaw);
  geometry.translate(...spot.at);
  return geometry;
}

/** The daylight seen through every window, as one geometry. */
export function windowPanes(): BufferGeometry {
  return mergeGeometries(windowSpots().map((spot) => placed(new PlaneGeometry(WINDOW_WIDTH_M, WINDOW_HEIGHT_M), spot)));
}

/** Every window's frame and mullions, as one geometry. */
export function windowFrames(): BufferGeometry {
  const parts: BufferGeometry[] = [];
  const w = WINDOW_WIDTH_M;
  const h = WINDOW_HEIGHT_M;
  for (const spot of windowSpots()) {
    const bar = (width: number, height: number, along: number, up: number) =>
      parts.push(placed(new BoxGeometry(width, height, FRAME_M), spot, along, up, FRAME_M / 2));
    bar(w + FRAME_M * 2, FRAME_M * 1.6, 0, h / 2 + FRAME_M * 0.8); // head
    bar(w + FRAME_M * 4, FRAME_M * 1.6, 0, -h / 2 - FRAME_M * 0.8); // sill, a little wider
    bar(FRAME_M, h, -w / 2 - FRAME_M / 2, 0);
    bar(FRAME_M, h, w / 2 + FRAME_M / 2, 0);
    bar(FRAME_M * 0.6, h, 0, 0); // mullion
    bar(w, FRAME_M * 0.6, 0, h * 0.15); // transom
  }
  return mergeGeometries(parts);
}

/** Ceiling lamps in two rows, as one geometry (drawn glowing, they light nothing themselves). */
export function ceilingLamps(): BufferGeometry {
  const parts: BufferGeometry[] = [];
  for (const x of [-3.5, 3.5])
    for (const z of [-4.5, -1.5, 1.5, 4.5]) {
      const lamp = new BoxGeometry(1.2, 0.05, 0.3);
      lamp.translate(x, ROOM_HEIGHT_M - 0.03, z);
      parts.push(lamp);
    }
  return mergeGeometries(parts);
}

/** The skirting along the foot of the four walls, as one geometry. */
export function skirting(): BufferGeometry {
  const parts: BufferGeometry[] = [];
  const length = ROOM_HALF_M * 2;
  for (const yaw of [0, Math.PI / 2, Math.PI, -Math.PI / 2]) {
    const board = new BoxGeometry(length, 0.12, 0.03);
    board.translate(0, 0.06, -ROOM_HALF_M + 0.015);
    board.rotateY(yaw);
    parts.push(board);
  }
  return mergeGeometries(parts);
}
