import { describe, expect, it } from "vitest";
import { Limits, Refusal } from "../../shared/protocol.ts";
import { classWithThree, demoLesson } from "./testClassroom.ts";
import {
  addModel,
  endClass,
  grab,
  markDropped,
  markReconnected,
  move,
  openClassroom,
  readPose,
  release,
  releaseIdleHolds,
  removeParticipant,
  resetScene,
  setLock,
  setSceneLock,
  setStep,
  snapPose,
  updateAvatarPose,
  vacateSeat,
  type Classroom,
} from "./classroom.ts";

const lesson = demoLesson;
const pose = (x: number, y = 1, z = 0) => ({
  p: [x, y, z] as [number, number, number],
  q: [0, 0, 0, 1] as [number, number, number, number],
});

describe("opening a class", () => {
  it("places every lesson object", () => {
    const classroom = openClassroom(lesson);
    expect(classroom.state.objects.size).toBe(lesson.objects.length);
    const earth = classroom.state.objects.get("earth")!;
    expect(readPose(earth.pose).p[0]).toBeCloseTo(-0.45, 2);
  });

  it("gives seats distinct avatar colours", () => {
    const classroom = classWithThree();
    const colors = [...classroom.state.participants.values()].map((p) => p.color);
    expect(new Set(colors).size).toBe(3);
  });
});

describe("grabbing", () => {
  it("grants a free object and refuses a second holder", () => {
    const classroom = classWithThree();
    expect(grab(classroom, "ana", "earth", 0)).toEqual({ ok: true });
    expect(grab(classroom, "bo", "earth", 1)).toMatchObject({ ok: false, reason: Refusal.HeldByOther });
    expect(classroom.state.objects.get("earth")!.heldBy).toBe("ana");
  });

  it("lets one participant hold two objects at once, not a third, until one is put down", () => {
    const classroom = classWithThree();
    const free = [...classroom.state.objects.values()].filter((o) => o.grabbable && !o.locked).map((o) => o.id);
    expect(free.length).toBeGreaterThan(Limits.maxHeldObjects);
    const [first, second, third] = free as [string, string, string];
    expect(grab(classroom, "ana", first, 0)).toEqual({ ok: true });
    expect(grab(classroom, "ana", second, 0)).toEqual({ ok: true });
    expect(grab(classroom, "ana", third, 0)).toMatchObject({ ok: false, reason: Refusal.HandsFull });
    expect(grab(classroom, "ana", first, 0)).toEqual({ ok: true });
    release(classroom, "ana", first, undefined);
    expect(grab(classroom, "ana", third, 0)).toEqual({ ok: true });
  });

  it("lets only the holder move and release", () => {
    const classroom = classWithThree();
    grab(classroom, "ana", "earth", 0);
    expect(move(classroom, "bo", "earth", pose(1), 1)).toMatchObject({ ok: false, reason: Refusal.NotHolder });
    expect(move(classroom, "ana", "earth", pose(0.5), 1)).toEqual({ ok: true });
    expect(release(classroom, "bo", "earth", undefined)).toMatchObject({ ok: false, reason: Refusal.NotHolder });
    expect(release(classroom, "ana", "earth", pose(0.7))).toEqual({ ok: true });
    const earth = classroom.state.objects.get("earth")!;
    expect(earth.heldBy).toBe("");
    expect(earth.pose.px).toBeCloseTo(0.7, 2);
  });

  it("refuses locked, ungrabbable and unknown objects", () => {
    const classroom = classWithThree();
    expect(grab(classroom, "ana", "sun", 0)).toMatchObject({ ok: false, reason: Refusal.Locked });
    expect(grab(classroom, "ana", "pluto", 0)).toMatchObject({ ok: false, reason: Refusal.UnknownObject });
    setLock(classroom, "teacher", "moon", true);
    expect(grab(classroom, "ana", "moon", 0)).toMatchObject({ ok: false, reason: Refusal.Locked });
  });

  it("frees a hold left idle past the limit, and not before", () => {
    const classroom = classWithThree();
    grab(classroom, "ana", "earth", 1000);
    move(classroom, "ana", "earth", pose(0.1), 2000);
    expect(releaseIdleHolds(classroom, 2000 + Limits.idleHoldReleaseMs - 1)).toEqual([]);
    expect(releaseIdleHolds(classroom, 2000 + Limits.idleHoldReleaseMs)).toEqual(["earth"]);
    expect(classroom.state.objects.get("earth")!.heldBy).toBe("");
  });

  it("normalises rotations and clamps positions into the world", () => {
    const classroom = classWithThree();
    grab(classroom, "ana", "cube", 0);
    move(classroom, "ana", "cube", { p: [0, 1, 0], q: [0, 0, 0, 1.01] }, 1);
    expect(classroom.state.objects.get("cube")!.pose.qw).toBeCloseTo(1, 3);
  });
});

