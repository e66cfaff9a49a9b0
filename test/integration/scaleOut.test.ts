/**
 * Scale-out mode: two server processes sharing Redis (matchmaking) and
 * PostgreSQL (scenes). A code works through either; classes spread over
 * both; when the process running a class dies, the other takes the class
 * back with nothing lost.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type Bot, createClassAsBot, joinClassAsBot } from "../../client/bot/bot.ts";
import type { TestSchema } from "../support/postgres.ts";
import { openStudio } from "../../client/net/studioEntry.ts";
import {
  type ServerProcess,
  killAllServerProcesses,
  killHard,
  startScaleOutProcesses,
} from "../support/serverProcess.ts";

/** The process a bot's class lives on, read from where its socket went (host:port of that process). */
function hostOf(bot: Bot): string {
  const transport = bot.connection.room.connection.transport as unknown as { ws: WebSocket };
  return new URL(transport.ws.url).host;
}

let schema: TestSchema;
const processes: ServerProcess[] = [];
const bots: Bot[] = [];

beforeAll(async () => {
  const started = await startScaleOutProcesses(2, "cluster");
  schema = started.schema;
  processes.push(...started.servers);
});

afterAll(async () => {
  await Promise.all(bots.map((bot) => bot.leave().catch(() => undefined)));
  killAllServerProcesses();
  await schema?.drop();
});

