/** A small class for rule tests: a teacher, Ana in a headset (Spanish), Bo on a computer (Arabic). */
import { Role } from "../../shared/protocol.ts";
import { loadLessonCatalog } from "../lessons/catalog.ts";
import { type Classroom, openClassroom, seatParticipant } from "./classroom.ts";

export const demoLesson = loadLessonCatalog("assets/lessons", "assets/models").get("shapes-and-planets")!;

export function classWithThree(): Classroom {
  const classroom = openClassroom(demoLesson);
  seatParticipant(classroom, "teacher", { nickname: "Ms T", role: Role.Teacher, device: "desktop", language: "en" });
  seatParticipant(classroom, "ana", { nickname: "Ana", role: Role.Student, device: "vr", language: "es" });
  seatParticipant(classroom, "bo", { nickname: "Bo", role: Role.Student, device: "desktop", language: "ar" });
  return classroom;
}
