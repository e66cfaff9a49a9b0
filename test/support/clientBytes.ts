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

export const CLIENT_DIR = "dist/client";
const MANIFEST = join(CLIENT_DIR, ".vite", "manifest.json");

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

export interface PathBytes {
  files: string[];
  raw: number;
  gzip: number;
}

/** Lazy parts of the client, by source path (the manifest's keys). */
export const LAZY_PARTS = {
  network: "net/connection.ts",
  classScreen: "ui/ClassScreen.tsx",
  scene: "scene/ClassroomScene.tsx",
} as const;

export function manifestBuilt(): boolean {
  return existsSync(MANIFEST);
}

function readManifest(): Manifest {
  return JSON.parse(readFileSync(MANIFEST, "utf8")) as Manifest;
}

/** The files a set of chunks loads before running: each chunk and its static imports, transitively. */
function staticClosure(manifest: Manifest, keys: string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk) throw new Error(`the build manifest has no "${key}"`);
    if (seen.has(chunk.file)) return;
    seen.add(chunk.file);
    chunk.imports?.forEach(visit);
  };
  keys.forEach(visit);
  return seen;
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
  const entry = Object.entries(manifest).find(([, chunk]) => chunk.isEntry)![0];
  return {
    startPage: measure(staticClosure(manifest, [entry])),
    classOnScreen: measure(staticClosure(manifest, [entry, ...Object.values(LAZY_PARTS)])),
  };
}

export const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
