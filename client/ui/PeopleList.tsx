/** Who is in the class, for a student: names, the teacher, raised hands, who is away. */
import { useTranslation } from "react-i18next";
import { Role } from "../../shared/protocolNames.ts";
import { useClassView } from "../app/useStores.ts";
import type { ClassroomConnection } from "../net/connection.ts";

export function PeopleList({ connection }: { connection: ClassroomConnection }) {
  const { t } = useTranslation();
  const participants = useClassView(connection.view, (v) => v.participants);
  return (
    <section className="people-list" aria-label={t("teacher.roster")}>
      <h2>{t("teacher.roster")}</h2>
      <ul>
        {participants.map((p) => (
          <li key={p.seat} className={p.connected ? "" : "away"}>
            {p.handRaisedAt > 0 && "✋ "}
            {p.nickname}
            {p.role === Role.Teacher && ` (${t("classroom.teacher")})`}
            {p.seat === connection.seat && ` · ${t("sheet.you")}`}
            <small> · {t(`device.${p.device}`)}</small>
          </li>
        ))}
      </ul>
    </section>
  );
}
