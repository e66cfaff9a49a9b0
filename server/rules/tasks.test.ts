import { describe, expect, it } from "vitest";
import { loadLessonCatalog } from "../lessons/catalog.ts";
import { grab, openClassroom, release, releaseAllHeldBy, seatParticipant, setStep } from "./classroom.ts";
import { completionsSince, judgeTask, taskStanding } from "./tasks.ts";
import { setGroups } from "./teaching.ts";

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

describe("group work on a task", () => {
  /** Methane: four hydrogens to bond to the carbon, for a class of a teacher and four students. */
  function methaneInGroups(groups: number) {
    const classroom = openClassroom(lesson);
    seatParticipant(classroom, "teacher", { nickname: "T", role: "teacher", device: "desktop", language: "en" });
    for (const seat of ["ana", "bo", "chen", "dev"])
      seatParticipant(classroom, seat, { nickname: seat, role: "student", device: "desktop", language: "en" });
    setStep(classroom, "teacher", 2);
    setGroups(classroom, "teacher", groups);
    const hydrogens = ["methane-h1", "methane-h2", "methane-h3", "methane-h4"];
    const sites = lesson.objects.find((o) => o.id === "methane-h1")!.snap!.map((s) => s.pose);
    const put = (seat: string, part: string, site: number) => {
      const before = taskStanding(classroom.state);
      const grabbed = grab(classroom, seat, part, 0);
      if (!grabbed.ok) return { grabbed, credited: [] };
      release(classroom, seat, part, sites[site]);
      return { grabbed, credited: completionsSince(before, classroom.state) };
    };
    return { classroom, hydrogens, put };
  }

  it("deals students and parts into groups; only a part's group (and the teacher) may take it", () => {
    const { classroom, put } = methaneInGroups(2);
    const group = (seat: string) => classroom.state.participants.get(seat)!.group;
    expect(["ana", "bo", "chen", "dev"].map(group)).toEqual([1, 2, 1, 2]);
    expect(group("teacher")).toBe(0);
    const partGroup = (id: string) => classroom.state.objects.get(id)!.group;
    expect(["methane-h1", "methane-h2", "methane-h3", "methane-h4"].map(partGroup)).toEqual([1, 2, 1, 2]);
    // The carbon is not a part of the goal: anyone's.
    expect(partGroup("methane-c")).toBe(0);

    expect(put("bo", "methane-h1", 0).grabbed).toEqual({ ok: false, reason: "otherGroup", detail: "methane-h1" });
    expect(classroom.state.objects.get("methane-h1")!.heldBy).toBe("");
    expect(put("ana", "methane-h1", 0).grabbed.ok).toBe(true);
    expect(put("teacher", "methane-h2", 1).grabbed.ok).toBe(true);
    // A newcomer joins the smallest group.
    seatParticipant(classroom, "eli", { nickname: "Eli", role: "student", device: "vr", language: "sw" });
    expect(group("eli")).toBe(1);
  });

  it("credits a group when all its parts are in place, each member who placed one, once", () => {
    const { classroom, put } = methaneInGroups(2);
    expect(put("ana", "methane-h1", 0).credited).toEqual([]);
    expect(put("chen", "methane-h3", 2).credited).toEqual([
      { seat: "ana", placed: 1, total: 2 },
      { seat: "chen", placed: 1, total: 2 },
    ]);
    expect(classroom.state.taskDone).toBe(false);
    // Group 2 is not done; when it is, only its members are credited.
    expect(put("bo", "methane-h2", 1).credited).toEqual([]);
    expect(put("bo", "methane-h4", 3).credited).toEqual([{ seat: "bo", placed: 2, total: 2 }]);
    expect(classroom.state.taskDone).toBe(true);
  });

  it("works for each student alone (as many groups as students), and together again with 0", () => {
    const { classroom, put } = methaneInGroups(4);
    expect(put("dev", "methane-h4", 3).credited).toEqual([{ seat: "dev", placed: 1, total: 1 }]);
    expect(put("chen", "methane-h1", 0).grabbed.ok).toBe(false);
    setGroups(classroom, "teacher", 0);
    expect(classroom.state.participants.get("dev")!.group).toBe(0);
    expect(classroom.state.objects.get("methane-h1")!.group).toBe(0);
    expect(put("chen", "methane-h1", 0).grabbed.ok).toBe(true);
  });

  it("is the teacher's to set, not a student's", () => {
    const { classroom } = methaneInGroups(0);
    expect(setGroups(classroom, "ana", 3)).toEqual({ ok: false, reason: "teacherOnly" });
    expect(classroom.state.groups).toBe(0);
  });
});
