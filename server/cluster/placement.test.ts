import { describe, expect, it } from "vitest";
import { leastBusyProcess } from "./placement.ts";

describe("placing a new class", () => {
  it("goes to the process running the fewest classes, counting processes with none", () => {
    expect(leastBusyProcess(["a", "b", "c"], ["a", "a", "b", "c", "c"])).toBe("b");
    expect(leastBusyProcess(["a", "b"], ["a", "a", "x"])).toBe("b");
    expect(leastBusyProcess(["a", "b"], [])).toBe("a");
    expect(leastBusyProcess([], ["a"])).toBeUndefined();
  });
});
