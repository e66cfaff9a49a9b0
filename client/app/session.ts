/**
 * Where this browser is: in the lobby, joining, in a class, or watching a
 * recorded one. It wraps the connection module's join/create and keeps the
 * failure reason for the lobby.
 */
import { createStore } from "zustand/vanilla";
import type { Language } from "../../shared/protocol.ts";
import type { ReplayRecording } from "../../shared/replay.ts";
import type { ClassroomConnection, Participation, SavedSeat } from "../net/connection.ts";
import { ConnectionStatus } from "../net/classView.ts";
import { JoinFailedError, JoinFailure } from "../net/joinFailure.ts";
import { forgetTeaching, rememberTeaching, teacherKeyFor } from "./teachingMemory.ts";
import { rememberStudio } from "./draftMemory.ts";
import type { StudioOpen } from "../../shared/protocol.ts";

/**
 * The network client (Colyseus, the state schema, the protocol's checks)
 * loads when the person joins, not with the start page: the start page
 * draws sooner on a thin link, and the download overlaps typing the code.
 */
const network = () => import("../net/connection.ts");
/** Starts the download while the person is still on the start page (called once it has drawn). */
export const preloadNetwork = (): void => void network();

const SAVED_SEAT = "meridian.seat";

export interface Session {
  phase: "lobby" | "joining" | "class" | "replay";
  connection: ClassroomConnection | undefined;
  /** The recording being watched (phase "replay"). */
  replay: ReplayRecording | undefined;
  failure: JoinFailure | undefined;
  nickname: string;
  language: Language;
}

export const sessionStore = createStore<Session>(() => ({
  phase: "lobby",
  connection: undefined,
  replay: undefined,
  failure: undefined,
  nickname: globalThis.localStorage?.getItem("meridian.nickname") ?? "",
  language: "en",
}));

async function enter(attempt: () => Promise<ClassroomConnection>, who: Participation): Promise<void> {
  globalThis.localStorage?.setItem("meridian.nickname", who.nickname);
  sessionStore.setState({ phase: "joining", failure: undefined, nickname: who.nickname });
  try {
    const connection = await attempt();
    keepSeatAcrossReloads(connection);
    rememberTeaching(connection);
    rememberStudio(connection);
    sessionStore.setState({ phase: "class", connection });
  } catch (error) {
    const failure = error instanceof JoinFailedError ? error.failure : JoinFailure.Unreachable;
    sessionStore.setState({ phase: "lobby", failure });
  }
}

/**
 * Remembers the seat in this tab's session storage, so a reload (or a phone
 * reopening the tab) comes back to the same seat while the server holds it.
 */
function keepSeatAcrossReloads(connection: ClassroomConnection): void {
  const save = () => {
    const { role, teacherKey } = connection.view.getState();
    const seat: SavedSeat = {
      reconnectionToken: connection.room.reconnectionToken,
      role,
      ...(teacherKey ? { teacherKey } : {}),
    };
    globalThis.sessionStorage?.setItem(SAVED_SEAT, JSON.stringify(seat));
  };
  save();
  // The token changes on every reconnection, so save it again as the page goes.
  globalThis.addEventListener?.("pagehide", save);
  connection.view.subscribe((view, previous) => {
    const gone = [
      ConnectionStatus.Ended,
      ConnectionStatus.Removed,
      ConnectionStatus.Left,
      ConnectionStatus.Lost,
    ] as string[];
    if (gone.includes(view.status)) {
      globalThis.removeEventListener?.("pagehide", save);
      globalThis.sessionStorage?.removeItem(SAVED_SEAT);
    } else if (view.teacherKey !== previous.teacherKey || view.status !== previous.status) save();
  });
}

/** On start: takes back the seat this tab had before a reload, if the server still holds it. */
export async function resumeSavedSeat(): Promise<void> {
  const raw = globalThis.sessionStorage?.getItem(SAVED_SEAT);
  if (!raw) return;
  globalThis.sessionStorage.removeItem(SAVED_SEAT);
  let saved: SavedSeat;
  try {
    saved = JSON.parse(raw) as SavedSeat;
  } catch {
    return;
  }
  sessionStore.setState({ phase: "joining" });
  // Right after a reload the server may not have noticed the old page's
  // socket close yet, and so not be holding the seat: try again briefly.
  for (const waitMs of RESUME_RETRY_DELAYS_MS) {
    await new Promise((resolve) => setTimeout(resolve, waitMs));
    try {
      const { resumeClass, defaultEndpoint } = await network();
      const connection = await resumeClass(defaultEndpoint(), saved);
      keepSeatAcrossReloads(connection);
      sessionStore.setState({ phase: "class", connection });
      return;
    } catch {
      // Try again, then give up below.
    }
  }
  // The seat is gone (grace over, class ended): start from the lobby.
  sessionStore.setState({ phase: "lobby" });
}

const RESUME_RETRY_DELAYS_MS = [0, 250, 500, 1000, 2000];

/**
 * Joins a class by code: as its teacher when a teacher key is given, or when
 * this device teaches that class (a key it kept that no longer fits, say for
 * a new class under an old code, is dropped and the join goes on as a student).
 */
export function joinAs(code: string, who: Participation, teacherKey?: string): Promise<void> {
  const remembered = teacherKey ? undefined : teacherKeyFor(code);
  return enter(async () => {
    const { joinClass, defaultEndpoint } = await network();
    try {
      return await joinClass(defaultEndpoint(), code, who, teacherKey ?? remembered);
    } catch (error) {
      if (!remembered || !(error instanceof JoinFailedError) || error.failure !== JoinFailure.WrongTeacherKey)
        throw error;
      forgetTeaching(code);
      return joinClass(defaultEndpoint(), code, who);
    }
  }, who);
}

/** Starts a new class on a lesson, as its teacher. */
export function createAs(lessonId: string, who: Participation): Promise<void> {
  return enter(async () => {
    const { createClass, defaultEndpoint } = await network();
    return createClass(defaultEndpoint(), who, lessonId);
  }, who);
}

/** Opens the lesson studio: a new lesson, a remix, or a draft this author has the key of. */
export function openStudioAs(open: StudioOpen, who: Participation): Promise<void> {
  return enter(async () => {
    const [{ defaultEndpoint }, { openStudio }] = await Promise.all([network(), import("../net/studioEntry.ts")]);
    return openStudio(defaultEndpoint(), who, open);
  }, who);
}

/** After the connection was lost for good: joins the same class again (a new seat). */
export async function rejoin(lost: ClassroomConnection): Promise<void> {
  const { nickname, language } = sessionStore.getState();
  const me = lost.view.getState().participants.find((p) => p.seat === lost.seat);
  const who: Participation = { nickname, language, device: (me?.device as Participation["device"]) ?? "desktop" };
  await lost.leave();
  await joinAs(lost.code, who, lost.view.getState().teacherKey);
}

/** Opens a recorded class (already checked against the replay format). */
export function watchReplay(recording: ReplayRecording): void {
  sessionStore.setState({ phase: "replay", replay: recording, failure: undefined });
}

/** Leaves the class or the recording (if any) and returns to the lobby. */
export async function backToLobby(): Promise<void> {
  const { connection } = sessionStore.getState();
  sessionStore.setState({ phase: "lobby", connection: undefined, replay: undefined, failure: undefined });
  await connection?.leave();
}
