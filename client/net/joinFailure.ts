/**
 * Why a join failed, apart from the connection code so the start page can
 * name a failure without carrying the network client.
 */
/** Why a join failed, in terms the lobby can put into a sentence. */
export const JoinFailure = {
  WrongCode: "wrongCode",
  ClassFull: "classFull",
  ClassEnded: "classEnded",
  ClassLocked: "classLocked",
  WrongTeacherKey: "wrongTeacherKey",
  OutdatedApp: "outdatedApp",
  TooManyAttempts: "tooManyAttempts",
  BadDetails: "badDetails",
  NicknameNotAllowed: "nicknameNotAllowed",
  /** A lesson studio's code, without its author link. */
  AuthorsOnly: "authorsOnly",
  Unreachable: "unreachable",
} as const;
export type JoinFailure = (typeof JoinFailure)[keyof typeof JoinFailure];

export class JoinFailedError extends Error {
  constructor(
    readonly failure: JoinFailure,
    detail: string,
  ) {
    super(detail);
  }
}
