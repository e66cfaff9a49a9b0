/**
 * The lesson studio over real sockets: two authors edit one draft at once and
 * end with the same lesson; nobody without the author key reads or edits it;
 * hostile edits change nothing; a published lesson passes the import schema
 * and a class runs on it.
 */
import { matchMaker } from "@colyseus/core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createClassAsBot, joinClassAsBot } from "../../client/bot/bot.ts";
import { type ClassroomConnection, JoinFailedError, JoinFailure, joinClass } from "../../client/net/connection.ts";
import { openStudio } from "../../client/net/studioEntry.ts";
import { checkLesson, type Lesson } from "../../shared/lesson.ts";
import { Refusal, StudioOpenSchema } from "../../shared/protocol.ts";
import { StudioMessage, type Draft } from "../../shared/studio.ts";
import { classServerForThisFile } from "../support/classServer.ts";
import { at } from "../support/studioEdits.ts";

const classes = classServerForThisFile();
const open: ClassroomConnection[] = [];
const identity = (nickname: string, language: "en" | "es" = "en") => ({
  nickname,
  language,
  device: "desktop" as const,
});
/** Two authors in one new draft: the opener, and a co-author through the author link. */
async function twoAuthors() {
  const first = await openStudio(classes.endpoint, identity("Ana"), StudioOpenSchema.parse({ start: "new" }));
  open.push(first);
  await vi.waitFor(() => expect(first.view.getState().teacherKey).toBeDefined());
  const second = await joinClass(
    classes.endpoint,
    first.code,
    identity("Bruno", "es"),
    first.view.getState().teacherKey,
  );
  open.push(second);
  await vi.waitFor(() => expect(second.studio.store.getState().draft).toBeDefined());
  return { first, second, key: first.view.getState().teacherKey!, draftId: draftOf(first).id };
}

const draftOf = (connection: ClassroomConnection): Draft => connection.studio.store.getState().draft!;

/** Waits until every author's draft is ready (as `ready` checks) and all are the same; returns it. */
async function converged(authors: ClassroomConnection[], ready: (draft: Draft) => void): Promise<Draft> {
  await vi.waitFor(() => {
    authors.forEach((author) => ready(draftOf(author)));
    expect(new Set(authors.map((author) => draftOf(author).revision)).size).toBe(1);
  });
  const drafts = authors.map(draftOf);
  for (const draft of drafts.slice(1)) expect(draft).toEqual(drafts[0]);
  return drafts[0]!;
}

afterEach(async () => {
  await Promise.all(open.splice(0).map((connection) => connection.leave()));
});

