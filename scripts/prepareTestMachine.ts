/**
 * Runs before `npm test` (the `pretest` script): makes sure the machine has
 * what the tests need (scripts/testMachine/needs.ts), so a fresh machine needs
 * only `npm ci && npm test`. As root with apt-get it installs missing packages
 * and starts the local PostgreSQL and Redis; otherwise it stops at once and
 * says what to run. Prints one line when all is there.
 */
import { spawnSync } from "node:child_process";
import { accessSync, constants, statSync } from "node:fs";
import { createConnection } from "node:net";
import { delimiter, join } from "node:path";
import { LOCAL_SERVICES, type LocalService, SYSTEM_PACKAGES } from "./testMachine/needs.ts";
import {
  type Machine,
  type Probe,
  type Starter,
  clusterOnPort,
  installedPackages,
  missingPackages,
  planPackages,
  planService,
  readyLine,
  serviceAddress,
  stillMissingMessage,
} from "./testMachine/plan.ts";

const env = process.env;

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function onPath(command: string): boolean {
  return (env.PATH ?? "").split(delimiter).some((dir) => dir !== "" && isExecutable(join(dir, command)));
}

/** One dpkg-query for every package the list checks that way; none at all on a machine without dpkg. */
function probeMachine(): Probe {
  const names = SYSTEM_PACKAGES.filter((p) => "dpkg" in p.detect).map((p) => p.name);
  // It exits 1 when one of the names is unknown to dpkg, and still reports the others.
  const query = spawnSync("dpkg-query", ["-W", "-f=${Package} ${db:Status-Status}\\n", ...names], {
    encoding: "utf8",
  });
  return { isExecutable, onPath, installed: installedPackages(query.stdout ?? "") };
}

function stop(message: string): never {
  console.error(`\n${message}\n`);
  process.exit(1);
}

function run(argv: readonly string[], extraEnv: Record<string, string> = {}): void {
  const [program = "", ...args] = argv;
  const result = spawnSync(program, args, { stdio: "inherit", env: { ...env, ...extraEnv } });
  if (result.status !== 0) {
    stop(
      `"${argv.join(" ")}" failed (${result.error?.message ?? `exit ${result.status ?? result.signal}`}); see above.`,
    );
  }
}

function answers(host: string, port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port, timeout: timeoutMs });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
    socket.once("timeout", () => done(false));
  });
}

async function answersWithin(host: string, port: number, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await answers(host, port)) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}

function starterFor(service: LocalService, port: number): Starter {
  if ("argv" in service.start) return onPath(service.start.argv[0] ?? "") ? { argv: service.start.argv } : undefined;
  if (!onPath("pg_lsclusters")) return undefined;
  const clusters = spawnSync("pg_lsclusters", ["--no-header"], { encoding: "utf8" });
  const cluster = clusterOnPort(clusters.stdout ?? "", port);
  return cluster ? { postgresCluster: cluster } : undefined;
}

const machine: Machine = { isRoot: process.getuid?.() === 0, hasAptGet: onPath("apt-get") };
const done = { installed: [] as string[], started: [] as string[] };

const missing = missingPackages(SYSTEM_PACKAGES, probeMachine(), env);
const packagePlan = planPackages(missing, machine, env);
if (packagePlan.action === "stop") stop(packagePlan.message);
if (packagePlan.action === "install") {
  console.log(`Installing what the tests need: ${missing.map((p) => p.name).join(", ")}`);
  for (const command of packagePlan.commands) run(command, { DEBIAN_FRONTEND: "noninteractive" });
  const still = missingPackages(SYSTEM_PACKAGES, probeMachine(), env);
  if (still.length > 0) stop(stillMissingMessage(still, env));
  done.installed = missing.map((p) => p.name);
}

for (const service of LOCAL_SERVICES) {
  const address = serviceAddress(service, env);
  const answering = await answers(address.host, address.port);
  const starter = answering ? undefined : starterFor(service, address.port);
  const plan = planService(service, { address, answering, starter }, machine);
  if (plan.action === "stop") stop(plan.message);
  if (plan.action === "start") {
    run(plan.argv);
    if (!(await answersWithin(address.host, address.port, 15_000))) {
      stop(`${service.name} still does not answer at ${address.host}:${address.port} after "${plan.argv.join(" ")}".`);
    }
    done.started.push(service.name);
  }
}

console.log(readyLine(LOCAL_SERVICES, done));
