/**
 * Where a new class goes in scale-out mode: to the process running the
 * fewest classes right now. Colyseus's own choice reads room counts each
 * process publishes every few seconds, so classes created in a quick
 * succession (a school's morning) all landed on one process; this counts the
 * live listings instead.
 */
import { matchMaker } from "@colyseus/core";

/** The least busy of `processIds` by the classes listed on each; ties go to the first. */
export function leastBusyProcess(processIds: string[], listedOn: string[]): string | undefined {
  const classes = new Map(processIds.map((id) => [id, 0]));
  for (const processId of listedOn) if (classes.has(processId)) classes.set(processId, classes.get(processId)! + 1);
  let best: string | undefined;
  for (const [id, count] of classes) if (best === undefined || count < classes.get(best)!) best = id;
  return best;
}

/** For `defineServer`: picks the process to create a room on. */
export async function selectProcessForNewClass(): Promise<string> {
  const processes = (await matchMaker.stats.fetchAll()).map((stat) => stat.processId);
  const listings = await matchMaker.driver.query({});
  return (
    leastBusyProcess(
      processes,
      listings.map((room) => room.processId),
    ) ?? matchMaker.processId
  );
}
