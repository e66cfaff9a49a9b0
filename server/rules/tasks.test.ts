import { describe, expect, it } from "vitest";
import { loadLessonCatalog } from "../lessons/catalog.ts";
import { grab, openClassroom, release, releaseAllHeldBy, seatParticipant, setStep } from "./classroom.ts";
import { judgeTask } from "./tasks.ts";

const lesson = loadLessonCatalog("assets/lessons", "assets/models").get("molecules")!;

function waterStep() {
  const classroom = openClassroom(lesson);
  seatParticipant(classroom, "teacher", { nickname: "T", role: "teacher", device: "desktop", language: "en" });
  seatParticipant(classroom, "ana", { nickname: "Ana", role: "student", device: "vr", language: "es" });
  seatParticipant(classroom, "bo", { nickname: "Bo", role: "student", device: "desktop", language: "ar" });
  setStep(classroom, "teacher", 0);
  const sites = lesson.objects.find((o) => o.id === "water-h1")!.snap!.map((s) => s.pose);
  return { classroom, sites };
}

describe("a task judged from the scene (building water)", () => {
  it("is not done with the hydrogens loose, and is done with both on the oxygen's bond sites", () => {
    const { classroom, sites } = waterStep();
    expect(judgeTask(lesson, classroom.state)).toEqual({ inPlace: [], total: 2 });
    grab(classroom, "ana", "water-h1", 0);
    release(classroom, "ana", "water-h1", sites[0]);
    expect(classroom.state.taskInPlace).toBe(1);
    expect(classroom.state.taskDone).toBe(false);
    grab(classroom, "bo", "water-h2", 0);
    release(classroom, "bo", "water-h2", sites[1]);
    expect(classroom.state.taskDone).toBe(true);
    // The teacher sees who put which in place.
    expect(classroom.state.objects.get("water-h1")!.placedBy).toBe("ana");
    expect(classroom.state.objects.get("water-h2")!.placedBy).toBe("bo");
  });

  it("counts a hydrogen left far from any site, or one still in a hand, as not in place", () => {
    const { classroom, sites } = waterStep();
    grab(classroom, "ana", "water-h1", 0);
    release(classroom, "ana", "water-h1", {
      p: [sites[0]!.p[0] + 0.2, sites[0]!.p[1], sites[0]!.p[2]],
      q: sites[0]!.q,
    });
    expect(classroom.state.objects.get("water-h1")!.placedBy).toBe("");
    grab(classroom, "bo", "water-h2", 0);
    release(classroom, "bo", "water-h2", sites[1]);
    expect(classroom.state.taskInPlace).toBe(1);
    // Picked up again: no longer in place, and no longer credited.
    grab(classroom, "ana", "water-h2", 0);
    expect(classroom.state.taskInPlace).toBe(0);
    expect(classroom.state.objects.get("water-h2")!.placedBy).toBe("");
    // Dropped (the connection went) where it was: back in place, credited to no one.
    releaseAllHeldBy(classroom, "ana");
    expect(classroom.state.taskInPlace).toBe(1);
    expect(classroom.state.objects.get("water-h2")!.placedBy).toBe("");
  });

  it("starts again at a step change", () => {
    const { classroom, sites } = waterStep();
    for (const [id, site] of [
      ["water-h1", sites[0]],
      ["water-h2", sites[1]],
    ] as const) {
      grab(classroom, "ana", id, 0);
      release(classroom, "ana", id, site);
    }
    expect(classroom.state.taskDone).toBe(true);
    setStep(classroom, "teacher", 1);
    expect(classroom.state.taskDone).toBe(false);
    expect(classroom.state.taskInPlace).toBe(0);
    expect(classroom.state.taskTotal).toBe(2);
  });
});
