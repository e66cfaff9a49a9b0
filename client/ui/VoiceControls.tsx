/**
 * Voice, always at hand: hold the button (or the T key, or Space on the
 * focused button) to talk, or leave the mic open; a student without the
 * floor is told how to get it, and a weak link or a missing microphone is
 * said plainly.
 */
import { useEffect, type KeyboardEvent as ReactKeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { useStore } from "zustand";
import { maySpeak } from "../../shared/voice.ts";
import { useClassView } from "../app/useStores.ts";
import type { ClassroomConnection } from "../net/connection.ts";
import type { VoiceChannel } from "../voice/voiceChannel.ts";
import { voiceSession } from "../voice/voiceSession.ts";

const TALK_KEY = "KeyT";
/** Keys that press a focused button: held, they hold the talk button. */
const BUTTON_KEYS = new Set([" ", "Enter"]);
/** Why the talk button is disabled: read with the button, shown beside it where there is room. */
const NO_FLOOR_NOTE = "voice-no-floor";

export function VoiceControls({ connection }: { connection: ClassroomConnection }) {
  const channel = useStore(voiceSession, (s) => s.channel);
  return channel ? <VoiceButtons connection={connection} channel={channel} /> : null;
}

/** The T key talks anywhere on the class screen except while typing; mounted once per screen. */
export function TalkKey() {
  const channel = useStore(voiceSession, (s) => s.channel);
  useEffect(() => {
    if (!channel) return;
    const typing = (event: KeyboardEvent) =>
      event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement;
    const down = (event: KeyboardEvent) => {
      if (event.code === TALK_KEY && !event.repeat && !typing(event)) channel.holdToTalk(true);
    };
    const up = (event: KeyboardEvent) => {
      if (event.code === TALK_KEY) channel.holdToTalk(false);
    };
    window.addEventListener("keydown", down);
    window.addEventListener("keyup", up);
    return () => {
      window.removeEventListener("keydown", down);
      window.removeEventListener("keyup", up);
    };
  }, [channel]);
  return null;
}

function useMaySpeak(connection: ClassroomConnection) {
  const open = useClassView(connection.view, (v) => v.voice.open);
  const me = useClassView(connection.view, (v) => v.participants.find((p) => p.seat === connection.seat));
  return { me, allowed: me !== undefined && maySpeak(open, me) };
}

/** Hold to talk: pointer, Space or Enter held on it; `compact` shows the microphone alone. */
export function TalkButton({ connection, compact = false }: { connection: ClassroomConnection; compact?: boolean }) {
  const channel = useStore(voiceSession, (s) => s.channel);
  return channel ? <TalkButtonOf connection={connection} channel={channel} compact={compact} /> : null;
}

function TalkButtonOf({
  connection,
  channel,
  compact,
}: {
  connection: ClassroomConnection;
  channel: VoiceChannel;
  compact: boolean;
}) {
  const { t } = useTranslation();
  const { sending, talkHeld } = useStore(channel.state);
  const { allowed } = useMaySpeak(connection);
  const key = (held: boolean) => (event: ReactKeyboardEvent) => {
    if (!BUTTON_KEYS.has(event.key)) return;
    // The button's own click on Space/Enter would do nothing useful: talking is holding.
    event.preventDefault();
    if (!held || !event.repeat) channel.holdToTalk(held);
  };
  return (
    <button
      name="talk"
      className={talkHeld && sending ? "primary" : ""}
      disabled={!allowed}
      aria-pressed={talkHeld}
      aria-label={compact ? t("voice.hold") : undefined}
      aria-describedby={allowed || compact ? undefined : NO_FLOOR_NOTE}
      title={allowed ? t("voice.holdHint") : t("voice.noFloor")}
      onPointerDown={() => channel.holdToTalk(true)}
      onPointerUp={() => channel.holdToTalk(false)}
      onPointerLeave={() => talkHeld && channel.holdToTalk(false)}
      onKeyDown={key(true)}
      onKeyUp={key(false)}
      onBlur={() => talkHeld && channel.holdToTalk(false)}
    >
      🎙{compact ? "" : ` ${t("voice.hold")}`}
    </button>
  );
}

function VoiceButtons({ connection, channel }: { connection: ClassroomConnection; channel: VoiceChannel }) {
  const { t } = useTranslation();
  const { sending, micOpen, mic, poorLink } = useStore(channel.state);
  const { me, allowed } = useMaySpeak(connection);

  // Without a microphone the buttons could do nothing: say so instead.
  if (mic === "denied")
    return (
      <div className="voice-controls" role="group" aria-label={t("voice.label")}>
        <small className="voice-note error">🎙 {t("voice.noMic")}</small>
      </div>
    );
  return (
    <div className="voice-controls" role="group" aria-label={t("voice.label")} data-sending={sending}>
      <TalkButtonOf connection={connection} channel={channel} compact={false} />
      <button
        name="mic-open"
        className={micOpen ? "primary" : ""}
        disabled={!allowed && !micOpen}
        aria-pressed={micOpen}
        onClick={() => channel.setMicOpen(!micOpen)}
      >
        {micOpen ? t("voice.micOff") : t("voice.micOn")}
      </button>
      {!allowed && (
        <small className="voice-note no-floor" id={NO_FLOOR_NOTE}>
          {me?.muted ? t("speak.mutedNote") : t("voice.noFloor")}
        </small>
      )}
      {poorLink && <small className="voice-note">{t("voice.poorLink")}</small>}
    </div>
  );
}
