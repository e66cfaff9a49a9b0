import { describe, expect, it } from "vitest";
import { parseLink, studentLink, teacherLink } from "./links.ts";

describe("class links", () => {
  const key = "0123456789abcdef0123456789abcdef";

  it("round-trip a teacher link and a student link", () => {
    expect(parseLink(new URL(teacherLink("https://school.example", "K7F3QX", key)).hash)).toEqual({
      kind: "teach",
      code: "K7F3QX",
      teacherKey: key,
    });
    expect(parseLink(new URL(studentLink("https://school.example", "K7F3QX")).hash)).toEqual({
      kind: "join",
      code: "K7F3QX",
    });
  });

  it("ignore malformed links", () => {
    expect(parseLink("#teach=K7F3QX.nothex")).toBeUndefined();
    expect(parseLink("#join=nope")).toBeUndefined();
    expect(parseLink("")).toBeUndefined();
  });
});
