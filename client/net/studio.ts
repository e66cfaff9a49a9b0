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
import {
  type Draft,
  type DraftProblem,
  type PublishedMessage,
  StudioMessage,
  StudioServerMessage,
  type StudioChangesMessage,
  type StudioEdit,
} from "../../shared/studio.ts";
import type { Lesson } from "../../shared/lesson.ts";

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

  private adopt(draft: Draft): void {
    this.store.setState({ draft, publishedAs: draft.publishedAs });
    this.showLesson(workingLesson(draft));
  }

  private follow({ revision, changes }: StudioChangesMessage): void {
    const current = this.store.getState().draft;
    // Changes are sent in order on one socket; after a reconnection the whole draft comes first.
    if (!current || current.revision + changes.length !== revision) return;
    this.adopt(applyChanges(current, changes).draft);
  }
}
