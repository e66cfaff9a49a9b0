/**
 * Things on the table: put a shape or a model there, and change the one in
 * hand — its label in every language, colour, size, on the table, a copy,
 * its target (a ghost where it belongs), or take it away. The on-screen
 * handles (move, turn, resize, move the target) act on the same object.
 */
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useStore } from "zustand";
import { restingOnTable } from "../../../shared/lessonBasics.ts";
import { STUDIO_SHAPES } from "../../../shared/studio.ts";
import type { Language } from "../../../shared/protocol.ts";
import { useClassView, useSession } from "../../app/useStores.ts";
import type { ClassroomConnection } from "../../net/connection.ts";
import { FilePicker } from "../FilePicker.tsx";
import { objectName } from "./objectName.ts";
import { GIZMO_MODES, selectObject, studioSelection } from "./selection.ts";
import { TextFields } from "./TextFields.tsx";
import { useDraft } from "./useDraft.ts";

const SHAPES = STUDIO_SHAPES.filter((shape) => shape !== "model");

export function ObjectTools({ connection }: { connection: ClassroomConnection }) {
  const { t } = useTranslation();
  const draft = useDraft(connection);
  const language = useSession((s) => s.language);
  const selected = useStore(studioSelection, (s) => s.selected);
  const gizmo = useStore(studioSelection, (s) => s.gizmo);
  const holding = useClassView(connection.view, (v) => v.holding);
  // What the author last picked up on the table is what the panel and the handles work on.
  useEffect(() => {
    if (holding[0]) selectObject(holding[0]);
  }, [holding]);
  if (!draft) return null;
  const object = draft.lesson.objects.find((candidate) => candidate.id === selected);
  const studio = connection.studio;

  return (
    <section className="panel studio-objects" aria-labelledby="studio-objects-title" data-panel="studio-objects">
      <h2 id="studio-objects-title">{t("studio.objects")}</h2>
      <AddObject connection={connection} language={language} />
      <label>
        {t("studio.selected")}
        <select
          name="selected-object"
          value={selected ?? ""}
          onChange={(e) => selectObject(e.target.value || undefined)}
        >
          <option value="">{t("studio.none")}</option>
          {draft.lesson.objects.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {objectName(candidate, t)}
            </option>
          ))}
        </select>
      </label>
      {object && (
        <div className="selected-object">
          <div className="segmented" role="radiogroup" aria-label={t("studio.handles")}>
            {GIZMO_MODES.map((mode) => (
              <button
                key={mode}
                role="radio"
                name={`gizmo-${mode}`}
                aria-checked={gizmo === mode}
                disabled={mode === "target" && !object.snap?.length}
                onClick={() => studioSelection.setState({ gizmo: mode })}
              >
                {t(`studio.gizmo.${mode}`)}
              </button>
            ))}
          </div>
          <TextFields
            connection={connection}
            target={{ of: "object", objectId: object.id }}
            texts={object.label}
            languages={draft.details.languages}
            label={t("studio.label")}
          />
          <div className="field-row">
            <label>
              {t("studio.colour")}
              <input
                type="color"
                name="object-colour"
                value={object.color}
                onChange={(e) => studio.edit({ edit: "setObject", objectId: object.id, color: e.target.value })}
              />
            </label>
            {(["x", "y", "z"] as const).map((axis, index) => (
              <label key={axis}>
                {t(`studio.size.${axis}`)}
                <input
                  type="number"
                  name={`size-${axis}`}
                  min={2}
                  max={300}
                  step={1}
                  value={Math.round(object.size[index]! * 100)}
                  onChange={(e) => {
                    const cm = Number(e.target.value);
                    if (!Number.isFinite(cm) || cm < 2 || cm > 300) return;
                    const size: [number, number, number] = [...object.size];
                    size[index] = cm / 100;
                    studio.edit({ edit: "setObject", objectId: object.id, size });
                  }}
                />
              </label>
            ))}
          </div>
          <div className="button-row">
            <button
              name="on-table"
              onClick={() => {
                const step = draft.lesson.steps[connection.view.getState().step];
                const at = step?.place?.[object.id] ?? object.pose;
                if (!step) return;
                const pose = {
                  p: restingOnTable(at.p, object.size[1]),
                  q: at.q,
                };
                studio.edit({ edit: "placeObject", objectId: object.id, stepId: step.id, pose });
              }}
            >
              {t("studio.onTable")}
            </button>
            <button name="duplicate" onClick={() => studio.edit({ edit: "duplicateObject", objectId: object.id })}>
              {t("studio.duplicate")}
            </button>
            {object.snap?.length ? (
              <button
                name="remove-target"
                onClick={() => studio.edit({ edit: "setTarget", objectId: object.id, pose: null })}
              >
                {t("studio.removeTarget")}
              </button>
            ) : (
              <button
                name="add-target"
                onClick={() => {
                  const [x, , z] = object.pose.p;
                  const pose = {
                    p: restingOnTable([x + 0.25, 0, z], object.size[1]),
                    q: object.pose.q,
                  };
                  studio.edit({ edit: "setTarget", objectId: object.id, pose });
                  studioSelection.setState({ gizmo: "target" });
                }}
              >
                {t("studio.addTarget")}
              </button>
            )}
            <button
              name="remove-object"
              onClick={() => {
                if (!globalThis.confirm(t("studio.removeObjectConfirm", { name: objectName(object, t) }))) return;
                studio.edit({ edit: "removeObject", objectId: object.id });
                selectObject(undefined);
              }}
            >
              {t("studio.removeObject")}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

function AddObject({ connection, language }: { connection: ClassroomConnection; language: Language }) {
  const { t } = useTranslation();
  const [shape, setShape] = useState<string>("sphere");
  const [colour, setColour] = useState("#2a7fff");
  const [sizeCm, setSizeCm] = useState(12);
  const [label, setLabel] = useState("");
  const [models, setModels] = useState<string[]>([]);
  const [problem, setProblem] = useState<string | undefined>();
  useEffect(() => {
    void connection.studio.shippedModels().then(setModels);
  }, [connection]);
  const count = useDraft(connection)?.lesson.objects.length ?? 0;

  const add = () => {
    const label_ = label.trim();
    if (shape.startsWith("model:")) {
      connection.studio.addModel(shape.slice("model:".length), label_, language);
    } else {
      const size = sizeCm / 100;
      // New things appear in a row across the table, so they do not land inside each other.
      const x = -0.45 + (count % 7) * 0.15;
      const z = 0.1 + Math.floor(count / 7) * 0.15;
      connection.studio.edit({
        edit: "addObject",
        shape: shape as (typeof SHAPES)[number],
        color: colour,
        size: [size, size, size],
        pose: { p: restingOnTable([x, 0, z], size), q: [0, 0, 0, 1] },
        ...(label_ ? { label: label_ } : {}),
        language,
      });
    }
    setLabel("");
  };

  return (
    <div className="add-object">
      <div className="field-row">
        <label>
          {t("studio.shapeLabel")}
          <select name="new-shape" value={shape} onChange={(e) => setShape(e.target.value)}>
            {SHAPES.map((option) => (
              <option key={option} value={option}>
                {t(`studio.shape.${option}`)}
              </option>
            ))}
            {models.map((model) => (
              <option key={model} value={`model:${model}`}>
                {t("studio.model", { name: model.replace(/\.glb$/, "") })}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("studio.colour")}
          <input type="color" name="new-colour" value={colour} onChange={(e) => setColour(e.target.value)} />
        </label>
        <label>
          {t("studio.sizeCm")}
          <input
            type="number"
            name="new-size"
            min={2}
            max={100}
            value={sizeCm}
            onChange={(e) => setSizeCm(Math.min(100, Math.max(2, Number(e.target.value) || 12)))}
          />
        </label>
      </div>
      <label>
        {t("studio.newLabel")}
        <input name="new-label" value={label} maxLength={60} onChange={(e) => setLabel(e.target.value)} />
      </label>
      <button className="primary" name="add-object" onClick={add}>
        {t("studio.addToTable")}
      </button>
      <FilePicker
        label={t("studio.uploadModel")}
        hint={t("teacher.addModelHint")}
        name="studioModel"
        accept=".glb,model/gltf-binary"
        onFile={(file) =>
          void file
            .arrayBuffer()
            .then((bytes) => connection.studio.addModelFile(new Uint8Array(bytes), label, language))
            .then(setProblem)
        }
      />
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
