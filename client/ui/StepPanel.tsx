/**
 * The lesson step everyone is on, in each participant's language; the teacher
 * moves through the steps here. A replay shows its recorded step the same way.
 */
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Role } from "../../shared/protocolNames.ts";
import { useClassView } from "../app/useStores.ts";
import type { ClassViewStore } from "../net/classView.ts";
import { LocalizedText } from "./LocalizedText.tsx";
import { TaskStatus } from "./TaskStatus.tsx";

export function StepPanel({
  view,
  onStep,
  onFocus,
}: {
  view: ClassViewStore;
  onStep?: (step: number) => void;
  /** Brings the step's subject into view (the live class; a replay has its own camera). */
  onFocus?: () => void;
}) {
  const { t } = useTranslation();
  const lesson = useClassView(view, (v) => v.lesson);
  const stepIndex = useClassView(view, (v) => v.step);
  const role = useClassView(view, (v) => v.role);
  const [open, setOpen] = useState(true);
  const panel = useRef<HTMLElement>(null);
  // A new step is read from its top, wherever the last one was scrolled to.
  // (Braces: newer browsers return a promise from scrollTo, and an effect may return only its cleanup.)
  useEffect(() => {
    panel.current?.scrollTo?.({ top: 0 });
  }, [stepIndex]);
  const step = lesson?.steps[stepIndex];
  if (!lesson || !step) return null;
  const total = lesson.steps.length;

  return (
    <section ref={panel} className="panel step-panel" aria-label={t("lesson.show")} data-step={step.id}>
      <header>
        <span className="step-count">{t("lesson.stepOf", { current: stepIndex + 1, total })}</span>
        {onFocus && (
          <button className="small" name="focus-step" title={t("lesson.focusHint")} onClick={onFocus}>
            🎯 {t("lesson.focus")}
          </button>
        )}
        <button className="small" aria-expanded={open} onClick={() => setOpen((value) => !value)}>
          {open ? t("lesson.hide") : t("lesson.show")}
        </button>
      </header>
      <h2 className="step-title">
        <LocalizedText text={step.title} />
      </h2>
      {open && (
        <>
          <p className="instructions">
            <LocalizedText text={step.instructions} />
          </p>
          {step.task && (
            <p className="task">
              <strong>{t("lesson.task")}: </strong>
              <LocalizedText text={step.task} />
            </p>
          )}
          <TaskStatus view={view} />
        </>
      )}
      {role === Role.Teacher && onStep && (
        <div className="actions step-actions">
          <button disabled={stepIndex === 0} onClick={() => onStep(stepIndex - 1)}>
            {t("lesson.previous")}
          </button>
          <button className="primary" disabled={stepIndex >= total - 1} onClick={() => onStep(stepIndex + 1)}>
            {t("lesson.next")}
          </button>
        </div>
      )}
    </section>
  );
}
