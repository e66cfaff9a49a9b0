/**
 * A seeded fuzz test of the protocol against a real server process. A
 * teacher and two students hold a class through the real client code while
 * attackers on bare sockets send hostile values through every message type,
 * unknown and special types, and frames no SDK builds; hostile join options
 * and HTTP requests go in alongside. After every round the server must still
 * be up, the class must still work for the well-behaved participants, and
 * its state must still make sense to them.
 *
 * FUZZ_SEED picks the seed (a failing one is printed with its report and
 * worth keeping in REGRESSION_SEEDS). FUZZ_SKIP, a regular expression over
 * send labels, leaves some sends out, to look past a known crash.
 */
import { afterAll, describe, expect, it } from "vitest";
import { ClientMessage, clientMessageSchemas } from "../../shared/protocol.ts";
import { FRAME_TOO_LARGE, FuzzRun, ROUNDS } from "../support/protocolFuzzRun.ts";
import { type FuzzContext, MESSAGE_TYPES, SPECIAL_TYPES, VALID_EXAMPLES } from "../support/protocolFuzzCases.ts";
import { SeededRandom } from "../support/seededRandom.ts";
import { killAllServerProcesses, killHard } from "../support/serverProcess.ts";
import { type WatchedServer, trouble, watchedServer } from "../support/watchedServer.ts";

const DEFAULT_SEED = 20_261_201;
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : DEFAULT_SEED;
const SKIP = process.env.FUZZ_SKIP ? new RegExp(process.env.FUZZ_SKIP) : undefined;

/**
 * Seeds that once found a fault, run every time up to the round that found it
 * (a shorter run repeats the start of a full one), named after what they found.
 */
const REGRESSION_SEEDS: readonly { seed: number; rounds: number; found: string }[] = [
  {
    seed: 11,
    rounds: 1,
    found:
      'the message type "*" with {toString: {}, valueOf: []} stopped the server (String() in the catch-all handler)',
  },
  { seed: 13, rounds: 1, found: 'the message type "*" with {toString: 1} stopped the server' },
];

let shared: WatchedServer | undefined;
/** One server for the file, started again if a run killed it or alarmed it. */
async function liveServer(): Promise<WatchedServer> {
  if (!shared || trouble(shared) !== undefined) {
    if (shared) killHard(shared.child);
    shared = await watchedServer();
  }
  return shared;
}

afterAll(() => killAllServerProcesses());

async function fuzz(seed: number, rounds: number): Promise<FuzzRun> {
  const run = new FuzzRun(await liveServer(), seed, rounds, SKIP);
  console.log(await run.run());
  return run;
}

describe("protocol fuzz against a real server process", () => {
  it("starts every spoilt payload from one that passes its schema", () => {
    const rng = new SeededRandom(SEED);
    const context: FuzzContext = { objectIds: ["sun", "earth"], seats: ["seat-a", "seat-b"] };
    for (const type of Object.values(ClientMessage))
      for (let i = 0; i < 20; i++) {
        const example = VALID_EXAMPLES[type](rng, context);
        expect(clientMessageSchemas[type].safeParse(example).success, `${type}: ${JSON.stringify(example)}`).toBe(true);
      }
  });

  it(`seed ${SEED}: the server stays up, serves the class and keeps its state sound`, async () => {
    const run = await fuzz(SEED, ROUNDS);
    // Every message type was tried (unless left out on purpose), with raw frames, joins and requests besides.
    if (!SKIP) for (const type of [...MESSAGE_TYPES, ...SPECIAL_TYPES]) expect(run.counts.types).toContain(type);
    // The one frame over the size limit closed its sender (and, by the checks, no one else).
    if (!SKIP) expect(run.cutOffs().get(String(FRAME_TOO_LARGE))).toBeGreaterThan(0);
    expect(run.counts.raw).toBeGreaterThan(0);
    expect(run.counts.joins).toBeGreaterThan(0);
    expect(run.counts.http).toBeGreaterThan(0);
  }, 150_000);

  for (const { seed, rounds, found } of REGRESSION_SEEDS)
    it(`regression seed ${seed}, ${rounds} round(s): once found that ${found}`, () => fuzz(seed, rounds), 90_000);
});
