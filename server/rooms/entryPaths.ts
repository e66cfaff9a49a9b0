/**
 * The ways into a class, narrowed to the three the client uses: create a
 * class, join one by its code, or reconnect to a held seat. Matchmaking's
 * other ways (join any room, join-or-create) would seat someone in a class
 * without its code, so they are closed; a join must name, in its options, the
 * same code it asks for. The room itself then checks the seat (admission.ts).
 */
import { ErrorCode, ServerError, matchMaker } from "@colyseus/core";
import { z } from "zod";
import { type ClassListing, JoinError, JoinOptions, ROOM_NAME } from "../../shared/protocol.ts";

type Invoke = (method: string, target: string, options: unknown, auth: unknown) => Promise<unknown>;

const EXPOSED = ["create", "joinById", "reconnect"];
const ReconnectOptions = z.object({ reconnectionToken: z.string().min(1).max(256) }).strict();

/** How long a class that ended is still told apart from a code that never existed. */
const ENDED_REMEMBERED_SECONDS = 24 * 60 * 60;
const endedKey = (code: string) => `meridian:ended:${code}`;

/** Remembers that a class ended, on every process, so a late joiner hears "this class has ended". */
export async function rememberEnded(code: string): Promise<void> {
  await matchMaker.presence.setex(endedKey(code), "1", ENDED_REMEMBERED_SECONDS);
}

export async function hasEnded(code: string): Promise<boolean> {
  return (await matchMaker.presence.get(endedKey(code))) === "1";
}

let guarded = false;

/** Narrows matchmaking to the client's three ways in (once per process). */
export function guardEntryPaths(): void {
  if (guarded) return;
  guarded = true;
  const controller = matchMaker.controller as unknown as { exposedMethods: string[]; invokeMethod: Invoke };
  controller.exposedMethods = [...EXPOSED];
  const invoke = controller.invokeMethod.bind(controller);
  controller.invokeMethod = async (method, target, options, auth) => {
    checkPath(method, target, options);
    try {
      return await invoke(method, target, options, auth);
    } catch (error) {
      throw await explainJoinFailure(method, target, error);
    }
  };
}

function checkPath(method: string, target: string, options: unknown): void {
  if (method === "create") {
    if (target !== ROOM_NAME) throw new ServerError(JoinError.BadOptions, "no such kind of room");
    return; // onAuth checks the create options.
  }
  if (method === "joinById") {
    const parsed = JoinOptions.safeParse(options);
    if (!parsed.success) throw new ServerError(JoinError.BadOptions, z.prettifyError(parsed.error));
    if (parsed.data.code !== target) throw new ServerError(JoinError.BadOptions, "the code does not match the class");
    return;
  }
  if (method === "reconnect") {
    if (!ReconnectOptions.safeParse(options).success) throw new ServerError(JoinError.BadOptions, "bad reconnection");
    return;
  }
  throw new ServerError(JoinError.BadOptions, "no such way into a class");
}

/** A refused join says why in the lobby's terms: an ended class is not a wrong code, a race for the last seat is "full". */
async function explainJoinFailure(method: string, target: string, error: unknown): Promise<unknown> {
  if (method !== "joinById" || !(error instanceof ServerError)) return error;
  if (error.code === ErrorCode.MATCHMAKE_INVALID_ROOM_ID && (await hasEnded(target).catch(() => false)))
    return new ServerError(JoinError.ClassEnded, "this class has ended");
  // The room turned the seat down at reservation (admission.ts): the listing lagged behind a race for the last seats.
  if (error.code === ErrorCode.MATCHMAKE_UNHANDLED && /already full/.test(error.message)) {
    const listing = (await matchMaker.getRoomById(target))?.metadata as ClassListing | undefined;
    if (listing?.ended) return new ServerError(JoinError.ClassEnded, "this class has ended");
    if (listing?.locked)
      return new ServerError(JoinError.ClassLocked, "the teacher has closed this class to newcomers");
    return new ServerError(JoinError.ClassFull, "this class is full");
  }
  return error;
}
