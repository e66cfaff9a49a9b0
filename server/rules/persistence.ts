/**
 * A class as a snapshot and back: what is saved so a restart brings the
 * scene back as it was (step, object poses, locks, added models, class lock).
 */
import type { Lesson } from "../../shared/lesson.ts";
import type { ClassSnapshot } from "../storage/classStore.ts";
import { dealParts, refreshTask } from "./tasks.ts";
import { type Classroom, openClassroom, readPose, setStepQuietly, writePose } from "./classroom.ts";

export function snapshotOf(classroom: Classroom, code: string, teacherKeyHash: string, now: number): ClassSnapshot {
  const objects: ClassSnapshot["objects"] = [];
  classroom.state.objects.forEach((object, id) =>
    objects.push({ id, pose: readPose(object.pose), locked: object.locked }),
  );
  const roster: ClassSnapshot["roster"] = [];
  classroom.state.participants.forEach((p) => roster.push({ seat: p.seat, nickname: p.nickname, role: p.role }));
  return {
    code,
    lessonId: classroom.lesson.id,
    step: classroom.state.step,
    ended: classroom.state.ended,
    locked: classroom.state.locked,
    groups: classroom.state.groups,
    teacherKeyHash,
    objects,
    addedModels: classroom.addedModels.map((added) => ({ ...added })),
    roster,
    savedAt: now,
  };
}

/** Opens a class again from its snapshot: same step, objects where they were, same locks. */
export function restoreClassroom(lesson: Lesson, snapshot: ClassSnapshot): Classroom {
  const classroom = openClassroom(lesson);
  classroom.addedModels.push(...snapshot.addedModels.map((added) => ({ ...added })));
  setStepQuietly(classroom, Math.min(snapshot.step, lesson.steps.length - 1));
  classroom.state.locked = snapshot.locked;
  // Students get their seats afresh after a restart; they are dealt into the groups again as they return.
  classroom.state.groups = snapshot.groups ?? 0;
  dealParts(classroom);
  for (const saved of snapshot.objects) {
    const object = classroom.state.objects.get(saved.id);
    if (!object) continue;
    writePose(object.pose, saved.pose);
    object.locked = saved.locked;
  }
  // Who placed what is not saved; whether the task is done is judged afresh from the scene.
  refreshTask(classroom);
  return classroom;
}
