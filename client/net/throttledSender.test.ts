import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ThrottledSender } from "./throttledSender.ts";

describe("throttled sender", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("sends the first value at once, then only the newest once per interval", () => {
    const sent: number[] = [];
    const sender = new ThrottledSender<number>(
      50,
      (v) => sent.push(v),
      () => Date.now(),
    );
    sender.offer(1);
    sender.offer(2);
    sender.offer(3);
    expect(sent).toEqual([1]);
    vi.advanceTimersByTime(50);
    expect(sent).toEqual([1, 3]);
    vi.advanceTimersByTime(200);
    expect(sent).toEqual([1, 3]);
    sender.offer(4);
    expect(sent).toEqual([1, 3, 4]);
  });

  it("drops what is pending when cancelled", () => {
    const sent: number[] = [];
    const sender = new ThrottledSender<number>(
      50,
      (v) => sent.push(v),
      () => Date.now(),
    );
    sender.offer(1);
    sender.offer(2);
    sender.cancel();
    vi.advanceTimersByTime(100);
    expect(sent).toEqual([1]);
  });
});
