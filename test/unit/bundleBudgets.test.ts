/**
 * Byte budgets of the built client (npm test builds it first). Bytes are
 * deterministic for a build, so they are asserted; times are not (the
 * bench prints them). The start page has to draw fast on a thin link; the
 * class path is everything a desktop or phone student loads to reach a
 * drawn class (start page, network client, class screen, 3D scene).
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CLIENT_DIR, clientPaths, kib, manifestBuilt } from "../support/clientBytes.ts";

/** The start page's JavaScript, gzipped: 170 KB. */
export const START_PAGE_BUDGET = 170_000;
/**
 * The class on a screen, gzipped. The goal is 350 KiB; three.js (184 KiB:
 * react-three-fiber takes all of it), React DOM (62) and the Colyseus client
 * (56) make that out of reach for now, so this holds the line where it is.
 */
export const CLASS_PATH_BUDGET = 525 * 1024;

describe("the client's byte budgets", () => {
  it("the start page and the class path stay within their budgets, and the class path carries no zod", () => {
    if (!manifestBuilt()) throw new Error('The client is not built: run "npm run build" first.');
    const { startPage, classOnScreen } = clientPaths();
    console.log(
      `start page ${kib(startPage.gzip)} gzip (${kib(startPage.raw)} raw); class on a screen ${kib(classOnScreen.gzip)} gzip (${kib(classOnScreen.raw)} raw)`,
    );
    expect(startPage.gzip).toBeLessThanOrEqual(START_PAGE_BUDGET);
    expect(classOnScreen.gzip).toBeLessThanOrEqual(CLASS_PATH_BUDGET);
    // The start page loads no 3D code and no network client: those come when the person joins.
    expect(startPage.files.filter((file) => /three|connection|ClassScreen/.test(file))).toEqual([]);
    // Schemas check what reaches the server; a student's page does not need zod (a fifth of the class path).
    const withZod = classOnScreen.files.filter((file) =>
      readFileSync(join(CLIENT_DIR, file), "utf8").includes("ZodError"),
    );
    expect(withZod).toEqual([]);
  });
});
