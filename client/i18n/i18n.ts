/**
 * Interface text in each participant's own language, with i18next. English
 * (the fallback for anything untranslated) comes with the page; each other
 * language is a small download of its own, from our origin, fetched when it
 * is chosen: a student on a thin link does not download nine languages.
 */
import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { LANGUAGES, type Language } from "../../shared/protocolNames.ts";
import en from "./locales/en.json";
import { loadHanFonts } from "./fonts.ts";

type Translation = typeof en;

const otherLanguages = import.meta.glob<Translation>(["./locales/*.json", "!./locales/en.json"], {
  import: "default",
});

/** A language's interface texts (a download, except English). */
export async function loadTranslation(language: Language): Promise<Translation> {
  if (language === "en") return en;
  const load = otherLanguages[`./locales/${language}.json`];
  if (!load) throw new Error(`no translation for ${language}`);
  return load();
}

async function ensureLoaded(language: Language): Promise<void> {
  if (!i18next.hasResourceBundle(language, "translation"))
    i18next.addResourceBundle(language, "translation", await loadTranslation(language));
}

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
  await ensureLoaded(language);
  if (language === "zh") void loadHanFonts();
  await i18next.changeLanguage(language);
  if (globalThis.document) {
    document.documentElement.lang = language;
    document.documentElement.dir = RIGHT_TO_LEFT.has(language) ? "rtl" : "ltr";
  }
}

export async function initI18n(language: Language): Promise<void> {
  await i18next.use(initReactI18next).init({
    resources: { en: { translation: en } },
    // The others are added as they are chosen (ensureLoaded).
    partialBundledLanguages: true,
    lng: "en",
    // A missing translation shows the English text, never a key name.
    fallbackLng: "en",
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  await setLanguage(language);
}

export { i18next };
