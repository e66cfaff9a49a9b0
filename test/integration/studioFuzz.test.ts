/**
 * A seeded fuzz of the studio over real sockets: three authors send a mix of
 * plausible edits, undos and redos and hostile ones (valid edits with one
 * field spoilt by a hostile value) at once. The room survives, every author
 * ends with the same draft, and that draft is still a valid draft.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { type ClassroomConnection, joinClass } from "../../client/net/connection.ts";
import { openStudio } from "../../client/net/studioEntry.ts";
import type { Language } from "../../shared/protocol.ts";
import { type Draft, StudioMessage } from "../../shared/studio.ts";
import { draftProblem } from "../../server/rules/studio.ts";
import { classServerForThisFile } from "../support/classServer.ts";
import { mutateJson } from "../support/hostileValues.ts";
import { SeededRandom } from "../support/seededRandom.ts";
import { randomEdit } from "../support/studioEdits.ts";

const classes = classServerForThisFile({ addressRates: { join: { count: 1000, perMs: 60_000 } } });
const open: ClassroomConnection[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((connection) => connection.leave()));
});

const draftOf = (connection: ClassroomConnection): Draft | undefined => connection.studio.store.getState().draft;

describe("studio fuzz (seeded)", () => {
  it.each([7, 2027])(
    "seed %i: three authors, 150 edits with hostile ones among them, end with one valid draft",
    async (seed) => {
      const random = new SeededRandom(seed);
      const languages: Language[] = ["en", "es", "ar"];
      const first = await openStudio(
        classes.endpoint,
        { nickname: "A0", language: "en", device: "desktop" },
        { start: "new" },
      );
      open.push(first);
      await vi.waitFor(() => expect(first.view.getState().teacherKey).toBeDefined());
      const key = first.view.getState().teacherKey;
      const others = await Promise.all(
        languages
          .slice(1)
          .map((language, index) =>
            joinClass(classes.endpoint, first.code, { nickname: `A${index + 1}`, language, device: "desktop" }, key),
          ),
      );
      open.push(...others);
      const authors = [first, ...others];
      await vi.waitFor(() => authors.forEach((author) => expect(draftOf(author)).toBeDefined()));

      let hostile = 0;
      for (let round = 0; round < 150; round++) {
        const index = random.int(0, authors.length - 1);
        const author = authors[index]!;
        const edit = randomEdit(random, draftOf(author)!, languages[index]!);
        const roll = random.next();
        const spoilt = mutateJson(random.fork(`spoil-${round}`), edit as unknown as Record<string, unknown>);
        // Thousands of nested levels are for the HTTP fuzz: the page's own encoder cannot even write them.
        const deep = spoilt.text.includes("[[[[[[[[") || spoilt.text.includes('{"a":{"a":{"a":');
        if (roll < 0.2 && !deep) {
          hostile++;
          let value: unknown;
          try {
            value = JSON.parse(spoilt.text);
          } catch {
            value = spoilt.text;
          }
          author.room.send(StudioMessage.Edit, value);
        } else if (roll < 0.27) author.studio.undo();
        else if (roll < 0.3) author.studio.redo();
        else author.studio.edit(edit);
        // Authors type at human speed in bursts; the room's rate limit is not what this tests.
        if (round % 15 === 14) await new Promise((resolve) => setTimeout(resolve, 800));
      }
      expect(hostile).toBeGreaterThan(12);

      // A last edit everyone must see: then the drafts are compared.
      first.studio.edit({
        edit: "setText",
        target: { of: "lesson", field: "summary" },
        language: "en",
        text: "The end",
      });
      await vi.waitFor(
        () => {
          authors.forEach((author) => expect(draftOf(author)!.lesson.summary.en).toBe("The end"));
          const revisions = new Set(authors.map((author) => draftOf(author)!.revision));
          expect(revisions.size).toBe(1);
        },
        { timeout: 10_000 },
      );
      const drafts = authors.map((author) => draftOf(author)!);
      for (const draft of drafts.slice(1)) expect(draft).toEqual(drafts[0]);
      expect(draftProblem(drafts[0]!)).toBeUndefined();
      expect(drafts[0]!.revision).toBeGreaterThan(40);
      // Nobody was cut off for the hostile edits' sake before the end, and the room still answers.
      for (const author of authors) expect(author.view.getState().status).toBe("connected");
    },
    60_000,
  );
});
