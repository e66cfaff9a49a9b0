/**
 * Interface text in each participant's own language, with i18next.
 * Every language is bundled (they are small), so switching is instant and
 * nothing is fetched from elsewhere.
 */
import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { LANGUAGES, type Language } from "../../shared/protocol.ts";
import ar from "./locales/ar.json";
import en from "./locales/en.json";
import es from "./locales/es.json";
import fr from "./locales/fr.json";
import hi from "./locales/hi.json";
import pt from "./locales/pt.json";
import ru from "./locales/ru.json";
import sw from "./locales/sw.json";
import zh from "./locales/zh.json";

export const resources = { en, es, fr, pt, sw, ar, hi, zh, ru } satisfies Record<Language, unknown>;

/** Each language's name in its own script, for the picker. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: "English",
  es: "Español",
  fr: "Français",
  pt: "Português",
  sw: "Kiswahili",
  ar: "العربية",
  hi: "हिन्दी",
  zh: "中文",
  ru: "Русский",
};

const RIGHT_TO_LEFT: ReadonlySet<Language> = new Set(["ar"]);

/** The language to start in: the last one picked, else the browser's, else English. */
export function initialLanguage(): Language {
  const stored = globalThis.localStorage?.getItem("meridian.language");
  const candidates = [stored, ...(globalThis.navigator?.languages ?? [])].map((tag) => tag?.slice(0, 2).toLowerCase());
  return (candidates.find((tag) => LANGUAGES.includes(tag as Language)) as Language | undefined) ?? "en";
}

/** Switches the interface language and the page's direction. */
export async function setLanguage(language: Language): Promise<void> {
  globalThis.localStorage?.setItem("meridian.language", language);
  await i18next.changeLanguage(language);
  if (globalThis.document) {
    document.documentElement.lang = language;
    document.documentElement.dir = RIGHT_TO_LEFT.has(language) ? "rtl" : "ltr";
  }
}

export async function initI18n(language: Language): Promise<void> {
  await i18next.use(initReactI18next).init({
    resources: Object.fromEntries(Object.entries(resources).map(([lng, translation]) => [lng, { translation }])),
    lng: language,
    // A missing translation shows the English text, never a key name.
    fallbackLng: "en",
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  await setLanguage(language);
}

export { i18next };
