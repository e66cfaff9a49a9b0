/** What the class has said lately: phrases in this reader's language, chat as written, reactions. */
import { useTranslation } from "react-i18next";
import { PHRASEBOOK, REACTION_SYMBOLS } from "../../shared/phrasebook.ts";
import { ClassEventKind, type Language } from "../../shared/protocolNames.ts";
import type { ClassEventMessage } from "../../shared/protocol.ts";
import { useClassView } from "../app/useStores.ts";
import type { ClassroomConnection } from "../net/connection.ts";

const SHOWN = 6;

export function ClassFeed({ connection }: { connection: ClassroomConnection }) {
  const { t, i18n } = useTranslation();
  const events = useClassView(connection.view, (v) => v.events);
  const language = (i18n.resolvedLanguage ?? "en") as Language;
  if (events.length === 0) return null;
  return (
    <section className="feed" aria-label={t("speak.feed")} aria-live="polite">
      <ul>
        {events.slice(-SHOWN).map((event) => (
          <li key={`${event.seat}-${event.at}-${event.kind}`} data-kind={event.kind}>
            <strong>{event.nickname}</strong> <span className="said">{textOf(event, language)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** An event as this reader sees it; phrases are translated for them. */
export function textOf(event: ClassEventMessage, language: Language): string {
  switch (event.kind) {
    case ClassEventKind.Phrase:
      return PHRASEBOOK[event.phrase][language];
    case ClassEventKind.Reaction:
      return REACTION_SYMBOLS[event.reaction];
    case ClassEventKind.Chat:
      return event.text;
  }
}
