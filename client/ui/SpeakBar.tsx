/**
 * Speaking up without a shared language: raise a hand, react, send a
 * phrasebook phrase (each receiver reads it in their own language), or chat.
 */
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { PHRASEBOOK, PHRASES, REACTIONS, REACTION_SYMBOLS, type Phrase } from "../../shared/phrasebook.ts";
import { Limits, type Language } from "../../shared/protocol.ts";
import { useClassView } from "../app/useStores.ts";
import type { ClassroomConnection } from "../net/connection.ts";
import { VoiceControls } from "./VoiceControls.tsx";

export function SpeakBar({ connection }: { connection: ClassroomConnection }) {
  const { t, i18n } = useTranslation();
  const me = useClassView(connection.view, (v) => v.participants.find((p) => p.seat === connection.seat));
  const [phrasesOpen, setPhrasesOpen] = useState(false);
  const [text, setText] = useState("");
  const language = (i18n.resolvedLanguage ?? "en") as Language;
  const handUp = (me?.handRaisedAt ?? 0) > 0;

  return (
    <div className="speak-bar" role="toolbar" aria-label={t("speak.reactions")}>
      <button
        className={handUp ? "primary" : ""}
        aria-pressed={handUp}
        onClick={() => connection.raiseHand(!handUp)}
        title={handUp ? t("speak.lowerHand") : t("speak.raiseHand")}
      >
        ✋ {handUp ? t("speak.lowerHand") : t("speak.raiseHand")}
      </button>
      <VoiceControls connection={connection} />
      <div className="reactions" role="group" aria-label={t("speak.reactions")}>
        {REACTIONS.map((reaction) => (
          <button
            key={reaction}
            className="small"
            aria-label={t(`speak.reaction.${reaction}`)}
            title={t(`speak.reaction.${reaction}`)}
            onClick={() => connection.react(reaction)}
          >
            {REACTION_SYMBOLS[reaction]}
          </button>
        ))}
      </div>
      <div className="phrases">
        <button aria-expanded={phrasesOpen} aria-haspopup="menu" onClick={() => setPhrasesOpen((open) => !open)}>
          💬 {t("speak.phrases")}
        </button>
        {phrasesOpen && (
          <ul role="menu" className="phrase-menu" aria-label={t("speak.phrasesHint")}>
            {PHRASES.map((phrase: Phrase) => (
              <li key={phrase} role="none">
                <button
                  role="menuitem"
                  data-phrase={phrase}
                  onClick={() => {
                    connection.sayPhrase(phrase);
                    setPhrasesOpen(false);
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
      <form
        className="chat"
        onSubmit={(event) => {
          event.preventDefault();
          if (!text.trim()) return;
          connection.chat(text.trim());
          setText("");
        }}
      >
        <input
          name="chat"
          aria-label={t("speak.chat")}
          placeholder={t("speak.chatPlaceholder")}
          maxLength={Limits.chatMaxLength}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit">{t("speak.send")}</button>
      </form>
      {me?.muted && <p className="muted-note">{t("speak.mutedNote")}</p>}
    </div>
  );
}
