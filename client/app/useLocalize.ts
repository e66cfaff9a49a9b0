/** Lesson text in the participant's own language, English when not translated. */
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import type { LocalizedText } from "../../shared/lesson.ts";
import { localize } from "../../shared/lessonBasics.ts";
import { LANGUAGES, type Language } from "../../shared/protocolNames.ts";

export type Localizer = (text: LocalizedText | undefined) => { text: string; fallback: boolean };

/**
 * Returns a function that picks a lesson text in the interface language.
 *
 * @example const localize = useLocalize(); localize(step.title).text
 */
export function useLocalize(): Localizer {
  const { i18n } = useTranslation();
  const current = i18n.resolvedLanguage ?? i18n.language;
  const language: Language = LANGUAGES.includes(current as Language) ? (current as Language) : "en";
  return useCallback((text) => (text ? localize(text, language) : { text: "", fallback: false }), [language]);
}
