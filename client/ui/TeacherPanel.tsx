/** The teacher's desktop tools: links to share, the roster, locks, reset and end. */
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatJoinCode } from "../../shared/joinCode.ts";
import { progressByGroup } from "../../shared/groups.ts";
import { Role } from "../../shared/protocolNames.ts";
import { studentLink, teacherLink } from "../app/links.ts";
import { useShareOrigin } from "../app/shareOrigin.ts";
import { useLocalize } from "../app/useLocalize.ts";
import { CopyField } from "./CopyField.tsx";
import { FilePicker } from "./FilePicker.tsx";
import { useClassView } from "../app/useStores.ts";
import type { ClassroomConnection } from "../net/connection.ts";

export function TeacherPanel({ connection }: { connection: ClassroomConnection }) {
  const { t } = useTranslation();
  const teacherKey = useClassView(connection.view, (v) => v.teacherKey);
  const participants = useClassView(connection.view, (v) => v.participants);
  const objects = useClassView(connection.view, (v) => v.objects);
  const lesson = useClassView(connection.view, (v) => v.lesson);
  const task = useClassView(connection.view, (v) => v.task);
  const [badgeNote, setBadgeNote] = useState<{ ok: boolean; text: string } | undefined>();
  const giveBadge = async (seat: string, name: string) => {
    const outcome = await connection.issueBadge(seat);
    if ("problem" in outcome)
      return setBadgeNote({ ok: false, text: t("teacher.badgeRefused", { name, problem: outcome.problem }) });
    // Handed to the teacher as a file, to pass on to the student.
    saveAsFile(outcome.credential, `${name.replace(/[^\p{L}\p{N}]+/gu, "-")}-badge.json`);
    setBadgeNote({ ok: true, text: t("teacher.badgeIssued", { name }) });
  };
  const exportData = async (seat: string, name: string) => {
    const outcome = await connection.teacherDownload(`participants/${seat}/data`);
    if ("problem" in outcome) return setBadgeNote({ ok: false, text: outcome.problem });
    saveAsFile(outcome.data, `${name.replace(/[^\p{L}\p{N}]+/gu, "-")}-data.json`);
  };
  const deleteData = async (seat: string, name: string) => {
    if (!confirm(t("teacher.deleteDataConfirm", { name }))) return;
    const outcome = await connection.teacherDownload(`participants/${seat}/data`, "DELETE");
    setBadgeNote(
      "problem" in outcome
        ? { ok: false, text: outcome.problem }
        : { ok: true, text: t("teacher.dataDeleted", { name }) },
    );
  };
  const download = async (what: "records" | "replay") => {
    const outcome = await connection.teacherDownload(what);
    if ("problem" in outcome) return setBadgeNote({ ok: false, text: outcome.problem });
    saveAsFile(outcome.data, `${connection.code}-${what === "records" ? "xapi" : "replay"}.json`);
  };
  /** Objects of the task this participant put in place (and that are still there). */
  const placedBy = (seat: string) => objects.filter((o) => o.placedBy === seat).length;
  const localize = useLocalize();
  const labelOf = (id: string) =>
    objects.find((o) => o.id === id)?.label || localize(lesson?.objects.find((o) => o.id === id)?.label).text || id;
  const hands = participants.filter((p) => p.handRaisedAt > 0).sort((a, b) => a.handRaisedAt - b.handRaisedAt);
  const [chosen, setGiveWhat] = useState("");
  const giveWhat = objects.some((o) => o.id === chosen) ? chosen : (objects.find((o) => o.grabbable)?.id ?? "");
  const origin = useShareOrigin();

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

      <ClassTools connection={connection} />

      <VoiceSettings connection={connection} />

      <h3>{t("teacher.hands")}</h3>
      {hands.length === 0 ? (
        <p className="note">{t("teacher.noHands")}</p>
      ) : (
        <ol className="hands">
          {hands.map((p) => (
            <li key={p.seat} data-seat={p.seat}>
              <span>✋ {p.nickname}</span>
              <button
                className="small primary"
                name="give-floor"
                aria-label={t("voice.letSpeakOf", { name: p.nickname })}
                onClick={() => connection.setFloor(p.seat, true)}
              >
                🎙 {t("voice.letSpeak")}
              </button>
              <button
                className="small"
                aria-label={t("teacher.lowerHandOf", { name: p.nickname })}
                onClick={() => connection.lowerHand(p.seat)}
              >
                {t("speak.lowerHand")}
              </button>
            </li>
          ))}
        </ol>
      )}

      <h3>{t("teacher.roster")}</h3>
      {task.total > 0 && (
        <p className="task-progress" data-done={task.done}>
          {task.done
            ? `✓ ${t("lesson.taskDone")}`
            : t("lesson.taskProgress", { inPlace: task.inPlace, total: task.total })}
        </p>
      )}
      <GroupWork connection={connection} />
      <label className="give-what">
        {t("teacher.giveWhat")}
        <select value={giveWhat} onChange={(e) => setGiveWhat(e.target.value)}>
          {objects
            .filter((o) => o.grabbable)
            .map((o) => (
              <option key={o.id} value={o.id}>
                {labelOf(o.id)}
              </option>
            ))}
        </select>
      </label>
      {badgeNote && (
        <p className={badgeNote.ok ? "note" : "error"} role="status">
          {badgeNote.text}
        </p>
      )}
      <ul className="roster">
        {participants.map((p) => (
          <li key={p.seat} data-seat={p.seat}>
            <span className={p.connected ? "" : "away"}>
              {p.handRaisedAt > 0 && "✋ "}
              {p.nickname}
              {p.role === Role.Teacher && ` (${t("classroom.teacher")})`}
              {p.group > 0 && (
                <span className="group-chip" data-group={p.group}>
                  {t("classroom.groupTag", { group: p.group })}
                </span>
              )}
              {p.muted && " 🔇"}
            </span>
            <small>
              {t(`device.${p.device}`)} · {p.language} · {t(`teacher.quality.${linkQuality(p.rttMs)}`)}
              {!p.connected && ` · ${t("teacher.away")}`}
              {task.total > 0 && p.role !== Role.Teacher && (
                <span className="placed" data-placed={placedBy(p.seat)}>
                  {" · "}✓ {t("teacher.placed", { count: placedBy(p.seat) })}
                </span>
              )}
            </small>
            {p.role !== Role.Teacher && (
              <span className="row-actions">
                <button
                  className="small"
                  name="floor"
                  aria-pressed={p.floor}
                  aria-label={`${p.floor ? t("voice.stopSpeaking") : t("voice.letSpeak")} ${p.nickname}`}
                  onClick={() => connection.setFloor(p.seat, !p.floor)}
                >
                  {p.micOn ? "🔊 " : ""}
                  {p.floor ? t("voice.stopSpeaking") : t("voice.letSpeak")}
                </button>
                <button
                  className="small"
                  aria-pressed={p.muted}
                  aria-label={`${p.muted ? t("teacher.unmute") : t("teacher.mute")} ${p.nickname}`}
                  onClick={() => connection.setMuted(p.seat, !p.muted)}
                >
                  {p.muted ? t("teacher.unmute") : t("teacher.mute")}
                </button>
                <button
                  className="small"
                  aria-label={`${t("teacher.exportData")} ${p.nickname}`}
                  onClick={() => void exportData(p.seat, p.nickname)}
                >
                  {t("teacher.exportData")}
                </button>
                <button
                  className="small danger"
                  aria-label={`${t("teacher.deleteData")} ${p.nickname}`}
                  onClick={() => void deleteData(p.seat, p.nickname)}
                >
                  {t("teacher.deleteData")}
                </button>
                <button
                  className="small"
                  aria-label={`${t("teacher.badge")} ${p.nickname}`}
                  onClick={() => void giveBadge(p.seat, p.nickname)}
                >
                  {t("teacher.badge")}
                </button>
                <button
                  className="small"
                  aria-label={`${t("teacher.give")} ${p.nickname}`}
                  disabled={!giveWhat}
                  onClick={() => connection.handTo(giveWhat, p.seat)}
                >
                  {t("teacher.give")}
                </button>
                <button
                  className="small danger"
                  aria-label={`${t("teacher.remove")} ${p.nickname}`}
                  onClick={() => {
                    if (confirm(t("teacher.removeConfirm", { name: p.nickname }))) connection.removeParticipant(p.seat);
                  }}
                >
                  {t("teacher.remove")}
                </button>
              </span>
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
        <button onClick={() => connection.setSceneLock(true)}>🔒 {t("teacher.lockAll")}</button>
        <button onClick={() => connection.setSceneLock(false)}>{t("teacher.unlockAll")}</button>
      </div>

      <div className="actions">
        <button
          onClick={() => {
            if (confirm(t("teacher.resetConfirm"))) connection.resetScene();
          }}
        >
          {t("teacher.reset")}
        </button>
        <a
          className="button"
          href={`/api/lessons/${encodeURIComponent(connection.view.getState().lessonId)}/file`}
          download
        >
          {t("lesson.export")}
        </a>
        <button onClick={() => void download("records")}>{t("teacher.downloadRecords")}</button>
        <button onClick={() => void download("replay")}>{t("teacher.downloadReplay")}</button>
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
      <FilePicker
        label={t("teacher.addModel")}
        hint={t("teacher.addModelHint")}
        name="model"
        accept=".glb,model/gltf-binary"
        onFile={(file) => void add(file)}
      />
      {note && (
        <p className={note.ok ? "note" : "error"} role={note.ok ? "status" : "alert"}>
          {note.text}
        </p>
      )}
    </div>
  );
}

/** Round trip in ms → what the teacher needs to know about a student's link. */
export function linkQuality(rttMs: number): "good" | "fair" | "poor" | "unknown" {
  if (rttMs <= 0) return "unknown";
  return rttMs < 150 ? "good" : rttMs < 400 ? "fair" : "poor";
}

/** Class-wide tools: gather, follow me, laser pointer, close the class. */
function ClassTools({ connection }: { connection: ClassroomConnection }) {
  const { t } = useTranslation();
  const locked = useClassView(connection.view, (v) => v.classLocked);
  const following = useClassView(connection.view, (v) => v.followSeat === connection.seat);
  const pointing = useClassView(
    connection.view,
    (v) => v.participants.find((p) => p.seat === connection.seat)?.pointing ?? false,
  );
  return (
    <div className="actions class-tools">
      <button
        onClick={() => {
          const head = connection.poses.latest(`head:${connection.seat}`);
          connection.gather(head ? [head.p[0], 0, head.p[2]] : [0, 0, 1.5]);
        }}
      >
        📍 {t("teacher.gather")}
      </button>
      <button aria-pressed={following} onClick={() => connection.setFollow(!following)}>
        {following ? t("teacher.stopFollow") : t("teacher.follow")}
      </button>
      <button aria-pressed={pointing} onClick={() => connection.setPointer(!pointing)}>
        {pointing ? t("teacher.pointerOff") : t("teacher.pointer")}
      </button>
      <button aria-pressed={locked} onClick={() => connection.setClassLocked(!locked)}>
        {locked ? `🔒 ${t("teacher.unlockClass")}` : t("teacher.lockClass")}
      </button>
    </div>
  );
}

/** Offers JSON as a file download. */
function saveAsFile(data: unknown, name: string): void {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: "application/json" }));
  link.download = name;
  link.click();
  URL.revokeObjectURL(link.href);
}

/** Teacher: split the class into groups for the task, and see each group's progress live. */
function GroupWork({ connection }: { connection: ClassroomConnection }) {
  const { t } = useTranslation();
  const groups = useClassView(connection.view, (v) => v.groups);
  const students = useClassView(connection.view, (v) => v.participants.filter((p) => p.role === Role.Student).length);
  const objects = useClassView(connection.view, (v) => v.objects);
  const counts = [2, 3, 4, 5, 6];
  const chosen = groups === 0 || counts.includes(groups) ? String(groups) : "each";
  const progress = [...progressByGroup(objects)].sort(([a], [b]) => a - b);
  return (
    <div className="group-work">
      <label>
        {t("teacher.groups")}
        <select
          name="groups"
          value={chosen}
          onChange={(e) =>
            connection.setGroups(e.target.value === "each" ? Math.max(1, students) : Number(e.target.value))
          }
        >
          <option value="0">{t("teacher.groupsTogether")}</option>
          {counts.map((count) => (
            <option key={count} value={count}>
              {t("teacher.groupsCount", { count })}
            </option>
          ))}
          <option value="each">{t("teacher.groupsEach")}</option>
        </select>
      </label>
      {progress.length > 0 && (
        <ul className="group-progress">
          {progress.map(([group, { inPlace, total }]) => (
            <li key={group} data-group={group} data-done={inPlace === total}>
              {inPlace === total
                ? `✓ ${t("teacher.groupDone", { group })}`
                : t("teacher.groupProgress", { group, inPlace, total })}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Teacher: who may speak besides them, and whether they are heard everywhere. */
function VoiceSettings({ connection }: { connection: ClassroomConnection }) {
  const { t } = useTranslation();
  const voice = useClassView(connection.view, (v) => v.voice);
  return (
    <div className="voice-settings" role="group" aria-label={t("voice.label")}>
      <label className="check">
        <input
          type="checkbox"
          name="open-discussion"
          checked={voice.open}
          onChange={(e) => connection.setVoice({ open: e.target.checked })}
        />
        {t("voice.openDiscussion")}
      </label>
      <label className="check">
        <input
          type="checkbox"
          name="teacher-everywhere"
          checked={voice.teacherEverywhere}
          onChange={(e) => connection.setVoice({ teacherEverywhere: e.target.checked })}
        />
        {t("voice.teacherEverywhere")}
      </label>
    </div>
  );
}
