/**
 * Sends learning records to an outside Learning Record Store, only when the
 * school configured one (LRS_URL and its credentials): nothing leaves the
 * server otherwise. Statements are posted in batches to the LRS's
 * `statements` resource as the xAPI specification describes; a batch the LRS
 * cannot take now is tried again later, up to a bound.
 */
import { XAPI_VERSION, type XapiStatement } from "../../shared/xapi.ts";

export interface LrsConfig {
  /** The LRS's xAPI endpoint, e.g. https://lrs.example.org/xapi/ */
  url: string;
  username?: string | undefined;
  password?: string | undefined;
}

export interface LrsForwarder {
  enqueue(statements: XapiStatement[]): void;
  /** Sends what is waiting now (also done every couple of seconds). */
  flush(): Promise<void>;
  stop(): Promise<void>;
}

const FLUSH_MS = 2000;
const BATCH = 100;
/** Statements kept for an LRS that is down; the oldest go first past this. */
const MAX_WAITING = 10_000;

export function forwardToLrs(config: LrsConfig): LrsForwarder {
  const waiting: XapiStatement[] = [];
  const endpoint = new URL("statements", config.url.endsWith("/") ? config.url : `${config.url}/`).toString();
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "x-experience-api-version": XAPI_VERSION,
  };
  if (config.username !== undefined)
    headers.authorization = `Basic ${Buffer.from(`${config.username}:${config.password ?? ""}`).toString("base64")}`;
  let sending: Promise<void> | undefined;
  let warned = false;

  const sendWaiting = async () => {
    while (waiting.length > 0) {
      const batch = waiting.slice(0, BATCH);
      try {
        const response = await fetch(endpoint, { method: "POST", headers, body: JSON.stringify(batch) });
        // 4xx other than 429 means the LRS refuses these statements for good: do not retry them forever.
        if (!response.ok && (response.status >= 500 || response.status === 429))
          throw new Error(`HTTP ${response.status}`);
        if (!response.ok)
          console.error(`the learning record store refused ${batch.length} statements: HTTP ${response.status}`);
        waiting.splice(0, batch.length);
        warned = false;
      } catch (error) {
        if (!warned) console.error(`the learning record store cannot be reached (${String(error)}); will retry`);
        warned = true;
        return;
      }
    }
  };
  const flush = () => (sending ??= sendWaiting().finally(() => (sending = undefined)));
  const timer = setInterval(() => void flush(), FLUSH_MS);
  timer.unref();

  return {
    enqueue(statements) {
      waiting.push(...statements);
      if (waiting.length > MAX_WAITING) waiting.splice(0, waiting.length - MAX_WAITING);
    },
    flush,
    async stop() {
      clearInterval(timer);
      await flush();
    },
  };
}
