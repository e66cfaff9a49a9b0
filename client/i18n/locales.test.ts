import { describe, expect, it } from "vitest";
import { LANGUAGES, type Language } from "../../shared/protocol.ts";
import { loadTranslation } from "./i18n.ts";

const resources = Object.fromEntries(
  await Promise.all(LANGUAGES.map(async (language) => [language, await loadTranslation(language)] as const)),
) as Record<Language, object>;

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** Flattens nested keys, folding plural forms into their base key. */
function keysOf(tree: object, prefix = ""): Set<string> {
  const keys = new Set<string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "object" && value !== null) keysOf(value, path).forEach((k) => keys.add(k));
    else keys.add(path.replace(PLURAL_SUFFIX, ""));
  }
  return keys;
}

function valuesOf(tree: object): string[] {
  return Object.values(tree).flatMap((value) => (typeof value === "object" ? valuesOf(value) : [String(value)]));
}

describe("translations", () => {
  const english = keysOf(resources.en);

  it.each(LANGUAGES)("%s has every key the interface uses, and no stray ones", (language) => {
    const keys = keysOf(resources[language]);
    expect([...english].filter((k) => !keys.has(k))).toEqual([]);
    expect([...keys].filter((k) => !english.has(k))).toEqual([]);
  });

  it.each(LANGUAGES)("%s keeps every placeholder of the English text", (language) => {
    const placeholders = (text: string) => (text.match(/{{\w+}}/g) ?? []).sort().join(",");
    const flat = (tree: object, prefix = ""): [string, string][] =>
      Object.entries(tree).flatMap(([k, v]) =>
        typeof v === "object" ? flat(v, `${prefix}${k}.`) : [[`${prefix}${k}`.replace(PLURAL_SUFFIX, ""), String(v)]],
      );
    const englishText = new Map(flat(resources.en));
    for (const [key, text] of flat(resources[language])) {
      expect(placeholders(text), `${language}:${key}`).toBe(placeholders(englishText.get(key) ?? ""));
    }
  });

  it.each(LANGUAGES)("%s has no empty strings", (language) => {
    expect(valuesOf(resources[language]).filter((v) => v.trim() === "")).toEqual([]);
  });
});
