import jsQR from "jsqr";
import { describe, expect, it } from "vitest";
import { qrPicture } from "./qrCode.ts";

/** Paints the picture's path (only "M x y h1 v1 h-1 z" squares) into RGBA pixels, as a camera would see it. */
function paint(text: string, pixelsPerModule = 4) {
  const { size, path } = qrPicture(text);
  const width = size * pixelsPerModule;
  const pixels = new Uint8ClampedArray(width * width * 4).fill(255);
  for (const [, x, y] of path.matchAll(/M(\d+) (\d+)h1v1h-1z/g)) {
    for (let dy = 0; dy < pixelsPerModule; dy++)
      for (let dx = 0; dx < pixelsPerModule; dx++) {
        const at = ((Number(y) * pixelsPerModule + dy) * width + Number(x) * pixelsPerModule + dx) * 4;
        pixels.fill(0, at, at + 3);
      }
  }
  return { pixels, width };
}

describe("QR code of the link for students", () => {
  it("scans back to exactly the link", () => {
    for (const link of ["http://192.168.1.20:2567/#join=4DSCFR", "https://meridian.school.example/#join=ABCDEF"]) {
      const { pixels, width } = paint(link);
      expect(jsQR(pixels, width, width)?.data).toBe(link);
    }
  });

  it("draws only squares, with a quiet zone around the code", () => {
    const { size, path } = qrPicture("http://127.0.0.1:2567/#join=ABCDEF");
    expect(path.replace(/M\d+ \d+h1v1h-1z/g, "")).toBe("");
    const columns = [...path.matchAll(/M(\d+) (\d+)/g)].flatMap(([, x, y]) => [Number(x), Number(y)]);
    expect(Math.min(...columns)).toBeGreaterThanOrEqual(2);
    expect(Math.max(...columns)).toBeLessThan(size - 2);
  });
});
