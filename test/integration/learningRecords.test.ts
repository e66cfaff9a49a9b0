/**
 * Learning records: a class's joins, steps, completed tasks and raised hands
 * become xAPI statements that validate against the statement structure, name
 * no child, are kept with the class for its teacher, and reach the school's
 * Learning Record Store (one started here) with its credentials.
 */
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createClassAsBot, joinClassAsBot } from "../../client/bot/bot.ts";
import type { RunningServer } from "../../server/app.ts";
import { pseudonym } from "../../server/records/learningRecords.ts";
import { XapiStatementSchema, XapiVerb, type XapiStatement } from "../../shared/xapi.ts";
import { startTestServer } from "../support/server.ts";

const received: { headers: IncomingHttpHeaders; statements: XapiStatement[] }[] = [];
const lrs = createServer((req, res) => {
  let body = "";
  req.on("data", (chunk) => (body += chunk));
  req.on("end", () => {
    if (req.method !== "POST" || req.url !== "/xapi/statements") return void res.writeHead(404).end();
    const statements = JSON.parse(body) as XapiStatement[];
    received.push({ headers: req.headers, statements });
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(statements.map((s) => s.id)));
  });
});
let server: RunningServer;

beforeAll(async () => {
  await new Promise<void>((resolve) => lrs.listen(0, "127.0.0.1", resolve));
  const { port } = lrs.address() as AddressInfo;
  server = await startTestServer(
    {},
    { lrs: { url: `http://127.0.0.1:${port}/xapi/`, username: "school", password: "s3cret" } },
  );
});

afterAll(async () => {
  await server?.stop();
  lrs.close();
});

