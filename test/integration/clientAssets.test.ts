/**
 * How the built client is sent: hashed scripts in Brotli compressed at build
 * time (identical once decoded) to browsers that take it, gzip to others;
 * kept for good by browsers, while the page and the service worker are
 * asked for every time (a new version is seen at once).
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { request } from "node:http";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { classServerForThisFile } from "../support/classServer.ts";

const classes = classServerForThisFile();

function get(path: string, acceptEncoding: string) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>(
    (resolve, reject) => {
      const url = new URL(path, classes.endpoint);
      request(url, { headers: { "accept-encoding": acceptEncoding } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      })
        .on("error", reject)
        .end();
    },
  );
}

describe("the built client over the wire", () => {
  const three = readdirSync("dist/client/assets").find((file) => /^three\.core-.*\.js$/.test(file))!;
  const original = readFileSync(join("dist/client/assets", three));

  it("sends the build's Brotli to browsers that take it, gzip to others, the same script either way", async () => {
    const br = await get(`/assets/${three}`, "gzip, deflate, br");
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers["content-type"]).toMatch(/javascript/);
    expect(brotliDecompressSync(br.body).equals(original)).toBe(true);
    expect(br.body.length).toBeLessThan(original.length / 4);

    const gzip = await get(`/assets/${three}`, "gzip");
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gzip.body).equals(original)).toBe(true);
    expect(br.body.length).toBeLessThan(gzip.body.length);
  });

  it("lets browsers keep hashed files for good, and always asks again for the page and the service worker", async () => {
    expect((await get(`/assets/${three}`, "br")).headers["cache-control"]).toContain("immutable");
    expect((await get(`/assets/${three}`, "identity")).headers["cache-control"]).toContain("immutable");
    for (const path of ["/", "/sw.js"]) expect((await get(path, "br")).headers["cache-control"]).toBe("no-cache");
  });

  it("serves nothing outside the client's folder, however the path is spelt", async () => {
    for (const path of ["/assets/..%2f..%2fpackage.json.js", "/assets/%2e%2e/%2e%2e/package.json", "/assets/nope.js"])
      expect((await get(path, "br")).status).toBe(404);
  });
});
