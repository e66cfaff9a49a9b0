/**
 * Models teachers upload into their classes, kept in memory under a name
 * made from their content, within a total size bound (oldest out first).
 */
import { createHash } from "node:crypto";

const MAX_TOTAL_BYTES = 256 * 1024 * 1024;

export interface ModelStore {
  /** Stores checked bytes; returns the file name clients load it by. */
  put(bytes: Uint8Array): string;
  get(name: string): Uint8Array | undefined;
  has(name: string): boolean;
}

export function createModelStore(maxTotalBytes = MAX_TOTAL_BYTES): ModelStore {
  const models = new Map<string, Uint8Array>();
  let total = 0;
  return {
    put(bytes) {
      const name = `${createHash("sha256").update(bytes).digest("hex").slice(0, 24)}.glb`;
      if (!models.has(name)) {
        models.set(name, bytes);
        total += bytes.length;
        for (const [oldest, data] of models) {
          if (total <= maxTotalBytes || oldest === name) break;
          models.delete(oldest);
          total -= data.length;
        }
      }
      return name;
    },
    get: (name) => models.get(name),
    has: (name) => models.has(name),
  };
}
