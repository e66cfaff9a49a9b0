/**
 * Learning records in the Experience API (xAPI 1.0.3) statement format: who
 * (a pseudonymous account, never a nickname) did what (a verb from the ADL
 * and Activity Streams vocabularies) to which activity (a lesson, a step, a
 * task), with what result, in which class session. The schema checks the
 * structure the xAPI specification requires of a statement.
 */
import { z } from "zod";

export const XAPI_VERSION = "1.0.3";

/** The verbs Meridian records, by their registered IRIs. */
export const XapiVerb = {
  Joined: { id: "http://activitystrea.ms/schema/1.0/join", display: { "en-US": "joined" } },
  Progressed: { id: "http://adlnet.gov/expapi/verbs/progressed", display: { "en-US": "progressed" } },
  Completed: { id: "http://adlnet.gov/expapi/verbs/completed", display: { "en-US": "completed" } },
  Asked: { id: "http://adlnet.gov/expapi/verbs/asked", display: { "en-US": "asked" } },
} as const;

/** Activity types, from the ADL vocabulary. */
export const XapiActivityType = {
  Lesson: "http://adlnet.gov/expapi/activities/lesson",
  Module: "http://adlnet.gov/expapi/activities/module",
  Assessment: "http://adlnet.gov/expapi/activities/assessment",
  Question: "http://adlnet.gov/expapi/activities/question",
} as const;

const iri = z.string().url().max(2048);
const languageMap = z.record(z.string().regex(/^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$/), z.string());
const uuid = z.string().uuid();

/** An Agent identified by exactly one inverse functional identifier; here always an account. */
export const XapiAgentSchema = z
  .object({
    objectType: z.literal("Agent").optional(),
    name: z.string().optional(),
    account: z.object({ homePage: iri, name: z.string().min(1) }).strict(),
  })
  .strict();

export const XapiActivitySchema = z
  .object({
    objectType: z.literal("Activity").optional(),
    id: iri,
    definition: z
      .object({ name: languageMap.optional(), description: languageMap.optional(), type: iri.optional() })
      .strict()
      .optional(),
  })
  .strict();

export const XapiStatementSchema = z
  .object({
    id: uuid,
    actor: XapiAgentSchema,
    verb: z.object({ id: iri, display: languageMap.optional() }).strict(),
    object: XapiActivitySchema,
    result: z
      .object({
        success: z.boolean().optional(),
        completion: z.boolean().optional(),
        score: z
          .object({
            scaled: z.number().min(-1).max(1).optional(),
            raw: z.number().optional(),
            min: z.number().optional(),
            max: z.number().optional(),
          })
          .strict()
          .optional(),
        extensions: z.record(iri, z.unknown()).optional(),
      })
      .strict()
      .optional(),
    context: z
      .object({
        registration: uuid.optional(),
        language: z.string().optional(),
        platform: z.string().optional(),
        contextActivities: z
          .object({ parent: z.array(XapiActivitySchema).optional() })
          .strict()
          .optional(),
        extensions: z.record(iri, z.unknown()).optional(),
      })
      .strict()
      .optional(),
    timestamp: z.iso.datetime({ offset: true }),
    version: z.literal(XAPI_VERSION).optional(),
  })
  .strict();
export type XapiStatement = z.infer<typeof XapiStatementSchema>;