describe("co-authoring one draft", () => {
  it("two authors adding objects, reordering steps and writing the same texts end with the same lesson", async () => {
    const { first, second } = await twoAuthors();
    first.studio.edit({
      edit: "addObject",
      shape: "sphere",
      color: "#2a7fff",
      size: [0.1, 0.1, 0.1],
      pose: at(-0.2),
      label: "Ball",
      language: "en",
    });
    second.studio.edit({
      edit: "addObject",
      shape: "box",
      color: "#e63946",
      size: [0.1, 0.1, 0.1],
      pose: at(0.2),
      label: "Cubo",
      language: "es",
    });
    first.studio.edit({ edit: "addStep", after: 0 });
    second.studio.edit({ edit: "addStep", after: 0 });
    let draft = await converged([first, second], (draft) => {
      expect(draft.lesson.objects.map((object) => object.shape).sort()).toEqual(["box", "sphere"]);
      expect(draft.lesson.steps).toHaveLength(3);
    });

    // Both write the lesson's title at once, each in their language, and both write its English title too.
    const [, secondStep, thirdStep] = draft.lesson.steps;
    first.studio.edit({ edit: "setText", target: { of: "lesson", field: "title" }, language: "en", text: "Shapes" });
    second.studio.edit({ edit: "setText", target: { of: "lesson", field: "title" }, language: "es", text: "Formas" });
    second.studio.edit({ edit: "setText", target: { of: "lesson", field: "title" }, language: "en", text: "Solids" });
    first.studio.edit({
      edit: "setText",
      target: { of: "step", stepId: secondStep!.id, field: "title" },
      language: "en",
      text: "Second",
    });
    second.studio.edit({ edit: "moveStep", stepId: thirdStep!.id, to: 0 });
    second.studio.edit({
      edit: "setText",
      target: { of: "step", stepId: secondStep!.id, field: "title" },
      language: "es",
      text: "Segundo",
    });
    draft = await converged([first, second], (draft) => {
      expect(draft.lesson.steps.find((step) => step.id === secondStep!.id)!.title.es).toBe("Segundo");
      expect(draft.lesson.title.es).toBe("Formas");
    });
    // The server's order decides the shared field; neither language's text is lost, nor the step.
    expect(["Shapes", "Solids"]).toContain(draft.lesson.title.en);
    expect(draft.lesson.title.es).toBe("Formas");
    expect(draft.lesson.steps[0]!.id).toBe(thirdStep!.id);
    expect(draft.lesson.steps.find((step) => step.id === secondStep!.id)!.title).toEqual({
      en: "Second",
      es: "Segundo",
    });

    // Each sees who writes where.
    first.studio.focus(`step:${secondStep!.id}:title`);
    await vi.waitFor(() =>
      expect(second.state.participants.get(first.seat)!.editing).toBe(`step:${secondStep!.id}:title`),
    );
  });

  it("moving an object on the table sets where it starts, for every author; undo is per author", async () => {
    const { first, second } = await twoAuthors();
    first.studio.edit({
      edit: "addObject",
      shape: "cone",
      color: "#00aa55",
      size: [0.1, 0.2, 0.1],
      pose: at(0),
      language: "en",
    });
    await vi.waitFor(() => expect(second.state.objects.size).toBe(1));
    const coneId = draftOf(second).lesson.objects[0]!.id;
    second.grab(coneId, at(0));
    second.move(coneId, at(0.3, 0.1));
    second.release(coneId, at(0.3, 0.1));
    await vi.waitFor(() => expect(draftOf(first).lesson.objects[0]!.pose.p[0]).toBeCloseTo(0.3, 2));

    first.studio.edit({
      edit: "addObject",
      shape: "torus",
      color: "#ffaa00",
      size: [0.1, 0.1, 0.1],
      pose: at(-0.3),
      language: "en",
    });
    await vi.waitFor(() => expect(draftOf(second).lesson.objects).toHaveLength(2));
    // Bruno's undo takes back his move, not Ana's torus.
    second.studio.undo();
    await vi.waitFor(() => expect(draftOf(first).lesson.objects[0]!.pose.p[0]).toBeCloseTo(0, 2));
    expect(draftOf(first).lesson.objects).toHaveLength(2);
    await vi.waitFor(() => expect(first.state.objects.get(coneId)!.pose.px).toBeCloseTo(0, 2));
    second.studio.redo();
    await vi.waitFor(() => expect(draftOf(first).lesson.objects[0]!.pose.p[0]).toBeCloseTo(0.3, 2));
    second.studio.undo();
    second.studio.undo();
    await vi.waitFor(() => expect(second.view.getState().lastRefusal?.reason).toBe(Refusal.NothingToUndo));
    await converged([first, second], (draft) => expect(draft.lesson.objects[0]!.pose.p[0]).toBeCloseTo(0, 2));
  });
});

describe("opening a closed draft", () => {
  it("authors who open it at the same moment all end in one studio", async () => {
    const opener = await openStudio(classes.endpoint, identity("Ana"), StudioOpenSchema.parse({ start: "new" }));
    await vi.waitFor(() => expect(opener.view.getState().teacherKey).toBeDefined());
    await vi.waitFor(() => expect(opener.studio.store.getState().draft).toBeDefined());
    const key = opener.view.getState().teacherKey!;
    const draftId = draftOf(opener).id;
    const closedCode = opener.code;
    await opener.leave();
    await matchMaker.getLocalRoomById(closedCode)!.disconnect();
    await vi.waitFor(async () => expect(await matchMaker.getRoomById(closedCode)).toBeFalsy());

    const authors = await Promise.all(
      ["Ana", "Bo", "Cy", "Di", "Ed", "Flo", "Gus", "Hu"].map((nickname) =>
        openStudio(classes.endpoint, identity(nickname), { start: "draft", draftId, authorKey: key }),
      ),
    );
    open.push(...authors);
    expect(new Set(authors.map((author) => author.code)).size).toBe(1);
    await vi.waitFor(() => authors.forEach((author) => expect(draftOf(author).id).toBe(draftId)));
  });
});

