/**
 * Group work on a step's task: the teacher splits the class into groups and
 * the parts of the task are dealt out among them, each part to one group.
 * Progress is counted per group from the parts in the scene, the same way on
 * the server (to credit a finished group) and in every client (to show it).
 */

/** Group 0 is "no group": the whole class works together, or an object anyone may take. */
export const NO_GROUP = 0;

/** The part of a task: which group it was dealt to and whether it rests in place. */
export interface TaskPart {
  group: number;
  inPlace: boolean;
}

export interface GroupProgress {
  inPlace: number;
  total: number;
}

/** Each group's progress on the parts dealt to it, by group number (groups without parts are absent). */
export function progressByGroup(parts: Iterable<TaskPart>): Map<number, GroupProgress> {
  const progress = new Map<number, GroupProgress>();
  for (const part of parts) {
    if (part.group === NO_GROUP) continue;
    const entry = progress.get(part.group) ?? { inPlace: 0, total: 0 };
    entry.total++;
    if (part.inPlace) entry.inPlace++;
    progress.set(part.group, entry);
  }
  return progress;
}

/** The group each of `count` students goes to, in order: 1, 2, …, count, 1, 2, … */
export function roundRobinGroup(index: number, groups: number): number {
  return (index % groups) + 1;
}
