/**
 * Drafts over HTTP, for their authors only: the drafts a device knows the
 * keys of (its "My drafts" list), a draft as a lesson file or as it is kept
 * (the author's data, exportable), and deleting one. The author key travels
 * in the Authorization header (`Bearer <key>`), never in an address.
 */
import express, { type Request, type Router } from "express";
import { z } from "zod";
import { completeness } from "../../shared/draftLesson.ts";
import { publishable } from "../../shared/draftPublish.ts";
import { AuthorKeySchema, type DraftListing, type DraftRecord, DraftIdSchema } from "../../shared/studio.ts";
import { teacherKeyMatches } from "../rules/teacherKey.ts";
import type { ClassStore } from "../storage/classStore.ts";

/** A device asks after at most this many drafts at once. */
const MAX_LOOKUP = 50;

const LookupBody = z
  .object({ drafts: z.array(z.object({ id: DraftIdSchema, key: AuthorKeySchema }).strict()).max(MAX_LOOKUP) })
  .strict();

export function draftRoutes(store: ClassStore): Router {
  const router = express.Router();

  /** The draft, when the request's key opens it; a missing draft and a wrong key read the same (403). */
  const opened = async (req: Request): Promise<DraftRecord | undefined> => {
    const id = DraftIdSchema.safeParse(req.params.id);
    const key = AuthorKeySchema.safeParse(/^Bearer (.+)$/.exec(req.get("authorization") ?? "")?.[1]);
    if (!id.success || !key.success) return undefined;
    const record = await store.loadDraft(id.data);
    return record && teacherKeyMatches(key.data, record.authorKeyHash) ? record : undefined;
  };
  const refused = { problems: ["this author key does not open a draft here"] };

  router.post("/lookup", express.json({ limit: 16 * 1024 }), async (req, res) => {
    const body = LookupBody.safeParse(req.body);
    if (!body.success) return void res.status(400).json({ problems: [z.prettifyError(body.error)] });
    const found: DraftListing[] = [];
    for (const { id, key } of body.data.drafts) {
      const record = await store.loadDraft(id);
      if (!record || !teacherKeyMatches(key, record.authorKeyHash)) continue;
      const { draft } = record;
      found.push({
        id,
        title: draft.lesson.title,
        languages: draft.details.languages,
        steps: draft.lesson.steps.length,
        objects: draft.lesson.objects.length,
        updatedAt: record.updatedAt,
        ...(draft.publishedAs ? { publishedAs: draft.publishedAs } : {}),
        completeness: completeness(draft),
      });
    }
    res.json(found);
  });

  /** The open lesson file, when the draft passes the lesson schema; else what stops it. */
  router.get("/:id/file", async (req, res) => {
    const record = await opened(req);
    if (!record) return void res.status(403).json(refused);
    const checked = publishable(record.draft);
    if (!checked.ok) return void res.status(422).json({ problems: checked.problems });
    res
      .set("Content-Disposition", `attachment; filename="${checked.lesson.id}.lesson.json"`)
      .type("application/json")
      .send(JSON.stringify(checked.lesson, null, 2));
  });

  /** Everything kept of the draft (without its key's hash): the author's data, to take away. */
  router.get("/:id", async (req, res) => {
    const record = await opened(req);
    if (!record) return void res.status(403).json(refused);
    res.json({ draft: record.draft, createdAt: record.createdAt, updatedAt: record.updatedAt });
  });

  router.delete("/:id", async (req, res) => {
    const record = await opened(req);
    if (!record) return void res.status(403).json(refused);
    await store.deleteDraft(record.draft.id);
    res.status(204).end();
  });

  router.use((error: { type?: string }, _req: Request, res: express.Response, next: express.NextFunction) => {
    if (error.type === "entity.too.large" || error.type === "entity.parse.failed")
      return void res.status(400).json({ problems: ["not a list of drafts"] });
    next(error);
  });

  return router;
}
