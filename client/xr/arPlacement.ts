/**
 * The AR student's own placement of the lesson: while placing, the lesson
 * follows the surface they look at; a tap (or trigger) sets it down; then
 * they may turn it, scale it or place it again. Nothing here is sent to the
 * class: it only changes how this student's room shows the shared lesson.
 */
import { createStore } from "zustand/vanilla";
import type { Vec3 } from "../../shared/math.ts";
import { type Placement, TABLETOP_SCALE, clampScale, yawFacing } from "./placement.ts";

export interface ArPlacementState {
  status: "off" | "placing" | "placed";
  /** The placement shown: the one set down, or the preview while placing. */
  placement: Placement | undefined;
  /** The surface point looked at (room frame), while placing; undefined when no surface is found. */
  hit: Vec3 | undefined;
  /** When placing began (ms, page clock). */
  placingSince: number;
}

const TURN_STEP = Math.PI / 12;
const SCALE_STEP = 1.25;
/**
 * A select this soon after placing began is the end of the very press that
 * asked to place again (a menu button): it must not set the lesson straight down.
 */
const SELECT_AFTER_REPLACE_MS = 500;

export const arPlacement = createStore<ArPlacementState>(() => ({
  status: "off",
  placement: undefined,
  hit: undefined,
  placingSince: 0,
}));

/** Before any surface is found, the lesson shows at tabletop size a little ahead of where the session started. */
const FIRST_PREVIEW: Placement = { position: [0, 0.7, -0.8], yaw: 0, scale: TABLETOP_SCALE };

/** Entering AR: look for a surface. */
export function startPlacing(now = performance.now()): void {
  arPlacement.setState({ status: "placing", placement: FIRST_PREVIEW, hit: undefined, placingSince: now });
}

/** Leaving AR: forget the placement (the next session places afresh). */
export function stopPlacing(): void {
  arPlacement.setState({ status: "off", placement: undefined, hit: undefined });
}

/** Each frame while placing: the surface looked at, and the preview of the lesson on it, facing the student. */
export function lookAt(hit: Vec3 | undefined, viewer: Vec3): void {
  const { status, placement } = arPlacement.getState();
  if (status !== "placing") return;
  if (!hit) return void arPlacement.setState({ hit: undefined });
  arPlacement.setState({
    hit,
    placement: { position: hit, yaw: yawFacing(viewer, hit), scale: placement?.scale ?? TABLETOP_SCALE },
  });
}

/** A tap or trigger while placing: the lesson stays where it is previewed. */
export function setDown(now = performance.now()): boolean {
  const { status, hit, placement, placingSince } = arPlacement.getState();
  if (status !== "placing" || !hit || !placement || now - placingSince < SELECT_AFTER_REPLACE_MS) return false;
  arPlacement.setState({ status: "placed", hit: undefined });
  return true;
}

/** Picks the lesson up again to put it somewhere else. */
export function placeAgain(now = performance.now()): void {
  if (arPlacement.getState().status === "placed") arPlacement.setState({ status: "placing", placingSince: now });
}

/** Turns the lesson by a step, clockwise (1) or anticlockwise (-1) seen from above. */
export function turn(direction: 1 | -1): void {
  const { placement } = arPlacement.getState();
  if (placement) arPlacement.setState({ placement: { ...placement, yaw: placement.yaw - direction * TURN_STEP } });
}

/** Makes the lesson larger (1) or smaller (-1) by a step, about its pivot on the surface. */
export function resize(direction: 1 | -1): void {
  const { placement } = arPlacement.getState();
  if (placement)
    arPlacement.setState({
      placement: { ...placement, scale: clampScale(placement.scale * SCALE_STEP ** direction) },
    });
}
