/**
 * The class's news for screen readers, in a polite live region: step
 * changes, for the teacher each raised hand, and a finished task. Other
 * parts (the keyboard mover) announce through the same region.
 */
import { useEffect, useEffectEvent } from "react";
import { useTranslation } from "react-i18next";
import { useStore } from "zustand";
import { Role } from "../../../shared/protocolNames.ts";
import { useLocalize } from "../../app/useLocalize.ts";
import type { ClassroomConnection } from "../../net/connection.ts";
import type { ClassView } from "../../net/classView.ts";
import { announce, announcements } from "./announcer.ts";

export function ClassAnnouncer({ connection }: { connection: ClassroomConnection }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const said = useStore(announcements);
  const onChange = useEffectEvent((view: ClassView, previous: ClassView) => {
    const news: string[] = [];
    if (view.step !== previous.step && view.lesson) {
      const title = localize(view.lesson.steps[view.step]?.title).text;
      news.push(t("announce.step", { current: view.step + 1, total: view.lesson.steps.length, title }));
    }
    if (view.role === Role.Teacher) {
      const before = new Set(previous.participants.filter((p) => p.handRaisedAt > 0).map((p) => p.seat));
      for (const p of view.participants)
        if (p.handRaisedAt > 0 && !before.has(p.seat)) news.push(t("announce.hand", { name: p.nickname }));
    }
    if (view.task.done && !previous.task.done && view.task.total > 0) news.push(t("lesson.taskDone"));
    if (news.length > 0) announce(news.join(" "));
  });
  useEffect(() => connection.view.subscribe(onChange), [connection]);

  return (
    <div className="visually-hidden" aria-live="polite" aria-atomic="true" data-announcer="">
      {/* A new element for each piece of news, so the same words twice are read twice. */}
      <p key={said.serial}>{said.text}</p>
    </div>
  );
}
