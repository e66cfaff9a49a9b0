import { describe, expect, it } from "vitest";
import type { Pose } from "../../shared/math.ts";
import { Limits } from "../../shared/protocol.ts";
import { avatarsDueFor, inViewOrNear } from "./avatarInterest.ts";
import { markReconnected, updateAvatarPose, vacateSeat } from "./classroom.ts";
import { classWithThree } from "./testClassroom.ts";

/** Standing at x, z and looking along -z (yaw 0) or, with `behind`, along +z. */
const standing = (x: number, z: number, behind = false): Pose => ({
  p: [x, 1.6, z],
  q: behind ? [0, 1, 0, 0] : [0, 0, 0, 1],
});
const slotsIn = (entries: { slot: number }[]) => entries.map((e) => e.slot).sort();

describe("which avatars a receiver is sent", () => {
  it("starts a receiver with every avatar, its own included, then only what moved", () => {
    const classroom = classWithThree();
    const slotOf = (seat: string) => classroom.state.participants.get(seat)!.slot;
    expect(slotsIn(avatarsDueFor(classroom, "ana", 1))).toEqual([0, 1, 2]);
    expect(avatarsDueFor(classroom, "ana", 2)).toEqual([]);
    updateAvatarPose(classroom, "bo", { head: standing(0, 0) });
    expect(slotsIn(avatarsDueFor(classroom, "ana", 3))).toEqual([slotOf("bo")]);
    // A participant's own moves are not echoed back.
    updateAvatarPose(classroom, "ana", { head: standing(0, 1) });
    expect(avatarsDueFor(classroom, "ana", 4)).toEqual([]);
  });

  it("sends avatars behind the receiver only every few frames, and ones in front every frame", () => {
    const classroom = classWithThree();
    // Ana at the origin looks along -z: Bo 3 m in front, the teacher 3 m behind.
    updateAvatarPose(classroom, "ana", { head: standing(0, 0) });
    avatarsDueFor(classroom, "ana", 1);
    const sentTo = { bo: 0, teacher: 0 };
    for (let frame = 2; frame < 2 + 3 * Limits.avatarOutOfViewEvery; frame++) {
      updateAvatarPose(classroom, "bo", { head: standing(0.01 * frame, -3) });
      updateAvatarPose(classroom, "teacher", { head: standing(0.01 * frame, 3) });
      for (const entry of avatarsDueFor(classroom, "ana", frame)) {
        if (entry.slot === classroom.state.participants.get("bo")!.slot) sentTo.bo++;
        if (entry.slot === classroom.state.participants.get("teacher")!.slot) sentTo.teacher++;
      }
    }
    expect(sentTo.bo).toBe(3 * Limits.avatarOutOfViewEvery);
    expect(sentTo.teacher).toBe(3);
  });

  it("always sends the avatar the class follows, and everyone again to a receiver back from a drop", () => {
    const classroom = classWithThree();
    updateAvatarPose(classroom, "ana", { head: standing(0, 0) });
    avatarsDueFor(classroom, "ana", 1);
    classroom.state.followSeat = "teacher";
    updateAvatarPose(classroom, "teacher", { head: standing(0, 3) });
    expect(avatarsDueFor(classroom, "ana", 2)).toHaveLength(1);
    markReconnected(classroom, "ana");
    expect(avatarsDueFor(classroom, "ana", 3)).toHaveLength(3);
  });

  it("forgets a seat that is vacated", () => {
    const classroom = classWithThree();
    avatarsDueFor(classroom, "ana", 1);
    vacateSeat(classroom, "bo");
    expect(classroom.avatars.has("bo")).toBe(false);
    expect(classroom.avatarsSent.get("ana")!.has("bo")).toBe(false);
    expect(slotsIn(avatarsDueFor(classroom, "teacher", 2))).toHaveLength(2);
  });
});

describe("in view or near", () => {
  const eyes = standing(0, 0);
  it("counts what is ahead within the cone, or close by", () => {
    expect(inViewOrNear(eyes, [0, 1.6, -5])).toBe(true);
    expect(inViewOrNear(eyes, [3, 1.6, -5])).toBe(true);
    expect(inViewOrNear(eyes, [5, 1.6, -1])).toBe(false);
    expect(inViewOrNear(eyes, [0, 1.6, 5])).toBe(false);
    expect(inViewOrNear(eyes, [0, 1.6, 1])).toBe(true);
    expect(inViewOrNear(standing(0, 0, true), [0, 1.6, 5])).toBe(true);
  });
});
