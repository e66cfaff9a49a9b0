/**
 * A QR code as one SVG path (one square per dark module), from uqr's
 * encoder: drawn by React like any other element, crisp at any size, and
 * no markup from a library is injected into the page.
 */
import { encode } from "uqr";

export interface QrPicture {
  /** Modules per side, quiet zone included. */
  size: number;
  /** The dark modules, in module units. */
  path: string;
}

/** Medium error correction: still scans from a projector across a classroom or a smudged screen. */
export function qrPicture(text: string): QrPicture {
  const { size, data } = encode(text, { ecc: "M", border: 2 });
  let path = "";
  data.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) path += `M${x} ${y}h1v1h-1z`;
    }),
  );
  return { size, path };
}
