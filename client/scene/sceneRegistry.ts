/**
 * How to read where each lesson object is drawn, by id: used by the browser
 * tests' hook to check what a participant actually sees. It holds functions,
 * not three.js objects, so the lobby's code does not pull in three.js.
 */
import type { Pose } from "../../shared/math.ts";
import type { StepView } from "../../shared/lesson.ts";

export const renderedObjects = new Map<string, () => Pose>();
/** How wide each object is drawn now (metres, its largest side; enlarged when small on a screen). */
export const renderedWidths = new Map<string, () => number>();

/** Projects a world point to CSS pixels on the page; set while a scene is mounted. */
export const screenProjection: {
  project: ((point: [number, number, number]) => [number, number]) | undefined;
  /** The camera's world position. */
  viewpoint: (() => [number, number, number]) | undefined;
  /** How many CSS pixels `metres` at a world point spans on the page. */
  pixelsAcross: ((point: [number, number, number], metres: number) => number) | undefined;
  /** What the renderer drew in its last frame (for the render bench). */
  drawn: (() => { calls: number; triangles: number }) | undefined;
  /** What this screen looks at now, as a lesson step's view (the studio's "Use this view"). */
  view?: (() => StepView) | undefined;
} = { project: undefined, viewpoint: undefined, pixelsAcross: undefined, drawn: undefined };

/** The VR menu's buttons, by id: where each is, so tests can aim a controller at it. */
export const vrButtons = new Map<string, () => Pose>();

/** In VR: where this participant's play space stands and which way it is turned. */
export const xrOriginPlace: { current: { position: [number, number, number]; yaw: number } | undefined } = {
  current: undefined,
};
