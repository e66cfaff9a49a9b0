import { describe, expect, it } from "vitest";
import { XapiStatementSchema } from "../../shared/xapi.ts";
import { loadLessonCatalog } from "../lessons/catalog.ts";
import { learningRecords, pseudonym, type RecordScope } from "./learningRecords.ts";

const scope: RecordScope = {
  home: "https://class.example.org",
  code: "K7F3QX",
  lesson: loadLessonCatalog("assets/lessons", "assets/models").get("solar-system")!,
  registration: "6f1c1f2e-8a3b-4c5d-9e0f-123456789abc",
};
const at = new Date("2026-11-30T10:00:00Z");

describe("learning records", () => {
  it("are valid xAPI statements, with a pseudonymous actor and the lesson as parent", () => {
    const statements = [
      learningRecords.joined(scope, "seat-1", "sw", at),
      learningRecords.progressed(scope, "seat-t", 3, at),
      learningRecords.completedTask(scope, "seat-1", 3, 5, 8, at),
      learningRecords.raisedHand(scope, "seat-1", 3, at),
    ];
    for (const statement of statements) expect(XapiStatementSchema.safeParse(statement).error).toBeUndefined();
    expect(statements[0]!.actor.account).toEqual({ homePage: scope.home, name: pseudonym("K7F3QX", "seat-1") });
    expect(statements[0]!.context?.language).toBe("sw");
    expect(statements[2]!.result?.score).toEqual({ raw: 5, min: 0, max: 8, scaled: 0.625 });
    expect(statements[2]!.context?.contextActivities?.parent?.[0]?.id).toBe(
      "https://class.example.org/xapi/lessons/solar-system",
    );
    // The same seat in another class is another person as far as the records go.
    expect(pseudonym("ABCDEF", "seat-1")).not.toBe(pseudonym("K7F3QX", "seat-1"));
  });

  it("the schema refuses what the xAPI specification does not allow", () => {
    const good = learningRecords.joined(scope, "seat-1", "en", at);
    const broken = [
      { ...good, actor: { objectType: "Agent", name: "Amara" } },
      { ...good, verb: { id: "joined" } },
      { ...good, timestamp: "yesterday" },
      { ...good, id: "not-a-uuid" },
      { ...good, result: { score: { scaled: 2 } } },
      { ...good, extra: true },
    ];
    for (const statement of broken) expect(XapiStatementSchema.safeParse(statement).success).toBe(false);
  });
});
