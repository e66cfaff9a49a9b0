/**
 * Studio rules: what the server makes of an author's edit (the changes it
 * applies, or a refusal), a new draft, a remix of a lesson, and the check
 * every draft passes after a change. Plain functions over the draft.
 */
import { z } from "zod";
import { applyChanges, objectsInStep, startPose, textOf } from "../../shared/draftChanges.ts";
import {
  LESSON_FORMAT,
  LESSON_FORMAT_VERSION,
  LESSON_MAX_BYTES,
  draftSchemas,
  type Lesson,
} from "../../shared/lesson.ts";
import { Refusal } from "../../shared/protocol.ts";
import { studioLessonId } from "../../shared/studioIds.ts";
import {
  type Draft,
  type DraftChange,
  type DraftDetails,
  type DraftObject,
  type DraftStep,
  type LessonDraft,
  StudioLimits,
  type StudioEdit,
  textProblem,
} from "../../shared/studio.ts";

export type Planned = { ok: true; changes: DraftChange[] } | { ok: false; reason: Refusal; detail?: string };

const refuse = (reason: Refusal, detail?: string): Planned =>
  detail === undefined ? { ok: false, reason } : { ok: false, reason, detail };

const DEFAULT_DETAILS: DraftDetails = {
  subject: "other",
  licenseId: "CC-BY-4.0",
  ages: null,
  languages: ["en"],
  credit: true,
  authors: [],
};

/** An empty lesson with one step, in English only until the authors add languages. */
export function newDraft(id: string): Draft {
  return {
    id,
    revision: 0,
    details: structuredClone(DEFAULT_DETAILS),
    lesson: {
      format: LESSON_FORMAT,
      version: LESSON_FORMAT_VERSION,
      id: studioLessonId(id),
      title: {},
      summary: {},
      subject: "other",
      license: "CC BY 4.0",
      objects: [],
      steps: [{ id: "step-1", title: {}, instructions: {} }],
    },
  };
}

/** A copy of a lesson to change: its content, its languages, and a licence that allows the copy. */
export function draftFromLesson(id: string, lesson: Lesson): Draft {
  const draft = newDraft(id);
  const languages = lesson.languages ?? languagesOf(lesson);
  draft.details = {
    ...draft.details,
    subject: lesson.subject,
    // A share-alike lesson stays share-alike; anything else is offered under CC BY.
    licenseId: lesson.licenseId === "CC-BY-SA-4.0" ? "CC-BY-SA-4.0" : "CC-BY-4.0",
    ages: lesson.ages ?? null,
    languages: languages.includes("en") ? languages : ["en", ...languages],
    authors: [...(lesson.authors ?? [])],
  };
  const { title, summary, subject, license, objects, steps } = structuredClone(lesson);
  draft.lesson = { ...draft.lesson, title, summary, subject, license, objects, steps };
  return draft;
}

/** The languages every title of a lesson has. */
function languagesOf(lesson: Lesson): Draft["details"]["languages"] {
  return (Object.keys(lesson.title) as Draft["details"]["languages"]).filter((language) =>
    lesson.steps.every((step) => step.title[language] !== undefined),
  );
}

