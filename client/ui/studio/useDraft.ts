/** The studio's draft for a component: re-renders when the server's changes arrive. */
import { useStore } from "zustand";
import type { Draft } from "../../../shared/studio.ts";
import type { ClassroomConnection } from "../../net/connection.ts";

export function useDraft(connection: ClassroomConnection): Draft | undefined {
  return useStore(connection.studio.store, (studio) => studio.draft);
}
