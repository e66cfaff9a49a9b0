import { describe, expect, it } from "vitest";
import { grab, move, release, setLock, setStep } from "./classroom.ts";
import { restoreClassroom, snapshotOf } from "./persistence.ts";
import { setClassLocked } from "./teaching.ts";
import { classWithThree, demoLesson } from "./testClassroom.ts";

describe("class snapshots", () => {
  it("bring back the step, object poses, locks and the class lock", () => {
    const classroom = classWithThree();
    setStep(classroom, "teacher", 0);
    grab(classroom, "ana", "earth", 0);
    move(classroom, "ana", "earth", { p: [0.3, 1.2, -0.1], q: [0, 0.7071, 0, 0.7071] }, 1);
    release(classroom, "ana", "earth", undefined);
    setLock(classroom, "teacher", "moon", true);
    setClassLocked(classroom, "teacher", true);
    const snapshot = JSON.parse(JSON.stringify(snapshotOf(classroom, "K7F3QX", "ab".repeat(32), 5000)));

    const restored = restoreClassroom(demoLesson, snapshot);
    const earth = restored.state.objects.get("earth")!.pose;
    expect([earth.px, earth.py, earth.pz].map((v) => Math.round(v * 100))).toEqual([30, 120, -10]);
    expect(earth.qy).toBeCloseTo(0.7071, 3);
    expect(restored.state.objects.get("moon")!.locked).toBe(true);
    expect(restored.state.locked).toBe(true);
    expect(restored.state.participants.size).toBe(0);
    expect(snapshot.roster.map((r: { nickname: string }) => r.nickname).sort()).toEqual(["Ana", "Bo", "Ms T"]);
  });
});
