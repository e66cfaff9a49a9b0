/** The teacher's desktop tools: links to share, the roster, locks, reset and end. */
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatJoinCode } from "../../shared/joinCode.ts";
import { Role } from "../../shared/protocol.ts";
import { studentLink, teacherLink } from "../app/links.ts";
import { useLocalize } from "../app/useLocalize.ts";
import { useClassView } from "../app/useStores.ts";
import type { ClassroomConnection } from "../net/connection.ts";

export function TeacherPanel({ connection }: { connection: ClassroomConnection }) {
  const { t } = useTranslation();
  const teacherKey = useClassView(connection.view, (v) => v.teacherKey);
  const participants = useClassView(connection.view, (v) => v.participants);
  const objects = useClassView(connection.view, (v) => v.objects);
  const lesson = useClassView(connection.view, (v) => v.lesson);
  const localize = useLocalize();
  const labelOf = (id: string) => localize(lesson?.objects.find((o) => o.id === id)?.label).text || id;
  const origin = globalThis.location.origin;

  return (
    <aside className="panel teacher-panel" aria-label={t("teacher.panel")}>
      <h2>{t("teacher.panel")}</h2>
      <CopyField label={t("teacher.studentLink")} value={studentLink(origin, connection.code)} />
      {teacherKey && (
        <CopyField
          label={t("teacher.teacherLink")}
          hint={t("teacher.teacherLinkHint")}
          value={teacherLink(origin, connection.code, teacherKey)}
          secret
        />
      )}

      <h3>{t("teacher.roster")}</h3>
      <ul className="roster">
        {participants.map((p) => (
          <li key={p.seat} data-seat={p.seat}>
            <span className={p.connected ? "" : "away"}>
              {p.nickname}
              {p.role === Role.Teacher && ` (${t("classroom.teacher")})`}
            </span>
            <small>
              {t(`device.${p.device}`)} · {p.language}
              {!p.connected && ` · ${t("teacher.away")}`}
            </small>
            {p.role !== Role.Teacher && (
              <button
                className="small"
                aria-label={`${t("teacher.remove")} ${p.nickname}`}
                onClick={() => {
                  if (confirm(t("teacher.removeConfirm", { name: p.nickname }))) connection.removeParticipant(p.seat);
                }}
              >
                {t("teacher.remove")}
              </button>
            )}
          </li>
        ))}
      </ul>

      <h3>{t("teacher.objects")}</h3>
      <ul className="objects">
        {objects
          .filter((o) => o.grabbable)
          .map((o) => (
            <li key={o.id}>
              <span>{labelOf(o.id)}</span>
              <button
                className="small"
                aria-pressed={o.locked}
                aria-label={`${o.locked ? t("teacher.unlock") : t("teacher.lock")} ${labelOf(o.id)}`}
                onClick={() => connection.setLock(o.id, !o.locked)}
              >
                {o.locked ? `🔒 ${t("teacher.unlock")}` : t("teacher.lock")}
              </button>
            </li>
          ))}
      </ul>

      <ModelPicker connection={connection} />

      <div className="actions">
        <button onClick={() => connection.resetScene()}>{t("teacher.reset")}</button>
        <a
          className="button"
          href={`/api/lessons/${encodeURIComponent(connection.view.getState().lessonId)}/file`}
          download
        >
          {t("lesson.export")}
        </a>
        <button
          className="danger"
          onClick={() => {
            if (confirm(t("teacher.endConfirm"))) connection.endClass();
          }}
        >
          {t("teacher.end")}
        </button>
      </div>
      <p className="code-small">
        {t("classroom.code")}: <strong>{formatJoinCode(connection.code)}</strong>
      </p>
    </aside>
  );
}

function CopyField({ label, hint, value, secret }: { label: string; hint?: string; value: string; secret?: boolean }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  return (
    <div className="copy-field">
      <label>
        {label}
        <input readOnly value={value} type={secret ? "password" : "text"} onFocus={(e) => e.target.select()} />
      </label>
      {hint && <small>{hint}</small>}
      <button
        className="small"
        onClick={() => {
          void navigator.clipboard?.writeText(value).then(() => setCopied(true));
        }}
      >
        {copied ? t("teacher.copied") : t("teacher.copy")}
      </button>
    </div>
  );
}

/** Teacher: adds a .glb model for everyone, chosen here or dropped anywhere on the page. */
function ModelPicker({ connection }: { connection: ClassroomConnection }) {
  const { t } = useTranslation();
  const [note, setNote] = useState<{ ok: boolean; text: string } | undefined>();

  const add = async (file: File) => {
    const label =
      file.name
        .replace(/\.glb$/i, "")
        .replace(/[<>\p{Cc}]/gu, "")
        .slice(0, 60) || "Model";
    const problem = await connection.addModel(new Uint8Array(await file.arrayBuffer()), label);
    setNote(
      problem
        ? { ok: false, text: t("teacher.modelFailed", { problem }) }
        : { ok: true, text: t("teacher.modelAdded") },
    );
  };

  useEffect(() => {
    const over = (event: DragEvent) => event.preventDefault();
    const drop = (event: DragEvent) => {
      const file = event.dataTransfer?.files[0];
      if (!file) return;
      event.preventDefault();
      void add(file);
    };
    window.addEventListener("dragover", over);
    window.addEventListener("drop", drop);
    return () => {
      window.removeEventListener("dragover", over);
      window.removeEventListener("drop", drop);
    };
  });

  return (
    <div className="model-picker">
      <label>
        {t("teacher.addModel")}
        <input
          type="file"
          name="model"
          accept=".glb,model/gltf-binary"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void add(file);
            e.target.value = "";
          }}
        />
      </label>
      <small>{t("teacher.addModelHint")}</small>
      {note && (
        <p className={note.ok ? "note" : "error"} role={note.ok ? "status" : "alert"}>
          {note.text}
        </p>
      )}
    </div>
  );
}
