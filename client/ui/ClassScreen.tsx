/** Being in a class: the 3D scene with the class bar, hints and tools over it. */
import { lazy, Suspense, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useStore } from "zustand";
import { formatJoinCode } from "../../shared/joinCode.ts";
import { Role } from "../../shared/protocol.ts";
import type { DeviceAbilities } from "../app/device.ts";
import { backToLobby, rejoin } from "../app/session.ts";
import { useClassView } from "../app/useStores.ts";
import { ConnectionStatus } from "../net/classView.ts";
import type { ClassroomConnection } from "../net/connection.ts";
import { sceneStatus } from "../scene/sceneStatus.ts";
import { startVoice } from "../voice/voiceSession.ts";
import { xrStore } from "../xr/xrStore.ts";
import { ConnectionBadge } from "./ConnectionBadge.tsx";
import { ClassFeed } from "./ClassFeed.tsx";
import { LocalizedText } from "./LocalizedText.tsx";
import { SpeakBar } from "./SpeakBar.tsx";
import { RefusalToast } from "./RefusalToast.tsx";
import { StepPanel } from "./StepPanel.tsx";
import { TeacherPanel } from "./TeacherPanel.tsx";

const ClassroomScene = lazy(() => import("../scene/ClassroomScene.tsx"));

export default function ClassScreen({
  connection,
  abilities,
}: {
  connection: ClassroomConnection;
  abilities: DeviceAbilities | undefined;
}) {
  const { t } = useTranslation();
  const status = useClassView(connection.view, (v) => v.status);
  const role = useClassView(connection.view, (v) => v.role);
  const lessonTitle = useClassView(connection.view, (v) => v.lesson?.title);
  const count = useClassView(connection.view, (v) => v.participants.length);
  const xrMode = useStore(xrStore, (xr) => xr.mode);
  const sceneReady = useStore(sceneStatus, (scene) => scene.ready);
  const loading = useStore(sceneStatus, (scene) => scene.loading);
  const [xrFailed, setXrFailed] = useState<"vr" | "ar" | undefined>();
  const [panelOpen, setPanelOpen] = useState(true);
  // Voice runs while the class screen is open.
  useEffect(() => startVoice(connection), [connection]);
  const over =
    status === ConnectionStatus.Ended || status === ConnectionStatus.Removed || status === ConnectionStatus.Lost;

  return (
    <div className="class-screen">
      <Suspense fallback={null}>
        <ClassroomScene connection={connection} />
      </Suspense>

      <header className="class-bar">
        <div className="class-title">
          <strong>
            <LocalizedText text={lessonTitle} />
          </strong>
          <span className="code-chip" aria-label={t("classroom.code")}>
            {formatJoinCode(connection.code)}
          </span>
          <span className="people">{t("classroom.people", { count })}</span>
        </div>
        <ConnectionBadge connection={connection} />
        <div className="bar-actions">
          {abilities?.vr && !xrMode && (
            <button
              className="primary"
              disabled={!sceneReady}
              onClick={() => {
                setXrFailed(undefined);
                xrStore.enterVR().catch(() => setXrFailed("vr"));
              }}
            >
              {t("classroom.enterVr")}
            </button>
          )}
          {abilities?.ar && !xrMode && (
            <button
              className={abilities.vr ? "" : "primary"}
              disabled={!sceneReady}
              onClick={() => {
                setXrFailed(undefined);
                xrStore.enterAR().catch(() => setXrFailed("ar"));
              }}
            >
              {t("classroom.enterAr")}
            </button>
          )}
          {xrMode && (
            <button onClick={() => void xrStore.getState().session?.end()}>
              {xrMode === "immersive-ar" ? t("classroom.exitAr") : t("classroom.exitVr")}
            </button>
          )}
          {role === Role.Teacher && (
            <button aria-expanded={panelOpen} onClick={() => setPanelOpen((open) => !open)}>
              {t("teacher.panel")}
            </button>
          )}
          <button onClick={() => void backToLobby()}>{t("classroom.leave")}</button>
        </div>
      </header>

      {role === Role.Teacher && panelOpen && !over && <TeacherPanel connection={connection} />}
      {!over && <StepPanel view={connection.view} onStep={(step) => connection.setStep(step)} />}

      <RefusalToast connection={connection} />
      {xrFailed && (
        <div className="toast" role="alert">
          {t(xrFailed === "ar" ? "classroom.arFailed" : "classroom.xrFailed")}
        </div>
      )}
      {(!sceneReady || loading) && (
        <div
          className="loading-bar"
          role="progressbar"
          aria-label={t("classroom.loadingScene")}
          aria-valuemin={0}
          aria-valuemax={loading?.total ?? 1}
          aria-valuenow={loading?.loaded ?? 0}
        >
          <span>{t("classroom.loadingScene")}</span>
          <div className="track">
            <div
              className="fill"
              style={{ width: loading ? `${(100 * loading.loaded) / Math.max(1, loading.total)}%` : "15%" }}
            />
          </div>
        </div>
      )}
      {!over && (
        // One column at the bottom, so the feed, the hint and the speak bar never cover each other.
        <div className="bottom-dock">
          <ClassFeed connection={connection} />
          <p className="hint" role="note">
            {abilities?.touch ? t("classroom.hintTouch") : t("classroom.hintDesktop")}
          </p>
          <SpeakBar connection={connection} />
        </div>
      )}

      {over && (
        <div className="overlay" role="dialog" aria-modal="true">
          <div className="card">
            <h2>{t(`status.${status}`)}</h2>
            {status === ConnectionStatus.Ended && <p>{t("ended.body")}</p>}
            <div className="actions">
              {status === ConnectionStatus.Lost && (
                <button className="primary" onClick={() => void rejoin(connection)}>
                  {t("classroom.rejoin")}
                </button>
              )}
              <button className={status === ConnectionStatus.Lost ? "" : "primary"} onClick={() => void backToLobby()}>
                {t("classroom.backToLobby")}
              </button>
            </div>
          </div>
        </div>
      )}
    </div>
  );
}
