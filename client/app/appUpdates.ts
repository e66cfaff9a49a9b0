/// <reference types="vite-plugin-pwa/vanillajs" />
/**
 * The installable app's service worker (built by vite-plugin-pwa): it keeps
 * the app so a return visit is instant and the page opens offline.
 *
 * It is registered only once this visit no longer needs the link: the class
 * has drawn, or the start page has sat idle. On a thin link the worker's
 * first fetch of the app then finds it in the browser's cache, rather than
 * competing with the student's own download of the same files.
 *
 * A new version takes over only where it cannot cut into a lesson: at once
 * on the start page, or when the person is back there (a class ended, they
 * left), or when the server refuses this version (the page then reloads as
 * the new one).
 */
import { registerSW } from "virtual:pwa-register";
import { JoinFailure } from "../net/joinFailure.ts";
import { sessionStore } from "./session.ts";

/** How long the start page sits untouched before the app is kept (no class joined meanwhile). */
const START_PAGE_IDLE_MS = 20_000;
/** After the class has drawn, its models and sky are still coming: let them pass first. */
const AFTER_DRAWN_MS = 5_000;

let sceneHasDrawn: () => void = () => undefined;
const sceneDrawn = new Promise<void>((resolve) => (sceneHasDrawn = resolve));

/** Called by the lesson canvas once it draws. */
export function markSceneDrawn(): void {
  sceneHasDrawn();
}

export function keepAppUpToDate(): void {
  // Service workers need a secure page (https, or localhost).
  if (!globalThis.isSecureContext || !("serviceWorker" in navigator)) return;
  let registered = false;
  const register = () => {
    if (registered) return;
    registered = true;
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
  };
  const idle = setTimeout(register, START_PAGE_IDLE_MS);
  // Joining: wait for the class instead.
  const unsubscribe = sessionStore.subscribe(({ phase }) => {
    if (phase === "lobby") return;
    clearTimeout(idle);
    unsubscribe();
  });
  void sceneDrawn.then(() => setTimeout(register, AFTER_DRAWN_MS));
}
