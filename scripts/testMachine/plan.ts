/**
 * Decisions about the test machine, from what a probe saw: which packages are
 * missing, whether to install them or stop, how to start a service, and the
 * words for each case. Nothing here touches the machine, so tests cover it.
 */
import type { Detection, ExecutableDetection, LocalService, SystemPackage } from "./needs.ts";

type Env = Readonly<Record<string, string | undefined>>;

export interface Machine {
  readonly isRoot: boolean;
  readonly hasAptGet: boolean;
}

/** The path an executable is looked for at: the tests' own variable wins over the usual place. */
export function executablePath(detect: ExecutableDetection, env: Env): string {
  return (detect.variable && env[detect.variable]) || detect.executable;
}

/** What a look at the machine found; the functions behind it live with the step that runs. */
export interface Probe {
  isExecutable(path: string): boolean;
  onPath(command: string): boolean;
  /** Packages dpkg records as installed. */
  readonly installed: ReadonlySet<string>;
}

/** The packages whose detection finds nothing, in the order the list gives them. */
export function missingPackages(packages: readonly SystemPackage[], probe: Probe, env: Env): SystemPackage[] {
  return packages.filter(({ name, detect }) => {
    if ("executable" in detect) return !probe.isExecutable(executablePath(detect, env));
    if ("command" in detect) return !probe.onPath(detect.command);
    return !probe.installed.has(name);
  });
}

/** Package names dpkg-query reports installed, from `-f '${Package} ${db:Status-Status}\n'`. */
export function installedPackages(dpkgQueryOutput: string): Set<string> {
  const installed = new Set<string>();
  for (const line of dpkgQueryOutput.split("\n")) {
    const [name, status] = line.trim().split(/\s+/);
    // "config-files" and "half-installed" mean the files a test uses may be gone.
    if (name && status === "installed") installed.add(name.replace(/:.*$/, ""));
  }
  return installed;
}

export type PackagePlan =
  | { readonly action: "none" }
  | { readonly action: "install"; readonly commands: readonly (readonly string[])[] }
  | { readonly action: "stop"; readonly message: string };

/** Installs what is missing where the tests may (root with apt-get), else says what a person must run. */
export function planPackages(missing: readonly SystemPackage[], machine: Machine, env: Env): PackagePlan {
  if (missing.length === 0) return { action: "none" };
  const names = missing.map((p) => p.name);
  if (machine.isRoot && machine.hasAptGet) {
    return {
      action: "install",
      commands: [
        ["apt-get", "update", "-qq"],
        ["apt-get", "install", "-y", "-qq", "--no-install-recommends", ...names],
      ],
    };
  }
  const how = machine.hasAptGet
    ? `Install ${missing.length === 1 ? "it" : "them"}, then run npm test again:\n` +
      `  sudo apt-get install -y --no-install-recommends ${names.join(" ")}`
    : `This machine has no apt-get: install ${missing.length === 1 ? "it" : "them"} another way ` +
      `(the names above are Debian's), then run npm test again.`;
  const lead = `The tests need ${missing.length === 1 ? "a Debian package" : "Debian packages"} this machine lacks:`;
  return { action: "stop", message: `${lead}\n${missingList(missing, env)}\n${how}` };
}

/** After apt-get succeeded yet something is still not where the tests look (a variable pointing elsewhere). */
export function stillMissingMessage(missing: readonly SystemPackage[], env: Env): string {
  return `apt-get succeeded, yet the tests still do not find:\n${missingList(missing, env)}\nSee apt-get's output above.`;
}

function missingList(missing: readonly SystemPackage[], env: Env): string {
  return missing.map((p) => `  - ${p.name} (${notFound(p.detect, env)}): ${p.why}`).join("\n");
}

function notFound(detect: Detection, env: Env): string {
  if ("executable" in detect) {
    const path = executablePath(detect, env);
    if (path === detect.executable) return `no executable ${path}`;
    return `${detect.variable} names ${path}, which is not an executable`;
  }
  if ("command" in detect) return `no "${detect.command}" on PATH`;
  return "not installed";
}

export interface ServiceAddress {
  readonly host: string;
  readonly port: number;
  /** The tests use the machine's own service (the default address), which this step may start. */
  readonly local: boolean;
}

/** Where the tests will reach a service: its variable's URL when set, else the default. */
export function serviceAddress(service: LocalService, env: Env): ServiceAddress {
  const fallback = new URL(service.defaultUrl);
  const url = new URL(env[service.variable] || service.defaultUrl);
  const host = url.hostname;
  const port = Number(url.port || fallback.port);
  return { host, port, local: host === fallback.hostname && port === Number(fallback.port) };
}

/** The Debian PostgreSQL cluster on a port, from `pg_lsclusters --no-header` (version, name, port, …). */
export function clusterOnPort(pgLsclustersOutput: string, port: number): { version: string; name: string } | undefined {
  for (const line of pgLsclustersOutput.split("\n")) {
    const [version, name, clusterPort] = line.trim().split(/\s+/);
    if (version && name && Number(clusterPort) === port) return { version, name };
  }
  return undefined;
}

/** What this machine offers to start a service: a PostgreSQL cluster, a program on PATH, or nothing. */
export type Starter =
  | { readonly postgresCluster: { readonly version: string; readonly name: string } }
  | { readonly argv: readonly string[] }
  | undefined;

export type ServicePlan =
  | { readonly action: "none" }
  | { readonly action: "start"; readonly argv: readonly string[] }
  | { readonly action: "stop"; readonly message: string };

/** Leaves an answering service alone, starts this machine's own where it may, else says what to run. */
export function planService(
  service: LocalService,
  seen: { readonly address: ServiceAddress; readonly answering: boolean; readonly starter: Starter },
  machine: Pick<Machine, "isRoot">,
): ServicePlan {
  const { address, answering, starter } = seen;
  if (answering) return { action: "none" };
  const at = `${address.host}:${address.port}`;
  if (!address.local) {
    return {
      action: "stop",
      message: `${service.name} is not answering at ${at} (from ${service.variable}), and ${service.why}. Start it, or unset ${service.variable} to use this machine's own.`,
    };
  }
  if (!starter) {
    return {
      action: "stop",
      message: `${service.name} is not answering at ${at}, and ${service.why}. This machine has none to start on that port: install Debian's ${service.debianPackage} (or set ${service.variable} to one elsewhere), then run npm test again.`,
    };
  }
  if ("argv" in starter) return { action: "start", argv: starter.argv };
  const { version, name } = starter.postgresCluster;
  // Started outside systemd, as in a container; a person on a systemd machine goes through it.
  if (machine.isRoot) {
    return { action: "start", argv: ["pg_ctlcluster", "--skip-systemctl-redirect", version, name, "start"] };
  }
  return {
    action: "stop",
    message: `${service.name} is not answering at ${at}, and ${service.why}. Only root may start it:\n  sudo pg_ctlcluster ${version} ${name} start`,
  };
}

/** The one line printed when the machine is ready; says what this run changed, if anything. */
export function readyLine(
  services: readonly LocalService[],
  done: { readonly installed: readonly string[]; readonly started: readonly string[] },
): string {
  const changes = [
    done.installed.length > 0 ? `installed ${done.installed.join(", ")}` : "",
    done.started.length > 0 ? `started ${done.started.join(", ")}` : "",
  ].filter(Boolean);
  const what = changes.length > 0 ? ` (${changes.join("; ")})` : "";
  const answering = new Intl.ListFormat("en").format(services.map((s) => s.name));
  return `Test machine ready: system packages present, ${answering} answering${what}.`;
}
