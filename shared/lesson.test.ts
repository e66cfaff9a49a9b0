import { describe, expect, it } from "vitest";
import { LessonStepSchema } from "./lesson.ts";

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
