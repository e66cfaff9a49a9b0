/**
 * The class screen on a wide screen: the lesson step and the class feed dock
 * at the start side, the teacher's drawer at the end side, the speak bar at
 * the bottom. They sit in the cells of one grid under the class bar, so they
 * can never cover each other or the bar, and the middle stays the lesson's.
 */
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ClassroomConnection } from "../../net/connection.ts";
import { ChatBox } from "../ChatBox.tsx";
import { ClassFeed } from "../ClassFeed.tsx";
import { ControlsHint } from "../ControlsHint.tsx";
import { SpeakBar } from "../SpeakBar.tsx";
import { requestStepFocus } from "../../scene/focusRequests.ts";
import { StepPanel } from "../StepPanel.tsx";
import { TeacherPanel } from "../TeacherPanel.tsx";

/** How long the controls hint stays if the scene is never touched. */
const HINT_SHOWN_MS = 45_000;

export function ClassDocks({
  connection,
  touch,
  drawerOpen,
}: {
  connection: ClassroomConnection;
  touch: boolean;
  drawerOpen: boolean;
}) {
  const { t } = useTranslation();
  const hintShown = useUntilFirstTouchOfScene(HINT_SHOWN_MS);
  return (
    <>
      <div className="dock dock-start">
        <StepPanel view={connection.view} onStep={(step) => connection.setStep(step)} onFocus={requestStepFocus} />
        <section className="conversation" aria-label={t("speak.feed")}>
          <ClassFeed connection={connection} />
          <ChatBox connection={connection} />
        </section>
      </div>
      {drawerOpen && (
        <div className="dock dock-end" id="teacher-drawer">
          <TeacherPanel connection={connection} />
        </div>
      )}
      <div className="dock dock-bottom">
        {hintShown && <ControlsHint touch={touch} data-panel="hint" />}
        <SpeakBar connection={connection} />
      </div>
    </>
  );
}

/** True until the participant first presses on the 3D view (they have found out how), or for `ms`. */
function useUntilFirstTouchOfScene(ms: number): boolean {
  const [shown, setShown] = useState(true);
  useEffect(() => {
    const hide = () => setShown(false);
    const timer = setTimeout(hide, ms);
    const onPress = (event: PointerEvent) => {
      if (event.target instanceof HTMLCanvasElement) hide();
    };
    window.addEventListener("pointerdown", onPress);
    return () => {
      clearTimeout(timer);
      window.removeEventListener("pointerdown", onPress);
    };
  }, [ms]);
  return shown;
}
