/**
 * The phrasebook as a menu button: opens with focus on the first phrase;
 * arrow keys, Home and End move, Escape (or Tab away) closes and gives focus
 * back to the button.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { PHRASEBOOK, PHRASES, type Phrase } from "../../shared/phrasebook.ts";
import type { Language } from "../../shared/protocol.ts";

export function PhraseMenu({ onPhrase }: { onPhrase: (phrase: Phrase) => void }) {
  const { t, i18n } = useTranslation();
  const language = (i18n.resolvedLanguage ?? "en") as Language;
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const items = () => [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];

  useEffect(() => {
    if (open) items()[0]?.focus();
  }, [open]);

  const close = () => {
    setOpen(false);
    opener.current?.focus();
  };

  const onKey = (event: KeyboardEvent) => {
    const list = items();
    const at = list.indexOf(document.activeElement as HTMLButtonElement);
    const moves: Record<string, number> = {
      ArrowDown: (at + 1) % list.length,
      ArrowUp: (at - 1 + list.length) % list.length,
      Home: 0,
      End: list.length - 1,
    };
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if (event.key in moves) {
      event.preventDefault();
      list[moves[event.key]!]?.focus();
    } else if (event.key === "Tab") setOpen(false);
  };

  return (
    <div className="phrases">
      <button ref={opener} aria-expanded={open} aria-haspopup="menu" onClick={() => setOpen((value) => !value)}>
        💬 {t("speak.phrases")}
      </button>
      {open && (
        <ul ref={menu} role="menu" className="phrase-menu" aria-label={t("speak.phrasesHint")} onKeyDown={onKey}>
          {PHRASES.map((phrase) => (
            <li key={phrase} role="none">
              <button
                role="menuitem"
                tabIndex={-1}
                data-phrase={phrase}
                onClick={() => {
                  onPhrase(phrase);
                  close();
                }}
              >
                {PHRASEBOOK[phrase][language]}
              </button>
            </li>
          ))}
          <li role="none" className="hint-line">
            {t("speak.phrasesHint")}
          </li>
        </ul>
      )}
    </div>
  );
}