describe("two server processes", () => {
  it("spread new classes over both, and a code works through either", async () => {
    const [a, b] = processes.map((p) => p.url);
    const teachers = [];
    for (let i = 0; i < 4; i++) teachers.push(await createClassAsBot(a!, "solar-system", { nickname: `T${i}` }));
    bots.push(...teachers);
    const hosts = new Set(teachers.map(hostOf));
    expect(hosts).toEqual(new Set(processes.map((p) => new URL(p.url).host)));

    // Students come in through the process that does not run their class.
    for (const teacher of teachers) {
      const other = hostOf(teacher) === new URL(a!).host ? b! : a!;
      const student = await joinClassAsBot(other, teacher.connection.code, { nickname: "Ama" });
      bots.push(student);
      expect(hostOf(student)).toBe(hostOf(teacher));
    }
  }, 60_000);

  it("a lesson published from a studio on one process is in the other's list and starts a class there", async () => {
    const [a, b] = processes.map((p) => p.url);
    const author = await openStudio(
      a!,
      { nickname: "Ana", language: "en", device: "desktop" },
      {
        start: "remix",
        lessonId: "shapes-and-planets",
      },
    );
    try {
      author.studio.edit({ edit: "setText", target: { of: "lesson", field: "title" }, language: "en", text: "Shared" });
      author.studio.publish();
      await vi.waitFor(() => expect(author.studio.store.getState().publishedAs).toBeDefined(), { timeout: 10_000 });
    } finally {
      await author.leave();
    }
    const published = author.studio.store.getState().publishedAs!;
    const listed = (await (await fetch(`${b}/api/lessons`)).json()) as { id: string }[];
    expect(listed.map((lesson) => lesson.id)).toContain(published);
    const teacher = await createClassAsBot(b!, published, { nickname: "Tomás" });
    bots.push(teacher);
    await vi.waitFor(() => expect(teacher.connection.view.getState().lesson?.title.en).toBe("Shared"));
  }, 60_000);

  it("a lesson imported and a model uploaded through one process serve classes on the other", async () => {
    const [a, b] = processes.map((p) => p.url);
    const lesson = JSON.parse(readFileSync("assets/lessons/shapes-and-planets.json", "utf8"));
    const imported = await fetch(`${a}/api/lessons`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ ...lesson, id: "our-own-planets" }),
    });
    expect(imported.status).toBe(201);
    const { id } = (await imported.json()) as { id: string };

    // Create classes on it through b until one lands on b's side, away from where it was imported.
    let teacher: Bot | undefined;
    for (let attempt = 0; attempt < 4 && !teacher; attempt++) {
      const created = await createClassAsBot(b!, id, { nickname: "Teacher" });
      bots.push(created);
      if (hostOf(created) === new URL(b!).host) teacher = created;
    }
    expect(teacher, "no class landed on the second process").toBeDefined();
    const student = await joinClassAsBot(a!, teacher!.connection.code, { nickname: "Ama" });
    bots.push(student);
    await vi.waitFor(() => expect(student.connection.state.lessonId).toBe(id));
    for (const url of [a, b]) expect((await fetch(`${url}/api/lessons/${id}`)).status).toBe(200);

    // The teacher came in through b, so the upload goes to b; then a model through a, for a class on b.
    const teacherViaA = await joinClassAsBot(
      a!,
      teacher!.connection.code,
      { nickname: "Co-teacher" },
      await vi.waitFor(() => teacher!.connection.view.getState().teacherKey!),
    );
    bots.push(teacherViaA);
    await vi.waitFor(() => expect(teacherViaA.connection.view.getState().teacherKey).toBeDefined());
    const saturn = new Uint8Array(readFileSync("assets/models/saturn.glb"));
    const altered = new Uint8Array(saturn);
    altered[altered.length - 1] = 0x20; // A different file (JSON padding), so a different name.
    expect(await teacherViaA.connection.addModel(altered, "Our Saturn")).toBeUndefined();
    await vi.waitFor(() => expect(student.connection.state.objects.get("added-1")?.label).toBe("Our Saturn"));
    const file = student.connection.state.objects.get("added-1")!.model;
    for (const url of [b, a]) {
      const served = await fetch(`${url}/models/${file}`);
      expect(served.status).toBe(200);
      expect(Buffer.from(await served.arrayBuffer()).equals(Buffer.from(altered))).toBe(true);
    }
  }, 60_000);

  it("students on either side share objects; when the class's process dies, the other brings it back as it was", async () => {
    const [a, b] = processes.map((p) => p.url);
    const teacher = await createClassAsBot(a!, "solar-system", { nickname: "Ms Okafor" });
    const code = teacher.connection.code;
    const viaA = await joinClassAsBot(a!, code, { nickname: "Kofi" });
    const viaB = await joinClassAsBot(b!, code, { nickname: "Lucía", language: "es" });
    bots.push(teacher, viaA, viaB);

    teacher.connection.setStep(3);
    // A step change puts the scene back to the step's start: move things only once everyone is on it.
    await vi.waitFor(() => expect(viaB.connection.state.step).toBe(3));
    viaB.connection.grab("saturn", { p: [0, 1, 0], q: [0, 0, 0, 1] });
    viaB.connection.move("saturn", { p: [-0.3, 1.2, 0.2], q: [0, 0.7071068, 0, 0.7071068] });
    viaB.connection.release("saturn", { p: [-0.3, 1.2, 0.2], q: [0, 0.7071068, 0, 0.7071068] });
    teacher.connection.setLock("venus", true);
    await vi.waitFor(() => {
      const seen = viaA.connection.state;
      expect(seen.step).toBe(3);
      expect(seen.objects.get("saturn")!.pose.px).toBeCloseTo(-0.3, 2);
      expect(seen.objects.get("venus")!.locked).toBe(true);
    });

    // Saves are batched every two seconds; let one happen, then kill the process running the class.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const host = hostOf(teacher);
    const dying = processes.find((p) => new URL(p.url).host === host)!;
    const survivor = processes.find((p) => p !== dying)!;
    killHard(dying.child);
    const killedAt = Date.now();

    // Students come back with their code through the survivor and find everything where it was.
    const back = await vi.waitFor(() => joinClassAsBot(survivor.url, code, { nickname: "Kofi" }), {
      timeout: 40_000,
      interval: 1000,
    });
    bots.push(back);
    const tookOverAfterMs = Date.now() - killedAt;
    expect(hostOf(back)).toBe(new URL(survivor.url).host);
    await vi.waitFor(() => expect(back.connection.state.objects.size).toBeGreaterThan(0));
    const state = back.connection.state;
    expect(state.step).toBe(3);
    const saturn = state.objects.get("saturn")!.pose;
    expect(saturn.px).toBeCloseTo(-0.3, 2);
    expect(saturn.py).toBeCloseTo(1.2, 2);
    expect(saturn.qy).toBeCloseTo(0.7071068, 3);
    expect(state.objects.get("venus")!.locked).toBe(true);
    console.log(
      `the class was back on the other process ${(tookOverAfterMs / 1000).toFixed(1)} s after its process died`,
    );
  }, 90_000);
});
