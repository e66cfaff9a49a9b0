import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { LessonStepSchema, checkLesson, summarize, type Lesson } from "./lesson.ts";

const step = {
  id: "look",
  title: { en: "Look closer" },
  instructions: { en: "See the valves from above." },
};

describe("a step's authored view", () => {
  it("is optional, and when given names a region and perhaps an angle", () => {
    expect(LessonStepSchema.parse(step).view).toBeUndefined();
    const view = { target: [0, 1, 0], radius: 0.3, pitch: -60, yaw: 90 };
    expect(LessonStepSchema.parse({ ...step, view }).view).toEqual(view);
    expect(LessonStepSchema.parse({ ...step, view: { target: [0, 1, 0], radius: 0.3 } }).view?.yaw).toBeUndefined();
  });

  it("refuses a view that could not be framed or carries anything else", () => {
    for (const view of [
      { target: [0, 1, 0], radius: 0 },
      { target: [0, 1, 0], radius: 50 },
      { target: [0, 1], radius: 0.3 },
      { target: [0, 1, 0], radius: 0.3, pitch: -120 },
      { target: [0, 1, 0], radius: 0.3, yaw: 400 },
      { target: [0, 1, 0], radius: 0.3, zoom: 3 },
      { target: [0, Number.NaN, 0], radius: 0.3 },
    ])
      expect(LessonStepSchema.safeParse({ ...step, view }).success, JSON.stringify(view)).toBe(false);
  });
});

describe("lesson metadata", () => {
  const shipped = JSON.parse(readFileSync("assets/lessons/shapes-and-planets.json", "utf8")) as Lesson;
  const described = {
    ...shipped,
    licenseId: "CC-BY-SA-4.0",
    authors: ["Ana", "Bruno"],
    ages: { from: 10, to: 12 },
    languages: ["en", "es"],
  };

  it("an imported file keeps its licence, authors, ages and languages, and the lobby's summary shows them", () => {
    const checked = checkLesson(described);
    expect(checked.ok).toBe(true);
    const lesson = (checked as { lesson: Lesson }).lesson;
    expect(summarize(lesson)).toMatchObject({
      licenseId: "CC-BY-SA-4.0",
      authors: ["Ana", "Bruno"],
      ages: { from: 10, to: 12 },
      languages: ["en", "es"],
    });
    // Files without them (every lesson written before) still read.
    expect(checkLesson(shipped).ok).toBe(true);
  });

  it("refuses an unknown licence, ages the wrong way round, markup in a name and an unknown language", () => {
    for (const spoilt of [
      { licenseId: "MIT" },
      { ages: { from: 12, to: 10 } },
      { authors: ["<b>Ana</b>"] },
      { languages: ["xx"] },
    ])
      expect(checkLesson({ ...described, ...spoilt }).ok, JSON.stringify(spoilt)).toBe(false);
    const blob = { ...described, objects: [{ ...shipped.objects[0]!, shape: "blob" }] };
    expect(checkLesson(blob).ok).toBe(false);
    const capsule = { ...described, objects: [{ ...shipped.objects[0]!, shape: "capsule" }] };
    expect(checkLesson(capsule).ok).toBe(true);
  });
});
