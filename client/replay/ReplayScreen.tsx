/**
 * Watching a recorded class: the 3D scene, the step as it was, and the
 * player's controls (play, pause, seek, speed). Everything text is in the
 * viewer's language, chosen here too.
 */
import { lazy, Suspense, useEffect, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useStore } from "zustand";
import type { ReplayRecording } from "../../shared/replay.ts";
import { backToLobby } from "../app/session.ts";
import { useClassView } from "../app/useStores.ts";
import { sceneStatus } from "../scene/sceneStatus.ts";
import { LanguagePicker } from "../ui/LanguagePicker.tsx";
import { LocalizedText } from "../ui/LocalizedText.tsx";
import { StepPanel } from "../ui/StepPanel.tsx";
import { REPLAY_SPEEDS, ReplayPlayer } from "./replayPlayer.ts";

const ReplayScene = lazy(() => import("./ReplayScene.tsx"));
const POSITION_STEP_MS = 100;

export default function ReplayScreen({ recording }: { recording: ReplayRecording }) {
  const { t, i18n } = useTranslation();
  const player = useMemo(() => new ReplayPlayer(recording), [recording]);
  const { playing, speed, position } = useStore(player.playback);
  const lessonTitle = useClassView(player.view, (v) => v.lesson?.title);
  const sceneReady = useStore(sceneStatus, (scene) => scene.ready);
  useEffect(() => () => player.pause(), [player]);

  // Formatted once per language, not on each tick of the time line.
  const recordedOn = useMemo(
    () =>
      new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeStyle: "short" }).format(recording.startedAt),
    [i18n.language, recording.startedAt],
  );

  return (
    <div className="class-screen replay-screen">
      <Suspense fallback={null}>
        <ReplayScene player={player} />
      </Suspense>

      <header className="class-bar">
        <div className="class-title">
          <strong>{lessonTitle ? <LocalizedText text={lessonTitle} /> : recording.lessonId}</strong>
          <span className="replay-chip">{t("replay.title")}</span>
          <span className="people">{t("replay.recordedOn", { date: recordedOn })}</span>
        </div>
        <div className="bar-actions">
          <LanguagePicker />
          <button onClick={() => void backToLobby()}>{t("classroom.backToLobby")}</button>
        </div>
      </header>

      <StepPanel view={player.view} />

      {!sceneReady && (
        <div className="loading-bar" role="progressbar" aria-label={t("classroom.loadingScene")}>
          <span>{t("classroom.loadingScene")}</span>
          <div className="track">
            <div className="fill" style={{ width: "15%" }} />
          </div>
        </div>
      )}

      <div className="bottom-dock">
        <div className="replay-controls" role="group" aria-label={t("replay.title")}>
          <button
            className="primary"
            name="replay-play"
            onClick={() => (playing ? player.pause() : player.play())}
            aria-label={playing ? t("replay.pause") : t("replay.play")}
          >
            {playing ? "❚❚" : "▶"}
          </button>
          <input
            type="range"
            name="replay-position"
            aria-label={t("replay.position")}
            min={0}
            // A whole number of steps, so the slider's far end reaches the last frame.
            max={Math.ceil(player.duration / POSITION_STEP_MS) * POSITION_STEP_MS}
            step={POSITION_STEP_MS}
            value={position}
            onChange={(e) => player.seek(Number(e.target.value))}
          />
          <span className="replay-time" dir="ltr">
            {clockTime(position)} / {clockTime(player.duration)}
          </span>
          <label className="replay-speed">
            {t("replay.speed")}
            <select name="replay-speed" value={speed} onChange={(e) => player.setSpeed(Number(e.target.value))}>
              {REPLAY_SPEEDS.map((option) => (
                <option key={option} value={option}>
                  {option}×
                </option>
              ))}
            </select>
          </label>
        </div>
        <p className="hint" role="note">
          {t("replay.hint")}
        </p>
      </div>
    </div>
  );
}

/** 75_300 ms → "1:15"; an hour or more → "1:02:05". */
export function clockTime(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  const pad = (n: number) => String(n).padStart(2, "0");
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  return hours > 0 ? `${hours}:${pad(minutes)}:${pad(seconds % 60)}` : `${minutes}:${pad(seconds % 60)}`;
}