describe("only authors", () => {
  it("a student's join, a wrong key and no key neither read nor edit a draft", async () => {
    const { first, key, draftId } = await twoAuthors();
    await expect(joinClass(classes.endpoint, first.code, identity("Sneaky"))).rejects.toMatchObject({
      failure: JoinFailure.AuthorsOnly,
    });
    await expect(joinClass(classes.endpoint, first.code, identity("Sneaky"), "0".repeat(32))).rejects.toMatchObject({
      failure: JoinFailure.WrongTeacherKey,
    });
    await expect(
      openStudio(classes.endpoint, identity("Sneaky"), { start: "draft", draftId, authorKey: "1".repeat(32) }),
    ).rejects.toBeInstanceOf(JoinFailedError);

    const asked = (headers: Record<string, string>) => fetch(`${classes.endpoint}/api/drafts/${draftId}`, { headers });
    expect((await asked({})).status).toBe(403);
    expect((await asked({ authorization: `Bearer ${"2".repeat(32)}` })).status).toBe(403);
    const mine = await asked({ authorization: `Bearer ${key}` });
    expect(mine.status).toBe(200);
    const lookup = await fetch(`${classes.endpoint}/api/drafts/lookup`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ drafts: [{ id: draftId, key: "3".repeat(32) }] }),
    });
    expect(await lookup.json()).toEqual([]);

    // A teacher of an ordinary class cannot send studio edits into it.
    const teacher = classes.track(await createClassAsBot(classes.endpoint, "solar-system", { nickname: "Teacher" }));
    teacher.connection.room.send(StudioMessage.Edit, { edit: "removeStep", stepId: "intro" });
    await vi.waitFor(() => expect(teacher.connection.view.getState().lastRefusal?.reason).toBe(Refusal.NotInStudio));
  });

  it("hostile or malformed edits are refused and change nothing", async () => {
    const { first, second } = await twoAuthors();
    const before = structuredClone(draftOf(first));
    const hostile: unknown[] = [
      { edit: "setText", target: { of: "lesson", field: "title" }, language: "en", text: "<script>alert(1)</script>" },
      { edit: "setText", target: { of: "lesson", field: "title" }, language: "en", text: "x".repeat(81) },
      { edit: "setText", target: { of: "step", stepId: "nope", field: "title" }, language: "en", text: "Hi" },
      { edit: "removeObject", objectId: "nothing-here" },
      { edit: "removeStep", stepId: before.lesson.steps[0]!.id },
      {
        edit: "addObject",
        shape: "model",
        model: "missing.glb",
        color: "#ffffff",
        size: [0.1, 0.1, 0.1],
        pose: at(0),
        language: "en",
      },
      { edit: "addObject", shape: "sphere", color: "red", size: [0.1, 0.1, 0.1], pose: at(0), language: "en" },
      { edit: "setGoal", stepId: before.lesson.steps[0]!.id, objectId: "nothing-here", inGoal: true },
      { edit: "moveStep", stepId: "../../etc", to: 0 },
      { edit: "setDetails", details: { languages: ["xx"] } },
      { edit: "__proto__" },
      null,
      "removeStep",
    ];
    for (const payload of hostile) first.room.send(StudioMessage.Edit, payload);
    first.room.send(StudioMessage.Focus, { field: 7 });
    await vi.waitFor(() => expect(first.view.getState().lastRefusal).toBeDefined());
    // A harmless edit after them all shows the room is alive and nothing else changed.
    first.studio.edit({ edit: "setText", target: { of: "lesson", field: "summary" }, language: "en", text: "Fine" });
    await vi.waitFor(() => expect(draftOf(second).lesson.summary.en).toBe("Fine"));
    expect({ ...draftOf(second).lesson, summary: {} }).toEqual(before.lesson);
  });
});

