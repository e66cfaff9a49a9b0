/** Being in a class: the 3D scene with the class bar, hints and tools over it. */
import { lazy, Suspense, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useStore } from "zustand";
import { formatJoinCode } from "../../shared/joinCode.ts";
import { Role } from "../../shared/protocol.ts";
import type { DeviceAbilities } from "../app/device.ts";
import { backToLobby } from "../app/session.ts";
import { useClassView } from "../app/useStores.ts";
import { ConnectionStatus } from "../net/classView.ts";
import type { ClassroomConnection } from "../net/connection.ts";
import { xrStore } from "../xr/xrStore.ts";
import { ConnectionBadge } from "./ConnectionBadge.tsx";
import { RefusalToast } from "./RefusalToast.tsx";
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
  const title = useClassView(connection.view, (v) => v.lessonTitle);
  const count = useClassView(connection.view, (v) => v.participants.length);
  const xrMode = useStore(xrStore, (xr) => xr.mode);
  const [panelOpen, setPanelOpen] = useState(true);
  const over =
    status === ConnectionStatus.Ended || status === ConnectionStatus.Removed || status === ConnectionStatus.Lost;

  useEffect(() => {
    // Leaving the page on purpose gives the seat up at once.
    const leave = () => void connection.leave();
    window.addEventListener("pagehide", leave);
    return () => window.removeEventListener("pagehide", leave);
  }, [connection]);

  return (
    <div className="class-screen">
      <Suspense fallback={<div className="scene-loading">{t("classroom.loadingScene")}</div>}>
        <ClassroomScene connection={connection} />
      </Suspense>

      <header className="class-bar">
        <div className="class-title">
          <strong>{title}</strong>
          <span className="code-chip" aria-label={t("classroom.code")}>
            {formatJoinCode(connection.code)}
          </span>
          <span className="people">{t("classroom.people", { count })}</span>
        </div>
        <ConnectionBadge connection={connection} />
        <div className="bar-actions">
          {abilities?.vr && !xrMode && (
            <button className="primary" onClick={() => void xrStore.enterVR()}>
              {t("classroom.enterVr")}
            </button>
          )}
          {xrMode && <button onClick={() => void xrStore.getState().session?.end()}>{t("classroom.exitVr")}</button>}
          {role === Role.Teacher && (
            <button aria-expanded={panelOpen} onClick={() => setPanelOpen((open) => !open)}>
              {t("teacher.panel")}
            </button>
          )}
          <button onClick={() => void backToLobby()}>{t("classroom.leave")}</button>
        </div>
      </header>

      {role === Role.Teacher && panelOpen && !over && <TeacherPanel connection={connection} />}
      <RefusalToast connection={connection} />
      {!over && <p className="hint">{abilities?.touch ? t("classroom.hintTouch") : t("classroom.hintDesktop")}</p>}

      {over && (
        <div className="overlay" role="dialog" aria-modal="true">
          <div className="card">
            <h2>{t(`status.${status}`)}</h2>
            {status === ConnectionStatus.Ended && <p>{t("ended.body")}</p>}
            <button className="primary" onClick={() => void backToLobby()}>
              {t("classroom.backToLobby")}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
