/** Who is in the studio and what each is writing, on one line. */
import { useTranslation } from "react-i18next";
import { useClassView } from "../../app/useStores.ts";
import type { ClassroomConnection } from "../../net/connection.ts";

export function AuthorsAtWork({ connection }: { connection: ClassroomConnection }) {
  const { t } = useTranslation();
  const authors = useClassView(connection.view, (v) => v.participants);
  return (
    <p className="authors-at-work" data-panel="authors">
      {authors.map((author, index) => (
        <span key={author.seat}>
          {index > 0 && " · "}
          <strong>{author.seat === connection.seat ? t("studio.you") : author.nickname}</strong>
          {author.editing && ` ✎ ${describeField(author.editing, t)}`}
        </span>
      ))}
    </p>
  );
}

/** "step:step-2:title:es" → "step title (es)". */
function describeField(field: string, t: ReturnType<typeof useTranslation>["t"]): string {
  const parts = field.split(":");
  const language = parts.at(-1);
  const kind = parts[0] === "step" ? parts[2] : parts[0] === "lesson" ? parts[1] : "label";
  const names: Record<string, string> = {
    title: t("studio.stepTitle"),
    summary: t("studio.summary"),
    instructions: t("studio.instructions"),
    task: t("studio.task"),
    label: t("studio.label"),
  };
  return `${names[kind ?? ""] ?? kind} (${language})`;
}
