/**
 * Where the step's task stands for this participant: the check when it is
 * done, otherwise how far along it is and which parts are still to be put in
 * place, by name. In group work it speaks of the participant's own group.
 */
import { useTranslation } from "react-i18next";
import { NO_GROUP } from "../../shared/groups.ts";
import { useLocalize } from "../app/useLocalize.ts";
import { useClassView } from "../app/useStores.ts";
import type { ClassViewStore, ObjectView } from "../net/classView.ts";

export function TaskStatus({ view }: { view: ClassViewStore }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const task = useClassView(view, (v) => v.task);
  const objects = useClassView(view, (v) => v.objects);
  const lesson = useClassView(view, (v) => v.lesson);
  const step = useClassView(view, (v) => v.step);
  const myGroup = useClassView(view, (v) => v.participants.find((p) => p.seat === v.seat)?.group ?? NO_GROUP);
  const mine = useClassView(view, (v) => (v.seat ? v.objects.filter((o) => o.placedBy === v.seat).length : 0));
  if (task.total === 0) return null;

  const goal = new Set(lesson?.steps[step]?.goal?.snapped ?? []);
  const inGroup = myGroup !== NO_GROUP;
  const parts = objects.filter((o) => goal.has(o.id) && (!inGroup || o.group === myGroup));
  const placed = parts.filter((o) => o.inPlace).length;
  const done = inGroup ? parts.length > 0 && placed === parts.length : task.done;
  const nameOf = (o: ObjectView) => o.label || localize(lesson?.objects.find((l) => l.id === o.id)?.label).text;

  return (
    <div className="task-progress" data-done={done} role="status">
      {inGroup && <p className="your-group">{t("lesson.yourGroup", { group: myGroup })}</p>}
      {done ? (
        <strong>✓ {inGroup ? t("lesson.groupDone") : t("lesson.taskDone")}</strong>
      ) : inGroup && parts.length === 0 ? (
        <span>{t("lesson.nothingForGroup")}</span>
      ) : (
        <>
          {inGroup
            ? t("lesson.groupProgress", { inPlace: placed, total: parts.length })
            : t("lesson.taskProgress", { inPlace: task.inPlace, total: task.total })}
          {mine > 0 && ` · ${t("lesson.youPlaced", { count: mine })}`}
          <br />
          <span className="still-to-place">
            {t("lesson.stillToPlace", { parts: namesWithCounts(parts.filter((o) => !o.inPlace).map(nameOf)) })}
          </span>
          <br />
          <small>{t("lesson.taskHint")}</small>
        </>
      )}
    </div>
  );
}

/** ["H", "H", "O"] → "H ×2, O": a list a student can read at a glance. */
export function namesWithCounts(names: string[]): string {
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts].map(([name, count]) => (count > 1 ? `${name} ×${count}` : name)).join(", ");
}
