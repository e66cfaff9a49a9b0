/** React hooks over the vanilla stores (the stores never import React). */
import { useStore } from "zustand";
import type { ClassView, ClassViewStore } from "../net/classView.ts";
import { sessionStore, type Session } from "./session.ts";

/** Reads part of the session (lobby / joining / in class). */
export function useSession<T>(select: (session: Session) => T): T {
  return useStore(sessionStore, select);
}

/** Reads part of a class's view; re-renders only when that part changes. */
export function useClassView<T>(store: ClassViewStore, select: (view: ClassView) => T): T {
  return useStore(store, select);
}
