/**
 * The lesson studio's message names, apart from their schemas (shared/studio.ts)
 * so a page that only sends and hears them does not carry the schemas.
 */
/** Messages of the studio, client to server (their payloads are in `studioMessageSchemas`). */
export const StudioMessage = {
  Edit: "studioEdit",
  Undo: "studioUndo",
  Redo: "studioRedo",
  /** Which text field the author is in (null: none), for the others to see. */
  Focus: "studioFocus",
  Publish: "studioPublish",
  /** The author tries the lesson as a student: their moves are not recorded, and the table is put back after. */
  Try: "studioTry",
} as const;
export type StudioMessage = (typeof StudioMessage)[keyof typeof StudioMessage];

/** Messages of the studio, server to clients. */
export const StudioServerMessage = {
  /** The whole draft: on joining and on reconnecting. */
  Draft: "studioDraft",
  /** Changes the server applied, in order, with the revision they lead to. */
  Changes: "studioChanges",
  /** The author key, once, to the author who opened a new draft (for the co-author link). */
  AuthorKey: "studioAuthorKey",
  /** Publishing: what is wrong, field by field, or the published lesson's id. */
  Published: "studioPublished",
} as const;
