/** The line across the top of a class: what, which code, how many, the link's state, VR/AR, tools, leave. */
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useStore } from "zustand";
import { formatJoinCode } from "../../shared/joinCode.ts";
import { Role } from "../../shared/protocolNames.ts";
import type { DeviceAbilities } from "../app/device.ts";
import { useClassView } from "../app/useStores.ts";
import type { ClassroomConnection } from "../net/connection.ts";
import { sceneStatus } from "../scene/sceneStatus.ts";
import { xrStore } from "../xr/xrStore.ts";
import { ConnectionBadge } from "./ConnectionBadge.tsx";
import { LocalizedText } from "./LocalizedText.tsx";

export function ClassBar({
  connection,
  abilities,
  toolsOpen,
  onTools,
  onLeave,
  onGuide,
}: {
  connection: ClassroomConnection;
  abilities: DeviceAbilities | undefined;
  /** Whether the teacher's tools are showing (undefined: this bar has no tools button). */
  toolsOpen: boolean | undefined;
  onTools: () => void;
  onLeave: () => void;
  onGuide: () => void;
}) {
  const { t } = useTranslation();
  const role = useClassView(connection.view, (v) => v.role);
  const lessonTitle = useClassView(connection.view, (v) => v.lesson?.title);
  const inStudio = useStore(connection.studio.store, (studio) => studio.draft !== undefined);
  const count = useClassView(connection.view, (v) => v.participants.length);
  const xrMode = useStore(xrStore, (xr) => xr.mode);
  const sceneReady = useStore(sceneStatus, (scene) => scene.ready);
  const [xrFailed, setXrFailed] = useState<"vr" | "ar" | undefined>();
  const title = useRef<HTMLHeadingElement>(null);
  // Joined: focus lands in the class (a screen reader starts from the class's name), not on the page's top.
  useEffect(() => {
    title.current?.focus();
  }, []);

  return (
    <header className="class-bar" data-panel="class-bar">
      <div className="class-title">
        <h1 ref={title} tabIndex={-1}>
          {inStudio && <span className="studio-mark">{t("studio.title")} · </span>}
          <LocalizedText text={lessonTitle} />
        </h1>
        <span className="code-chip">
          <span className="visually-hidden">{t("classroom.code")}: </span>
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
        {role === Role.Teacher && toolsOpen !== undefined && (
          <button name="teacher-tools" aria-expanded={toolsOpen} aria-controls="teacher-drawer" onClick={onTools}>
            {inStudio ? t("studio.tools") : t("teacher.panel")}
          </button>
        )}
        <button
          name="guide"
          className="guide-button"
          aria-label={t("guide.open")}
          title={t("guide.open")}
          onClick={onGuide}
        >
          ?
        </button>
        <button name="leave" onClick={onLeave}>
          {t("classroom.leave")}
        </button>
      </div>
      {xrFailed && (
        <div className="toast" role="alert">
          {t(xrFailed === "ar" ? "classroom.arFailed" : "classroom.xrFailed")}
        </div>
      )}
    </header>
  );
}
