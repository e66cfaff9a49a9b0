/** Random studio edits for seeded fuzz tests: what authors might ask of the draft as they last saw it. */
import type { Language } from "../../shared/protocol.ts";
import type { Draft, StudioEdit } from "../../shared/studio.ts";
import type { SeededRandom } from "./seededRandom.ts";

/** A pose just above the table's top, x and z metres from its middle. */
export const at = (x: number, z = 0) => ({
  p: [x, 0.9, z] as [number, number, number],
  q: [0, 0, 0, 1] as [number, number, number, number],
});
/** Adds a small blue sphere at x. */
export const sphere = (x = 0): StudioEdit => ({
  edit: "addObject",
  shape: "sphere",
  color: "#2a7fff",
  size: [0.1, 0.1, 0.1],
  pose: at(x),
  language: "en",
});

/** A random edit an author might make of the draft as they last saw it. */
export function randomEdit(random: SeededRandom, seen: Draft, language: Language): StudioEdit {
  const object = seen.lesson.objects.length > 0 ? random.pick(seen.lesson.objects) : undefined;
  const step = random.pick(seen.lesson.steps);
  const objectId = object?.id ?? "gone";
  return random.weighted<() => StudioEdit>([
    [3, () => sphere(random.next() - 0.5)],
    [
      3,
      () => ({
        edit: "setText",
        target: { of: "step", stepId: step.id, field: "title" },
        language,
        text: `T${random.int(0, 99)}`,
      }),
    ],
    [2, () => ({ edit: "setText", target: { of: "object", objectId }, language, text: `L${random.int(0, 99)}` })],
    [2, () => ({ edit: "placeObject", objectId, stepId: step.id, pose: at(random.next() - 0.5) })],
    [1, () => ({ edit: "addStep", after: random.int(-1, seen.lesson.steps.length - 1) })],
    [1, () => ({ edit: "moveStep", stepId: step.id, to: random.int(0, 5) })],
    [1, () => ({ edit: "removeStep", stepId: step.id })],
    [1, () => ({ edit: "removeObject", objectId })],
    [1, () => ({ edit: "duplicateObject", objectId })],
    [1, () => ({ edit: "setInStep", stepId: step.id, objectId, present: random.chance(0.5) })],
    [1, () => ({ edit: "setTarget", objectId, pose: random.chance(0.7) ? at(0.3) : null })],
    [1, () => ({ edit: "setGoal", stepId: step.id, objectId, inGoal: random.chance(0.7) })],
  ])();
}
