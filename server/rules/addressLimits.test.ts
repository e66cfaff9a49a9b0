import { describe, expect, it } from "vitest";
import { AddressEvent, AddressLimits, DEFAULT_ADDRESS_RATES } from "./addressLimits.ts";

describe("per-address limits", () => {
  it("refuse an address past its limit until the window passes, and no other address", () => {
    let now = 0;
    const limits = new AddressLimits({ ...DEFAULT_ADDRESS_RATES, failedJoin: { count: 3, perMs: 60_000 } }, () => now);
    for (let i = 0; i < 3; i++) expect(limits.count(AddressEvent.FailedJoin, "a")).toBe(true);
    expect(limits.joinBlocked("a")).toBe("tooManyFailures");
    expect(limits.joinBlocked("b")).toBeUndefined();
    now = 60_000;
    expect(limits.joinBlocked("a")).toBeUndefined();
  });

  it("a school's worth of joins from one address is well within the join limit", () => {
    const limits = new AddressLimits();
    for (let i = 0; i < 60; i++) limits.count(AddressEvent.Join, "school");
    expect(limits.joinBlocked("school")).toBeUndefined();
  });

  it("says a cut-off address is blocked for abuse before anything else", () => {
    const limits = new AddressLimits({ ...DEFAULT_ADDRESS_RATES, cutOff: { count: 1, perMs: 600_000 } });
    limits.count(AddressEvent.CutOff, "x");
    expect(limits.joinBlocked("x")).toBe("cutOffForAbuse");
  });
});
