/** Registers where an object is drawn (for the browser tests' hook) while it is in the scene. */
import { useEffect, type RefObject } from "react";
import type { Object3D } from "three";
import { worldPoseOf } from "./poseConversion.ts";
import { renderedObjects } from "./sceneRegistry.ts";

export function useRenderedObject(objectId: string, object: RefObject<Object3D | null>): void {
  useEffect(() => {
    const node = object.current;
    if (!node) return;
    renderedObjects.set(objectId, () => worldPoseOf(node));
    return () => void renderedObjects.delete(objectId);
  }, [objectId, object]);
}
