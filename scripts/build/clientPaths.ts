/**
 * Which built files each path through the client loads, from Vite's build
 * manifest: the start page (the entry and its static imports), and a class
 * on a screen (the start page, the network client, the class screen and the
 * 3D scene, with their static imports). Read by the service worker's build
 * (what it keeps ahead) and by the byte budgets.
 */

export interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
export type BuildManifest = Record<string, ManifestChunk>;

/** Lazy parts a student on a screen loads to reach a drawn class, by source path (the manifest's keys). */
export const CLASS_PARTS = ["net/connection.ts", "ui/ClassScreen.tsx", "scene/ClassroomScene.tsx"] as const;

/** The files a set of chunks loads before running: each chunk, its CSS and its static imports, transitively. */
export function staticClosure(manifest: BuildManifest, keys: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk) throw new Error(`the build manifest has no "${key}"`);
    if (seen.has(chunk.file)) return;
    seen.add(chunk.file);
    chunk.css?.forEach((file) => seen.add(file));
    chunk.imports?.forEach(visit);
  };
  keys.forEach(visit);
  return seen;
}

export function entryKey(manifest: BuildManifest): string {
  const entry = Object.entries(manifest).find(([, chunk]) => chunk.isEntry);
  if (!entry) throw new Error("the build manifest has no entry");
  return entry[0];
}

export function startPageFiles(manifest: BuildManifest): Set<string> {
  return staticClosure(manifest, [entryKey(manifest)]);
}

export function classOnScreenFiles(manifest: BuildManifest): Set<string> {
  return staticClosure(manifest, [entryKey(manifest), ...CLASS_PARTS]);
}
