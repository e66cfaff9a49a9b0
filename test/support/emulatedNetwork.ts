/**
 * Test hosts behind a slow, lossy link, in network namespaces this test
 * makes for itself. Each host is a namespace whose only route is a TUN device
 * wired to the hub (the test's own namespace, where the server listens)
 * through `linkEmulator.py`, which delays, reorders and drops packets and can
 * cut one host off entirely. Nothing leaves the machine.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { createInterface } from "node:readline";

export interface EmulatedHost {
  readonly name: string;
  readonly namespace: string;
  readonly address: string;
}

export interface EmulatedNetwork {
  /** The address a server in this process listens on to be reached from the hosts. */
  readonly hubAddress: string;
  readonly hosts: Record<string, EmulatedHost>;
  /** Every packet, each way, waits `delayMs` ± `jitterMs` and is lost with probability `loss`. */
  impair(delayMs: number, jitterMs: number, loss: number): Promise<void>;
  /** The host's link carries nothing until mended (a Wi-Fi outage). */
  cut(host: string): Promise<void>;
  mend(host: string): Promise<void>;
  /** Runs a program inside a host's namespace. */
  spawnOn(host: string, command: string, args: string[]): ChildProcess;
  close(): Promise<void>;
}

const NAMESPACE_PREFIX = "meridian-test-";

function ip(...args: string[]): string {
  return execFileSync("ip", args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

/**
 * Why this machine cannot make the test's namespaces, or undefined when it can
 * (tries it: root, or a kernel that allows it, is needed).
 */
export function whyNamespacesAreUnavailable(): string | undefined {
  const probe = `${NAMESPACE_PREFIX}probe-${process.pid}`;
  try {
    ip("netns", "add", probe);
    ip("netns", "del", probe);
    execFileSync("test", ["-c", "/dev/net/tun"]);
    return undefined;
  } catch (error) {
    const detail = (error as { stderr?: Buffer | string }).stderr?.toString().trim() || String(error);
    return `cannot create network namespaces and TUN devices here (${detail})`;
  }
}

/** Namespaces left by an earlier run that was killed before it could clean up. */
function removeStaleNamespaces(): void {
  for (const line of ip("netns", "list").split("\n")) {
    const name = line.split(" ")[0] ?? "";
    const pid = Number(/^meridian-test-(\d+)-/.exec(name)?.[1]);
    if (!pid || pid === process.pid) continue;
    try {
      process.kill(pid, 0);
    } catch {
      ip("netns", "del", name);
    }
  }
}

export async function openEmulatedNetwork(hostNames: string[]): Promise<EmulatedNetwork> {
  removeStaleNamespaces();
  // A subnet and device names of this process's own, so parallel runs never collide.
  const subnet = `10.213.${process.pid % 250}`;
  const device = (suffix: string) => `mrd${process.pid}${suffix}`.slice(0, 15);
  const hubDevice = device("h");
  const hosts: Record<string, EmulatedHost & { device: string }> = {};
  hostNames.forEach((name, index) => {
    hosts[name] = {
      name,
      namespace: `${NAMESPACE_PREFIX}${process.pid}-${name}`,
      address: `${subnet}.${index + 2}`,
      device: device(String(index)),
    };
  });

  const emulator = spawn(
    "python3",
    [
      "test/support/linkEmulator.py",
      hubDevice,
      ...Object.values(hosts).map((host) => `${host.device}:${host.address}`),
    ],
    { stdio: ["pipe", "pipe", "inherit"] },
  );
  const replies = createInterface({ input: emulator.stdout! })[Symbol.asyncIterator]();
  const command = async (line: string) => {
    emulator.stdin!.write(`${line}\n`);
    const reply = await replies.next();
    if (reply.value !== "ok") throw new Error(`link emulator did not accept "${line}": ${reply.value}`);
  };
  const ready = await replies.next();
  if (ready.value !== "ready") throw new Error("the link emulator did not start");

  const hubAddress = `${subnet}.1`;
  ip("addr", "add", `${hubAddress}/24`, "dev", hubDevice);
  ip("link", "set", hubDevice, "up");
  for (const host of Object.values(hosts)) {
    ip("netns", "add", host.namespace);
    ip("link", "set", host.device, "netns", host.namespace);
    ip("-n", host.namespace, "addr", "add", `${host.address}/24`, "dev", host.device);
    ip("-n", host.namespace, "link", "set", host.device, "up");
    ip("-n", host.namespace, "link", "set", "lo", "up");
  }

  const children: ChildProcess[] = [];
  return {
    hubAddress,
    hosts,
    impair: (delayMs, jitterMs, loss) => command(`impair ${delayMs} ${jitterMs} ${loss}`),
    cut: (host) => command(`cut ${hosts[host]!.address}`),
    mend: (host) => command(`mend ${hosts[host]!.address}`),
    spawnOn(host, program, args) {
      const child = spawn("ip", ["netns", "exec", hosts[host]!.namespace, program, ...args], {
        stdio: ["pipe", "pipe", "inherit"],
      });
      children.push(child);
      return child;
    },
    async close() {
      for (const child of children) child.kill("SIGKILL");
      if (emulator.exitCode === null) {
        const exited = new Promise((resolve) => emulator.once("exit", resolve));
        emulator.stdin!.end("quit\n");
        await exited;
      }
      // The TUN devices went with the emulator; the namespaces stay until deleted.
      for (const host of Object.values(hosts)) {
        try {
          ip("netns", "del", host.namespace);
        } catch {
          // Already gone.
        }
      }
    },
  };
}
