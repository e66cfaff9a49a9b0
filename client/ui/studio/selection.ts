/**
 * What the author has in hand in the studio: the selected object and what
 * the on-screen handles do to it (move, turn, resize, or move its target).
 * Shared by the panels and the scene; no network here.
 */
import { createStore } from "zustand/vanilla";

export const GIZMO_MODES = ["translate", "rotate", "scale", "target"] as const;
export type GizmoMode = (typeof GIZMO_MODES)[number];

export interface StudioSelection {
  selected: string | undefined;
  gizmo: GizmoMode;
  /** Trying the lesson as a student, and in which language (the panels step aside). */
  trying: string | undefined;
}

export const studioSelection = createStore<StudioSelection>(() => ({
  selected: undefined,
  gizmo: "translate",
  trying: undefined,
}));

export const selectObject = (selected: string | undefined) => studioSelection.setState({ selected });
