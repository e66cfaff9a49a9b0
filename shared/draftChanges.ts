/**
 * Applying the server's changes to a draft: a plain, deterministic function
 * the server and every author's page run alike, so the same changes in the
 * same order give the same draft. Each change also gives its inverse (what
 * puts the draft back), which is how the server undoes an author's edit.
 */
import type { Pose } from "./math.ts";
import type { Language } from "./protocol.ts";
import type { Draft, DraftChange, DraftObject, DraftStep, LessonDraft, TextTarget } from "./studio.ts";

type Text = Partial<Record<Language, string | undefined>>;

/** Applies changes in order; returns the new draft (the given one is not touched) and the inverse changes. */
export function applyChanges(draft: Draft, changes: readonly DraftChange[]): { draft: Draft; inverse: DraftChange[] } {
  const next = structuredClone(draft);
  const inverse: DraftChange[] = [];
  for (const change of changes) inverse.unshift(...applyOne(next, change));
  next.revision = draft.revision + changes.length;
  return { draft: next, inverse };
}

/** Applies one change in place; returns what undoes it. */
function applyOne(draft: Draft, change: DraftChange): DraftChange[] {
  const lesson = draft.lesson;
  switch (change.change) {
    case "putObject": {
      const before = indexOf(lesson.objects, change.object.id);
      const undo: DraftChange =
        before < 0
          ? { change: "dropObject", objectId: change.object.id }
          : { change: "putObject", index: before, object: lesson.objects[before]! };
      if (before >= 0) lesson.objects.splice(before, 1);
      lesson.objects.splice(clampIndex(change.index, lesson.objects.length), 0, structuredClone(change.object));
      return [undo];
    }
    case "dropObject": {
      const before = indexOf(lesson.objects, change.objectId);
      if (before < 0) return [];
      const [object] = lesson.objects.splice(before, 1);
      return [{ change: "putObject", index: before, object: object! }];
    }
    case "putStep": {
      const before = indexOf(lesson.steps, change.step.id);
      const undo: DraftChange =
        before < 0
          ? { change: "dropStep", stepId: change.step.id }
          : { change: "putStep", index: before, step: lesson.steps[before]! };
      if (before >= 0) lesson.steps.splice(before, 1);
      lesson.steps.splice(clampIndex(change.index, lesson.steps.length), 0, structuredClone(change.step));
      return [undo];
    }
    case "dropStep": {
      const before = indexOf(lesson.steps, change.stepId);
      if (before < 0) return [];
      const [step] = lesson.steps.splice(before, 1);
      return [{ change: "putStep", index: before, step: step! }];
    }
    case "setText": {
      const text = textOf(lesson, change.target, true);
      if (!text) return [];
      const previous = text[change.language] ?? null;
      if (change.text === null) delete text[change.language];
      else text[change.language] = change.text;
      if (change.target.of === "step" && change.target.field === "task") dropEmptyTask(lesson, change.target.stepId);
      return [{ change: "setText", target: change.target, language: change.language, text: previous }];
    }
    case "placeIn": {
      const step = lesson.steps.find((candidate) => candidate.id === change.stepId);
      if (!step) return [];
      const previous = step.place?.[change.objectId] ?? null;
      if (change.pose === null) {
        if (step.place) delete step.place[change.objectId];
      } else step.place = { ...step.place, [change.objectId]: structuredClone(change.pose) };
      return [{ change: "placeIn", stepId: change.stepId, objectId: change.objectId, pose: previous }];
    }
    case "setDetails": {
      const previous = draft.details;
      draft.details = structuredClone(change.details);
      lesson.subject = change.details.subject;
      return [{ change: "setDetails", details: previous }];
    }
  }
}

function indexOf(list: readonly { id: string }[], id: string): number {
  return list.findIndex((item) => item.id === id);
}

function clampIndex(index: number, length: number): number {
  return Math.max(0, Math.min(length, Math.floor(index)));
}

/** The texts of a field; with `create`, a step's task that does not exist yet is made (empty). */
export function textOf(lesson: LessonDraft, target: TextTarget, create = false): Text | undefined {
  if (target.of === "lesson") return lesson[target.field];
  if (target.of === "object") return lesson.objects.find((object) => object.id === target.objectId)?.label;
  const step = lesson.steps.find((candidate) => candidate.id === target.stepId);
  if (!step) return undefined;
  if (target.field === "task") {
    if (!step.task && create) step.task = {};
    return step.task;
  }
  return step[target.field];
}

/** A task with no text in any language is no task. */
function dropEmptyTask(lesson: LessonDraft, stepId: string): void {
  const step = lesson.steps.find((candidate) => candidate.id === stepId);
  if (step?.task && Object.keys(step.task).length === 0) delete step.task;
}

/** The objects present in a step. */
export function objectsInStep(lesson: LessonDraft, step: DraftStep): DraftObject[] {
  const present = step.objects ? new Set(step.objects) : undefined;
  return lesson.objects.filter((object) => present?.has(object.id) ?? true);
}

/** Where an object starts in a step: the step's own place for it, or the lesson's. */
export function startPose(object: DraftObject, step: DraftStep | undefined): Pose {
  return step?.place?.[object.id] ?? object.pose;
}
