import { describe, expect, it } from "vitest";
import { JOIN_CODE_ALPHABET, formatJoinCode, generateJoinCode, normalizeJoinCode } from "./joinCode.ts";

describe("join codes", () => {
  it("are six characters from an alphabet without look-alikes", () => {
    for (const ambiguous of ["0", "O", "1", "I", "L", "U"]) expect(JOIN_CODE_ALPHABET).not.toContain(ambiguous);
    const codes = new Set(Array.from({ length: 2000 }, () => generateJoinCode()));
    expect(codes.size).toBe(2000);
    for (const code of codes) expect(normalizeJoinCode(code)).toBe(code);
  });

  it("accepts what people type and rejects what cannot be a code", () => {
    expect(normalizeJoinCode(" k7f-3qx ")).toBe("K7F3QX");
    expect(normalizeJoinCode("K7F 3QX")).toBe("K7F3QX");
    expect(normalizeJoinCode("K0F3QX")).toBeUndefined();
    expect(normalizeJoinCode("K7F3Q")).toBeUndefined();
    expect(formatJoinCode("K7F3QX")).toBe("K7F-3QX");
  });

  it("uses every character about equally", () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 3000; i++) for (const c of generateJoinCode()) counts.set(c, (counts.get(c) ?? 0) + 1);
    const expected = (3000 * 6) / JOIN_CODE_ALPHABET.length;
    for (const c of JOIN_CODE_ALPHABET) expect(Math.abs(counts.get(c)! - expected)).toBeLessThan(expected * 0.25);
  });
});
