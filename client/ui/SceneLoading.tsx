/** The scene's loading bar: how much of the lesson's models has arrived. */
import { useTranslation } from "react-i18next";
import { useStore } from "zustand";
import { sceneStatus } from "../scene/sceneStatus.ts";

export function SceneLoading() {
  const { t } = useTranslation();
  const ready = useStore(sceneStatus, (scene) => scene.ready);
  const loading = useStore(sceneStatus, (scene) => scene.loading);
  if (ready && !loading) return null;
  return (
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
  );
}
