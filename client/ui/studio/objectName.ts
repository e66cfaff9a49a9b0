/** How the studio names an object in lists: its label in the page's language or any, else its shape. */
import type { TFunction } from "i18next";
import type { DraftObject } from "../../../shared/studio.ts";
import { LANGUAGES, type Language } from "../../../shared/protocolNames.ts";
import { i18next } from "../../i18n/i18n.ts";

export function objectName(object: DraftObject, t: TFunction): string {
  const language = i18next.language as Language;
  const label = object.label[language] ?? LANGUAGES.map((other) => object.label[other]).find(Boolean);
  return label ?? `${t(`studio.shape.${object.shape}`)} (${object.id})`;
}
