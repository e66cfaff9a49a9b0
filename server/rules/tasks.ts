/**
 * Tasks judged from the scene: a step's goal lists objects that must rest in
 * one of their snap places. The server checks after every put-down and step
 * change, and credits whoever put each object in place, so the teacher sees
 * who has done what.
 */
import { NO_GROUP, progressByGroup, roundRobinGroup } from "../../shared/groups.ts";
import { restsInPlace, type Lesson } from "../../shared/lesson.ts";
import type { ClassroomState } from "../../shared/state.ts";
import type { Classroom } from "./classroom.ts";

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
    const { px, py, pz } = object.pose;
    return restsInPlace(
      lesson.objects.find((object) => object.id === objectId),
      [px, py, pz],
    );
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
    classroom.state.objects.forEach((object) => (object.inPlace = false));
    return;
  }
  const inPlace = new Set(progress.inPlace);
  classroom.state.objects.forEach((object, id) => {
    object.inPlace = inPlace.has(id);
    if (!inPlace.has(id)) object.placedBy = "";
    else if (by?.objectId === id) object.placedBy = by.seat;
  });
  classroom.state.taskDone = progress.inPlace.length === progress.total;
}

/**
 * Deals the step's goal parts out among the groups, in the goal's order
 * (group 1 the first part, group 2 the second, …); with no groups every part
 * is anyone's.
 */
export function dealParts(classroom: Classroom): void {
  const goal = classroom.lesson.steps[classroom.state.step]?.goal?.snapped ?? [];
  const groups = classroom.state.groups;
  classroom.state.objects.forEach((object, id) => {
    const index = goal.indexOf(id);
    object.group = groups > 0 && index >= 0 ? roundRobinGroup(index, groups) : NO_GROUP;
  });
}

/** Where the task stands: done for the class, and which groups have all their parts in place. */
export interface TaskStanding {
  classDone: boolean;
  groupsDone: Set<number>;
}

export function taskStanding(state: ClassroomState): TaskStanding {
  const groupsDone = new Set<number>();
  for (const [group, progress] of progressByGroup(state.objects.values()))
    if (progress.inPlace === progress.total) groupsDone.add(group);
  return { classDone: state.taskDone, groupsDone };
}

/** A student to credit with a completed task: the parts they put in place out of those their group (or the class) had. */
export interface Completion {
  seat: string;
  placed: number;
  total: number;
}

/**
 * Who finished a task since `before`: working together, everyone who put a
 * part in place once the whole goal is met; in groups, the members of each
 * group that has just put all its parts in place who placed some of them.
 */
export function completionsSince(before: TaskStanding, state: ClassroomState): Completion[] {
  const now = taskStanding(state);
  const parts = [...state.objects.values()];
  const credit = (among: typeof parts): Completion[] => {
    const placed = new Map<string, number>();
    for (const part of among) if (part.placedBy) placed.set(part.placedBy, (placed.get(part.placedBy) ?? 0) + 1);
    return [...placed].map(([seat, count]) => ({ seat, placed: count, total: among.length }));
  };
  if (state.groups === 0) {
    if (before.classDone || !now.classDone) return [];
    return credit(parts.filter((part) => part.inPlace));
  }
  return [...now.groupsDone]
    .filter((group) => !before.groupsDone.has(group))
    .flatMap((group) => credit(parts.filter((part) => part.group === group)));
}
