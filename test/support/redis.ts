/**
 * A Redis database of this test file's own on the machine's Redis
 * (TEST_REDIS_URL, default redis://127.0.0.1:6379), emptied before use, so
 * runs side by side do not see each other's classes.
 */
import { Redis } from "ioredis";

const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

/** Redis offers 16 numbered databases; 0 is left alone. */
export async function emptyTestRedisDatabase(): Promise<string> {
  const url = new URL(TEST_REDIS_URL);
  url.pathname = `/${1 + (process.pid % 15)}`;
  const redis = new Redis(url.toString());
  await redis.flushdb();
  redis.disconnect();
  return url.toString();
}
