/** The interface language: the lesson, the board and every label follow it at once. */
import { useTranslation } from "react-i18next";
import { LANGUAGES, type Language } from "../../shared/protocolNames.ts";
import { sessionStore } from "../app/session.ts";
import { useSession } from "../app/useStores.ts";
import { LANGUAGE_NAMES, setLanguage } from "../i18n/i18n.ts";

export function LanguagePicker() {
  const { t } = useTranslation();
  const value = useSession((s) => s.language);
  const choose = (language: Language) => {
    sessionStore.setState({ language });
    void setLanguage(language);
  };
  return (
    <label>
      {t("lobby.language")}
      <select name="language" value={value} onChange={(e) => choose(e.target.value as Language)}>
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {LANGUAGE_NAMES[language]}
          </option>
        ))}
      </select>
    </label>
  );
}
