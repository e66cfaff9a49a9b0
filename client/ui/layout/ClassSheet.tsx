/**
 * The class screen on a phone: one bottom sheet instead of panels. Collapsed
 * (the default) it is one line: the step, the hand, talk, and for a teacher
 * the previous and next step. Opened, it shows one tab at a time: the lesson,
 * speaking up, or the class (the teacher's tools for a teacher).
 */
import { useId, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { Role } from "../../../shared/protocolNames.ts";
import { useClassView } from "../../app/useStores.ts";
import type { ClassroomConnection } from "../../net/connection.ts";
import { ChatBox } from "../ChatBox.tsx";
import { ClassFeed } from "../ClassFeed.tsx";
import { ControlsHint } from "../ControlsHint.tsx";
import { LocalizedText } from "../LocalizedText.tsx";
import { PeopleList } from "../PeopleList.tsx";
import { HandButton, SpeakBar } from "../SpeakBar.tsx";
import { requestStepFocus } from "../../scene/focusRequests.ts";
import { StepPanel } from "../StepPanel.tsx";
import { TeacherPanel } from "../TeacherPanel.tsx";
import { TalkButton } from "../VoiceControls.tsx";

export const SHEET_TABS = ["lesson", "speak", "class"] as const;
export type SheetTab = (typeof SHEET_TABS)[number];

export function ClassSheet({
  connection,
  touch,
  tab,
  onTab,
}: {
  connection: ClassroomConnection;
  touch: boolean;
  /** The open tab; undefined while the sheet is collapsed. */
  tab: SheetTab | undefined;
  onTab: (tab: SheetTab | undefined) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const role = useClassView(connection.view, (v) => v.role);
  const lesson = useClassView(connection.view, (v) => v.lesson);
  const stepIndex = useClassView(connection.view, (v) => v.step);
  const step = lesson?.steps[stepIndex];
  const total = lesson?.steps.length ?? 0;
  const teacher = role === Role.Teacher;

  // Arrow keys move between tabs, as in any tab list.
  const onTabKey = (event: KeyboardEvent) => {
    const at = SHEET_TABS.indexOf(tab ?? "lesson");
    const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: SHEET_TABS.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    // In a right-to-left page the arrows point the other way along the row.
    const rtl = document.documentElement.dir === "rtl" && event.key.startsWith("Arrow");
    const index = (rtl ? 2 * at - next : next) + SHEET_TABS.length;
    const chosen = SHEET_TABS[index % SHEET_TABS.length]!;
    onTab(chosen);
    document.getElementById(`${id}-${chosen}`)?.focus();
  };

  return (
    <section className="sheet" data-panel="sheet" data-open={tab !== undefined} aria-label={t("sheet.label")}>
      <div className="sheet-line">
        {teacher && (
          <button
            name="previous-step"
            aria-label={t("lesson.previous")}
            disabled={stepIndex === 0}
            onClick={() => connection.setStep(stepIndex - 1)}
          >
            <span aria-hidden="true" className="flip-rtl">
              ‹
            </span>
          </button>
        )}
        <button
          className="sheet-step"
          aria-expanded={tab === "lesson"}
          onClick={() => onTab(tab === "lesson" ? undefined : "lesson")}
        >
          <span className="step-count">{t("lesson.stepShort", { current: stepIndex + 1, total })}</span>{" "}
          <LocalizedText text={step?.title} />
        </button>
        {teacher && (
          <button
            name="next-step"
            className="primary"
            aria-label={t("lesson.next")}
            disabled={stepIndex >= total - 1}
            onClick={() => connection.setStep(stepIndex + 1)}
          >
            <span aria-hidden="true" className="flip-rtl">
              ›
            </span>
          </button>
        )}
        {!teacher && <HandButton connection={connection} compact />}
        <TalkButton connection={connection} compact />
        <button
          name="sheet-toggle"
          aria-expanded={tab !== undefined}
          aria-label={tab ? t("sheet.close") : t("sheet.open")}
          onClick={() => onTab(tab ? undefined : "lesson")}
        >
          <span aria-hidden="true">{tab ? "▾" : "▴"}</span>
        </button>
      </div>
      {tab && (
        <>
          <div className="sheet-tabs" role="tablist" aria-label={t("sheet.label")} onKeyDown={onTabKey}>
            {SHEET_TABS.map((name) => (
              <button
                key={name}
                id={`${id}-${name}`}
                role="tab"
                aria-selected={tab === name}
                aria-controls={`${id}-panel`}
                tabIndex={tab === name ? 0 : -1}
                onClick={() => onTab(name)}
              >
                {name === "class" && teacher ? t("teacher.panel") : t(`sheet.${name}`)}
              </button>
            ))}
          </div>
          <div className="sheet-body" role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-${tab}`}>
            {tab === "lesson" && (
              <>
                <StepPanel
                  view={connection.view}
                  onStep={(index) => connection.setStep(index)}
                  onFocus={requestStepFocus}
                />
                <ControlsHint touch={touch} />
              </>
            )}
            {tab === "speak" && (
              <>
                <SpeakBar connection={connection} />
                <ClassFeed connection={connection} />
                <ChatBox connection={connection} />
              </>
            )}
            {tab === "class" &&
              (teacher ? <TeacherPanel connection={connection} /> : <PeopleList connection={connection} />)}
          </div>
        </>
      )}
    </section>
  );
}
