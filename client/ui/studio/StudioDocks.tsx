/**
 * The studio's screen around the table, on the class screen's layout: the
 * steps dock at the start side, the tools (objects, the lesson, finishing)
 * in the end drawer, and at the bottom who is writing what. On a phone the
 * same panels take turns in the bottom sheet. While the author tries the
 * lesson as a student, the student's step panel takes their place.
 */
import { useTranslation } from "react-i18next";
import { useStore } from "zustand";
import { setLanguage } from "../../i18n/i18n.ts";
import type { Language } from "../../../shared/protocol.ts";
import type { ClassroomConnection } from "../../net/connection.ts";
import { requestStepFocus } from "../../scene/focusRequests.ts";
import { StepPanel } from "../StepPanel.tsx";
import { LessonDetails } from "./LessonDetails.tsx";
import { ObjectTools } from "./ObjectTools.tsx";
import { PublishTools } from "./PublishTools.tsx";
import { studioSelection } from "./selection.ts";
import { StepEditor } from "./StepEditor.tsx";
import { AuthorsAtWork } from "./AuthorsAtWork.tsx";

export function StudioDocks({
  connection,
  layout,
  drawerOpen,
}: {
  connection: ClassroomConnection;
  layout: "wide" | "sheet";
  drawerOpen: boolean;
}) {
  const trying = useStore(studioSelection, (s) => s.trying);
  if (trying) return <TryingAsStudent connection={connection} returnTo={trying as Language} />;
  if (layout === "sheet")
    return (
      <div className="studio-sheet" data-panel="sheet">
        <StepEditor connection={connection} />
        <ObjectTools connection={connection} />
        <LessonDetails connection={connection} />
        <PublishTools connection={connection} />
      </div>
    );
  return (
    <>
      <div className="dock dock-start studio-dock">
        <StepEditor connection={connection} />
      </div>
      {drawerOpen && (
        <div className="dock dock-end studio-dock" id="teacher-drawer">
          <ObjectTools connection={connection} />
          <LessonDetails connection={connection} />
          <PublishTools connection={connection} />
        </div>
      )}
      <div className="dock dock-bottom">
        <AuthorsAtWork connection={connection} />
      </div>
    </>
  );
}

function TryingAsStudent({ connection, returnTo }: { connection: ClassroomConnection; returnTo: Language }) {
  const { t } = useTranslation();
  const stop = () => {
    connection.studio.tryAsStudent(false);
    studioSelection.setState({ trying: undefined });
    void setLanguage(returnTo);
  };
  return (
    <>
      <div className="dock dock-start">
        <StepPanel view={connection.view} onStep={(step) => connection.setStep(step)} onFocus={requestStepFocus} />
      </div>
      <div className="dock dock-bottom">
        <div className="note trying" role="status">
          {t("studio.trying")}{" "}
          <button className="primary" name="stop-trying" onClick={stop}>
            {t("studio.backToStudio")}
          </button>
        </div>
      </div>
    </>
  );
}
