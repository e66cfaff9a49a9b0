/**
 * The lesson as a whole: its title and summary in every language, which
 * languages it is written in (with how complete each is), its subject,
 * licence, ages, and whether its authors are named.
 */
import { useTranslation } from "react-i18next";
import { completeness } from "../../../shared/draftLesson.ts";
import { LICENSES, SUBJECTS } from "../../../shared/lessonBasics.ts";
import { LANGUAGES } from "../../../shared/protocolNames.ts";
import type { ClassroomConnection } from "../../net/connection.ts";
import { LANGUAGE_NAMES } from "../../i18n/i18n.ts";
import { LICENSE_NAMES } from "../../../shared/lessonBasics.ts";
import { TextFields } from "./TextFields.tsx";
import { useDraft } from "./useDraft.ts";

export function LessonDetails({ connection }: { connection: ClassroomConnection }) {
  const { t } = useTranslation();
  const draft = useDraft(connection);
  if (!draft) return null;
  const { details, lesson } = draft;
  const studio = connection.studio;
  const progress = completeness(draft);

  return (
    <section className="panel studio-details" aria-labelledby="studio-details-title" data-panel="studio-details">
      <h2 id="studio-details-title">{t("studio.lesson")}</h2>
      <TextFields
        connection={connection}
        target={{ of: "lesson", field: "title" }}
        texts={lesson.title}
        languages={details.languages}
        label={t("studio.lessonTitle")}
      />
      <TextFields
        connection={connection}
        target={{ of: "lesson", field: "summary" }}
        texts={lesson.summary}
        languages={details.languages}
        label={t("studio.summary")}
        multiline
      />
      <fieldset className="languages">
        <legend>{t("studio.languages")}</legend>
        {LANGUAGES.map((language) => {
          const shown = progress.find((entry) => entry.language === language);
          return (
            <label key={language} className="language-choice">
              <input
                type="checkbox"
                name={`language-${language}`}
                checked={details.languages.includes(language)}
                // English is the format's fallback: always one of the lesson's languages.
                disabled={language === "en"}
                onChange={(e) =>
                  studio.edit({
                    edit: "setDetails",
                    details: {
                      languages: e.target.checked
                        ? [...details.languages, language]
                        : details.languages.filter((other) => other !== language),
                    },
                  })
                }
              />
              <span lang={language}>{LANGUAGE_NAMES[language]}</span>
              {shown && (
                <meter
                  min={0}
                  max={shown.total || 1}
                  value={shown.done}
                  aria-label={t("studio.complete", { language: LANGUAGE_NAMES[language] })}
                  title={t("studio.completeCount", { done: shown.done, total: shown.total })}
                />
              )}
              {shown && <small>{shown.total ? Math.round((100 * shown.done) / shown.total) : 0} %</small>}
            </label>
          );
        })}
      </fieldset>
      <div className="field-row">
        <label>
          {t("studio.subject")}
          <select
            name="subject"
            value={details.subject}
            onChange={(e) =>
              studio.edit({ edit: "setDetails", details: { subject: e.target.value as typeof details.subject } })
            }
          >
            {SUBJECTS.filter((subject) => subject !== "demo").map((subject) => (
              <option key={subject} value={subject}>
                {t(`lesson.subject.${subject}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("studio.license")}
          <select
            name="license"
            value={details.licenseId}
            onChange={(e) =>
              studio.edit({ edit: "setDetails", details: { licenseId: e.target.value as typeof details.licenseId } })
            }
          >
            {LICENSES.map((license) => (
              <option key={license} value={license}>
                {LICENSE_NAMES[license]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="field-row">
        {(["from", "to"] as const).map((end) => (
          <label key={end}>
            {t(`studio.age.${end}`)}
            <input
              type="number"
              name={`age-${end}`}
              min={3}
              max={99}
              value={details.ages?.[end] ?? ""}
              onChange={(e) => {
                const value = Number(e.target.value);
                if (!Number.isInteger(value) || value < 3 || value > 99) return;
                const ages = { from: details.ages?.from ?? value, to: details.ages?.to ?? value, [end]: value };
                if (ages.from <= ages.to) studio.edit({ edit: "setDetails", details: { ages } });
              }}
            />
          </label>
        ))}
      </div>
      <label className="check">
        <input
          type="checkbox"
          name="credit"
          checked={details.credit}
          onChange={(e) => studio.edit({ edit: "setDetails", details: { credit: e.target.checked } })}
        />
        {t("studio.credit")}
      </label>
      {details.credit && details.authors.length > 0 && (
        <p className="field-note">{t("studio.creditedAs", { names: details.authors.join(", ") })}</p>
      )}
    </section>
  );
}
