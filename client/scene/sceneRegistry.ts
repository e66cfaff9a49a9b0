/**
 * How to read where each lesson object is drawn, by id: used by the browser
 * tests' hook to check what a participant actually sees. It holds functions,
 * not three.js objects, so the lobby's code does not pull in three.js.
 */
import type { Pose } from "../../shared/math.ts";

export const renderedObjects = new Map<string, () => Pose>();

/** Projects a world point to CSS pixels on the page; set while a scene is mounted. */
export const screenProjection: {
  project: ((point: [number, number, number]) => [number, number]) | undefined;
  /** The camera's world position. */
  viewpoint: (() => [number, number, number]) | undefined;
} = { project: undefined, viewpoint: undefined };

/** The VR menu's buttons, by id: where each is, so tests can aim a controller at it. */
export const vrButtons = new Map<string, () => Pose>();
