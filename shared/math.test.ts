import { describe, expect, it } from "vitest";
import { type Pose, posesClose } from "./math.ts";

const at = (x: number, q: Pose["q"] = [0, 0, 0, 1]): Pose => ({ p: [x, 1, 0], q });

describe("posesClose", () => {
  it("treats a millimetre of tremor as no change, and a centimetre as a change", () => {
    expect(posesClose(at(0), at(0.001))).toBe(true);
    expect(posesClose(at(0), at(0.01))).toBe(false);
  });

  it("compares rotations by angle, with q and -q the same", () => {
    const tiny = Math.sin(0.0005);
    expect(posesClose(at(0), at(0, [0, tiny, 0, Math.cos(0.0005)]))).toBe(true);
    expect(posesClose(at(0), at(0, [0, Math.sin(0.05), 0, Math.cos(0.05)]))).toBe(false);
    expect(posesClose(at(0, [0, 0, 0, 1]), at(0, [0, 0, 0, -1]))).toBe(true);
  });
});
