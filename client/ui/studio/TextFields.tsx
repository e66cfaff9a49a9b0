/**
 * One text of the lesson in all its languages, side by side: each language
 * its own box (right-to-left where the language is), a missing one flagged,
 * and the co-authors writing in this field named. Typing is sent after a
 * short pause and on leaving the box; while a box has focus, the author's
 * own words stay in it whatever arrives.
 */
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Language } from "../../../shared/protocol.ts";
import { LANGUAGE_NAMES } from "../../i18n/i18n.ts";
import { type TextTarget, fieldKey, textMax } from "../../../shared/studio.ts";
import { useClassView } from "../../app/useStores.ts";
import type { ClassroomConnection } from "../../net/connection.ts";

const SEND_AFTER_MS = 700;
const RTL: ReadonlySet<string> = new Set(["ar"]);

export function TextFields({
  connection,
  target,
  texts,
  languages,
  label,
  multiline = false,
}: {
  connection: ClassroomConnection;
  target: TextTarget;
  texts: Partial<Record<Language, string | undefined>>;
  languages: readonly Language[];
  label: string;
  multiline?: boolean;
}) {
  const { t } = useTranslation();
  const key = fieldKey(target);
  const others = useClassView(connection.view, (v) =>
    v.participants
      .filter((p) => p.seat !== connection.seat && p.editing.startsWith(key))
      .map((p) => p.nickname)
      .join(", "),
  );
  return (
    <fieldset className="text-fields" data-field={key}>
      <legend>
        {label}
        {others && (
          <span className="editing-now" role="status">
            {" "}
            ✎ {t("studio.editingNow", { names: others })}
          </span>
        )}
      </legend>
      <div className="text-languages">
        {languages.map((language) => (
          <LanguageBox
            key={language}
            connection={connection}
            target={target}
            language={language}
            value={texts[language] ?? ""}
            max={textMax(target)}
            multiline={multiline}
            label={label}
          />
        ))}
      </div>
    </fieldset>
  );
}

function LanguageBox({
  connection,
  target,
  language,
  value,
  max,
  multiline,
  label,
}: {
  connection: ClassroomConnection;
  target: TextTarget;
  language: Language;
  value: string;
  max: number;
  multiline: boolean;
  label: string;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(value);
  const focused = useRef(false);
  /** The author typed here since the box took focus: only then is anything sent. */
  const dirty = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // What others wrote shows at once, unless this author is writing here.
  useEffect(() => {
    if (!focused.current || !dirty.current) setDraft(value);
  }, [value]);
  const send = (text: string) => {
    clearTimeout(timer.current);
    if (dirty.current && text.trim() !== value) connection.studio.edit({ edit: "setText", target, language, text });
  };
  const props = {
    name: `${fieldKey(target)}:${language}`,
    lang: language,
    dir: RTL.has(language) ? "rtl" : "ltr",
    value: draft,
    maxLength: max,
    "aria-label": `${label} (${LANGUAGE_NAMES[language]})`,
    "aria-invalid": value === "" ? true : undefined,
    onFocus: () => {
      focused.current = true;
      dirty.current = false;
      connection.studio.focus(`${fieldKey(target)}:${language}`);
    },
    onBlur: () => {
      focused.current = false;
      send(draft);
      dirty.current = false;
      connection.studio.focus(null);
    },
    onChange: (event: { target: { value: string } }) => {
      const text = event.target.value;
      dirty.current = true;
      setDraft(text);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => send(text), SEND_AFTER_MS);
    },
  };
  return (
    <label className="language-box" data-missing={value === ""}>
      <span className="language-name">
        {LANGUAGE_NAMES[language]}
        {value === "" && <span className="missing"> · {t("studio.missing")}</span>}
      </span>
      {multiline ? <textarea rows={3} {...props} /> : <input {...props} />}
    </label>
  );
}
