/**
 * A classroom server process watched for trouble: how it ended, the end of
 * what it printed, and the lines it prints only when hostile input got
 * further than it should. For fuzz tests, which need to know the moment a
 * server is no longer well, and why.
 */
import { httpCall } from "./rawClassroomClient.ts";
import { type ServerProcess, startServerProcess } from "./serverProcess.ts";

const OUTPUT_KEPT = 12_000;

/**
 * Lines a server prints only when hostile input got further than it should:
 * an exception that reached the process's last-resort guard (it would have
 * stopped the process), a handler that threw on a participant's message, or
 * a lifecycle hook or timer that threw. Any of these fails a fuzz run.
 */
const ALARMS = [
  /uncaught exception|unhandled rejection/i,
  /handlerError from /,
  /[1-9]\d* handler errors/,
  /: \w+ failed: /,
];
const LINES_KEPT = 20;

export interface WatchedServer extends ServerProcess {
  /** The end of what the process printed (stdout and stderr together). */
  output(): string;
  /** How it ended, once it has. */
  exit(): string | undefined;
  /** Alarming lines it printed (ALARMS), oldest first. */
  alarms(): readonly string[];
  /** When it exited or printed its first alarm (performance.now()). */
  troubleAt(): number | undefined;
}

/** Starts a server (classes in memory) and watches it. */
export async function watchedServer(): Promise<WatchedServer> {
  const started = await startServerProcess({ DATA_DIR: "memory" });
  let output = "";
  let partial = "";
  let exit: string | undefined;
  let troubleAt: number | undefined;
  const alarms: string[] = [];
  const keep = (chunk: Buffer) => {
    const text = chunk.toString();
    output = (output + text).slice(-OUTPUT_KEPT);
    const lines = (partial + text).split("\n");
    partial = lines.pop()!;
    for (const line of lines) {
      if (alarms.length < LINES_KEPT && ALARMS.some((alarm) => alarm.test(line))) {
        alarms.push(line.slice(0, 400));
        troubleAt ??= performance.now();
      }
    }
  };
  started.child.stdout!.on("data", keep);
  started.child.stderr!.on("data", keep);
  started.child.on("exit", (code, signal) => {
    exit = signal ? `killed by ${signal}` : `exited with code ${code}`;
    troubleAt ??= performance.now();
  });
  return {
    ...started,
    output: () => output,
    exit: () => exit,
    alarms: () => alarms,
    troubleAt: () => troubleAt,
  };
}

/** Why this server can no longer be trusted with more sends, if it cannot. */
export function trouble(server: WatchedServer): string | undefined {
  return server.exit() ?? server.alarms()[0];
}

/** True while the process runs and answers its status route. */
export async function serverAnswers(server: WatchedServer): Promise<boolean> {
  if (server.exit() !== undefined) return false;
  const status = await httpCall(server.url, { method: "GET", path: "/api/status", timeoutMs: 3000 });
  return status.status === 200 && server.exit() === undefined;
}
