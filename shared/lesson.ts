/**
 * The lesson file format: what a class starts with. Lessons are plain JSON
 * files in `assets/lessons/`, validated with this schema before use.
 */
import { z } from "zod";
import { Limits, PoseSchema } from "./protocol.ts";

export const LESSON_FORMAT = "meridian-lesson";
export const LESSON_FORMAT_VERSION = 1;

export const SHAPES = ["box", "sphere", "cylinder", "cone", "torus", "octahedron"] as const;
export type Shape = (typeof SHAPES)[number];

const size = z.number().finite().positive().max(10);
const plainText = (max: number) =>
  z
    .string()
    .max(max)
    // Lesson text is shown as text; markup in it is a sign of a hostile file.
    .refine((s) => !/[<>]/.test(s), "must not contain markup");

export const LessonObjectSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/)
      .max(Limits.objectIdMaxLength),
    shape: z.enum(SHAPES),
    color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
    label: plainText(60),
    size: z.tuple([size, size, size]),
    pose: PoseSchema,
    grabbable: z.boolean().default(true),
    locked: z.boolean().default(false),
  })
  .strict();
export type LessonObject = z.infer<typeof LessonObjectSchema>;

export const LessonSchema = z
  .object({
    format: z.literal(LESSON_FORMAT),
    version: z.literal(LESSON_FORMAT_VERSION),
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/)
      .max(Limits.lessonIdMaxLength),
    title: plainText(80),
    summary: plainText(280),
    objects: z
      .array(LessonObjectSchema)
      .min(1)
      .max(200)
      .refine((objects) => new Set(objects.map((o) => o.id)).size === objects.length, "object ids must be unique"),
  })
  .strict();
export type Lesson = z.infer<typeof LessonSchema>;

/** A lesson as listed in the lobby (no scene content). */
export interface LessonSummary {
  id: string;
  title: string;
  summary: string;
}
