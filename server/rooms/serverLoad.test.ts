import { describe, expect, it } from "vitest";
import { nextServerStride } from "./serverLoad.ts";

describe("the server's avatar stride", () => {
  it("thins frames one step at a time under load, up to every third, and comes back when calm", () => {
    let stride = 1;
    const strides = [0.5, 0.95, 0.95, 0.99, 0.8, 0.6, 0.6, 0.3].map(
      (utilization) => (stride = nextServerStride(utilization, stride)),
    );
    expect(strides).toEqual([1, 2, 3, 3, 3, 2, 1, 1]);
  });
});
