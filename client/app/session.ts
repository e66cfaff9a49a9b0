/**
 * Where this browser is: in the lobby, joining, or in a class. It wraps the
 * connection module's join/create and keeps the failure reason for the lobby.
 */
import { createStore } from "zustand/vanilla";
import type { Language } from "../../shared/protocol.ts";
import {
  type ClassroomConnection,
  JoinFailedError,
  JoinFailure,
  createClass,
  defaultEndpoint,
  joinClass,
  type Participation,
} from "../net/connection.ts";

export interface Session {
  phase: "lobby" | "joining" | "class";
  connection: ClassroomConnection | undefined;
  failure: JoinFailure | undefined;
  nickname: string;
  language: Language;
}

export const sessionStore = createStore<Session>(() => ({
  phase: "lobby",
  connection: undefined,
  failure: undefined,
  nickname: globalThis.localStorage?.getItem("meridian.nickname") ?? "",
  language: "en",
}));

async function enter(attempt: () => Promise<ClassroomConnection>, who: Participation): Promise<void> {
  globalThis.localStorage?.setItem("meridian.nickname", who.nickname);
  sessionStore.setState({ phase: "joining", failure: undefined, nickname: who.nickname });
  try {
    const connection = await attempt();
    sessionStore.setState({ phase: "class", connection });
  } catch (error) {
    const failure = error instanceof JoinFailedError ? error.failure : JoinFailure.Unreachable;
    sessionStore.setState({ phase: "lobby", failure });
  }
}

/** Joins a class by code (as its teacher when a teacher key is given). */
export function joinAs(code: string, who: Participation, teacherKey?: string): Promise<void> {
  return enter(() => joinClass(defaultEndpoint(), code, who, teacherKey), who);
}

/** Starts a new class on a lesson, as its teacher. */
export function createAs(lessonId: string, who: Participation): Promise<void> {
  return enter(() => createClass(defaultEndpoint(), who, lessonId), who);
}

/** After the connection was lost for good: joins the same class again (a new seat). */
export async function rejoin(lost: ClassroomConnection): Promise<void> {
  const { nickname, language } = sessionStore.getState();
  const me = lost.view.getState().participants.find((p) => p.seat === lost.seat);
  const who: Participation = { nickname, language, device: (me?.device as Participation["device"]) ?? "desktop" };
  await lost.leave();
  await joinAs(lost.code, who, lost.view.getState().teacherKey);
}

/** Leaves the class (if any) and returns to the lobby. */
export async function backToLobby(): Promise<void> {
  const { connection } = sessionStore.getState();
  sessionStore.setState({ phase: "lobby", connection: undefined, failure: undefined });
  await connection?.leave();
}
