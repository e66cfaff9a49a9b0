/**
 * How drafts, their author keys and their lessons in a class room are named.
 * Apart from shared/studio.ts (which holds the studio's schemas) so the start
 * page and links can check a draft link without carrying zod schemas.
 */

/** A draft id: 16 lowercase letters and digits. */
export const DRAFT_ID_LENGTH = 16;
/** A teacher key or an author key: 32 hex characters (128 bits). */
export const SECRET_KEY_LENGTH = 32;

export const DRAFT_ID_PATTERN = new RegExp(`^[a-z0-9]{${DRAFT_ID_LENGTH}}$`);

export const SECRET_KEY_PATTERN = new RegExp(`^[0-9a-f]{${SECRET_KEY_LENGTH}}$`);

/** A studio's lesson id in the class room: "studio-" and the draft id. */
const STUDIO_LESSON_PREFIX = "studio-";

export const studioLessonId = (draftId: string): string => `${STUDIO_LESSON_PREFIX}${draftId}`;

/** The draft a class room's lesson is the working copy of, if it is one. */
export const draftIdOfLesson = (lessonId: string): string | undefined =>
  lessonId.startsWith(STUDIO_LESSON_PREFIX) ? lessonId.slice(STUDIO_LESSON_PREFIX.length) : undefined;

export const isStudioLesson = (lessonId: string): boolean => draftIdOfLesson(lessonId) !== undefined;
