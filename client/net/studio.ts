/**
 * The lesson studio's side of the connection: the draft as the server's
 * changes make it, and the author's intents (edit, undo, redo, focus,
 * publish). A studio is a class room opened on a draft, so this rides on the
 * class connection: the table, avatars and grabbing work as in a class, and
 * the table shows the draft as a lesson. No React here.
 */
import type { Room } from "@colyseus/sdk";
import { createStore, type StoreApi } from "zustand/vanilla";
import { applyChanges } from "../../shared/draftChanges.ts";
import { workingLesson } from "../../shared/draftLesson.ts";
import type { Draft, DraftProblem, PublishedMessage, StudioChangesMessage, StudioEdit } from "../../shared/studio.ts";
import { StudioMessage, StudioServerMessage } from "../../shared/studioMessages.ts";
import type { Lesson } from "../../shared/lesson.ts";
import type { Language } from "../../shared/protocol.ts";

export interface StudioView {
  /** The draft as the server's changes have made it; undefined in a class. */
  draft: Draft | undefined;
  /** The lesson id it was last published as. */
  publishedAs: string | undefined;
  /** What stopped the last "Publish", field by field. */
  problems: DraftProblem[];
  /** Counts publish answers, so the page can tell a new one from the last. */
  publishSerial: number;
}

export type StudioStore = StoreApi<StudioView>;

/** The studio's state and intents on one room. */
export class StudioSession {
  private trying = false;
  readonly store: StudioStore = createStore<StudioView>(() => ({
    draft: undefined,
    publishedAs: undefined,
    problems: [],
    publishSerial: 0,
  }));

  constructor(
    private readonly room: Room,
    /** Where the table reads its lesson from: the draft, as a lesson, after every change. */
    private readonly showLesson: (lesson: Lesson) => void,
    private readonly endpoint: string,
    /** The author key (the studio's teacher key), once the page has it. */
    private readonly authorKey: () => string | undefined,
  ) {
    room.onMessage(StudioServerMessage.Draft, (draft: Draft) => this.adopt(draft));
    room.onMessage(StudioServerMessage.Changes, (message: StudioChangesMessage) => this.follow(message));
    room.onMessage(StudioServerMessage.Published, (message: PublishedMessage) => {
      const { publishSerial } = this.store.getState();
      this.store.setState(
        message.ok
          ? { publishedAs: message.lessonId, problems: [], publishSerial: publishSerial + 1 }
          : { problems: message.problems, publishSerial: publishSerial + 1 },
      );
    });
  }

  /** True once the room has sent a draft: this connection is a studio. */
  get active(): boolean {
    return this.store.getState().draft !== undefined;
  }

  edit(edit: StudioEdit): void {
    this.room.send(StudioMessage.Edit, edit);
  }

  undo(): void {
    this.room.send(StudioMessage.Undo, {});
  }

  redo(): void {
    this.room.send(StudioMessage.Redo, {});
  }

  /** Tells the other authors which field this author is writing in (null: none). */
  focus(field: string | null): void {
    this.room.send(StudioMessage.Focus, { field });
  }

  publish(): void {
    this.room.send(StudioMessage.Publish, {});
  }

  /** Uploads a .glb (checked by the server as in a class) and puts it on the table; the problem if it was refused. */
  async addModelFile(bytes: Uint8Array, label: string, language: Language): Promise<string | undefined> {
    const key = this.authorKey();
    if (!key) return "only the lesson's authors can add models";
    try {
      const response = await fetch(`${this.endpoint}/api/classes/${this.room.roomId}/models`, {
        method: "POST",
        headers: { "content-type": "model/gltf-binary", "x-teacher-key": key },
        body: new Blob([bytes as Uint8Array<ArrayBuffer>]),
      });
      const body = (await response.json()) as { model?: string; problem?: string };
      if (!response.ok || !body.model) return body.problem ?? `HTTP ${response.status}`;
      this.addModel(body.model, label, language);
      return undefined;
    } catch {
      return "the classroom server could not be reached";
    }
  }

  /** Puts a model (shipped, or uploaded before) on the table. */
  addModel(model: string, label: string, language: Language): void {
    this.edit({
      edit: "addObject",
      shape: "model",
      model,
      color: "#cccccc",
      size: [0.3, 0.3, 0.3],
      pose: { p: [0, 0.95, 0], q: [0, 0, 0, 1] },
      ...(label.trim() ? { label: label.trim() } : {}),
      language,
    });
  }

  /** The models shipped with the lessons. */
  async shippedModels(): Promise<string[]> {
    const response = await fetch(`${this.endpoint}/api/models`).catch(() => undefined);
    return response?.ok ? ((await response.json()) as string[]) : [];
  }

  /** Starts or stops trying the lesson as a student (moves are not recorded; stopping puts the table back). */
  tryAsStudent(on: boolean): void {
    this.trying = on;
    this.room.send(StudioMessage.Try, { on });
    const draft = this.store.getState().draft;
    if (draft) this.adopt(draft);
  }

  private adopt(draft: Draft): void {
    this.store.setState({ draft, publishedAs: draft.publishedAs });
    // Trying the lesson as a student: each step framed as a student's screen frames it, not the whole table.
    this.showLesson(workingLesson(draft, { overview: !this.trying }));
  }

  private follow({ revision, changes }: StudioChangesMessage): void {
    const current = this.store.getState().draft;
    // Changes are sent in order on one socket; after a reconnection the whole draft comes first.
    if (!current || current.revision + changes.length !== revision) return;
    this.adopt(applyChanges(current, changes).draft);
  }
}