/** Turns an edit into changes against the draft as the server has it now. */
export function planEdit(draft: Draft, edit: StudioEdit): Planned {
  const lesson = draft.lesson;
  switch (edit.edit) {
    case "addObject": {
      if (lesson.objects.length >= StudioLimits.maxObjects) return refuse(Refusal.TooManyObjects);
      if ((edit.shape === "model") !== (edit.model !== undefined)) return refuse(Refusal.UnknownModel);
      const label = edit.label?.trim();
      const labelProblem = label ? textProblem({ of: "object", objectId: "x" }, label) : undefined;
      if (labelProblem) return refuse(Refusal.DraftInvalid, labelProblem);
      const object: DraftObject = {
        id: unusedId(lesson.objects, edit.shape),
        shape: edit.shape,
        ...(edit.model ? { model: edit.model } : {}),
        color: edit.color,
        label: label ? { [edit.language]: label } : {},
        size: edit.size,
        pose: edit.pose,
        grabbable: true,
        locked: false,
        glow: false,
      };
      return { ok: true, changes: [{ change: "putObject", index: lesson.objects.length, object }] };
    }
    case "duplicateObject": {
      const original = lesson.objects.find((object) => object.id === edit.objectId);
      if (!original) return refuse(Refusal.UnknownObject, edit.objectId);
      if (lesson.objects.length >= StudioLimits.maxObjects) return refuse(Refusal.TooManyObjects);
      const [x, y, z] = original.pose.p;
      const copy: DraftObject = {
        ...structuredClone(original),
        id: unusedId(lesson.objects, original.shape),
        pose: { p: [x + original.size[0] + 0.05, y, z], q: original.pose.q },
      };
      delete copy.snap;
      return { ok: true, changes: [{ change: "putObject", index: lesson.objects.length, object: copy }] };
    }
    case "setObject": {
      const index = lesson.objects.findIndex((object) => object.id === edit.objectId);
      if (index < 0) return refuse(Refusal.UnknownObject, edit.objectId);
      const { edit: _kind, objectId: _id, ...fields } = edit;
      const object = { ...lesson.objects[index]!, ...definedOnly(fields) };
      return { ok: true, changes: [{ change: "putObject", index, object }] };
    }
    case "removeObject": {
      if (!lesson.objects.some((object) => object.id === edit.objectId))
        return refuse(Refusal.UnknownObject, edit.objectId);
      // Steps that name it lose it first, so the draft never names a missing object.
      const changes: DraftChange[] = lesson.steps.flatMap((step, index) => {
        const cleaned = withoutObject(step, edit.objectId);
        return cleaned ? [{ change: "putStep" as const, index, step: cleaned }] : [];
      });
      return { ok: true, changes: [...changes, { change: "dropObject", objectId: edit.objectId }] };
    }
    case "placeObject": {
      const object = lesson.objects.find((candidate) => candidate.id === edit.objectId);
      const stepIndex = lesson.steps.findIndex((step) => step.id === edit.stepId);
      if (!object) return refuse(Refusal.UnknownObject, edit.objectId);
      if (stepIndex < 0) return refuse(Refusal.UnknownStep, edit.stepId);
      // In the first step the object's own pose is where it starts; later steps keep their own.
      if (stepIndex === 0 && !lesson.steps[0]!.place?.[object.id]) {
        return {
          ok: true,
          changes: [{ change: "putObject", index: indexOf(lesson, object.id), object: { ...object, pose: edit.pose } }],
        };
      }
      return { ok: true, changes: [{ change: "placeIn", stepId: edit.stepId, objectId: object.id, pose: edit.pose }] };
    }
    case "setText": {
      if (!textOf(lesson, edit.target) && !(edit.target.of === "step" && stepExists(lesson, edit.target.stepId)))
        return refuse(edit.target.of === "object" ? Refusal.UnknownObject : Refusal.UnknownStep);
      const text = edit.text.trim();
      if (text) {
        const problem = textProblem(edit.target, text);
        if (problem) return refuse(Refusal.DraftInvalid, problem);
      }
      return {
        ok: true,
        changes: [{ change: "setText", target: edit.target, language: edit.language, text: text || null }],
      };
    }
    case "addStep": {
      if (lesson.steps.length >= StudioLimits.maxSteps) return refuse(Refusal.TooManySteps);
      const from = lesson.steps[Math.min(edit.after, lesson.steps.length - 1)];
      const step: DraftStep = { id: unusedId(lesson.steps, "step"), title: {}, instructions: {} };
      if (from) {
        // The new step starts with the table as the step before it has it.
        if (from.objects) step.objects = [...from.objects];
        const place = Object.fromEntries(
          objectsInStep(lesson, from).map((object) => [object.id, startPose(object, from)]),
        );
        if (Object.keys(place).length > 0) step.place = place;
        if (from.locked) step.locked = [...from.locked];
      }
      return { ok: true, changes: [{ change: "putStep", index: edit.after + 1, step }] };
    }
    case "removeStep": {
      const index = lesson.steps.findIndex((step) => step.id === edit.stepId);
      if (index < 0) return refuse(Refusal.UnknownStep, edit.stepId);
      if (lesson.steps.length === 1) return refuse(Refusal.DraftInvalid, "a lesson keeps at least one step");
      return { ok: true, changes: [{ change: "dropStep", stepId: edit.stepId }] };
    }
    case "moveStep": {
      const step = lesson.steps.find((candidate) => candidate.id === edit.stepId);
      if (!step) return refuse(Refusal.UnknownStep, edit.stepId);
      return { ok: true, changes: [{ change: "putStep", index: Math.min(edit.to, lesson.steps.length - 1), step }] };
    }
    case "setInStep":
    case "setLockedInStep":
    case "setGoal":
    case "setView":
      return changeStep(lesson, edit);
    case "setTarget": {
      const index = indexOf(lesson, edit.objectId);
      if (index < 0) return refuse(Refusal.UnknownObject, edit.objectId);
      const object = structuredClone(lesson.objects[index]!);
      if (edit.pose) object.snap = [{ pose: edit.pose, within: edit.within ?? StudioLimits.targetWithin }];
      else delete object.snap;
      // A goal needs a target: without one, the object leaves every step's goal.
      const steps: DraftChange[] = edit.pose
        ? []
        : lesson.steps.flatMap((step, stepIndex) => {
            const goal = step.goal?.snapped.filter((id) => id !== edit.objectId);
            if (!step.goal || goal?.length === step.goal.snapped.length) return [];
            const changed = { ...step };
            if (goal && goal.length > 0) changed.goal = { snapped: goal };
            else delete changed.goal;
            return [{ change: "putStep" as const, index: stepIndex, step: changed }];
          });
      return { ok: true, changes: [...steps, { change: "putObject", index, object }] };
    }
    case "setDetails": {
      const { ages, ...fields } = edit.details;
      const next: DraftDetails = { ...draft.details, ...definedOnly(fields) };
      if (ages !== undefined) next.ages = ages;
      if (!next.languages.includes("en")) next.languages = ["en", ...next.languages];
      next.languages = [...new Set(next.languages)];
      if (edit.details.credit === false) next.authors = [];
      return { ok: true, changes: [{ change: "setDetails", details: next }] };
    }
  }
}

