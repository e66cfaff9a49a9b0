/**
 * AR on a phone: the buttons to place, turn and scale the lesson, and to
 * leave AR, over the camera view (a DOM overlay). Headsets without DOM
 * overlays have the same buttons in the in-headset menu.
 */
import { XRDomOverlay } from "@react-three/xr";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { useStore } from "zustand";
import { arPlacement, placeAgain, resize, turn } from "./arPlacement.ts";
import { xrStore } from "./xrStore.ts";

export function ArControls() {
  const { t } = useTranslation();
  const status = useStore(arPlacement, (s) => s.status);
  const found = useStore(arPlacement, (s) => s.hit !== undefined);
  // A tap on these buttons is for them, not a tap into the scene (which would set the lesson down).
  const keepTapsHere = useCallback((element: HTMLDivElement | null) => {
    element?.addEventListener("beforexrselect", (event) => event.preventDefault());
  }, []);
  return (
    <XRDomOverlay className="ar-controls" ref={keepTapsHere}>
      {status === "placing" ? (
        <p className="ar-hint" role="status">
          {found ? t("ar.tapToPlace") : t("ar.lookForSurface")}
        </p>
      ) : (
        <div className="ar-buttons">
          <button onClick={() => placeAgain()}>{t("ar.move")}</button>
          <button aria-label={t("ar.turnLeft")} onClick={() => turn(-1)}>
            ⟲
          </button>
          <button aria-label={t("ar.turnRight")} onClick={() => turn(1)}>
            ⟳
          </button>
          <button aria-label={t("ar.smaller")} onClick={() => resize(-1)}>
            −
          </button>
          <button aria-label={t("ar.larger")} onClick={() => resize(1)}>
            +
          </button>
        </div>
      )}
      <button className="ar-exit" onClick={() => void xrStore.getState().session?.end()}>
        {t("classroom.exitAr")}
      </button>
    </XRDomOverlay>
  );
}
