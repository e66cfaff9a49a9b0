/// <reference types="vite-plugin-pwa/vanillajs" />
/**
 * The installable app's service worker (built by vite-plugin-pwa): it keeps
 * the app so a return visit is instant and the page opens offline. A new
 * version takes over only where it cannot cut into a lesson: at once on the
 * start page, or when the person is back there (a class ended, they left),
 * or when the server refuses this version (the page then reloads as the new one).
 */
import { registerSW } from "virtual:pwa-register";
import { JoinFailure } from "../net/joinFailure.ts";
import { sessionStore } from "./session.ts";

export function keepAppUpToDate(): void {
  // Service workers need a secure page (https, or localhost).
  if (!globalThis.isSecureContext || !("serviceWorker" in navigator)) return;
  let waiting = false;
  const update = registerSW({
    onNeedRefresh: () => {
      waiting = true;
      takeOverWhenFree();
    },
  });
  const takeOverWhenFree = () => {
    const { phase, failure } = sessionStore.getState();
    if (waiting && (phase === "lobby" || failure === JoinFailure.OutdatedApp)) void update(true);
  };
  sessionStore.subscribe(takeOverWhenFree);
}
