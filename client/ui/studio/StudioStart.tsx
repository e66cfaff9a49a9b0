/**
 * The studio's way in from the start page: "Create a lesson", an invitation
 * to co-author (from an author link), and "My drafts" — the drafts this
 * device has the keys of, to open, download as a lesson file, or delete.
 */
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { StudioOpen } from "../../../shared/protocol.ts";
import { forgetDraft, rememberedDrafts } from "../../app/draftMemory.ts";
import type { DraftListing } from "../../../shared/studio.ts";

export function StudioStart({ busy, onOpen }: { busy: boolean; onOpen: (open: StudioOpen) => void }) {
  const { t } = useTranslation();
  return (
    <section className="studio-start" aria-labelledby="studio-start-title">
      <h2 id="studio-start-title">{t("studio.title")}</h2>
      <p className="field-note">{t("studio.intro")}</p>
      <button name="create-lesson" disabled={busy} onClick={() => onOpen({ start: "new" })}>
        {t("studio.create")}
      </button>
      <MyDrafts busy={busy} onOpen={onOpen} />
    </section>
  );
}

/** Someone shared a co-author link: say so, and open the draft in one click. */
export function StudioInvitation({ busy, onOpen }: { busy: boolean; onOpen: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="note" role="status">
      <p>{t("studio.invited")}</p>
      <button className="primary" name="open-draft" disabled={busy} onClick={onOpen}>
        {t("studio.openInvited")}
      </button>
    </div>
  );
}

function MyDrafts({ busy, onOpen }: { busy: boolean; onOpen: (open: StudioOpen) => void }) {
  const { t } = useTranslation();
  const [drafts, setDrafts] = useState<DraftListing[] | undefined>();
  const [note, setNote] = useState<string | undefined>();

  useEffect(() => {
    const remembered = rememberedDrafts();
    if (remembered.length === 0) return;
    fetch("/api/drafts/lookup", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ drafts: remembered.map(({ id, key }) => ({ id, key })) }),
    })
      .then((response) => response.json() as Promise<DraftListing[]>)
      .then(setDrafts)
      .catch(() => setDrafts([]));
  }, []);

  if (!drafts || drafts.length === 0) return null;
  const keyOf = (id: string) => rememberedDrafts().find((draft) => draft.id === id)?.key ?? "";

  const download = async (draft: DraftListing) => {
    const response = await fetch(`/api/drafts/${draft.id}/file`, {
      headers: { authorization: `Bearer ${keyOf(draft.id)}` },
    });
    if (!response.ok) return setNote(t("studio.downloadIncomplete"));
    const url = URL.createObjectURL(await response.blob());
    const anchor = Object.assign(document.createElement("a"), { href: url, download: `${draft.id}.lesson.json` });
    anchor.click();
    URL.revokeObjectURL(url);
  };

  const remove = async (draft: DraftListing) => {
    const title = draft.title.en ?? Object.values(draft.title)[0] ?? t("studio.untitled");
    if (!globalThis.confirm(t("studio.deleteConfirm", { title }))) return;
    const response = await fetch(`/api/drafts/${draft.id}`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${keyOf(draft.id)}` },
    });
    if (!response.ok && response.status !== 403) return setNote(t("errors.unreachable"));
    forgetDraft(draft.id);
    setDrafts((list) => list?.filter((entry) => entry.id !== draft.id));
  };

  return (
    <div className="my-drafts">
      <h3>{t("studio.myDrafts")}</h3>
      <ul>
        {drafts.map((draft) => {
          const title = draft.title.en ?? Object.values(draft.title)[0] ?? t("studio.untitled");
          return (
            <li key={draft.id}>
              <span className="draft-title">{title}</span>
              <small>
                {t("lesson.steps", { count: draft.steps })} ·{" "}
                {draft.completeness
                  .map(({ language, done, total }) => `${language} ${total ? Math.round((100 * done) / total) : 0} %`)
                  .join(" · ")}
              </small>
              <span className="button-row">
                <button
                  disabled={busy}
                  onClick={() => onOpen({ start: "draft", draftId: draft.id, authorKey: keyOf(draft.id) })}
                >
                  {t("studio.open")}
                </button>
                <button onClick={() => void download(draft)}>{t("studio.download")}</button>
                <button onClick={() => void remove(draft)}>{t("studio.delete")}</button>
              </span>
            </li>
          );
        })}
      </ul>
      {note && (
        <p className="error" role="alert">
          {note}
        </p>
      )}
    </div>
  );
}
