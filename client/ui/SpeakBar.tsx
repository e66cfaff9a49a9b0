/**
 * Speaking up without a shared language: raise a hand, talk, react, or send a
 * phrasebook phrase (each receiver reads it in their own language). Chat is
 * its own box (ChatBox), beside what the class has said.
 */
import { useTranslation } from "react-i18next";
import { REACTIONS, REACTION_SYMBOLS } from "../../shared/phrasebook.ts";
import { useClassView } from "../app/useStores.ts";
import type { ClassroomConnection } from "../net/connection.ts";
import { PhraseMenu } from "./PhraseMenu.tsx";
import { VoiceControls } from "./VoiceControls.tsx";

export function SpeakBar({ connection }: { connection: ClassroomConnection }) {
  const { t } = useTranslation();
  const muted = useClassView(connection.view, (v) => v.participants.find((p) => p.seat === connection.seat)?.muted);

  return (
    <div className="speak-bar" role="toolbar" aria-label={t("speak.reactions")}>
      <HandButton connection={connection} />
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
      <PhraseMenu onPhrase={(phrase) => connection.sayPhrase(phrase)} />
      {muted && <p className="muted-note">{t("speak.mutedNote")}</p>}
    </div>
  );
}

/** Raise or lower this participant's hand; `compact` shows the hand alone (its name stays for screen readers). */
export function HandButton({ connection, compact = false }: { connection: ClassroomConnection; compact?: boolean }) {
  const { t } = useTranslation();
  const handUp = useClassView(
    connection.view,
    (v) => (v.participants.find((p) => p.seat === connection.seat)?.handRaisedAt ?? 0) > 0,
  );
  const name = handUp ? t("speak.lowerHand") : t("speak.raiseHand");
  return (
    <button
      name="hand"
      className={handUp ? "primary" : ""}
      aria-pressed={handUp}
      aria-label={compact ? name : undefined}
      onClick={() => connection.raiseHand(!handUp)}
      title={name}
    >
      ✋{compact ? "" : ` ${name}`}
    </button>
  );
}
