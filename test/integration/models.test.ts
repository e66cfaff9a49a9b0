/** A teacher drops a .glb into a running class; the server checks it and everyone sees it. */
import { readFileSync } from "node:fs";
import { describe, expect, it, vi } from "vitest";
import { createClassAsBot, joinClassAsBot } from "../../client/bot/bot.ts";
import { ClientMessage, Refusal } from "../../shared/protocol.ts";
import { classServerForThisFile } from "../support/classServer.ts";

const classes = classServerForThisFile();

describe("models added during a class", () => {
  it("the teacher's model reaches everyone; students, wrong keys and bad files are refused", async () => {
    const teacher = await createClassAsBot(classes.endpoint, "shapes-and-planets", { nickname: "Teacher" });
    const student = await joinClassAsBot(classes.endpoint, teacher.connection.code, { nickname: "Student" });
    await vi.waitFor(() => expect(teacher.connection.view.getState().teacherKey).toBeDefined());
    const saturn = new Uint8Array(readFileSync("assets/models/saturn.glb"));

    expect(
      await teacher.connection.addModel(new TextEncoder().encode("not a model at all, just text"), "Fake"),
    ).toMatch(/glTF/);
    expect(await student.connection.addModel(saturn, "Mine")).toMatch(/teacher/);
    const upload = (key: string) =>
      fetch(`${classes.endpoint}/api/classes/${teacher.connection.code}/models`, {
        method: "POST",
        headers: { "x-teacher-key": key },
        body: saturn,
      });
    expect((await upload("0".repeat(32))).status).toBe(403);

    expect(await teacher.connection.addModel(saturn, "Saturn")).toBeUndefined();
    await vi.waitFor(() => {
      const added = student.connection.state.objects.get("added-1");
      expect(added?.shape).toBe("model");
      expect(added?.label).toBe("Saturn");
    });
    const file = student.connection.state.objects.get("added-1")!.model;
    const served = await fetch(`${classes.endpoint}/models/${file}`);
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer()).equals(Buffer.from(saturn))).toBe(true);

    student.connection.room.send(ClientMessage.AddModel, { model: file, label: "Again" });
    await vi.waitFor(() => expect(student.connection.view.getState().lastRefusal?.reason).toBe(Refusal.TeacherOnly));
    teacher.connection.room.send(ClientMessage.AddModel, { model: "0123456789abcdef01234567.glb", label: "Ghost" });
    await vi.waitFor(() => expect(teacher.connection.view.getState().lastRefusal?.reason).toBe(Refusal.UnknownModel));
    expect(student.connection.state.objects.has("added-2")).toBe(false);

    await Promise.all([teacher.leave(), student.leave()]);
  });
});
