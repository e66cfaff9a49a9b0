import { describe, expect, it } from "vitest";
import { overlaps, placeLabels, type Rect } from "./labelPlacement.ts";

const at = (x: number, y: number): Rect => [x, y, x + 60, y + 20];

describe("placing labels so none covers another", () => {
  it("keeps labels that do not touch where they are", () => {
    const placed = placeLabels([
      { rect: at(0, 0), priority: 1, distance: 1 },
      { rect: at(100, 0), priority: 1, distance: 1 },
    ]);
    expect(placed).toEqual([
      { shown: true, raisePx: 0 },
      { shown: true, raisePx: 0 },
    ]);
  });

  it("raises the less important of two that would overlap, and hides what cannot fit", () => {
    const candidates = [
      { rect: at(0, 100), priority: 1, distance: 2 },
      { rect: at(10, 105), priority: 2, distance: 3 },
      { rect: at(20, 100), priority: 1, distance: 1 },
      { rect: at(5, 102), priority: 1, distance: 4 },
    ];
    const placed = placeLabels(candidates);
    // The step's object (priority 2) keeps its place; the nearer of the rest goes next.
    expect(placed[1]).toEqual({ shown: true, raisePx: 0 });
    expect(placed[2]!.shown).toBe(true);
    expect(placed[2]!.raisePx).toBeGreaterThan(0);
    const shown = candidates
      .map((c, i) => [c.rect[0], c.rect[1] - placed[i]!.raisePx, c.rect[2], c.rect[3] - placed[i]!.raisePx] as Rect)
      .filter((_, i) => placed[i]!.shown);
    for (let i = 0; i < shown.length; i++)
      for (let j = i + 1; j < shown.length; j++) expect(overlaps(shown[i]!, shown[j]!)).toBe(false);
    expect(placed.filter((p) => !p.shown).length).toBeGreaterThan(0);
  });
});
