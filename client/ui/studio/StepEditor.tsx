/**
 * The steps of the lesson being written: the list (add, move, remove, go to
 * one), and for the step on the table its title, instructions and task in
 * every language, which objects it has, which are locked and which its task
 * asks to put in place, and the view it opens with.
 */
import { useTranslation } from "react-i18next";
import { useClassView } from "../../app/useStores.ts";
import type { ClassroomConnection } from "../../net/connection.ts";
import { screenProjection } from "../../scene/sceneRegistry.ts";
import { TextFields } from "./TextFields.tsx";
import { useDraft } from "./useDraft.ts";
import { objectName } from "./objectName.ts";

export function StepEditor({ connection }: { connection: ClassroomConnection }) {
  const { t } = useTranslation();
  const draft = useDraft(connection);
  const index = useClassView(connection.view, (v) => v.step);
  if (!draft) return null;
  const { lesson, details } = draft;
  const step = lesson.steps[index];
  const studio = connection.studio;
  const present = new Set(step?.objects ?? lesson.objects.map((object) => object.id));
  const locked = new Set(step?.locked ?? []);
  const inGoal = new Set(step?.goal?.snapped ?? []);

  return (
    <section className="panel studio-steps" aria-labelledby="studio-steps-title" data-panel="studio-steps">
      <h2 id="studio-steps-title">{t("studio.steps")}</h2>
      <ol className="step-list">
        {lesson.steps.map((candidate, at) => (
          <li key={candidate.id} aria-current={at === index ? "step" : undefined}>
            <button name={`go-step-${at + 1}`} onClick={() => connection.setStep(at)}>
              {at + 1}. {candidate.title.en ?? Object.values(candidate.title)[0] ?? t("studio.untitled")}
            </button>
          </li>
        ))}
      </ol>
      <div className="button-row">
        <button name="add-step" onClick={() => studio.edit({ edit: "addStep", after: index })}>
          {t("studio.addStep")}
        </button>
        {step && (
          <>
            <button
              name="step-earlier"
              disabled={index === 0}
              aria-label={t("studio.stepEarlier")}
              onClick={() => studio.edit({ edit: "moveStep", stepId: step.id, to: index - 1 })}
            >
              ↑
            </button>
            <button
              name="step-later"
              disabled={index === lesson.steps.length - 1}
              aria-label={t("studio.stepLater")}
              onClick={() => studio.edit({ edit: "moveStep", stepId: step.id, to: index + 1 })}
            >
              ↓
            </button>
            <button
              name="remove-step"
              disabled={lesson.steps.length === 1}
              onClick={() => {
                if (globalThis.confirm(t("studio.removeStepConfirm", { number: index + 1 })))
                  studio.edit({ edit: "removeStep", stepId: step.id });
              }}
            >
              {t("studio.removeStep")}
            </button>
          </>
        )}
      </div>
      {step && (
        <>
          <h3>{t("studio.stepNumber", { number: index + 1, count: lesson.steps.length })}</h3>
          <TextFields
            connection={connection}
            target={{ of: "step", stepId: step.id, field: "title" }}
            texts={step.title}
            languages={details.languages}
            label={t("studio.stepTitle")}
          />
          <TextFields
            connection={connection}
            target={{ of: "step", stepId: step.id, field: "instructions" }}
            texts={step.instructions}
            languages={details.languages}
            label={t("studio.instructions")}
            multiline
          />
          <TextFields
            connection={connection}
            target={{ of: "step", stepId: step.id, field: "task" }}
            texts={step.task ?? {}}
            languages={details.languages}
            label={t("studio.task")}
            multiline
          />
          {lesson.objects.length > 0 && (
            <table className="step-objects">
              <caption>{t("studio.objectsInStep")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("studio.object")}</th>
                  <th scope="col">{t("studio.inStep")}</th>
                  <th scope="col">{t("studio.locked")}</th>
                  <th scope="col">{t("studio.inTask")}</th>
                </tr>
              </thead>
              <tbody>
                {lesson.objects.map((object) => {
                  const name = objectName(object, t);
                  return (
                    <tr key={object.id}>
                      <th scope="row">{name}</th>
                      <td>
                        <input
                          type="checkbox"
                          name={`in-step-${object.id}`}
                          aria-label={`${name}: ${t("studio.inStep")}`}
                          checked={present.has(object.id)}
                          onChange={(e) =>
                            studio.edit({
                              edit: "setInStep",
                              stepId: step.id,
                              objectId: object.id,
                              present: e.target.checked,
                            })
                          }
                        />
                      </td>
                      <td>
                        <input
                          type="checkbox"
                          name={`locked-${object.id}`}
                          aria-label={`${name}: ${t("studio.locked")}`}
                          checked={locked.has(object.id)}
                          disabled={!present.has(object.id)}
                          onChange={(e) =>
                            studio.edit({
                              edit: "setLockedInStep",
                              stepId: step.id,
                              objectId: object.id,
                              locked: e.target.checked,
                            })
                          }
                        />
                      </td>
                      <td>
                        <input
                          type="checkbox"
                          name={`in-task-${object.id}`}
                          aria-label={`${name}: ${t("studio.inTask")}`}
                          title={object.snap?.length ? undefined : t("studio.targetFirst")}
                          checked={inGoal.has(object.id)}
                          disabled={!present.has(object.id) || !object.snap?.length}
                          onChange={(e) =>
                            studio.edit({
                              edit: "setGoal",
                              stepId: step.id,
                              objectId: object.id,
                              inGoal: e.target.checked,
                            })
                          }
                        />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
          <div className="button-row">
            <button name="use-view" onClick={() => captureView(connection, step.id)}>
              {t("studio.useView")}
            </button>
            {step.view && (
              <button name="clear-view" onClick={() => studio.edit({ edit: "setView", stepId: step.id, view: null })}>
                {t("studio.clearView")}
              </button>
            )}
          </div>
        </>
      )}
    </section>
  );
}

/** The step opens on what this author sees now: the point looked at and how far it is, from this side. */
function captureView(connection: ClassroomConnection, stepId: string): void {
  const view = screenProjection.view?.();
  if (!view) return;
  connection.studio.edit({ edit: "setView", stepId, view });
}
