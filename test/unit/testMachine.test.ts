/** The pre-test step's decisions: what is missing, install or stop, and the command a person is told to run. */
import { describe, expect, it } from "vitest";
import { LOCAL_SERVICES, SYSTEM_PACKAGES, type LocalService } from "../../scripts/testMachine/needs.ts";
import {
  type Probe,
  clusterOnPort,
  installedPackages,
  missingPackages,
  planPackages,
  planService,
  readyLine,
  serviceAddress,
  stillMissingMessage,
} from "../../scripts/testMachine/plan.ts";

const everything: Probe = {
  isExecutable: () => true,
  onPath: () => true,
  installed: new Set(SYSTEM_PACKAGES.map((p) => p.name)),
};

/** A machine with everything but the named packages. */
function lacking(...names: string[]): Probe {
  const executables = new Set(["/usr/bin/chromium", "/usr/bin/janus", "/usr/bin/caddy"]);
  const commands = new Set(["ip", "python3"]);
  if (names.includes("chromium")) executables.delete("/usr/bin/chromium");
  if (names.includes("janus")) executables.delete("/usr/bin/janus");
  if (names.includes("caddy")) executables.delete("/usr/bin/caddy");
  if (names.includes("iproute2")) commands.delete("ip");
  if (names.includes("python3")) commands.delete("python3");
  return {
    isExecutable: (path) => executables.has(path),
    onPath: (command) => commands.has(command),
    installed: new Set(SYSTEM_PACKAGES.map((p) => p.name).filter((n) => !names.includes(n))),
  };
}

const names = (packages: readonly { name: string }[]) => packages.map((p) => p.name);
const service = (name: string): LocalService => LOCAL_SERVICES.find((s) => s.name === name)!;

describe("which packages are missing", () => {
  it("none on a machine that has them all", () => {
    expect(missingPackages(SYSTEM_PACKAGES, everything, {})).toEqual([]);
  });

  it("each kind of detection finds its own package missing, in the list's order", () => {
    const probe = lacking("janus", "fonts-noto-color-emoji", "iproute2", "chromium");
    expect(names(missingPackages(SYSTEM_PACKAGES, probe, {}))).toEqual([
      "chromium",
      "fonts-noto-color-emoji",
      "iproute2",
      "janus",
    ]);
  });

  it("looks for the browser where the tests' variable points, not the usual place", () => {
    const probe: Probe = { ...everything, isExecutable: (path) => path !== "/opt/other/chrome" };
    expect(names(missingPackages(SYSTEM_PACKAGES, probe, { CHROMIUM_PATH: "/opt/other/chrome" }))).toEqual([
      "chromium",
    ]);
    expect(missingPackages(SYSTEM_PACKAGES, probe, {})).toEqual([]);
  });

  it("counts only fully installed packages from dpkg-query, not left-over configuration", () => {
    const output = "fonts-noto-core installed\nfonts-noto-color-emoji config-files\njanus:amd64 installed\n";
    expect([...installedPackages(output)]).toEqual(["fonts-noto-core", "janus"]);
  });
});

