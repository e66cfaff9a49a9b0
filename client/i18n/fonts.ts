/**
 * Fonts for every script the lessons are written in, served from our own
 * server (each covers only its script's characters through unicode-range, so
 * a browser downloads just the pieces a page uses). Latin text uses the
 * device's own font.
 */
import "@fontsource-variable/noto-sans-arabic";
import "@fontsource-variable/noto-sans-devanagari";

let hanFonts: Promise<unknown> | undefined;
/**
 * The Chinese font comes in 100-odd pieces whose declarations alone are
 * 40 KiB of styles: they are added once Chinese is about (the interface in
 * Chinese, or Chinese text to draw), not on every start page.
 */
export function loadHanFonts(): Promise<unknown> {
  return (hanFonts ??= import("@fontsource-variable/noto-sans-sc"));
}

/** The font stack for interface and 3D labels alike. */
export const FONT_STACK =
  'system-ui, -apple-system, "Segoe UI", "Noto Sans Arabic Variable", "Noto Sans Devanagari Variable", "Noto Sans SC Variable", "Noto Sans", sans-serif';

const HAN_FAMILY = "Noto Sans SC Variable";

/** Our fonts, each for the script it is there for (Latin is the device's own). */
const SCRIPT_FONTS: readonly { family: string; script: RegExp }[] = [
  { family: "Noto Sans Arabic Variable", script: /\p{Script=Arabic}/u },
  { family: "Noto Sans Devanagari Variable", script: /\p{Script=Devanagari}/u },
  { family: HAN_FAMILY, script: /\p{Script=Han}|[\u3000-\u303f\uff00-\uffef]/u },
];

/**
 * Resolves once the fonts needed to draw `text` in `font` (a size and weight
 * with FONT_STACK) are loaded: canvas text does not wait by itself. Only the
 * fonts of the scripts in the text: asking for the whole stack would fetch
 * every font's pieces that cover Latin letters and punctuation too (about
 * 150 KiB a student on a thin link never needs).
 */
export function fontsReadyFor(font: string, text: string): Promise<unknown> {
  if (!globalThis.document?.fonts) return Promise.resolve();
  const sizeAndWeight = font.replace(FONT_STACK, "").trim();
  const needed = SCRIPT_FONTS.filter(({ script }) => script.test(text));
  const declared = needed.some(({ family }) => family === HAN_FAMILY) ? loadHanFonts() : Promise.resolve();
  return declared.then(() =>
    Promise.all(needed.map(({ family }) => document.fonts.load(`${sizeAndWeight} "${family}"`, text))),
  );
}
