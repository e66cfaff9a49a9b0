import { describe, expect, it } from "vitest";
import { JoinError, Limits } from "../../shared/protocol.ts";
import {
  type ClassDoor,
  entryRefusal,
  holdsDroppedSeat,
  nameSkeleton,
  passesForTeacher,
  teacherNameOf,
} from "./admission.ts";

const door = (change: Partial<ClassDoor> = {}): ClassDoor => ({
  ended: false,
  locked: false,
  taken: 1,
  teacherNames: [teacherNameOf("Ms Okafor")],
  ...change,
});
const student = (nickname = "Ana") => ({ teacher: false, nickname });

describe("the class's door", () => {
  it("lets a student into an open class with room", () => {
    expect(entryRefusal(door(), student())).toBeUndefined();
  });

  it("turns students away from an ended, closed or full class, in that order", () => {
    expect(entryRefusal(door({ ended: true, locked: true }), student())).toBe(JoinError.ClassEnded);
    expect(entryRefusal(door({ locked: true, taken: 99 }), student())).toBe(JoinError.ClassLocked);
    expect(entryRefusal(door({ taken: Limits.maxParticipants }), student())).toBe(JoinError.ClassFull);
    expect(entryRefusal(door({ taken: Limits.maxParticipants - 1 }), student())).toBeUndefined();
  });

  it("lets a teacher back into their closed or full class, never an ended one", () => {
    const teacher = { teacher: true, nickname: "Ms Okafor" };
    expect(entryRefusal(door({ locked: true, taken: Limits.maxParticipants }), teacher)).toBeUndefined();
    expect(entryRefusal(door({ ended: true }), teacher)).toBe(JoinError.ClassEnded);
  });
});

describe("names that pass for a teacher", () => {
  const teachers = [teacherNameOf("Ms Okafor"), teacherNameOf("Ana")];

  it.each([
    "Teacher",
    "teacher",
    "ＴＥＡＣＨＥＲ",
    "T e a c h e r",
    "T3acher",
    "Teacher Ana",
    "Admin",
    "@dmin",
    "Profesora",
    "Professeur Marie",
    "Mwalimu",
    "معلم",
    "老师",
    "Учитель",
    "शिक्षक",
    "Ms Okafor",
    "ms. okafor 2",
    "MS OKAFOR",
    "Ana",
    "Ána",
    "A\u200bna",
  ])("%s is refused", (nickname) => {
    expect(passesForTeacher(nickname, teachers)).toBe(true);
  });

  it.each(["Diana", "Okafor fan", "Anabel", "Mr Teach", "Leila", "Zhang Wei", "Ngozi"])("%s is fine", (nickname) => {
    expect(passesForTeacher(nickname, teachers)).toBe(false);
  });

  it("reads look-alikes and wide letters as the letters they show", () => {
    expect(nameSkeleton("ＴＥＡＣＨＥＲ")).toBe("teacher");
    expect(nameSkeleton("T-3-a-c-h-e-r!")).toBe("teacher");
  });
});

describe("held seats", () => {
  const limits = { shortSeatSeconds: 15, heldShortSeatsPerAddress: 3 };
  const at = (address: string, joinedAt: number) => ({ address, joinedAt });

  it("always holds a seat that lived a while", () => {
    const held = Array.from({ length: 30 }, () => at("10.0.0.1", 0));
    expect(holdsDroppedSeat(at("10.0.0.1", 0), held, 60_000, limits)).toBe(true);
  });

  it("holds only a few short-lived seats per address, and others' count for nothing", () => {
    const held = [at("10.0.0.1", 0), at("10.0.0.1", 0), at("10.0.0.2", 0)];
    expect(holdsDroppedSeat(at("10.0.0.1", 5000), held, 6000, limits)).toBe(true);
    held.push(at("10.0.0.1", 0));
    expect(holdsDroppedSeat(at("10.0.0.1", 5000), held, 6000, limits)).toBe(false);
    expect(holdsDroppedSeat(at("10.0.0.2", 5000), held, 6000, limits)).toBe(true);
  });
});
