/**
 * The class's learning records as xAPI statements: joins, steps, completed
 * tasks and raised hands. Actors are pseudonymous: an account named by a hash
 * of the class code and the seat, never the nickname, so records can leave
 * the server without naming a child.
 */
import { createHash, randomUUID } from "node:crypto";
import type { Lesson } from "../../shared/lesson.ts";
import { XAPI_VERSION, XapiActivityType, XapiVerb, type XapiStatement } from "../../shared/xapi.ts";

export interface RecordScope {
  /** The server's public address: the home of the accounts and activities. */
  home: string;
  code: string;
  lesson: Lesson;
  /** One class session (xAPI context registration). */
  registration: string;
}

export function pseudonym(code: string, seat: string): string {
  return createHash("sha256").update(`${code}:${seat}`).digest("hex").slice(0, 20);
}

function statement(
  scope: RecordScope,
  seat: string,
  verb: (typeof XapiVerb)[keyof typeof XapiVerb],
  object: XapiStatement["object"],
  at: Date,
  extra: Pick<XapiStatement, "result"> & { language?: string } = {},
): XapiStatement {
  const lessonActivity = lessonActivityOf(scope);
  const { language, ...rest } = extra;
  return {
    id: randomUUID(),
    actor: { objectType: "Agent", account: { homePage: scope.home, name: pseudonym(scope.code, seat) } },
    verb,
    object,
    ...rest,
    context: {
      registration: scope.registration,
      platform: "Meridian",
      ...(language ? { language } : {}),
      ...(object.id === lessonActivity.id ? {} : { contextActivities: { parent: [lessonActivity] } }),
    },
    timestamp: at.toISOString(),
    version: XAPI_VERSION,
  };
}

function lessonActivityOf(scope: RecordScope): XapiStatement["object"] {
  return {
    objectType: "Activity",
    id: `${scope.home}/xapi/lessons/${encodeURIComponent(scope.lesson.id)}`,
    definition: { name: { en: scope.lesson.title.en }, type: XapiActivityType.Lesson },
  };
}

function stepActivityOf(scope: RecordScope, step: number, type: string): XapiStatement["object"] {
  const lessonStep = scope.lesson.steps[step]!;
  return {
    objectType: "Activity",
    id: `${lessonActivityOf(scope).id}/steps/${encodeURIComponent(lessonStep.id)}`,
    definition: { name: { en: lessonStep.title.en }, type },
  };
}

export const learningRecords = {
  joined: (scope: RecordScope, seat: string, language: string, at: Date) =>
    statement(scope, seat, XapiVerb.Joined, lessonActivityOf(scope), at, { language }),

  /** The teacher moved the class to a step. */
  progressed: (scope: RecordScope, seat: string, step: number, at: Date) =>
    statement(scope, seat, XapiVerb.Progressed, stepActivityOf(scope, step, XapiActivityType.Module), at, {
      result: { extensions: { [`${scope.home}/xapi/extensions/step`]: step + 1 } },
    }),

  /** A student who put `placed` of the task's `total` parts in place, once the task was done. */
  completedTask: (scope: RecordScope, seat: string, step: number, placed: number, total: number, at: Date) =>
    statement(scope, seat, XapiVerb.Completed, stepActivityOf(scope, step, XapiActivityType.Assessment), at, {
      result: { success: true, completion: true, score: { raw: placed, min: 0, max: total, scaled: placed / total } },
    }),

  raisedHand: (scope: RecordScope, seat: string, step: number, at: Date) =>
    statement(scope, seat, XapiVerb.Asked, stepActivityOf(scope, step, XapiActivityType.Question), at),
};
