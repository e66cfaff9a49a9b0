/**
 * The studio's screen around the table, on the class screen's layout: the
 * steps dock at the start side, the tools (objects, the lesson, finishing)
 * in the end drawer, and at the bottom who is writing what. On a phone the
 * same panels take turns in the bottom sheet. While the author tries the
 * lesson as a student, the student's step panel takes their place.
 */
import { useState } from "react";
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
  if (layout === "sheet") return <StudioSheet connection={connection} />;
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

const SHEET_PANELS = ["steps", "objects", "lesson", "finish"] as const;
type SheetPanel = (typeof SHEET_PANELS)[number];

/** On a phone the studio's panels take turns in the bottom sheet, one tab each. */
function StudioSheet({ connection }: { connection: ClassroomConnection }) {
  const { t } = useTranslation();
  const [panel, setPanel] = useState<SheetPanel>("steps");
  const names: Record<SheetPanel, string> = {
    steps: t("studio.steps"),
    objects: t("studio.objects"),
    lesson: t("studio.lesson"),
    finish: t("studio.finish"),
  };
  return (
    <div className="studio-sheet" data-panel="sheet">
      <div className="tabs" role="tablist" aria-label={t("studio.title")}>
        {SHEET_PANELS.map((name) => (
          <button key={name} role="tab" aria-selected={panel === name} onClick={() => setPanel(name)}>
            {names[name]}
          </button>
        ))}
      </div>
      {panel === "steps" && <StepEditor connection={connection} />}
      {panel === "objects" && <ObjectTools connection={connection} />}
      {panel === "lesson" && <LessonDetails connection={connection} />}
      {panel === "finish" && <PublishTools connection={connection} />}
    </div>
  );
}

function TryingAsStudent({ connection, returnTo }: { connection: ClassroomConnection; returnTo: Language }) {
  const { t } = useTranslation();
  const stop = () => {
    connection.studio.tryAsStudent(false);
    studioSelection.setState({ trying: undefined });
    void setLanguage(returnTo);
    requestStepFocus();
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
