/**
 * Brings back saved classes that no process is running. On a single server
 * that is every saved class, once, at start (after a restart). In scale-out
 * mode every process also keeps watch: each says it is alive in Redis every
 * few seconds, and when a process stops saying so, a surviving one takes its
 * classes back from PostgreSQL under the same codes, so students rejoin with
 * their code and find the scene as it was. One process restores each class:
 * they race for it through an atomic counter in Redis.
 */
import { matchMaker } from "@colyseus/core";
import { ROOM_NAME } from "../../shared/protocol.ts";
import type { Lesson } from "../../shared/lesson.ts";
import { RESTORE } from "../rooms/ClassroomRoom.ts";
import type { ClassStore, SavedClass } from "../storage/classStore.ts";

/** How long a saved class waits for its people after a restart before it is dropped. */
const RESTORE_WITHIN_MS = 24 * 60 * 60 * 1000;
/** A process refreshes its "alive" mark this often… */
const HEARTBEAT_MS = 2000;
/** …and is taken for dead when the mark is this old. */
const ALIVE_TTL_SECONDS = 8;
/** A claim on restoring a class lapses after this, in case its claimer died too. */
const CLAIM_TTL_SECONDS = 30;

const aliveKey = (processId: string) => `meridian:alive:${processId}`;

export interface ClassKeeper {
  stop(): void;
}

type FindLesson = (id: string) => Promise<Lesson | undefined>;

export async function keepClasses(
  store: ClassStore,
  findLesson: FindLesson,
  options: { scaleOut: boolean },
): Promise<ClassKeeper> {
  if (!options.scaleOut) {
    await restoreOrphans(store, findLesson, async () => true);
    return { stop: () => undefined };
  }
  const presence = matchMaker.presence;
  const markAlive = () => presence.setex(aliveKey(matchMaker.processId), "1", ALIVE_TTL_SECONDS);
  const isAlive = async (processId: string | undefined) =>
    processId === matchMaker.processId ||
    (processId !== undefined && (await presence.get(aliveKey(processId))) !== null);
  await markAlive();

  let sweeping = false;
  const sweep = async () => {
    if (sweeping) return;
    sweeping = true;
    try {
      // One look at every listing and at each process's mark per sweep, however many classes there are.
      const listedOn = new Map((await matchMaker.driver.query({})).map((room) => [room.roomId, room.processId]));
      const aliveByProcess = new Map<string, Promise<boolean>>();
      const alive = (processId: string | undefined) => {
        if (processId === undefined) return Promise.resolve(false);
        if (!aliveByProcess.has(processId)) aliveByProcess.set(processId, isAlive(processId));
        return aliveByProcess.get(processId)!;
      };
      await restoreOrphans(store, findLesson, async (snapshot) => {
        const host = listedOn.get(snapshot.code);
        if (host !== undefined) {
          if (await alive(host)) return false;
          // Its process is gone: let the matchmaker drop that process's listings (and confirm it is gone).
          if (await matchMaker.healthCheckProcessId(host)) return false;
        } else if (await alive(snapshot.owner)) {
          return false; // Its process is alive and just has not listed it yet.
        }
        const claim = `meridian:restoring:${snapshot.code}`;
        const first = (await presence.incr(claim)) === 1;
        await presence.expire(claim, CLAIM_TTL_SECONDS);
        return first;
      });
    } catch (error) {
      console.error("looking for classes to take over failed", error);
    } finally {
      sweeping = false;
    }
  };
  await sweep();
  const timer = setInterval(() => {
    void markAlive();
    void sweep();
  }, HEARTBEAT_MS);
  return {
    stop: () => {
      clearInterval(timer);
      void presence.del(aliveKey(matchMaker.processId));
    },
  };
}

/** Restores each saved class `mayRestore` allows; forgets ended, stale and unreadable ones. */
async function restoreOrphans(
  store: ClassStore,
  findLesson: FindLesson,
  mayRestore: (saved: SavedClass) => Promise<boolean>,
): Promise<void> {
  for (const saved of await store.list()) {
    if (!(await mayRestore(saved))) continue;
    const snapshot = await store.load(saved.code);
    if (!snapshot) continue;
    const stale = Date.now() - snapshot.savedAt > RESTORE_WITHIN_MS;
    if (snapshot.ended || stale || !(await findLesson(snapshot.lessonId))) {
      await store.remove(snapshot.code);
      continue;
    }
    await matchMaker.createRoom(ROOM_NAME, { [RESTORE]: snapshot }).catch((error: unknown) => {
      console.error(`class ${snapshot.code} could not be restored`, error);
    });
  }
}
