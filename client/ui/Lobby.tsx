/** The start page: join a class by code, or start one as a teacher. */
import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { formatJoinCode, normalizeJoinCode } from "../../shared/joinCode.ts";
import type { Lesson } from "../../shared/lesson.ts";
import { summarize, type LessonSummary } from "../../shared/lessonBasics.ts";
import type { StudioOpen } from "../../shared/protocol.ts";
import { Limits } from "../../shared/protocolNames.ts";
import type { DeviceAbilities } from "../app/device.ts";
import type { LinkIntent } from "../app/links.ts";
import { createAs, joinAs, openStudioAs, sessionStore } from "../app/session.ts";
import { StudioInvitation, StudioStart } from "./studio/StudioStart.tsx";
import { LessonFacts } from "./studio/LessonFacts.tsx";
import { teacherKeyFor } from "../app/teachingMemory.ts";
import { useSession } from "../app/useStores.ts";
import { useLocalize } from "../app/useLocalize.ts";
import { BadgeCheck } from "./BadgeCheck.tsx";
import { FilePicker } from "./FilePicker.tsx";
import { LanguagePicker } from "./LanguagePicker.tsx";
import { LocalizedText } from "./LocalizedText.tsx";
import { ReplayOpen } from "./ReplayOpen.tsx";
import { OfflineNote } from "./OfflineNote.tsx";
import { SecureAddressNote } from "./SecureAddressNote.tsx";

interface LobbyProps {
  abilities: DeviceAbilities | undefined;
  link: LinkIntent;
}

export function Lobby({ abilities, link }: LobbyProps) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<"join" | "teach">(link?.kind === "author" ? "teach" : "join");
  const linkCode = link && "code" in link ? link.code : undefined;
  const phase = useSession((s) => s.phase);
  const failure = useSession((s) => s.failure);
  const [nickname, setNickname] = useState(() => sessionStore.getState().nickname);
  const language = useSession((s) => s.language);
  const [code, setCode] = useState(linkCode ? formatJoinCode(linkCode) : "");
  const [formError, setFormError] = useState<string | undefined>();
  const busy = phase === "joining";
  const typedCode = normalizeJoinCode(code);
  const teachesTypedCode = typedCode !== undefined && teacherKeyFor(typedCode) !== undefined;

  const who = () => ({ nickname: nickname.trim(), language, device: abilities?.device ?? "desktop" });

  const submitJoin = (event: FormEvent) => {
    event.preventDefault();
    const canonical = normalizeJoinCode(code);
    if (!canonical) return setFormError(t("errors.codeFormat"));
    if (!nickname.trim()) return setFormError(t("errors.nicknameRequired"));
    setFormError(undefined);
    void joinAs(canonical, who(), link?.kind === "teach" && link.code === canonical ? link.teacherKey : undefined);
  };

  /** Opens the lesson studio, once the author has a nickname (co-authors see it). */
  const studio = (open: StudioOpen) => {
    if (!nickname.trim()) return setFormError(t("errors.nicknameRequired"));
    setFormError(undefined);
    void openStudioAs(open, who());
  };

  const shownError = formError ?? (failure ? t(`errors.${failure}`) : undefined);

  return (
    <main className="lobby">
      <header className="lobby-header">
        <h1>{t("app.name")}</h1>
        <p>{t("app.tagline")}</p>
      </header>
      <OfflineNote />
      <SecureAddressNote />
      <section className="card" aria-labelledby="lobby-title">
        <div className="tabs" role="tablist">
          <button role="tab" aria-selected={tab === "join"} onClick={() => setTab("join")} id="lobby-title">
            {t("lobby.joinTab")}
          </button>
          <button role="tab" aria-selected={tab === "teach"} onClick={() => setTab("teach")}>
            {t("lobby.teachTab")}
          </button>
        </div>

        <LanguagePicker />
        <label>
          {t("lobby.nickname")}
          <input
            name="nickname"
            value={nickname}
            maxLength={Limits.nicknameMaxLength}
            autoComplete="nickname"
            onChange={(e) => setNickname(e.target.value)}
          />
          <small>{t("lobby.nicknameHint")}</small>
        </label>

        {tab === "join" ? (
          <form onSubmit={submitJoin}>
            {(link?.kind === "teach" || teachesTypedCode) && (
              <p className="note">
                {t("lobby.returningTeacher", { code: formatJoinCode(normalizeJoinCode(code) ?? linkCode ?? "") })}
              </p>
            )}
            <label>
              {t("lobby.code")}
              <input
                name="code"
                className="code-input"
                value={code}
                placeholder={t("lobby.codePlaceholder")}
                autoCapitalize="characters"
                autoComplete="off"
                spellCheck={false}
                maxLength={9}
                onChange={(e) => setCode(e.target.value.toUpperCase())}
              />
            </label>
            <button type="submit" className="primary" disabled={busy}>
              {busy ? t("lobby.joining") : t("lobby.join")}
            </button>
          </form>
        ) : (
          <>
            {link?.kind === "author" && (
              <StudioInvitation busy={busy} onOpen={() => studio({ start: "draft", ...draftOf(link) })} />
            )}
            <CreateForm
              busy={busy}
              onCreate={(lessonId) => {
                if (!nickname.trim()) return setFormError(t("errors.nicknameRequired"));
                setFormError(undefined);
                void createAs(lessonId, who());
              }}
              onRemix={(lessonId) => studio({ start: "remix", lessonId })}
            />
            <StudioStart busy={busy} onOpen={studio} />
          </>
        )}

        {shownError && (
          <p className="error" role="alert">
            {shownError}
          </p>
        )}
        <p className="device-note">
          {abilities?.vr && abilities.ar
            ? t("lobby.deviceVrAr")
            : abilities?.vr
              ? t("lobby.deviceVr")
              : abilities?.ar
                ? t("lobby.deviceAr")
                : t("lobby.deviceScreen")}
        </p>
      </section>
      <ReplayOpen />
      <BadgeCheck />
    </main>
  );
}

