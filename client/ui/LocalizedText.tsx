/** Shows a lesson text; an English fallback is marked so nobody mistakes it for a translation. */
import { useTranslation } from "react-i18next";
import type { LocalizedText as Text } from "../../shared/lesson.ts";
import { useLocalize } from "../app/useLocalize.ts";

export function LocalizedText({ text }: { text: Text | undefined }) {
  const { t } = useTranslation();
  const localized = useLocalize()(text);
  if (!localized.fallback) return <>{localized.text}</>;
  return (
    <span lang="en" dir="ltr">
      {localized.text}{" "}
      <abbr className="fallback" title={t("lesson.notTranslated")}>
        EN
      </abbr>
    </span>
  );
}
