/**
 * The client's hashed scripts and styles as the build compressed them ahead
 * with Brotli at its highest level (vite.config.ts): about a fifth smaller
 * than gzip, which a server cannot afford to reach on every request. Served
 * to browsers that take Brotli (all current ones); others get the plain file,
 * compressed on the fly as before.
 */
import { createReadStream, existsSync } from "node:fs";
import { join } from "node:path";
import type { RequestHandler } from "express";

const HASHED_ASSET = /^\/assets\/[A-Za-z0-9._-]+\.(js|css)$/;

export function precompressedAssets(clientDir: string): RequestHandler {
  return (req, res, next) => {
    const match = HASHED_ASSET.exec(req.path);
    if ((req.method !== "GET" && req.method !== "HEAD") || !match) return next();
    if (!/\bbr\b/.test(String(req.headers["accept-encoding"] ?? ""))) return next();
    const compressed = join(clientDir, `${req.path}.br`);
    if (!existsSync(compressed)) return next();
    res.setHeader("Content-Encoding", "br");
    res.setHeader("Vary", "Accept-Encoding");
    res.setHeader("Cache-Control", "public, max-age=31536000, immutable");
    res.type(match[1] === "js" ? "text/javascript" : "text/css");
    if (req.method === "HEAD") return res.end();
    createReadStream(compressed)
      .on("error", () => res.destroy())
      .pipe(res);
  };
}
