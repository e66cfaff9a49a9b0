/** Every lesson shipped in assets/ validates, opens, and plays through all its steps. */
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { LANGUAGES } from "../../shared/protocol.ts";
import { loadLessonCatalog } from "../../server/lessons/catalog.ts";
import { grab, openClassroom, release, seatParticipant, setStep } from "../../server/rules/classroom.ts";

const catalog = loadLessonCatalog("assets/lessons", "assets/models");
const files = readdirSync("assets/lessons").filter((f) => f.endsWith(".json"));

describe("shipped lessons", () => {
  it("every file in assets/lessons loads", () => {
    expect(catalog.list().length).toBe(files.length);
    expect(files.length).toBeGreaterThanOrEqual(1);
  });

  for (const summary of catalog.list()) {
    describe(summary.id, () => {
      const lesson = catalog.get(summary.id)!;

      it("plays through every step with the objects each step names", () => {
        const classroom = openClassroom(lesson);
        seatParticipant(classroom, "teacher", { nickname: "T", role: "teacher", device: "desktop", language: "en" });
        lesson.steps.forEach((step, index) => {
          expect(setStep(classroom, "teacher", index)).toEqual({ ok: true });
          const expected = step.objects ?? lesson.objects.map((o) => o.id);
          expect([...classroom.state.objects.keys()].sort()).toEqual([...expected].sort());
          for (const id of step.locked ?? []) expect(classroom.state.objects.get(id)?.locked).toBe(true);
        });
      });

      it("has every task's goal open at the step's start, and met once each of its objects is put in place", () => {
        const classroom = openClassroom(lesson);
        seatParticipant(classroom, "teacher", { nickname: "T", role: "teacher", device: "desktop", language: "en" });
        seatParticipant(classroom, "ana", { nickname: "A", role: "student", device: "desktop", language: "en" });
        lesson.steps.forEach((step, index) => {
          setStep(classroom, "teacher", index);
          if (!step.goal) return expect(classroom.state.taskTotal).toBe(0);
          expect(classroom.state.taskDone).toBe(false);
          expect(classroom.state.taskTotal).toBe(step.goal.snapped.length);
          for (const id of step.goal.snapped) {
            const spot = lesson.objects.find((o) => o.id === id)!.snap!;
            expect(grab(classroom, "ana", id, 0)).toEqual({ ok: true });
            // Let go a little off each of its places in turn, until one takes it (another may be taken).
            for (const { pose } of spot) {
              release(classroom, "ana", id, { p: [pose.p[0] + 0.01, pose.p[1], pose.p[2]], q: pose.q });
              if (classroom.state.objects.get(id)!.placedBy === "ana") break;
              grab(classroom, "ana", id, 0);
            }
            expect(classroom.state.objects.get(id)!.placedBy).toBe("ana");
          }
          expect(classroom.state.taskInPlace).toBe(step.goal.snapped.length);
          expect(classroom.state.taskDone).toBe(true);
        });
      });

      it("keeps every object, snap target and step view on or above the table", () => {
        const poses = lesson.objects.flatMap((o) => [o.pose, ...(o.snap ?? []).map((s) => s.pose)]);
        for (const step of lesson.steps) {
          poses.push(...Object.values(step.place ?? {}));
          if (step.view) poses.push({ p: step.view.target, q: [0, 0, 0, 1] });
        }
        for (const pose of poses) {
          expect(Math.hypot(pose.p[0], pose.p[2])).toBeLessThanOrEqual(0.95);
          expect(pose.p[1]).toBeGreaterThanOrEqual(0.8);
          expect(pose.p[1]).toBeLessThanOrEqual(2);
        }
      });

      if (lesson.subject !== "demo") {
        it("is written in every language", () => {
          const texts = [lesson.title, lesson.summary, ...lesson.objects.map((o) => o.label)];
          for (const step of lesson.steps) texts.push(step.title, step.instructions, ...(step.task ? [step.task] : []));
          for (const text of texts) expect(Object.keys(text).sort()).toEqual([...LANGUAGES].sort());
        });
      }
    });
  }
});
