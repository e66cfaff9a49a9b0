/**
 * Tasks judged from the scene: a step's goal lists objects that must rest in
 * one of their snap places. The server checks after every put-down and step
 * change, and credits whoever put each object in place, so the teacher sees
 * who has done what.
 */
import type { Lesson } from "../../shared/lesson.ts";
import type { ClassroomState } from "../../shared/state.ts";
import type { Classroom } from "./classroom.ts";

/** Snapping writes the snap pose exactly; this only absorbs quantisation. */
const IN_PLACE = 0.005;

export interface TaskProgress {
  /** Objects of the goal resting in place. */
  inPlace: string[];
  total: number;
}

/** How far the current step's goal is met in this scene; undefined when the step has no goal. */
export function judgeTask(lesson: Lesson, state: ClassroomState): TaskProgress | undefined {
  const goal = lesson.steps[state.step]?.goal;
  if (!goal) return undefined;
  const inPlace = goal.snapped.filter((objectId) => {
    const object = state.objects.get(objectId);
    // Only what rests counts: an object in someone's hand is not in place.
    if (!object || object.heldBy !== "") return false;
    const pose = object.pose;
    const snaps = lesson.objects.find((object) => object.id === objectId)?.snap ?? [];
    return snaps.some(({ pose: { p } }) => Math.hypot(pose.px - p[0], pose.py - p[1], pose.pz - p[2]) <= IN_PLACE);
  });
  return { inPlace, total: goal.snapped.length };
}

/**
 * Re-judges the step's goal after something changed. `by` credits the
 * participant who just put an object down (or took it up): an object of the
 * goal in place keeps the seat that placed it, one out of place has none.
 */
export function refreshTask(classroom: Classroom, by?: { seat: string; objectId: string }): void {
  const progress = judgeTask(classroom.lesson, classroom.state);
  classroom.state.taskInPlace = progress?.inPlace.length ?? 0;
  classroom.state.taskTotal = progress?.total ?? 0;
  if (!progress) {
    classroom.state.taskDone = false;
    return;
  }
  const inPlace = new Set(progress.inPlace);
  classroom.state.objects.forEach((object, id) => {
    if (!inPlace.has(id)) object.placedBy = "";
    else if (by?.objectId === id) object.placedBy = by.seat;
  });
  classroom.state.taskDone = progress.inPlace.length === progress.total;
}
