/**
 * The built client's JavaScript as each path through it loads it, read from
 * Vite's build manifest: the start page (the entry and what it imports), and
 * the class on a desktop or phone (the start page, the class screen and the
 * 3D scene, with what they import). Sizes raw and gzipped (level 9, as a
 * careful server would send them); deterministic for a given build.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { type BuildManifest, classOnScreenFiles, startPageFiles } from "../../scripts/build/clientPaths.ts";

export const CLIENT_DIR = "dist/client";
const MANIFEST = join(CLIENT_DIR, ".vite", "manifest.json");

type Manifest = BuildManifest;

export interface PathBytes {
  files: string[];
  raw: number;
  gzip: number;
}

export function manifestBuilt(): boolean {
  return existsSync(MANIFEST);
}

function readManifest(): Manifest {
  return JSON.parse(readFileSync(MANIFEST, "utf8")) as Manifest;
}

const sizes = new Map<string, { raw: number; gzip: number }>();
export function fileBytes(file: string): { raw: number; gzip: number } {
  let size = sizes.get(file);
  if (!size) {
    const bytes = readFileSync(join(CLIENT_DIR, file));
    size = { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
    sizes.set(file, size);
  }
  return size;
}

function measure(files: Set<string>): PathBytes {
  const js = [...files].filter((file) => file.endsWith(".js")).sort();
  return js.reduce<PathBytes>(
    (total, file) => {
      const { raw, gzip } = fileBytes(file);
      return { files: total.files, raw: total.raw + raw, gzip: total.gzip + gzip };
    },
    { files: js, raw: 0, gzip: 0 },
  );
}

/** The start page, and a class on a screen (desktop or phone: the same code, laid out differently). */
export function clientPaths(): { startPage: PathBytes; classOnScreen: PathBytes } {
  const manifest = readManifest();
  return { startPage: measure(startPageFiles(manifest)), classOnScreen: measure(classOnScreenFiles(manifest)) };
}

export const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
