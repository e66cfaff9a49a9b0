/**
 * What `npm test` needs from the machine beyond node_modules: Debian packages
 * and two local services. The one place to change when a test starts to
 * need something new.
 */

/** An executable at a path; the tests read their own path from `variable` when it is set. */
export interface ExecutableDetection {
  readonly executable: string;
  readonly variable?: string;
}

/**
 * How to tell that a package is there: an executable, a program the tests run
 * by name (found on PATH), or, for what nothing runs (fonts), dpkg's record.
 */
export type Detection = ExecutableDetection | { readonly command: string } | { readonly dpkg: true };

export interface SystemPackage {
  /** The Debian package name, as apt-get takes it. */
  readonly name: string;
  readonly detect: Detection;
  /** Shown when it is missing, so a person knows which tests fail without it. */
  readonly why: string;
}

export const SYSTEM_PACKAGES: readonly SystemPackage[] = [
  {
    name: "chromium",
    detect: { executable: "/usr/bin/chromium", variable: "CHROMIUM_PATH" },
    why: "the browser tests drive it (never a downloaded browser)",
  },
  {
    name: "fonts-noto-core",
    detect: { dpkg: true },
    why: "the browser draws every script the interface offers, Arabic and Devanagari included",
  },
  { name: "fonts-noto-color-emoji", detect: { dpkg: true }, why: "the browser draws emoji" },
  {
    name: "iproute2",
    detect: { command: "ip" },
    why: "the network fault test makes its own network namespaces (it is skipped without them)",
  },
  { name: "python3", detect: { command: "python3" }, why: "the network fault test's far, lossy link runs on it" },
  {
    name: "janus",
    detect: { executable: "/usr/bin/janus", variable: "JANUS_PATH" },
    why: "the voice test starts a Janus media server",
  },
  {
    name: "caddy",
    detect: { executable: "/usr/bin/caddy", variable: "CADDY_PATH" },
    why: "the deployment test runs the README's Caddy example in front of two classroom processes",
  },
];

export interface LocalService {
  /** As a person calls it in a message. */
  readonly name: string;
  /** The tests read the service's address from this variable, else use `defaultUrl`. */
  readonly variable: string;
  readonly defaultUrl: string;
  /** The Debian package that provides the server, named when there is none to start. */
  readonly debianPackage: string;
  readonly why: string;
  /**
   * How to start it on `defaultUrl`'s port when it is not answering: the
   * machine's Debian PostgreSQL cluster on that port (only root or its owner may
   * start it), or a program any user may run.
   */
  readonly start: { readonly postgresCluster: true } | { readonly argv: readonly string[] };
}

export const LOCAL_SERVICES: readonly LocalService[] = [
  {
    name: "PostgreSQL",
    variable: "TEST_DATABASE_URL",
    defaultUrl: "postgres://postgres@127.0.0.1:5432/test",
    debianPackage: "postgresql",
    why: "the class store, restart and scale-out tests keep classes in it",
    start: { postgresCluster: true },
  },
  {
    name: "Redis",
    variable: "TEST_REDIS_URL",
    defaultUrl: "redis://127.0.0.1:6379",
    debianPackage: "redis-server",
    why: "the scale-out tests share presence and matchmaking through it",
    // Nothing to keep between runs: no snapshots, no append-only file.
    start: {
      argv: [
        "redis-server",
        "--daemonize",
        "yes",
        "--bind",
        "127.0.0.1",
        "--port",
        "6379",
        "--save",
        "",
        "--appendonly",
        "no",
      ],
    },
  },
];
