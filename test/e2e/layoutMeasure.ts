/**
 * What of the lesson a class screen leaves in view, measured in the page:
 * the panels' boxes (the class bar, each docked panel, the phone's sheet),
 * the share of the 3D view they cover, and any two that overlap.
 */
import type { Page } from "playwright-core";

export interface LayoutMeasure {
  /** Share of the canvas covered by the union of the panels' boxes (0..1). */
  covered: number;
  /** Share of points on a grid over the canvas where the canvas itself is what a tap would hit. */
  sceneHit: number;
  /** Pairs of panels whose boxes overlap, by name. */
  overlaps: string[];
  panels: { name: string; box: [number, number, number, number] }[];
}

/** The panels: the class bar, every panel docked in the overlay, the sheet. */
const PANEL_SELECTOR = ".class-overlay > .class-bar, .class-overlay > .sheet, .class-overlay .dock > *";

export function measureLayout(page: Page): Promise<LayoutMeasure> {
  return page.evaluate((selector) => {
    const canvas = document.querySelector("canvas")!.getBoundingClientRect();
    const panels = [...document.querySelectorAll<HTMLElement>(selector)]
      .map((element) => {
        const box = element.getBoundingClientRect();
        const name =
          element.getAttribute("data-panel") ??
          (element.className ? `.${String(element.className).split(" ").join(".")}` : element.tagName);
        return { name, box: [box.left, box.top, box.right, box.bottom] as [number, number, number, number] };
      })
      .filter(({ box }) => box[2] - box[0] > 0 && box[3] - box[1] > 0);
    const STEP = 4;
    let inside = 0;
    let covered = 0;
    let sceneHit = 0;
    for (let y = canvas.top + STEP / 2; y < canvas.bottom; y += STEP) {
      for (let x = canvas.left + STEP / 2; x < canvas.right; x += STEP) {
        inside++;
        if (panels.some(({ box }) => x >= box[0] && x < box[2] && y >= box[1] && y < box[3])) covered++;
        if (document.elementFromPoint(x, y)?.tagName === "CANVAS") sceneHit++;
      }
    }
    const overlaps: string[] = [];
    for (let i = 0; i < panels.length; i++) {
      for (let j = i + 1; j < panels.length; j++) {
        const [a, b] = [panels[i]!.box, panels[j]!.box];
        const w = Math.min(a[2], b[2]) - Math.max(a[0], b[0]);
        const h = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
        if (w > 1 && h > 1) overlaps.push(`${panels[i]!.name} × ${panels[j]!.name}`);
      }
    }
    return { covered: covered / inside, sceneHit: sceneHit / inside, overlaps, panels };
  }, PANEL_SELECTOR);
}
