import { describe, expect, it } from "vitest";
import { SeededRandom } from "../../test/support/seededRandom.ts";
import { at, randomEdit, sphere } from "../../test/support/studioEdits.ts";
import { applyChanges } from "../../shared/draftChanges.ts";
import { completeness } from "../../shared/draftLesson.ts";
import { publishable } from "../../shared/draftPublish.ts";
import type { Language } from "../../shared/protocol.ts";
import type { Draft, DraftChange, StudioEdit } from "../../shared/studio.ts";
import { applyChecked, draftFromLesson, draftProblem, newDraft, planEdit } from "./studio.ts";
import { loadLessonCatalog } from "../lessons/catalog.ts";

/** Plans and applies an edit as the server does; fails the test if it is refused. */
function edited(draft: Draft, edit: StudioEdit): Draft {
  const planned = planEdit(draft, edit);
  if (!planned.ok) throw new Error(`refused: ${planned.reason} ${planned.detail ?? ""}`);
  const applied = applyChecked(draft, planned.changes);
  if (!applied.ok) throw new Error(`invalid: ${applied.detail}`);
  return applied.draft;
}

describe("studio edits", () => {
  it("gives new objects unused ids, and a removed object leaves no step naming it", () => {
    let draft = edited(edited(newDraft("a".repeat(16)), sphere()), sphere(0.2));
    const [first, second] = draft.lesson.objects;
    expect(first!.id).not.toBe(second!.id);
    const step = draft.lesson.steps[0]!.id;
    draft = edited(draft, { edit: "setTarget", objectId: first!.id, pose: at(0.3) });
    draft = edited(draft, { edit: "setGoal", stepId: step, objectId: first!.id, inGoal: true });
    draft = edited(draft, { edit: "setLockedInStep", stepId: step, objectId: first!.id, locked: true });
    draft = edited(draft, { edit: "addStep", after: 0 });
    draft = edited(draft, { edit: "removeObject", objectId: first!.id });
    expect(JSON.stringify(draft.lesson.steps)).not.toContain(first!.id);
    expect(draftProblem(draft)).toBeUndefined();
  });

  it("a goal needs a target; taking the target away takes the object out of every goal", () => {
    let draft = edited(newDraft("b".repeat(16)), sphere());
    const objectId = draft.lesson.objects[0]!.id;
    const stepId = draft.lesson.steps[0]!.id;
    expect(planEdit(draft, { edit: "setGoal", stepId, objectId, inGoal: true })).toMatchObject({ ok: false });
    draft = edited(draft, { edit: "setTarget", objectId, pose: at(0.3) });
    draft = edited(draft, { edit: "setGoal", stepId, objectId, inGoal: true });
    expect(draft.lesson.steps[0]!.goal).toEqual({ snapped: [objectId] });
    draft = edited(draft, { edit: "setTarget", objectId, pose: null });
    expect(draft.lesson.steps[0]!.goal).toBeUndefined();
  });

  it("a new step starts with the table as the step before it has it", () => {
    let draft = edited(newDraft("c".repeat(16)), sphere());
    const objectId = draft.lesson.objects[0]!.id;
    const first = draft.lesson.steps[0]!.id;
    draft = edited(draft, { edit: "addStep", after: 0 });
    draft = edited(draft, { edit: "placeObject", objectId, stepId: draft.lesson.steps[1]!.id, pose: at(0.4) });
    draft = edited(draft, { edit: "addStep", after: 1 });
    expect(draft.lesson.steps[2]!.place?.[objectId]?.p[0]).toBeCloseTo(0.4);
    // Moving the object in the first step moves where the lesson puts it, not the later steps.
    draft = edited(draft, { edit: "placeObject", objectId, stepId: first, pose: at(-0.4) });
    expect(draft.lesson.objects[0]!.pose.p[0]).toBeCloseTo(-0.4);
    expect(draft.lesson.steps[1]!.place?.[objectId]?.p[0]).toBeCloseTo(0.4);
  });

  it("English stays one of the lesson's languages; completeness counts each language's texts", () => {
    let draft = edited(newDraft("d".repeat(16)), { edit: "setDetails", details: { languages: ["es", "ar"] } });
    expect(draft.details.languages).toEqual(["en", "es", "ar"]);
    draft = edited(draft, { edit: "setText", target: { of: "lesson", field: "title" }, language: "es", text: "Hola" });
    expect(completeness(draft)).toEqual([
      { language: "en", done: 0, total: 4 },
      { language: "es", done: 1, total: 4 },
      { language: "ar", done: 0, total: 4 },
    ]);
  });

  it("refuses texts with markup, over-long texts and edits of what is not there", () => {
    const draft = edited(newDraft("e".repeat(16)), sphere());
    const title = { of: "lesson", field: "title" } as const;
    expect(planEdit(draft, { edit: "setText", target: title, language: "en", text: "<b>x</b>" })).toMatchObject({
      ok: false,
    });
    expect(planEdit(draft, { edit: "setText", target: title, language: "en", text: "x".repeat(81) })).toMatchObject({
      ok: false,
    });
    expect(planEdit(draft, { edit: "duplicateObject", objectId: "ghost" })).toMatchObject({ ok: false });
    expect(planEdit(draft, { edit: "removeStep", stepId: draft.lesson.steps[0]!.id })).toMatchObject({ ok: false });
  });

  it("a remix of a shipped lesson publishes as a valid lesson as it is", () => {
    const lesson = loadLessonCatalog("assets/lessons", "assets/models").get("heart")!;
    const draft = draftFromLesson("f".repeat(16), lesson);
    expect(draftProblem(draft)).toBeUndefined();
    const published = publishable(draft);
    expect(published.ok).toBe(true);
    expect(draft.details.languages.length).toBeGreaterThan(1);
  });
});

describe("authors editing at once (seeded)", () => {
  it.each([1, 2, 3, 42, 2026])(
    "seed %i: every author ends with the server's draft, and undoing everything gives the start back",
    (seed) => {
      const random = new SeededRandom(seed);
      const start = newDraft("g".repeat(16));
      let server = start;
      const languages: Language[] = ["en", "es", "ar"];
      // Each author edits the draft as they last saw it (a stale view); the server plans against its own.
      const seen = languages.map(() => start);
      const followers = languages.map(() => start);
      const undo: DraftChange[][] = [];
      for (let round = 0; round < 300; round++) {
        const author = random.int(0, languages.length - 1);
        const planned = planEdit(server, randomEdit(random, seen[author]!, languages[author]!));
        if (planned.ok) {
          const applied = applyChecked(server, planned.changes);
          if (applied.ok) {
            server = applied.draft;
            undo.push(applied.inverse);
            // Every author receives the changes in the server's order.
            for (let index = 0; index < followers.length; index++)
              followers[index] = applyChanges(followers[index]!, planned.changes).draft;
          }
        }
        // Some authors hear of the changes late.
        seen[author] = followers[author]!;
        expect(draftProblem(server)).toBeUndefined();
      }
      expect(undo.length).toBeGreaterThan(150);
      expect(server.lesson.objects.length).toBeGreaterThan(3);
      for (const follower of followers) expect(follower).toEqual(server);
      let back = server;
      for (const inverse of undo.reverse()) back = applyChanges(back, inverse).draft;
      expect({ ...back, revision: 0 }).toEqual({ ...start, revision: 0 });
    },
  );
});