describe("learning records", () => {
  it("joins, a raised hand, a completed task and a step become valid, pseudonymous xAPI statements", async () => {
    const endpoint = `http://127.0.0.1:${server.port}`;
    const teacher = await createClassAsBot(endpoint, "molecules", { nickname: "Mr Tanaka" });
    const code = teacher.connection.code;
    const student = await joinClassAsBot(endpoint, code, { nickname: "Amara", language: "fr" });
    await vi.waitFor(() => expect(student.connection.state.objects.size).toBeGreaterThan(0));
    student.connection.raiseHand(true);
    const sites: [number, number, number][] = [
      [0.09488, 0.92653, 0],
      [-0.09488, 0.92653, 0],
    ];
    for (const [index, id] of ["water-h1", "water-h2"].entries()) {
      student.connection.grab(id, { p: sites[index]!, q: [0, 0, 0, 1] });
      student.connection.release(id, { p: sites[index]!, q: [0, 0, 0, 1] });
    }
    await vi.waitFor(() => expect(teacher.connection.state.taskDone).toBe(true));
    teacher.connection.setStep(1);

    const all = () => received.flatMap((batch) => batch.statements);
    const verbs = () => all().map((s) => s.verb.id);
    await vi.waitFor(
      () => {
        expect(verbs().filter((v) => v === XapiVerb.Joined.id)).toHaveLength(2);
        expect(verbs()).toContain(XapiVerb.Asked.id);
        expect(verbs()).toContain(XapiVerb.Completed.id);
        expect(verbs()).toContain(XapiVerb.Progressed.id);
      },
      { timeout: 10_000 },
    );

    for (const statement of all()) expect(XapiStatementSchema.safeParse(statement).error).toBeUndefined();
    for (const { headers } of received) {
      expect(headers["x-experience-api-version"]).toBe("1.0.3");
      expect(headers.authorization).toBe(`Basic ${Buffer.from("school:s3cret").toString("base64")}`);
    }
    // Nobody is named: actors are accounts under a pseudonym.
    const text = JSON.stringify(all());
    expect(text).not.toContain("Amara");
    expect(text).not.toContain("Tanaka");
    const studentName = pseudonym(code, student.connection.seat);
    const completed = all().find((s) => s.verb.id === XapiVerb.Completed.id)!;
    expect(completed.actor.account.name).toBe(studentName);
    expect(completed.result).toMatchObject({ success: true, completion: true, score: { raw: 2, max: 2, scaled: 1 } });
    expect(completed.object.id).toMatch(/\/xapi\/lessons\/molecules\/steps\/water$/);
    expect(new Set(all().map((s) => s.context?.registration)).size).toBe(1);

    // The same records are kept with the class, for its teacher only.
    const teacherKey = teacher.connection.view.getState().teacherKey!;
    const kept = await fetch(`${endpoint}/api/classes/${code}/records`, { headers: { "x-teacher-key": teacherKey } });
    expect(kept.status).toBe(200);
    const keptStatements = (await kept.json()) as XapiStatement[];
    expect(keptStatements.map((s) => s.id).sort()).toEqual(
      all()
        .map((s) => s.id)
        .sort(),
    );
    const refused = await fetch(`${endpoint}/api/classes/${code}/records`, {
      headers: { "x-teacher-key": "0".repeat(32) },
    });
    expect(refused.status).toBe(403);
    await Promise.all([teacher.leave(), student.leave()]);
  });

  it("the teacher exports one participant's data, deletes it everywhere, and keeps the records after the class ends", async () => {
    const endpoint = `http://127.0.0.1:${server.port}`;
    const teacher = await createClassAsBot(endpoint, "solar-system", { nickname: "Ms Okafor" });
    const code = teacher.connection.code;
    const amara = await joinClassAsBot(endpoint, code, { nickname: "Amara", language: "fr" });
    const kofi = await joinClassAsBot(endpoint, code, { nickname: "Kofi", language: "sw" });
    amara.connection.raiseHand(true);
    const teacherKey = await vi.waitFor(() => teacher.connection.view.getState().teacherKey!);
    const dataOf = (seat: string, method = "GET") =>
      fetch(`${endpoint}/api/classes/${code}/participants/${seat}/data`, {
        method,
        headers: { "x-teacher-key": teacherKey },
      });
    const seat = amara.connection.seat;

    // The roster is saved with the class every two seconds.
    const exported = await vi.waitFor(
      async () => {
        const response = await dataOf(seat);
        const body = (await response.json()) as { roster: { nickname: string } | null; records: XapiStatement[] };
        expect(body.roster?.nickname).toBe("Amara");
        expect(body.records.map((r) => r.verb.id).sort()).toEqual([XapiVerb.Joined.id, XapiVerb.Asked.id].sort());
        return body;
      },
      { timeout: 10_000, interval: 500 },
    );
    expect(exported.records.every((r) => r.actor.account.name === pseudonym(code, seat))).toBe(true);
    expect((await fetch(`${endpoint}/api/classes/${code}/participants/${seat}/data`)).status).toBe(403);

    const deleted = (await (await dataOf(seat, "DELETE")).json()) as { deleted: { records: number } };
    expect(deleted.deleted.records).toBe(2);
    await vi.waitFor(() => expect(amara.connection.view.getState().status).toBe("removed"));
    await vi.waitFor(async () => expect((await dataOf(seat)).status).toBe(404), { timeout: 10_000, interval: 500 });
    // Everyone else's data stays.
    expect((await dataOf(kofi.connection.seat)).status).toBe(200);

    // After the class ends, its records are still the teacher's to read.
    teacher.connection.endClass();
    await vi.waitFor(() => expect(kofi.connection.view.getState().status).toBe("ended"));
    await vi.waitFor(async () => {
      const kept = await fetch(`${endpoint}/api/classes/${code}/records`, { headers: { "x-teacher-key": teacherKey } });
      expect(kept.status).toBe(200);
      const statements = (await kept.json()) as XapiStatement[];
      expect(statements.some((s) => s.actor.account.name === pseudonym(code, kofi.connection.seat))).toBe(true);
      expect(statements.some((s) => s.actor.account.name === pseudonym(code, seat))).toBe(false);
    });
  });
});