describe("connections", () => {
  it("a drop frees held objects and keeps the seat; a return restores it", () => {
    const classroom = classWithThree();
    grab(classroom, "bo", "cube", 0);
    markDropped(classroom, "bo");
    expect(classroom.state.objects.get("cube")!.heldBy).toBe("");
    expect(classroom.state.participants.get("bo")!.connected).toBe(false);
    markReconnected(classroom, "bo");
    expect(classroom.state.participants.get("bo")!.connected).toBe(true);
    vacateSeat(classroom, "bo");
    expect(classroom.state.participants.has("bo")).toBe(false);
  });

  it("avatar poses update only for seated participants", () => {
    const classroom = classWithThree();
    expect(updateAvatarPose(classroom, "ana", { head: pose(0.3, 1.5), right: pose(0.4, 1.2) }).ok).toBe(true);
    expect(classroom.avatars.get("ana")!.pose.right!.p[0]).toBeCloseTo(0.4, 2);
    expect(classroom.state.participants.get("ana")!.hasHands).toBe(true);
    updateAvatarPose(classroom, "ana", { head: pose(0.3, 1.5) });
    expect(classroom.state.participants.get("ana")!.hasHands).toBe(false);
    expect(updateAvatarPose(classroom, "ghost", { head: pose(0) })).toMatchObject({
      reason: Refusal.UnknownParticipant,
    });
  });
});

describe("teacher-only actions", () => {
  const actions = {
    setLock: (c: Classroom, seat: string) => setLock(c, seat, "earth", true),
    resetScene: (c: Classroom, seat: string) => resetScene(c, seat),
    removeParticipant: (c: Classroom, seat: string) => removeParticipant(c, seat, "bo"),
    endClass: (c: Classroom, seat: string) => endClass(c, seat),
    setStep: (c: Classroom, seat: string) => setStep(c, seat, 0),
    setSceneLock: (c: Classroom, seat: string) => setSceneLock(c, seat, true),
    addModel: (c: Classroom, seat: string) =>
      addModel(c, seat, { model: "saturn.glb", label: "Saturn", available: true }),
  };

  for (const [name, act] of Object.entries(actions)) {
    it(`${name} is refused from a student and changes nothing`, () => {
      const classroom = classWithThree();
      grab(classroom, "bo", "cube", 0);
      const before = JSON.stringify(classroom.state.toJSON());
      expect(act(classroom, "ana")).toMatchObject({ ok: false, reason: Refusal.TeacherOnly });
      expect(JSON.stringify(classroom.state.toJSON())).toBe(before);
    });

    it(`${name} works for the teacher`, () => {
      const classroom = classWithThree();
      expect(act(classroom, "teacher")).toEqual({ ok: true });
    });
  }

  it("reset puts moved objects back and frees holds", () => {
    const classroom = classWithThree();
    grab(classroom, "ana", "earth", 0);
    move(classroom, "ana", "earth", pose(2, 2, 2), 1);
    resetScene(classroom, "teacher");
    const earth = classroom.state.objects.get("earth")!;
    expect(earth.heldBy).toBe("");
    expect(earth.pose.px).toBeCloseTo(-0.45, 2);
  });

  it("an added model joins the scene, stays through a step change, and an unknown one is refused", () => {
    const classroom = classWithThree();
    expect(addModel(classroom, "teacher", { model: "nope.glb", label: "Nope", available: false })).toMatchObject({
      ok: false,
      reason: Refusal.UnknownModel,
    });
    expect(addModel(classroom, "teacher", { model: "saturn.glb", label: "Saturn", available: true })).toEqual({
      ok: true,
    });
    const added = classroom.state.objects.get("added-1")!;
    expect([added.shape, added.model, added.label]).toEqual(["model", "saturn.glb", "Saturn"]);
    setStep(classroom, "teacher", 0);
    expect(classroom.state.objects.has("added-1")).toBe(true);
    expect(grab(classroom, "ana", "added-1", 0)).toEqual({ ok: true });
  });

  it("locking the scene locks and frees every grabbable object; unlocking opens them", () => {
    const classroom = classWithThree();
    grab(classroom, "ana", "cube", 0);
    setSceneLock(classroom, "teacher", true);
    classroom.state.objects.forEach((o) => expect(o.locked).toBe(true));
    expect(classroom.state.objects.get("cube")!.heldBy).toBe("");
    setSceneLock(classroom, "teacher", false);
    expect(classroom.state.objects.get("cube")!.locked).toBe(false);
    // The Sun is not for grabbing in this lesson, locked or not.
    expect(grab(classroom, "ana", "sun", 1)).toMatchObject({ ok: false });
  });

  it("a teacher cannot be removed", () => {
    const classroom = classWithThree();
    expect(removeParticipant(classroom, "teacher", "teacher")).toMatchObject({ ok: false });
  });
});

describe("snapping", () => {
  const atom = {
    snap: [
      {
        pose: { p: [0.1, 1, 0] as [number, number, number], q: [0, 0, 0, 1] as [number, number, number, number] },
        within: 0.05,
      },
      {
        pose: { p: [-0.1, 1, 0] as [number, number, number], q: [0, 0, 0, 1] as [number, number, number, number] },
        within: 0.05,
      },
    ],
  } as Parameters<typeof snapPose>[0];

  it("clicks into the nearest free target within reach, and leaves a far release alone", () => {
    expect(snapPose(atom, pose(0.12, 1.01, 0)).p).toEqual([0.1, 1, 0]);
    expect(snapPose(atom, pose(0.3, 1, 0)).p).toEqual([0.3, 1, 0]);
  });

  it("never puts two objects on one spot", () => {
    expect(snapPose(atom, pose(0.12, 1.01, 0), [[0.1, 1, 0]]).p).toEqual([0.12, 1.01, 0]);
    expect(snapPose(atom, pose(-0.08, 1, 0), [[0.1, 1, 0]]).p).toEqual([-0.1, 1, 0]);
  });
});
