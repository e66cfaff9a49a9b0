/**
 * The lesson drafts this device writes: each draft's id and author key, in
 * local storage, so "My drafts" can list them and open them again. The key
 * stays on this device (and in the co-author link the author shares).
 */
import type { ClassroomConnection } from "../net/connection.ts";
import { SECRET_KEY_PATTERN, DRAFT_ID_PATTERN } from "../../shared/studioIds.ts";

const STORAGE_KEY = "meridian.drafts";
/** A device keeps at most this many drafts in its list (the oldest drops off; the draft itself stays on the server). */
const MAX_KEPT = 50;

export interface RememberedDraft {
  id: string;
  key: string;
  at: number;
}

export function rememberedDrafts(): RememberedDraft[] {
  try {
    const raw = JSON.parse(globalThis.localStorage?.getItem(STORAGE_KEY) ?? "[]") as unknown;
    if (!Array.isArray(raw)) return [];
    return raw.filter(
      (entry): entry is RememberedDraft =>
        typeof entry?.id === "string" &&
        DRAFT_ID_PATTERN.test(entry.id) &&
        typeof entry.key === "string" &&
        SECRET_KEY_PATTERN.test(entry.key) &&
        typeof entry.at === "number",
    );
  } catch {
    return [];
  }
}

function write(drafts: RememberedDraft[]): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(drafts.slice(0, MAX_KEPT)));
  } catch {
    // Storage refused: the co-author link still opens the draft.
  }
}

export function rememberDraft(id: string, key: string): void {
  write([{ id, key, at: Date.now() }, ...rememberedDrafts().filter((draft) => draft.id !== id)]);
}

export function forgetDraft(id: string): void {
  write(rememberedDrafts().filter((draft) => draft.id !== id));
}

/** Keeps the draft of a studio connection as soon as both its id and its key have arrived. */
export function rememberStudio(connection: ClassroomConnection): void {
  const keep = () => {
    const draft = connection.studio.store.getState().draft;
    const key = connection.view.getState().teacherKey;
    if (draft && key) rememberDraft(draft.id, key);
  };
  keep();
  connection.studio.store.subscribe((view, previous) => {
    if (view.draft?.id !== previous.draft?.id) keep();
  });
  connection.view.subscribe((view, previous) => {
    if (view.teacherKey !== previous.teacherKey) keep();
  });
}