const draftOf = (link: { draftId: string; authorKey: string }) => ({
  draftId: link.draftId,
  authorKey: link.authorKey,
});

function CreateForm({
  busy,
  onCreate,
  onRemix,
}: {
  busy: boolean;
  onCreate: (lessonId: string) => void;
  /** Opens the lesson in the studio, as a copy to change. */
  onRemix: (lessonId: string) => void;
}) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const [lessons, setLessons] = useState<LessonSummary[] | undefined>();
  const [lessonId, setLessonId] = useState("");
  const [loadFailed, setLoadFailed] = useState(false);

  useEffect(() => {
    fetch("/api/lessons")
      .then((response) => response.json() as Promise<LessonSummary[]>)
      .then((list) => {
        setLessons(list);
        setLessonId((current) => current || list[0]?.id || "");
      })
      .catch(() => setLoadFailed(true));
  }, []);

  const [importNote, setImportNote] = useState<{ ok: boolean; lines: string[] } | undefined>();

  const importFile = async (file: File) => {
    setImportNote({ ok: true, lines: [t("lesson.importing")] });
    // Checked here for an instant answer, and again by the server, which decides.
    // The lesson format's checks load only when someone imports a file.
    const { checkLessonText } = await import("../../shared/lesson.ts");
    const local = checkLessonText(await file.text());
    if (!local.ok) return setImportNote({ ok: false, lines: local.problems });
    const outcome = await uploadLesson(local.lesson);
    if (!outcome.ok) return setImportNote({ ok: false, lines: outcome.problems });
    const summary = summarize({ ...local.lesson, id: outcome.id });
    setLessons((list) => [...(list ?? []).filter((l) => l.id !== summary.id), summary]);
    setLessonId(summary.id);
    setImportNote({ ok: true, lines: [t("lesson.imported", { title: localize(summary.title).text })] });
  };

  if (loadFailed) return <p className="error">{t("errors.unreachable")}</p>;
  if (!lessons) return <p>{t("lobby.loadingLessons")}</p>;
  const chosen = lessons.find((lesson) => lesson.id === lessonId);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onCreate(lessonId);
      }}
    >
      <label>
        {t("lobby.lesson")}
        <select name="lesson" value={lessonId} onChange={(e) => setLessonId(e.target.value)}>
          {lessons.map((lesson) => (
            <option key={lesson.id} value={lesson.id}>
              {localize(lesson.title).text} · {t(`lesson.subject.${lesson.subject}`)} ·{" "}
              {t("lesson.steps", { count: lesson.steps })}
            </option>
          ))}
        </select>
      </label>
      {chosen && (
        <div className="note">
          <p>
            <LocalizedText text={chosen.summary} />
          </p>
          <LessonFacts lesson={chosen} />
        </div>
      )}
      <FilePicker
        label={t("lesson.import")}
        hint={t("lesson.importHint")}
        name="lessonFile"
        accept=".json,application/json"
        onFile={(file) => void importFile(file)}
      />
      {importNote && (
        <div className={importNote.ok ? "note" : "error"} role={importNote.ok ? "status" : "alert"}>
          {!importNote.ok && <p>{t("lesson.importFailed")}</p>}
          <ul className="problems">
            {importNote.lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="button-row">
        <button type="submit" className="primary" disabled={busy || !lessonId}>
          {busy ? t("lobby.creating") : t("lobby.create")}
        </button>
        <button type="button" name="remix" disabled={busy || !lessonId} onClick={() => onRemix(lessonId)}>
          {t("studio.remix")}
        </button>
      </div>
    </form>
  );
}

async function uploadLesson(lesson: Lesson): Promise<{ ok: true; id: string } | { ok: false; problems: string[] }> {
  try {
    const response = await fetch("/api/lessons", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(lesson),
    });
    const body = (await response.json()) as { id?: string; problems?: string[] };
    return response.ok && body.id
      ? { ok: true, id: body.id }
      : { ok: false, problems: body.problems ?? [`HTTP ${response.status}`] };
  } catch {
    return { ok: false, problems: ["the classroom server could not be reached"] };
  }
}