describe("install or stop", () => {
  const missing = missingPackages(SYSTEM_PACKAGES, lacking("chromium", "janus"), {});

  it("does nothing when nothing is missing (no apt-get update either)", () => {
    expect(planPackages([], { isRoot: true, hasAptGet: true }, {})).toEqual({ action: "none" });
  });

  it("as root with apt-get, updates once and installs only what is missing", () => {
    expect(planPackages(missing, { isRoot: true, hasAptGet: true }, {})).toEqual({
      action: "install",
      commands: [
        ["apt-get", "update", "-qq"],
        ["apt-get", "install", "-y", "-qq", "--no-install-recommends", "chromium", "janus"],
      ],
    });
  });

  it("as another user, stops and gives the exact command to run", () => {
    const plan = planPackages(missing, { isRoot: false, hasAptGet: true }, {});
    expect(plan.action).toBe("stop");
    const message = plan.action === "stop" ? plan.message : "";
    expect(message).toContain("  - chromium (no executable /usr/bin/chromium): the browser tests drive it");
    expect(message).toContain("  - janus (no executable /usr/bin/janus): the voice test starts");
    expect(message.split("\n").at(-1)).toBe("  sudo apt-get install -y --no-install-recommends chromium janus");
  });

  it("names what it looked for: a command on PATH, a dpkg record, a path from a variable", () => {
    const plan = planPackages(
      missingPackages(SYSTEM_PACKAGES, lacking("iproute2", "fonts-noto-core", "chromium"), {}),
      { isRoot: false, hasAptGet: true },
      { CHROMIUM_PATH: "/opt/chrome" },
    );
    const message = plan.action === "stop" ? plan.message : "";
    expect(message).toContain(`  - iproute2 (no "ip" on PATH)`);
    expect(message).toContain("  - fonts-noto-core (not installed)");
    expect(message).toContain("  - chromium (CHROMIUM_PATH names /opt/chrome, which is not an executable)");
  });

  it("without apt-get, even as root, stops and says the names are Debian's", () => {
    const plan = planPackages(missing, { isRoot: true, hasAptGet: false }, {});
    expect(plan.action).toBe("stop");
    expect(plan.action === "stop" && plan.message).toMatch(/no apt-get.*Debian's/s);
    expect(plan.action === "stop" && plan.message).not.toContain("sudo");
  });

  it("after a successful install, names what is still not where the tests look", () => {
    const still = missingPackages(SYSTEM_PACKAGES, lacking("chromium"), { CHROMIUM_PATH: "/opt/chrome" });
    expect(stillMissingMessage(still, { CHROMIUM_PATH: "/opt/chrome" })).toContain(
      "chromium (CHROMIUM_PATH names /opt/chrome, which is not an executable)",
    );
  });
});

describe("local services", () => {
  const postgres = service("PostgreSQL");
  const redis = service("Redis");
  const local = serviceAddress(redis, {});

  it("the tests' variable moves the address; the same host and port is still this machine's own", () => {
    expect(local).toEqual({ host: "127.0.0.1", port: 6379, local: true });
    expect(serviceAddress(redis, { TEST_REDIS_URL: "redis://10.0.0.5:6379" }).local).toBe(false);
    expect(serviceAddress(postgres, { TEST_DATABASE_URL: "postgres://me@127.0.0.1/other" })).toEqual({
      host: "127.0.0.1",
      port: 5432,
      local: true,
    });
  });

  it("finds the Debian cluster on the port", () => {
    const output = "13 main 5433 down postgres /var/lib/postgresql/13/main log\n15 main 5432 down postgres /d log\n";
    expect(clusterOnPort(output, 5432)).toEqual({ version: "15", name: "main" });
    expect(clusterOnPort(output, 6000)).toBeUndefined();
  });

  it("leaves an answering service alone", () => {
    const starter = { argv: ["redis-server"] };
    expect(planService(redis, { address: local, answering: true, starter }, { isRoot: true })).toEqual({
      action: "none",
    });
  });

  it("starts the local one: Redis as any user, PostgreSQL's cluster as root outside systemd", () => {
    const argv = "argv" in redis.start ? redis.start.argv : [];
    expect(planService(redis, { address: local, answering: false, starter: { argv } }, { isRoot: false })).toEqual({
      action: "start",
      argv,
    });
    const address = serviceAddress(postgres, {});
    const starter = { postgresCluster: { version: "15", name: "main" } };
    expect(planService(postgres, { address, answering: false, starter }, { isRoot: true })).toEqual({
      action: "start",
      argv: ["pg_ctlcluster", "--skip-systemctl-redirect", "15", "main", "start"],
    });
    const plan = planService(postgres, { address, answering: false, starter }, { isRoot: false });
    expect(plan.action === "stop" && plan.message.split("\n").at(-1)).toBe("  sudo pg_ctlcluster 15 main start");
  });

  it("stops when there is nothing to start, or the tests point elsewhere", () => {
    const none = planService(redis, { address: local, answering: false, starter: undefined }, { isRoot: true });
    expect(none.action === "stop" && none.message).toContain("install Debian's redis-server");
    const address = serviceAddress(redis, { TEST_REDIS_URL: "redis://10.0.0.5:6379" });
    const elsewhere = planService(redis, { address, answering: false, starter: { argv: ["x"] } }, { isRoot: true });
    expect(elsewhere.action === "stop" && elsewhere.message).toContain(
      "not answering at 10.0.0.5:6379 (from TEST_REDIS_URL)",
    );
  });
});

describe("the ready line", () => {
  it("is one line, and says what this run changed", () => {
    expect(readyLine(LOCAL_SERVICES, { installed: [], started: [] })).toBe(
      "Test machine ready: system packages present, PostgreSQL and Redis answering.",
    );
    expect(readyLine(LOCAL_SERVICES, { installed: ["chromium", "janus"], started: ["Redis"] })).toBe(
      "Test machine ready: system packages present, PostgreSQL and Redis answering (installed chromium, janus; started Redis).",
    );
  });
});
