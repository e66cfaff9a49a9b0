/**
 * The WebXR session store. Controller and hand models come from our own
 * server (see the build), never from a CDN.
 */
import { createXRStore } from "@react-three/xr";

export const xrStore = createXRStore({
  // The built-in emulator only injects on some hosts; tests install their own (see emulator.ts).
  emulate: false,
  offerSession: false,
  baseAssetPath: new URL("/xr-profiles/", globalThis.location?.href ?? "http://localhost/").href,
});