type StepEdit = Extract<StudioEdit, { edit: "setInStep" | "setLockedInStep" | "setGoal" | "setView" }>;

function changeStep(lesson: LessonDraft, edit: StepEdit): Planned {
  const index = lesson.steps.findIndex((step) => step.id === edit.stepId);
  if (index < 0) return refuse(Refusal.UnknownStep, edit.stepId);
  const step = structuredClone(lesson.steps[index]!);
  if (edit.edit === "setView") {
    if (edit.view) step.view = edit.view;
    else delete step.view;
    return { ok: true, changes: [{ change: "putStep", index, step }] };
  }
  const object = lesson.objects.find((candidate) => candidate.id === edit.objectId);
  if (!object) return refuse(Refusal.UnknownObject, edit.objectId);
  if (edit.edit === "setInStep") {
    const present = new Set(step.objects ?? lesson.objects.map((candidate) => candidate.id));
    if (edit.present) present.add(object.id);
    else present.delete(object.id);
    step.objects = lesson.objects.map((candidate) => candidate.id).filter((id) => present.has(id));
    if (!edit.present) {
      const cleaned = withoutObject(step, object.id);
      if (cleaned) Object.assign(step, cleaned, { objects: step.objects });
      if (!cleaned?.goal) delete step.goal;
    }
  } else if (edit.edit === "setLockedInStep") {
    const locked = new Set(step.locked ?? []);
    if (edit.locked) locked.add(object.id);
    else locked.delete(object.id);
    if (locked.size > 0) step.locked = [...locked];
    else delete step.locked;
  } else {
    if (edit.inGoal && !object.snap?.length) return refuse(Refusal.DraftInvalid, "place its target first");
    const snapped = new Set(step.goal?.snapped ?? []);
    if (edit.inGoal) snapped.add(object.id);
    else snapped.delete(object.id);
    if (snapped.size > 0) step.goal = { snapped: [...snapped] };
    else delete step.goal;
  }
  return { ok: true, changes: [{ change: "putStep", index, step }] };
}

/** The step without any mention of the object; undefined when it did not name it. */
function withoutObject(step: DraftStep, objectId: string): DraftStep | undefined {
  const names =
    step.objects?.includes(objectId) ||
    step.locked?.includes(objectId) ||
    step.place?.[objectId] !== undefined ||
    step.goal?.snapped.includes(objectId);
  if (!names) return undefined;
  const cleaned = structuredClone(step);
  if (cleaned.objects) cleaned.objects = cleaned.objects.filter((id) => id !== objectId);
  if (cleaned.locked) cleaned.locked = cleaned.locked.filter((id) => id !== objectId);
  if (cleaned.place) delete cleaned.place[objectId];
  if (cleaned.goal) {
    const snapped = cleaned.goal.snapped.filter((id) => id !== objectId);
    if (snapped.length > 0) cleaned.goal = { snapped };
    else delete cleaned.goal;
  }
  return cleaned;
}

function stepExists(lesson: LessonDraft, stepId: string): boolean {
  return lesson.steps.some((step) => step.id === stepId);
}

function indexOf(lesson: LessonDraft, objectId: string): number {
  return lesson.objects.findIndex((object) => object.id === objectId);
}

function unusedId(list: readonly { id: string }[], base: string): string {
  const taken = new Set(list.map((item) => item.id));
  for (let n = list.length + 1; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

function definedOnly<T extends object>(fields: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}

/** Checks a draft after changes: the lesson format (texts may be missing) and the size of a lesson file. */
export function draftProblem(draft: Draft): string | undefined {
  const parsed = draftSchemas.lesson.safeParse(draft.lesson);
  if (!parsed.success) return z.prettifyError(parsed.error).slice(0, 300);
  if (new TextEncoder().encode(JSON.stringify(draft.lesson)).length > LESSON_MAX_BYTES)
    return `larger than a lesson file may be (${LESSON_MAX_BYTES / 1024} KiB)`;
  return undefined;
}

export type Applied =
  { ok: true; draft: Draft; inverse: DraftChange[] } | { ok: false; reason: Refusal; detail?: string };

/** Applies planned changes if the draft they make is still a valid draft. */
export function applyChecked(draft: Draft, changes: DraftChange[]): Applied {
  const { draft: next, inverse } = applyChanges(draft, changes);
  const problem = draftProblem(next);
  return problem ? { ok: false, reason: Refusal.DraftInvalid, detail: problem } : { ok: true, draft: next, inverse };
}

/** Names an author among the draft's authors (once, when the authors chose to be named). */
export function creditAuthor(draft: Draft, nickname: string): DraftChange | undefined {
  const { details } = draft;
  if (!details.credit || details.authors.includes(nickname) || details.authors.length >= 20) return undefined;
  return { change: "setDetails", details: { ...details, authors: [...details.authors, nickname] } };
}
