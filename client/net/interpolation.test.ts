import { describe, expect, it } from "vitest";
import type { Pose } from "../../shared/math.ts";
import { InterpolationBuffer, interpolatePose } from "./interpolation.ts";

const at = (x: number): Pose => ({ p: [x, 0, 0], q: [0, 0, 0, 1] });

describe("interpolation buffer", () => {
  it("renders between the two samples around (now - delay)", () => {
    const buffer = new InterpolationBuffer({ delayMs: 100, maxExtrapolationMs: 100, restGapMs: 150 });
    buffer.push(at(0), 1000);
    buffer.push(at(1), 1050);
    buffer.push(at(2), 1100);
    expect(buffer.sample(1175)!.p[0]).toBeCloseTo(1.5);
  });

  it("moves steadily under jitter: samples at uneven times give monotonic motion", () => {
    const buffer = new InterpolationBuffer();
    const times = [0, 62, 95, 160, 198, 251, 309, 344, 401];
    times.forEach((t, i) => buffer.push(at(i * 0.05), 1000 + t));
    let previous = -Infinity;
    for (let now = 1150; now <= 1500; now += 16) {
      const x = buffer.sample(now)!.p[0];
      expect(x).toBeGreaterThanOrEqual(previous - 1e-9);
      previous = x;
    }
  });

  it("follows a sender's slower rhythm: poses every 300 ms still give steady motion, without stops", () => {
    const buffer = new InterpolationBuffer();
    for (let i = 0; i <= 20; i++) buffer.push(at(i * 0.3), 1000 + i * 300);
    let previous = -Infinity;
    for (let now = 3000; now <= 7000; now += 16) {
      const x = buffer.sample(now)!.p[0];
      // Never backwards, and never stuck for a whole frame while the sender keeps moving.
      expect(x).toBeGreaterThan(previous);
      previous = x;
      if (now > 6400) break;
    }
  });

  it("extrapolates briefly when a sample is late, then rests at the newest pose", () => {
    const buffer = new InterpolationBuffer({ delayMs: 100, maxExtrapolationMs: 100, restGapMs: 150 });
    buffer.push(at(0), 1000);
    buffer.push(at(1), 1050);
    expect(buffer.sample(1190)!.p[0]).toBeCloseTo(1.8);
    expect(buffer.sample(5000)!.p[0]).toBeCloseTo(1);
  });

  it("starts a motion from rest instead of jumping", () => {
    const buffer = new InterpolationBuffer({ delayMs: 100, maxExtrapolationMs: 100, restGapMs: 150 });
    buffer.push(at(0), 0);
    buffer.push(at(1), 5000);
    expect(buffer.sample(5000)!.p[0]).toBeLessThan(0.5);
    expect(buffer.sample(5100)!.p[0]).toBeCloseTo(1);
  });

  it("slerps rotations along the short arc and stays unit length", () => {
    const a: Pose = { p: [0, 0, 0], q: [0, 0, 0, 1] };
    const b: Pose = { p: [0, 0, 0], q: [0, -Math.SQRT1_2, 0, -Math.SQRT1_2] };
    const mid = interpolatePose(a, b, 0.5).q;
    expect(Math.hypot(...mid)).toBeCloseTo(1);
    expect(Math.abs(mid[1])).toBeCloseTo(Math.sin(Math.PI / 8), 4);
  });
});
