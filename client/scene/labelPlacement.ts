/**
 * Labels never pile up: given where each visible label would be drawn on
 * the screen, the more important and nearer ones keep their place, a label
 * that would cover one already placed is raised above it (a short stack),
 * and one that still cannot fit is hidden until it can. Plain rectangles in
 * pixels, so tests call it without a renderer.
 */

/** Which labels keep their place first. */
export const LABEL_PRIORITY = { heldObject: 3, object: 2, person: 1 } as const;

/** [left, top, right, bottom] in pixels, y down. */
export type Rect = [number, number, number, number];

export interface LabelCandidate {
  rect: Rect;
  /** Higher first: a held object, the step's objects, then people. */
  priority: number;
  /** Metres from the viewer: nearer first among equals. */
  distance: number;
}

export interface LabelPlacement {
  shown: boolean;
  /** Pixels to raise the label by (0 where it stands). */
  raisePx: number;
}

/** How many label heights a label may be raised to clear others. */
const MOST_RAISES = 2;
const GAP_PX = 2;

export function overlaps(a: Rect, b: Rect): boolean {
  return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
}

export function placeLabels(candidates: readonly LabelCandidate[]): LabelPlacement[] {
  const order = candidates
    .map((candidate, index) => ({ candidate, index }))
    .sort((a, b) => b.candidate.priority - a.candidate.priority || a.candidate.distance - b.candidate.distance);
  const placed: Rect[] = [];
  const result: LabelPlacement[] = candidates.map(() => ({ shown: false, raisePx: 0 }));
  for (const { candidate, index } of order) {
    const [left, top, right, bottom] = candidate.rect;
    const height = bottom - top;
    for (let raise = 0; raise <= MOST_RAISES; raise++) {
      const raisePx = raise * (height + GAP_PX);
      const rect: Rect = [left, top - raisePx, right, bottom - raisePx];
      if (placed.some((other) => overlaps(rect, other))) continue;
      placed.push(rect);
      result[index] = { shown: true, raisePx };
      break;
    }
  }
  return result;
}
