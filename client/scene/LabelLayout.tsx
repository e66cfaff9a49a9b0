/**
 * Lays out the name tags each frame so no two visible ones overlap on this
 * screen: see labelPlacement. Tags far away (past a few metres) are hidden;
 * those that cannot fit stay hidden until the view changes. The same in a
 * headset: there the camera follows the head (both eyes' frustum), and the
 * view's shape comes from its projection rather than the page's canvas.
 */
import { useFrame, useThree } from "@react-three/fiber";
import { useEffect } from "react";
import { Vector3, type Object3D, type PerspectiveCamera } from "three";
import { pixelsPerMetre } from "./framing.ts";
import { placeLabels, type LabelCandidate, type Rect } from "./labelPlacement.ts";
import { labelRegistry, shownLabels, type RegisteredLabel } from "./labelRegistry.ts";

/** Past this, a name tag is too small to read on a screen: hidden. */
const FARTHEST_M = 7;

const world = new Vector3();
const viewer = new Vector3();
const onScreen = new Vector3();

export function LabelLayout() {
  const camera = useThree((three) => three.camera) as PerspectiveCamera;
  const size = useThree((three) => three.size);
  // Leaving the screen view (into a headset), every tag stands where it is again.
  useEffect(
    () => () => {
      shownLabels.length = 0;
      for (const label of labelRegistry) {
        label.sprite.position.y = label.baseY;
        label.sprite.visible = true;
      }
    },
    [],
  );

  useFrame(() => {
    const labels = [...labelRegistry].filter((label) => shownWithItsOwner(label.sprite));
    shownLabels.length = 0;
    camera.getWorldPosition(viewer);
    // The view's own shape: the canvas's on a screen, the headset's frustum in XR.
    const e = camera.projectionMatrix.elements;
    const height = size.height;
    const width = (height * e[5]!) / e[0]!;
    const measured: { label: RegisteredLabel; candidate: LabelCandidate; pxPerM: number; inView: boolean }[] = [];
    for (const label of labels) {
      const { sprite } = label;
      sprite.position.y = label.baseY;
      sprite.updateWorldMatrix(true, false);
      sprite.getWorldPosition(world);
      const distance = world.distanceTo(viewer);
      const projected = onScreen.copy(world).project(camera);
      const pxPerM = pixelsPerMetre(distance, camera.fov, height);
      const w = sprite.scale.x * pxPerM;
      const h = sprite.scale.y * pxPerM;
      const x = ((projected.x + 1) / 2) * width;
      const y = ((1 - projected.y) / 2) * height;
      const inView =
        projected.z < 1 && distance < FARTHEST_M && Math.abs(projected.x) < 1.2 && Math.abs(projected.y) < 1.2;
      const rect: Rect = [x - w / 2, y - h / 2, x + w / 2, y + h / 2];
      measured.push({ label, candidate: { rect, priority: label.priority, distance }, pxPerM, inView });
    }
    const inView = measured.filter((m) => m.inView);
    const placements = placeLabels(inView.map((m) => m.candidate));
    for (const m of measured) m.label.sprite.visible = false;
    inView.forEach((m, i) => {
      const { shown, raisePx } = placements[i]!;
      m.label.sprite.visible = shown;
      if (!shown) return;
      m.label.sprite.position.y = m.label.baseY + raisePx / m.pxPerM;
      const [left, top, right, bottom] = m.candidate.rect;
      shownLabels.push({ text: m.label.text, rect: [left, top - raisePx, right, bottom - raisePx] });
    });
  });
  return null;
}

/** In the scene and not inside something hidden (an avatar standing too close, say). */
function shownWithItsOwner(sprite: Object3D): boolean {
  if (!sprite.parent) return false;
  for (let node: Object3D | null = sprite.parent; node; node = node.parent) if (!node.visible) return false;
  return true;
}
