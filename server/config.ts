/**
 * Server settings, read once from the environment with embedded defaults so
 * `npm start` needs nothing set.
 */
import { hostname } from "node:os";
import type { LrsConfig } from "./records/lrsForwarder.ts";
import type { MixingVoiceConfig } from "./voice/mixingVoice.ts";
import type { TurnConfig } from "./voice/turnCredentials.ts";
import type { TlsSetting } from "./tls/certificate.ts";

export interface ServerConfig {
  /** Port for pages and rooms alike. */
  port: number;
  /** Interface to listen on; 0.0.0.0 lets headsets on the school network reach it. */
  host: string;
  /** The address students type or scan, when it differs from what the server sees (a proxy, a tunnel). */
  publicUrl: string | undefined;
  /** Folder of the built client. */
  clientDir: string;
  /** Folder of lesson files. */
  lessonsDir: string;
  /** Folder of the lessons' glTF models. */
  modelsDir: string;
  /** Folder of the embedded database that keeps classes across restarts; undefined keeps them in memory only. */
  dataDir: string | undefined;
  /** A PostgreSQL server to keep classes in instead (postgres://…); takes the place of the embedded database. */
  databaseUrl?: string | undefined;
  /** Scale-out mode: several processes share classes through Redis (matchmaking) and PostgreSQL (scenes). */
  scaleOut?: ScaleOutConfig | undefined;
  /** An outside Learning Record Store that gets the classes' xAPI statements; none by default. */
  lrs?: LrsConfig | undefined;
  /** Days learning records and saved classes are kept before they are purged. */
  retentionDays?: number;
  /** Voice through a Janus media server (for whole classes); without it voices connect directly. */
  voice?: MixingVoiceConfig | undefined;
  /** A TURN relay for voice on networks that block direct connections. */
  turn?: TurnConfig | undefined;
  /** HTTPS on the same port as HTTP (headsets need a secure page for VR, AR and the microphone); none when undefined. */
  tls?: TlsSetting | undefined;
}

export interface ScaleOutConfig {
  /** Redis for Colyseus presence and its matchmaking driver (redis://…). */
  redisUrl: string;
  /**
   * Where students' browsers reach this very process (host:port, or host/path behind a proxy that
   * strips the path): a class lives on one process and its students connect to it there.
   */
  publicAddress: string;
}

/** Reads the configuration from environment variables. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env.PORT ?? 2567);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  return {
    port,
    host: env.HOST ?? "0.0.0.0",
    publicUrl: env.PUBLIC_URL || undefined,
    clientDir: env.CLIENT_DIR ?? "dist/client",
    lessonsDir: env.LESSONS_DIR ?? "assets/lessons",
    modelsDir: env.MODELS_DIR ?? "assets/models",
    // DATA_DIR=memory keeps nothing on disk (classes are lost on restart).
    dataDir: env.DATA_DIR === "memory" ? undefined : (env.DATA_DIR ?? ".data/classes"),
    databaseUrl: env.DATABASE_URL || undefined,
    scaleOut: readScaleOut(env, port),
    retentionDays: readRetentionDays(env.RETENTION_DAYS),
    voice: readVoice(env),
    turn: readTurn(env),
    tls: readTls(env),
    lrs: env.LRS_URL ? { url: env.LRS_URL, username: env.LRS_USERNAME, password: env.LRS_PASSWORD } : undefined,
  };
}

/** JANUS_URL switches voice to the media server; JANUS_ADMIN_KEY must match its AudioBridge admin_key. */
function readVoice(env: NodeJS.ProcessEnv): MixingVoiceConfig | undefined {
  if (!env.JANUS_URL) return undefined;
  if (!env.JANUS_ADMIN_KEY) throw new Error("JANUS_URL needs JANUS_ADMIN_KEY, the AudioBridge admin_key of that Janus");
  return { url: env.JANUS_URL, publicUrl: env.JANUS_PUBLIC_URL || env.JANUS_URL, adminKey: env.JANUS_ADMIN_KEY };
}

/** TURN_URLS (comma-separated turn: addresses) with TURN_SECRET, coturn's static-auth-secret. */
function readTurn(env: NodeJS.ProcessEnv): TurnConfig | undefined {
  if (!env.TURN_URLS) return undefined;
  if (!env.TURN_SECRET) throw new Error("TURN_URLS needs TURN_SECRET, the relay's static-auth-secret");
  return { urls: env.TURN_URLS.split(",").map((url) => url.trim()), secret: env.TURN_SECRET };
}

/**
 * TLS_CERT and TLS_KEY: the school's certificate and key (PEM files).
 * Otherwise the server makes its own, kept in TLS_DIR (.data/tls), or in
 * memory with DATA_DIR=memory. HTTPS=off serves plain HTTP only (behind a proxy that does TLS).
 */
function readTls(env: NodeJS.ProcessEnv): TlsSetting | undefined {
  if (env.HTTPS === "off") return undefined;
  if (env.TLS_CERT || env.TLS_KEY) {
    if (!env.TLS_CERT || !env.TLS_KEY) throw new Error("TLS_CERT and TLS_KEY go together: the certificate and its key");
    return { kind: "files", certFile: env.TLS_CERT, keyFile: env.TLS_KEY };
  }
  return { kind: "selfMade", dir: env.DATA_DIR === "memory" ? undefined : (env.TLS_DIR ?? ".data/tls") };
}

/** Kept for a school year by default; a school sets its own period. */
export const DEFAULT_RETENTION_DAYS = 180;

function readRetentionDays(value: string | undefined): number {
  if (value === undefined || value === "") return DEFAULT_RETENTION_DAYS;
  const days = Number(value);
  if (!Number.isFinite(days) || days <= 0)
    throw new Error(`RETENTION_DAYS must be a positive number of days, got "${value}"`);
  return days;
}

/** REDIS_URL switches scale-out on; it needs PostgreSQL, since every process must see every class. */
function readScaleOut(env: NodeJS.ProcessEnv, port: number): ScaleOutConfig | undefined {
  if (!env.REDIS_URL) return undefined;
  if (!env.DATABASE_URL)
    throw new Error("REDIS_URL (scale-out mode) needs DATABASE_URL: the processes keep their classes in PostgreSQL");
  if (!env.PUBLIC_ADDRESS && port === 0)
    throw new Error("scale-out mode needs a fixed PORT, or PUBLIC_ADDRESS: students connect to each process directly");
  return {
    redisUrl: env.REDIS_URL,
    publicAddress: env.PUBLIC_ADDRESS || `${hostname()}:${port}`,
  };
}
