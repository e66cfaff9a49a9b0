/** The start page: join a class by code, or start one as a teacher. */
import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { formatJoinCode, normalizeJoinCode } from "../../shared/joinCode.ts";
import type { LessonSummary } from "../../shared/lesson.ts";
import { LANGUAGES, Limits, type Language } from "../../shared/protocol.ts";
import type { DeviceAbilities } from "../app/device.ts";
import type { LinkIntent } from "../app/links.ts";
import { createAs, joinAs, sessionStore } from "../app/session.ts";
import { useSession } from "../app/useStores.ts";
import { LANGUAGE_NAMES, setLanguage } from "../i18n/i18n.ts";

interface LobbyProps {
  abilities: DeviceAbilities | undefined;
  link: LinkIntent;
}

export function Lobby({ abilities, link }: LobbyProps) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<"join" | "teach">("join");
  const phase = useSession((s) => s.phase);
  const failure = useSession((s) => s.failure);
  const [nickname, setNickname] = useState(() => sessionStore.getState().nickname);
  const language = useSession((s) => s.language);
  const [code, setCode] = useState(link?.code ? formatJoinCode(link.code) : "");
  const [formError, setFormError] = useState<string | undefined>();
  const busy = phase === "joining";

  const chooseLanguage = (next: Language) => {
    sessionStore.setState({ language: next });
    void setLanguage(next);
  };

  const who = () => ({ nickname: nickname.trim(), language, device: abilities?.device ?? "desktop" });

  const submitJoin = (event: FormEvent) => {
    event.preventDefault();
    const canonical = normalizeJoinCode(code);
    if (!canonical) return setFormError(t("errors.codeFormat"));
    if (!nickname.trim()) return setFormError(t("errors.nicknameRequired"));
    setFormError(undefined);
    void joinAs(canonical, who(), link?.kind === "teach" && link.code === canonical ? link.teacherKey : undefined);
  };

  const shownError = formError ?? (failure ? t(`errors.${failure}`) : undefined);

  return (
    <main className="lobby">
      <header className="lobby-header">
        <h1>{t("app.name")}</h1>
        <p>{t("app.tagline")}</p>
      </header>
      <section className="card" aria-labelledby="lobby-title">
        <div className="tabs" role="tablist">
          <button role="tab" aria-selected={tab === "join"} onClick={() => setTab("join")} id="lobby-title">
            {t("lobby.joinTab")}
          </button>
          <button role="tab" aria-selected={tab === "teach"} onClick={() => setTab("teach")}>
            {t("lobby.teachTab")}
          </button>
        </div>

        <LanguagePicker value={language} onChange={chooseLanguage} />
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
            {link?.kind === "teach" && (
              <p className="note">{t("lobby.returningTeacher", { code: formatJoinCode(link.code) })}</p>
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
          <CreateForm
            busy={busy}
            onCreate={(lessonId) => {
              if (!nickname.trim()) return setFormError(t("errors.nicknameRequired"));
              setFormError(undefined);
              void createAs(lessonId, who());
            }}
          />
        )}

        {shownError && (
          <p className="error" role="alert">
            {shownError}
          </p>
        )}
        <p className="device-note">
          {abilities?.vr ? t("lobby.deviceVr") : abilities?.ar ? t("lobby.deviceAr") : t("lobby.deviceScreen")}
        </p>
      </section>
    </main>
  );
}

function LanguagePicker({ value, onChange }: { value: Language; onChange: (language: Language) => void }) {
  const { t } = useTranslation();
  return (
    <label>
      {t("lobby.language")}
      <select name="language" value={value} onChange={(e) => onChange(e.target.value as Language)}>
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {LANGUAGE_NAMES[language]}
          </option>
        ))}
      </select>
    </label>
  );
}

function CreateForm({ busy, onCreate }: { busy: boolean; onCreate: (lessonId: string) => void }) {
  const { t } = useTranslation();
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
              {lesson.title}
            </option>
          ))}
        </select>
      </label>
      {chosen && <p className="note">{chosen.summary}</p>}
      <button type="submit" className="primary" disabled={busy || !lessonId}>
        {busy ? t("lobby.creating") : t("lobby.create")}
      </button>
    </form>
  );
}
