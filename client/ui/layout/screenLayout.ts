/**
 * Which arrangement of the class screen fits this screen: panels docked at the
 * sides on a wide screen, or one bottom sheet on a phone (portrait or
 * landscape). Decided by the viewport alone, so a resized window or a turned
 * phone switches over at once.
 */
import { useSyncExternalStore } from "react";

export type ScreenLayout = "wide" | "sheet";

/** Narrower than this, or lower than the second figure, and the side docks would cover the lesson. */
export const SHEET_QUERY = "(max-width: 719px), (max-height: 499px)";

function subscribe(onChange: () => void): () => void {
  const query = globalThis.matchMedia?.(SHEET_QUERY);
  query?.addEventListener("change", onChange);
  return () => query?.removeEventListener("change", onChange);
}

function current(): ScreenLayout {
  return globalThis.matchMedia?.(SHEET_QUERY).matches ? "sheet" : "wide";
}

export function useScreenLayout(): ScreenLayout {
  return useSyncExternalStore(subscribe, current, () => "wide");
}
