import { describe, expect, it } from "vitest";
import { wrap } from "./InstructionBoard.tsx";

// One unit of width per character is enough to check where lines break.
const context = { measureText: (text: string) => ({ width: text.length }) as TextMetrics };

describe("board text wrapping", () => {
  it("breaks between words", () => {
    expect(wrap(context, "the quick brown fox jumps", 10)).toEqual(["the quick", "brown fox", "jumps"]);
  });

  it("breaks Chinese between characters", () => {
    expect(wrap(context, "太阳是一颗恒星它很热", 4)).toEqual(["太阳是一", "颗恒星它", "很热"]);
  });

  it("keeps a word longer than a line on its own line", () => {
    expect(wrap(context, "a extraordinarily b", 5)).toEqual(["a", "extraordinarily", "b"]);
  });
});
