import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MODELS } from "../../assets/models/make-models.ts";
import { writeGlb } from "../../assets/models/glb.ts";
import { checkGlb } from "./checkGlb.ts";

const shipped = readdirSync("assets/models").filter((f) => f.endsWith(".glb"));

describe("lesson models", () => {
  it.each(shipped)("%s is a valid, self-contained glTF 2.0 file", (file) => {
    expect(checkGlb(readFileSync(`assets/models/${file}`))).toEqual({ ok: true });
  });

  it.each(Object.keys(MODELS))("%s is what the script makes (reproducible)", (file) => {
    const made = writeGlb(MODELS[file]!(), "Meridian make-models");
    expect(Buffer.from(made).equals(readFileSync(`assets/models/${file}`))).toBe(true);
  });
});

describe("uploaded model checks", () => {
  const good = new Uint8Array(readFileSync(`assets/models/${shipped[0]}`));
  const withJson = (json: object) => {
    const text = new TextEncoder().encode(
      JSON.stringify(json).padEnd(Math.ceil(JSON.stringify(json).length / 4) * 4, " "),
    );
    const bytes = new Uint8Array(20 + text.length);
    const view = new DataView(bytes.buffer);
    view.setUint32(0, 0x46546c67, true);
    view.setUint32(4, 2, true);
    view.setUint32(8, bytes.length, true);
    view.setUint32(12, text.length, true);
    view.setUint32(16, 0x4e4f534a, true);
    bytes.set(text, 20);
    return bytes;
  };

  it.each([
    ["not a glb", new TextEncoder().encode("<html>hello</html> and more text"), /no "glTF" header/],
    [
      "a wrong length",
      (() => {
        const b = good.slice();
        new DataView(b.buffer).setUint32(8, 5, true);
        return b;
      })(),
      /length/,
    ],
    [
      "a glTF 1 file",
      (() => {
        const b = good.slice();
        new DataView(b.buffer).setUint32(4, 1, true);
        return b;
      })(),
      /version 2/,
    ],
    [
      "an outside URL",
      withJson({ asset: { version: "2.0" }, buffers: [{ uri: "https://tracker.example/x.bin", byteLength: 4 }] }),
      /outside files/,
    ],
    [
      "a data URL image",
      withJson({ asset: { version: "2.0" }, images: [{ uri: "data:image/png;base64,AAAA" }] }),
      /outside files/,
    ],
    // Found by the protocol fuzz test: these once made the check throw (a 500) instead of refusing.
    ["a null buffer", withJson({ asset: { version: "2.0" }, buffers: [null] }), /buffers/],
    ["images that are not a list", withJson({ asset: { version: "2.0" }, images: {} }), /images/],
    ["JSON that is not an object", withJson([1]), /object/],
    [
      "too many nodes",
      withJson({ asset: { version: "2.0" }, nodes: Array.from({ length: 3000 }, () => ({})) }),
      /nodes/,
    ],
    [
      "broken JSON",
      (() => {
        const b = good.slice();
        b[20] = 0x7b;
        b[21] = 0x7b;
        return b;
      })(),
      /not valid JSON/,
    ],
  ])("refuses %s", (_name, bytes, problem) => {
    const result = checkGlb(bytes);
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.problem).toMatch(problem);
  });
});
