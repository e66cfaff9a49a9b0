/**
 * Finishing the lesson: undo and redo (this author's own changes), trying
 * it as a student in any of its languages, publishing it (with what stops
 * it, said field by field in the author's language), downloading the open
 * file, starting a class on it, and the private link for co-authors.
 */
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useStore } from "zustand";
import type { Language } from "../../../shared/protocol.ts";
import type { DraftProblem } from "../../../shared/studio.ts";
import { authorLink } from "../../app/links.ts";
import { useShareOrigin } from "../../app/shareOrigin.ts";
import { backToLobby, createAs, sessionStore } from "../../app/session.ts";
import { useClassView } from "../../app/useStores.ts";
import { LANGUAGE_NAMES, setLanguage } from "../../i18n/i18n.ts";
import type { ClassroomConnection } from "../../net/connection.ts";
import { CopyField } from "../CopyField.tsx";
import { studioSelection } from "./selection.ts";
import { requestStepFocus } from "../../scene/focusRequests.ts";
import { useDraft } from "./useDraft.ts";

export function PublishTools({ connection }: { connection: ClassroomConnection }) {
  const { t } = useTranslation();
  const draft = useDraft(connection);
  const problems = useStore(connection.studio.store, (s) => s.problems);
  const publishedAs = useStore(connection.studio.store, (s) => s.publishedAs);
  const publishSerial = useStore(connection.studio.store, (s) => s.publishSerial);
  const authorKey = useClassView(connection.view, (v) => v.teacherKey);
  const [tryLanguage, setTryLanguage] = useState<Language>("en");
  const origin = useShareOrigin();
  if (!draft) return null;
  const studio = connection.studio;

  const startTrying = () => {
    studioSelection.setState({ trying: sessionStore.getState().language });
    studio.tryAsStudent(true);
    void setLanguage(tryLanguage);
    requestStepFocus();
  };

  return (
    <section className="panel studio-publish" aria-labelledby="studio-publish-title" data-panel="studio-publish">
      <h2 id="studio-publish-title">{t("studio.finish")}</h2>
      <div className="button-row">
        <button name="undo" onClick={() => studio.undo()}>
          {t("studio.undo")}
        </button>
        <button name="redo" onClick={() => studio.redo()}>
          {t("studio.redo")}
        </button>
      </div>
      <div className="field-row">
        <label>
          {t("studio.tryIn")}
          <select name="try-language" value={tryLanguage} onChange={(e) => setTryLanguage(e.target.value as Language)}>
            {draft.details.languages.map((language) => (
              <option key={language} value={language} lang={language}>
                {LANGUAGE_NAMES[language]}
              </option>
            ))}
          </select>
        </label>
        <button name="try" onClick={startTrying}>
          {t("studio.try")}
        </button>
      </div>
      <button className="primary" name="publish" onClick={() => studio.publish()}>
        {t("studio.publish")}
      </button>
      {problems.length > 0 && <Problems problems={problems} serial={publishSerial} connection={connection} />}
      {publishedAs && problems.length === 0 && (
        <div className="note" role="status" key={publishSerial}>
          <p>{t("studio.published")}</p>
          <div className="button-row">
            <button
              name="start-class"
              onClick={() => {
                const who = {
                  nickname: sessionStore.getState().nickname,
                  language: sessionStore.getState().language,
                  device: "desktop" as const,
                };
                void backToLobby().then(() => createAs(publishedAs, who));
              }}
            >
              {t("studio.startClass")}
            </button>
            <a className="button" href={`/api/lessons/${encodeURIComponent(publishedAs)}/file`} download>
              {t("studio.download")}
            </a>
          </div>
        </div>
      )}
      {authorKey && (
        <CopyField
          label={t("studio.authorLink")}
          hint={t("studio.authorLinkHint")}
          value={authorLink(origin, draft.id, authorKey)}
        />
      )}
    </section>
  );
}

/** What stops publishing, each at its place: "Step 2 › Title (Español): missing". */
function Problems({
  problems,
  serial,
  connection,
}: {
  problems: DraftProblem[];
  serial: number;
  connection: ClassroomConnection;
}) {
  const { t } = useTranslation();
  return (
    <div className="error" role="alert" key={serial}>
      <p>{t("studio.cannotPublish")}</p>
      <ul className="problems">
        {problems.map((problem) => (
          <li key={problem.path.join(".") + problem.code}>
            <button className="link" onClick={() => goToProblem(connection, problem)}>
              {placeOf(problem, t)}
            </button>
            : {problem.code === "other" ? problem.message : t(`studio.problem.${problem.code}`)}
          </li>
        ))}
      </ul>
    </div>
  );
}

type Translate = ReturnType<typeof useTranslation>["t"];

/** Where a problem is, in words: "Step 2 › Title (Español)". */
function placeOf({ path }: DraftProblem, t: Translate): string {
  const [head, index, field, language] = path;
  const languageName = (value: unknown) =>
    typeof value === "string" && value in LANGUAGE_NAMES ? ` (${LANGUAGE_NAMES[value as Language]})` : "";
  if (head === "steps" && typeof index === "number")
    return `${t("studio.stepNumber", { number: index + 1, count: index + 1 })}${field ? ` › ${fieldName(field, t)}` : ""}${languageName(language)}`;
  if (head === "objects" && typeof index === "number")
    return `${t("studio.objectNumber", { number: index + 1 })}${field ? ` › ${fieldName(field, t)}` : ""}${languageName(language)}`;
  if (head === "title" || head === "summary") return `${fieldName(head, t)}${languageName(index)}`;
  return head === undefined ? t("studio.lesson") : fieldName(head, t);
}

function fieldName(field: string | number, t: Translate): string {
  const known: Record<string, string> = {
    title: t("studio.stepTitle"),
    summary: t("studio.summary"),
    instructions: t("studio.instructions"),
    task: t("studio.task"),
    label: t("studio.label"),
    objects: t("studio.objects"),
    goal: t("studio.inTask"),
  };
  return known[String(field)] ?? String(field);
}

/** A step's problem takes the table to that step. */
function goToProblem(connection: ClassroomConnection, { path }: DraftProblem): void {
  if (path[0] === "steps" && typeof path[1] === "number") connection.setStep(path[1]);
}
