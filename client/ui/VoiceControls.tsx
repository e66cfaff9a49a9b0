/**
 * Voice, always at hand: hold the button (or the T key) to talk, or leave
 * the mic open; a student without the floor is told how to get it, and a
 * weak link or a missing microphone is said plainly.
 */
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useStore } from "zustand";
import { maySpeak } from "../../shared/voice.ts";
import { useClassView } from "../app/useStores.ts";
import type { ClassroomConnection } from "../net/connection.ts";
import type { VoiceChannel } from "../voice/voiceChannel.ts";
import { voiceSession } from "../voice/voiceSession.ts";

const TALK_KEY = "KeyT";

export function VoiceControls({ connection }: { connection: ClassroomConnection }) {
  const channel = useStore(voiceSession, (s) => s.channel);
  return channel ? <VoiceButtons connection={connection} channel={channel} /> : null;
}

function VoiceButtons({ connection, channel }: { connection: ClassroomConnection; channel: VoiceChannel }) {
  const { t } = useTranslation();
  const { sending, micOpen, talkHeld, mic, poorLink } = useStore(channel.state);
  const open = useClassView(connection.view, (v) => v.voice.open);
  const me = useClassView(connection.view, (v) => v.participants.find((p) => p.seat === connection.seat));
  const allowed = me !== undefined && maySpeak(open, me);

  useEffect(() => {
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

  return (
    <div className="voice-controls" role="group" aria-label={t("voice.label")} data-sending={sending}>
      <button
        name="talk"
        className={talkHeld && sending ? "primary" : ""}
        disabled={!allowed}
        aria-pressed={talkHeld}
        title={t("voice.holdHint")}
        onPointerDown={() => channel.holdToTalk(true)}
        onPointerUp={() => channel.holdToTalk(false)}
        onPointerLeave={() => talkHeld && channel.holdToTalk(false)}
      >
        🎙 {t("voice.hold")}
      </button>
      <button
        name="mic-open"
        className={micOpen ? "primary" : ""}
        disabled={!allowed && !micOpen}
        aria-pressed={micOpen}
        onClick={() => channel.setMicOpen(!micOpen)}
      >
        {micOpen ? t("voice.micOff") : t("voice.micOn")}
      </button>
      {!allowed && <small className="voice-note">{me?.muted ? t("speak.mutedNote") : t("voice.noFloor")}</small>}
      {mic === "denied" && <small className="voice-note error">{t("voice.noMic")}</small>}
      {poorLink && <small className="voice-note">{t("voice.poorLink")}</small>}
    </div>
  );
}
