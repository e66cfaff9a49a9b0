/**
 * The last line of defence: an exception that escaped every room and route
 * guard is logged and the process keeps serving its other classes. A server
 * that exits takes every class on it down; one participant's bad input must
 * never do that. Repeats are counted, not logged each time.
 */
const LOG_EVERY = 100;

export function keepProcessUp(log: (line: string) => void = console.error): void {
  let escaped = 0;
  const report = (kind: string) => (error: unknown) => {
    escaped++;
    if (escaped === 1 || escaped % LOG_EVERY === 0)
      log(`${kind} (${escaped} so far), kept running: ${describe(error)}`);
  };
  process.on("uncaughtException", report("uncaught exception"));
  process.on("unhandledRejection", report("unhandled rejection"));
}

function describe(error: unknown): string {
  try {
    return error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
  } catch {
    return "an unprintable value";
  }
}
