/**
 * Fonts for every script the lessons are written in, served from our own
 * server (each covers only its script's characters through unicode-range, so
 * a browser downloads just the pieces a page uses). Latin text uses the
 * device's own font.
 */
import "@fontsource-variable/noto-sans-arabic";
import "@fontsource-variable/noto-sans-devanagari";
import "@fontsource-variable/noto-sans-sc";

/** The font stack for interface and 3D labels alike. */
export const FONT_STACK =
  'system-ui, -apple-system, "Segoe UI", "Noto Sans Arabic Variable", "Noto Sans Devanagari Variable", "Noto Sans SC Variable", "Noto Sans", sans-serif';

/** Resolves once the fonts needed to draw `text` are loaded (canvas text does not wait by itself). */
export function fontsReadyFor(font: string, text: string): Promise<unknown> {
  return globalThis.document?.fonts ? document.fonts.load(font, text) : Promise.resolve();
}
