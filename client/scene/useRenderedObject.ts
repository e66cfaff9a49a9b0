/** Registers where an object is drawn (for the browser tests' hook) while it is in the scene. */
import { useEffect, useRef, type RefObject } from "react";
import type { Object3D } from "three";
import { worldPoseOf } from "./poseConversion.ts";
import { renderedObjects, renderedWidths } from "./sceneRegistry.ts";

export function useRenderedObject(
  objectId: string,
  object: RefObject<Object3D | null>,
  /** How wide it is drawn now, in metres (its largest side). */
  across?: () => number,
): void {
  const width = useRef(across);
  useEffect(() => {
    width.current = across;
  });
  useEffect(() => {
    const node = object.current;
    if (!node) return;
    renderedObjects.set(objectId, () => worldPoseOf(node));
    renderedWidths.set(objectId, () => width.current?.() ?? 0);
    return () => {
      renderedObjects.delete(objectId);
      renderedWidths.delete(objectId);
    };
  }, [objectId, object]);
}
