import { describe, expect, it } from "vitest";
import { type AvatarPose, avatarEntryBytes, decodeAvatarFrame, encodeAvatarFrame } from "./avatarFrame.ts";
import type { Pose, Quat } from "./math.ts";

function randomQuat(random: () => number): Quat {
  const q = [random() - 0.5, random() - 0.5, random() - 0.5, random() - 0.5];
  const length = Math.hypot(...q);
  return q.map((v) => v / length) as Quat;
}

/** Angle in degrees between two rotations. */
function angleBetween(a: Quat, b: Quat): number {
  const dot = Math.abs(a[0] * b[0] + a[1] * b[1] + a[2] * b[2] + a[3] * b[3]);
  return (2 * Math.acos(Math.min(1, dot)) * 180) / Math.PI;
}

function seeded(seed: number): () => number {
  return () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
}

describe("the avatar frame", () => {
  it("carries heads to 1.5 mm and 0.01°, and hands to 5 mm and 1°, for any rotation", () => {
    const random = seeded(42);
    const avatars: AvatarPose[] = [];
    for (let i = 0; i < 200; i++) {
      const head: Pose = { p: [random() * 8 - 4, 1 + random(), random() * 8 - 4], q: randomQuat(random) };
      const hand = (): Pose => ({
        p: [head.p[0] + random() - 0.5, head.p[1] - random() * 0.8, head.p[2] + random() - 0.5],
        q: randomQuat(random),
      });
      avatars.push(i % 3 === 0 ? { head } : { head, left: hand(), right: hand() });
    }
    const frame = encodeAvatarFrame(avatars.map((pose, slot) => ({ slot, pose })));
    expect(frame.byteLength).toBe(avatars.reduce((sum, pose) => sum + avatarEntryBytes(pose), 0));
    const decoded = decodeAvatarFrame(frame);
    expect(decoded).toHaveLength(avatars.length);
    decoded.forEach(({ slot, pose }) => {
      const sent = avatars[slot]!;
      for (let axis = 0; axis < 3; axis++)
        expect(Math.abs(pose.head.p[axis]! - sent.head.p[axis]!)).toBeLessThan(0.0016);
      expect(angleBetween(pose.head.q, sent.head.q)).toBeLessThan(0.01);
      expect(pose.left === undefined).toBe(sent.left === undefined);
      for (const side of ["left", "right"] as const) {
        if (!sent[side]) continue;
        for (let axis = 0; axis < 3; axis++)
          expect(Math.abs(pose[side]!.p[axis]! - sent[side].p[axis]!)).toBeLessThanOrEqual(0.0051);
        expect(angleBetween(pose[side]!.q, sent[side].q)).toBeLessThan(1);
      }
    });
  });

  it("is 14 bytes for a head and 26 with both hands", () => {
    const head: Pose = { p: [0, 1.6, 0], q: [0, 0, 0, 1] };
    expect(encodeAvatarFrame([{ slot: 0, pose: { head } }]).byteLength).toBe(14);
    expect(encodeAvatarFrame([{ slot: 0, pose: { head, left: head, right: head } }]).byteLength).toBe(26);
  });

  it("ignores a truncated entry instead of reading past the end", () => {
    const head: Pose = { p: [0, 1.6, 0], q: [0, 0, 0, 1] };
    const frame = encodeAvatarFrame([
      { slot: 1, pose: { head } },
      { slot: 2, pose: { head, left: head, right: head } },
    ]);
    expect(decodeAvatarFrame(frame.subarray(0, frame.byteLength - 1)).map((e) => e.slot)).toEqual([1]);
    expect(decodeAvatarFrame(new Uint8Array(0))).toEqual([]);
  });
});