describe("publishing", () => {
  it("a draft with missing texts says where; once complete it is a lesson a class runs, with its task", async () => {
    const { first, second, key, draftId } = await twoAuthors();
    first.studio.edit({
      edit: "setDetails",
      details: { languages: ["en", "es"], ages: { from: 10, to: 12 }, subject: "geometry" },
    });
    first.studio.edit({
      edit: "addObject",
      shape: "box",
      color: "#e63946",
      size: [0.1, 0.1, 0.1],
      pose: at(-0.3),
      label: "Cube",
      language: "en",
    });
    await vi.waitFor(() => expect(draftOf(first).lesson.objects).toHaveLength(1));
    const cube = draftOf(first).lesson.objects[0]!.id;
    const step = draftOf(first).lesson.steps[0]!.id;
    first.studio.edit({ edit: "setTarget", objectId: cube, pose: at(0.3) });
    first.studio.edit({ edit: "setGoal", stepId: step, objectId: cube, inGoal: true });
    first.studio.publish();
    await vi.waitFor(() => expect(first.studio.store.getState().problems.length).toBeGreaterThan(0));
    expect(first.studio.store.getState().problems).toContainEqual(
      expect.objectContaining({ path: ["steps", 0, "title", "en"], code: "missing" }),
    );

    const text = (target: Parameters<typeof first.studio.edit>[0] & { edit: "setText" }) => first.studio.edit(target);
    text({ edit: "setText", target: { of: "lesson", field: "title" }, language: "en", text: "Cube in place" });
    text({
      edit: "setText",
      target: { of: "lesson", field: "summary" },
      language: "en",
      text: "Put the cube on its mark.",
    });
    text({
      edit: "setText",
      target: { of: "step", stepId: step, field: "title" },
      language: "en",
      text: "Move the cube",
    });
    text({
      edit: "setText",
      target: { of: "step", stepId: step, field: "instructions" },
      language: "en",
      text: "Slide the cube.",
    });
    text({
      edit: "setText",
      target: { of: "step", stepId: step, field: "task" },
      language: "en",
      text: "Put the cube on the mark.",
    });
    second.studio.edit({
      edit: "setText",
      target: { of: "step", stepId: step, field: "title" },
      language: "es",
      text: "Mueve el cubo",
    });
    second.studio.edit({ edit: "setText", target: { of: "object", objectId: cube }, language: "es", text: "Cubo" });
    await converged([first, second], (draft) => expect(draft.lesson.objects[0]!.label.es).toBe("Cubo"));
    second.studio.publish();
    await vi.waitFor(() => expect(first.studio.store.getState().publishedAs).toBeDefined());
    const lessonId = first.studio.store.getState().publishedAs!;

    const listed = (await (await fetch(`${classes.endpoint}/api/lessons`)).json()) as {
      id: string;
      ages?: unknown;
      authors?: string[];
    }[];
    const summary = listed.find((lesson) => lesson.id === lessonId);
    expect(summary).toMatchObject({ ages: { from: 10, to: 12 }, authors: ["Ana", "Bruno"] });
    const file = await fetch(`${classes.endpoint}/api/drafts/${draftId}/file`, {
      headers: { authorization: `Bearer ${key}` },
    });
    const checked = checkLesson(await file.json());
    expect(checked.ok).toBe(true);
    const published = (checked as { lesson: Lesson }).lesson;
    expect(published).toMatchObject({ licenseId: "CC-BY-4.0", languages: ["en", "es"], subject: "geometry" });

    const teacher = classes.track(await createClassAsBot(classes.endpoint, lessonId, { nickname: "Teacher" }));
    const student = classes.track(
      await joinClassAsBot(classes.endpoint, teacher.connection.code, { nickname: "Lucia", language: "es" }),
    );
    await vi.waitFor(() => expect(student.connection.view.getState().lesson?.steps[0]!.title.es).toBe("Mueve el cubo"));
    student.connection.grab(cube, at(-0.3));
    student.connection.release(cube, at(0.31));
    await vi.waitFor(() => expect(teacher.connection.state.taskDone).toBe(true));
  });
});
