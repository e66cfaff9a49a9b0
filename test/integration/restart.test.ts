/**
 * A server restart does not lose the class: a real server process with its
 * embedded database is killed mid-lesson and started again; students rejoin
 * with the same code and find the scene as it was.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { createClassAsBot, joinClassAsBot } from "../../client/bot/bot.ts";
import { Role } from "../../shared/protocol.ts";
import { createTestSchema, type TestSchema } from "../support/postgres.ts";

const dataDir = mkdtempSync(join(tmpdir(), "meridian-restart-"));
const running: ChildProcess[] = [];

/** Where classes are kept: the default embedded database, or a PostgreSQL server. */
type Storage = Record<string, string>;

/** Starts `server/main.ts` as its own process and resolves with its address once it listens. */
function startServerProcess(storage: Storage): Promise<string> {
  const child = spawn(join("node_modules", ".bin", "tsx"), ["server/main.ts"], {
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", ...storage },
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group, so killing it takes the runtime it starts too.
    detached: true,
  });
  running.push(child);
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /running at (http:\/\/\S+)/.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve(url.replace("localhost", "127.0.0.1"));
      }
    };
    child.stdout!.on("data", read);
    child.stderr!.on("data", read);
    child.on("exit", (code) => reject(new Error(`server exited (${code}):\n${output}`)));
  });
}

/** Kills a server process group at once, as a crash or a power cut would. */
function killHard(child: ChildProcess): void {
  try {
    process.kill(-child.pid!, "SIGKILL");
  } catch {
    // Already gone.
  }
}

let postgresSchema: TestSchema | undefined;

afterAll(async () => {
  for (const child of running) killHard(child);
  rmSync(dataDir, { recursive: true, force: true });
  await postgresSchema?.drop();
});

describe.each([
  ["the embedded database", async (): Promise<Storage> => ({ DATA_DIR: dataDir })],
  [
    "PostgreSQL",
    async (): Promise<Storage> => {
      postgresSchema = await createTestSchema("restart");
      return { DATABASE_URL: postgresSchema.url };
    },
  ],
])("a server restart, classes kept in %s", (_name, storageFor) => {
  it("brings the class back as it was, under the same code, with the teacher link still working", async () => {
    const storage = await storageFor();
    const first = await startServerProcess(storage);
    const teacher = await createClassAsBot(first, "solar-system", { nickname: "Ms Okafor" });
    const student = await joinClassAsBot(first, teacher.connection.code, { nickname: "Kofi", language: "sw" });
    await vi.waitFor(() => expect(teacher.connection.view.getState().teacherKey).toBeDefined());
    const { code, teacherKey } = {
      code: teacher.connection.code,
      teacherKey: teacher.connection.view.getState().teacherKey!,
    };

    teacher.connection.setStep(3);
    await vi.waitFor(() => expect(student.connection.state.step).toBe(3));
    student.connection.grab("jupiter", { p: [0, 1, 0], q: [0, 0, 0, 1] });
    student.connection.move("jupiter", { p: [0.25, 1.1, 0.3], q: [0, 0.3826834, 0, 0.9238795] });
    student.connection.release("jupiter", { p: [0.25, 1.1, 0.3], q: [0, 0.3826834, 0, 0.9238795] });
    teacher.connection.setLock("mars", true);
    await vi.waitFor(() => {
      expect(teacher.connection.state.objects.get("jupiter")!.pose.px).toBeCloseTo(0.25, 2);
      expect(teacher.connection.state.objects.get("mars")!.locked).toBe(true);
    });
    // Saves are batched every two seconds; give one to happen, then pull the plug.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    killHard(running.at(-1)!);
    await vi.waitFor(() => expect(student.connection.view.getState().status).not.toBe("connected"), {
      timeout: 15_000,
    });
    await Promise.all([teacher.leave(), student.leave()]);

    const second = await startServerProcess(storage);
    const back = await joinClassAsBot(second, code, { nickname: "Kofi", language: "sw" });
    await vi.waitFor(() => expect(back.connection.state.objects.size).toBeGreaterThan(0));
    const state = back.connection.state;
    expect(state.step).toBe(3);
    const jupiter = state.objects.get("jupiter")!.pose;
    expect(jupiter.px).toBeCloseTo(0.25, 2);
    expect(jupiter.py).toBeCloseTo(1.1, 2);
    expect(jupiter.qy).toBeCloseTo(0.3826834, 3);
    expect(state.objects.get("mars")!.locked).toBe(true);

    const teacherAgain = await joinClassAsBot(second, code, { nickname: "Ms Okafor" }, teacherKey);
    await vi.waitFor(() =>
      expect(teacherAgain.connection.state.participants.get(teacherAgain.connection.seat)?.role).toBe(Role.Teacher),
    );
    await Promise.all([back.leave(), teacherAgain.leave()]);
  }, 120_000);
});
