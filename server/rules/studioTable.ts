/**
 * The studio's table follows the draft: after every change the objects of
 * the step on show are added, removed or restyled, and each free object is
 * put where the step starts it. An object an author is holding stays in
 * their hand.
 */
import { type Lesson, stepScene } from "../../shared/lesson.ts";
import { posesClose } from "../../shared/math.ts";
import { type Classroom, readPose, sceneObjectFrom, setStepQuietly, writePose } from "./classroom.ts";
import { refreshTask } from "./tasks.ts";

/** Brings the table in step with the lesson as it now is. */
export function keepTableInStep(classroom: Classroom, lesson: Lesson): void {
  classroom.lesson = lesson;
  const { state } = classroom;
  if (state.step >= lesson.steps.length) {
    // The step on show was removed: show the last one.
    setStepQuietly(classroom, lesson.steps.length - 1);
    return;
  }
  const scene = stepScene(lesson.objects, lesson.steps[state.step]!);
  const present = new Set(scene.map(({ object }) => object.id));
  for (const id of [...state.objects.keys()])
    if (!present.has(id)) {
      state.objects.delete(id);
      classroom.lastTouchedAt.delete(id);
    }
  for (const { object, start, locked } of scene) {
    const shown = state.objects.get(object.id);
    if (!shown) {
      const added = sceneObjectFrom(object, start);
      added.locked = locked;
      state.objects.set(object.id, added);
      continue;
    }
    shown.shape = object.shape;
    shown.model = object.model ?? "";
    shown.color = object.color;
    [shown.sx, shown.sy, shown.sz] = object.size;
    shown.grabbable = object.grabbable;
    shown.locked = locked;
    if (shown.heldBy === "" && !posesClose(readPose(shown.pose), start)) writePose(shown.pose, start);
  }
  refreshTask(classroom);
}
