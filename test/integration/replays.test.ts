/**
 * Replays: a class session is recorded as its scene changes, and the
 * recording, fetched by the teacher, gives back where everything was at
 * chosen times.
 */
import { describe, expect, it, vi } from "vitest";
import { createClassAsBot, joinClassAsBot } from "../../client/bot/bot.ts";
import type { Pose } from "../../shared/math.ts";
import { type ReplayRecording, checkReplay, sceneAt } from "../../shared/replay.ts";
import { classServerForThisFile } from "../support/classServer.ts";

const classes = classServerForThisFile();
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("a replay of a class", () => {
  it("reproduces the object poses and the step at chosen times", async () => {
    const teacher = classes.track(await createClassAsBot(classes.endpoint, "solar-system", { nickname: "Ms Okafor" }));
    const code = teacher.connection.code;
    const student = classes.track(await joinClassAsBot(classes.endpoint, code, { nickname: "Kofi" }));
    const teacherKey = await vi.waitFor(() => teacher.connection.view.getState().teacherKey!);
    await vi.waitFor(() => expect(student.connection.state.objects.size).toBeGreaterThan(0));

    const put = async (pose: Pose) => {
      student.connection.grab("jupiter", pose);
      student.connection.release("jupiter", pose);
      await vi.waitFor(() =>
        expect(teacher.connection.state.objects.get("jupiter")!.pose.px).toBeCloseTo(pose.p[0], 2),
      );
    };
    const first: Pose = { p: [0.4, 1.1, 0.1], q: [0, 0, 0, 1] };
    const second: Pose = { p: [-0.3, 1.2, -0.25], q: [0, 0.7071068, 0, 0.7071068] };
    await put(first);
    await pause(800);
    const whileFirst = Date.now();
    await pause(800);
    await put(second);
    teacher.connection.setStep(1);
    await vi.waitFor(() => expect(student.connection.state.step).toBe(1));
    await pause(800);
    const afterStep = Date.now();
    // Frames are stored with the class every two seconds.
    await pause(2500);

    const response = await fetch(`${classes.endpoint}/api/classes/${code}/replay`, {
      headers: { "x-teacher-key": teacherKey },
    });
    expect(response.status).toBe(200);
    const recording = (await response.json()) as ReplayRecording;
    expect(recording.lessonId).toBe("solar-system");
    // A file any Meridian can play: it passes the replay schema and carries the lesson, in every language.
    expect(checkReplay(recording)).toMatchObject({ ok: true });
    expect(recording.lesson?.title.es).toBeTruthy();

    const then = sceneAt(recording.frames, whileFirst - recording.startedAt);
    expect(then.step).toBe(0);
    expect(then.objects.get("jupiter")!.p[0]).toBeCloseTo(0.4, 2);
    expect(then.objects.get("jupiter")!.p[2]).toBeCloseTo(0.1, 2);
    const later = sceneAt(recording.frames, afterStep - recording.startedAt);
    expect(later.step).toBe(1);
    // Step 2 starts the scene afresh: Jupiter is not in the inner planets' step.
    expect(later.objects.has("jupiter")).toBe(false);
    expect(later.objects.has("mars")).toBe(true);
    const refused = await fetch(`${classes.endpoint}/api/classes/${code}/replay`, {
      headers: { "x-teacher-key": "0".repeat(32) },
    });
    expect(refused.status).toBe(403);
  }, 30_000);
});
