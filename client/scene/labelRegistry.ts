/**
 * The name tags that take part in decluttering, and where the last layout
 * put the visible ones on the screen (for the browser tests' hook). Holds
 * three.js sprites only by type, so the interface's chunk stays free of it.
 */
import type { Sprite } from "three";
import type { Rect } from "./labelPlacement.ts";

export interface RegisteredLabel {
  sprite: Sprite;
  /** Where the tag stands in its parent when not raised (metres, y up). */
  baseY: number;
  priority: number;
  text: string;
}

export const labelRegistry = new Set<RegisteredLabel>();

/** The labels shown after the last layout, with their rectangles in CSS pixels. */
export const shownLabels: { text: string; rect: Rect }[] = [];
