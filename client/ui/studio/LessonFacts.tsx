/** What a lesson file says of itself: licence, authors, ages, languages (shown for shipped, imported and published lessons). */
import { useTranslation } from "react-i18next";
import type { LessonSummary } from "../../../shared/lesson.ts";
import { LICENSE_NAMES } from "../../../shared/lessonBasics.ts";
import { LANGUAGE_NAMES } from "../../i18n/i18n.ts";

export function LessonFacts({ lesson }: { lesson: LessonSummary }) {
  const { t } = useTranslation();
  const facts: [string, string][] = [];
  if (lesson.licenseId) facts.push([t("studio.license"), LICENSE_NAMES[lesson.licenseId]]);
  if (lesson.authors && lesson.authors.length > 0) facts.push([t("studio.authors"), lesson.authors.join(", ")]);
  if (lesson.ages) facts.push([t("studio.ages"), t("studio.ageRange", { from: lesson.ages.from, to: lesson.ages.to })]);
  if (lesson.languages)
    facts.push([t("studio.languages"), lesson.languages.map((language) => LANGUAGE_NAMES[language]).join(", ")]);
  if (facts.length === 0) return null;
  return (
    <dl className="lesson-facts">
      {facts.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
