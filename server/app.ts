/**
 * Builds the classroom server: one HTTP port that serves the built client,
 * the lesson list and the Colyseus rooms.
 */
import type { AddressInfo } from "node:net";
import { existsSync } from "node:fs";
import { resolve, sep } from "node:path";
import { RedisDriver } from "@colyseus/redis-driver";
import { RedisPresence } from "@colyseus/redis-presence";
import { WebSocketTransport } from "@colyseus/ws-transport";
import { defineRoom, defineServer, type Server } from "@colyseus/core";
import compression from "compression";
import express from "express";
import { ROOM_NAME } from "../shared/protocol.ts";
import { lessonRoutes } from "./http/lessonRoutes.ts";
import { draftRoutes } from "./http/draftRoutes.ts";
import { draftIdOfLesson } from "../shared/studioIds.ts";
import { workingLesson } from "../shared/draftLesson.ts";
import type { Lesson } from "../shared/lesson.ts";
import { modelRoutes } from "./http/modelRoutes.ts";
import { statusRoutes } from "./http/statusRoutes.ts";
import { recordRoutes } from "./http/recordRoutes.ts";
import { privacyRoutes } from "./http/privacyRoutes.ts";
import { badgeRoutes } from "./http/badgeRoutes.ts";
import { openIssuer } from "./credentials/issuer.ts";
import { forwardToLrs } from "./records/lrsForwarder.ts";
import { Limits } from "../shared/protocol.ts";
import { MixingVoice, type MixingVoiceConfig } from "./voice/mixingVoice.ts";
import { createModelStore } from "./models/modelStore.ts";
import { createMemoryClassStore, type ClassStore } from "./storage/classStore.ts";
import { openPgliteClassStore } from "./storage/pgliteClassStore.ts";
import { openPostgresClassStore } from "./storage/postgresClassStore.ts";
import { loadLessonCatalog } from "./lessons/catalog.ts";
import { createClassroomRoom, type ClassroomRoomContext } from "./rooms/ClassroomRoom.ts";
import { watchServerLoad } from "./rooms/serverLoad.ts";
import { keepClasses } from "./cluster/classKeeper.ts";
import { selectProcessForNewClass } from "./cluster/placement.ts";
import { assetAccess, openSharedAssets } from "./cluster/sharedAssets.ts";
import { guardJoins } from "./http/joinGate.ts";
import { limitKeyAttempts } from "./http/keyAttempts.ts";
import { AddressLimits, DEFAULT_ADDRESS_RATES, type AddressRates } from "./rules/addressLimits.ts";
import { guardEntryPaths } from "./rooms/entryPaths.ts";
import { DEFAULT_RETENTION_DAYS, type ServerConfig } from "./config.ts";
import { originsToShare, shareRoutes } from "./http/shareRoutes.ts";
import { precompressedAssets } from "./http/precompressed.ts";
import { serveHttpAndHttps } from "./tls/bothProtocols.ts";
import { certificateFor, type ServedCertificate } from "./tls/certificate.ts";
import { machineNames } from "./tls/machineNames.ts";

export interface RunningServer {
  server: Server;
  /** The port actually bound (useful when asked for port 0). */
  port: number;
  url: string;
  /** Where other devices open the classroom (HTTPS network addresses first); empty when bound to loopback only. */
  shareOrigins: string[];
  /** The certificate HTTPS is served with on the same port, when HTTPS is on. */
  certificate: ServedCertificate | undefined;
  stop(): Promise<void>;
}

/** Starts a classroom server and resolves once it accepts connections. */
export interface ServerOverrides {
  /** Clock for the classroom rules (tests). */
  now?: ClassroomRoomContext["now"];
  /** Per-address limits (tests lower them to reach them quickly). */
  addressRates?: Partial<AddressRates>;
}

export async function startServer(config: ServerConfig, overrides: ServerOverrides = {}): Promise<RunningServer> {
  const catalog = loadLessonCatalog(config.lessonsDir, config.modelsDir);
  const models = createModelStore();
  const store = await openClassStore(config);
  // Scale-out: what a teacher imports or uploads through one process, every process can serve.
  const shared = config.scaleOut && config.databaseUrl ? await openSharedAssets(config.databaseUrl) : undefined;
  const assets = assetAccess(catalog, models, store, shared);
  const load = watchServerLoad();
  const lrs = config.lrs ? forwardToLrs(config.lrs) : undefined;
  const mixingVoice = config.voice ? await connectMixingVoice(config.voice) : undefined;
  const issuer = await openIssuer(store, "Meridian classroom");
  const addressLimits = new AddressLimits({ ...DEFAULT_ADDRESS_RATES, ...overrides.addressRates });
  let publicUrl = config.publicUrl ?? "http://localhost";
  const ClassroomRoom = createClassroomRoom({
    findLesson: assets.findLesson,
    store,
    load,
    modelAvailable: (name) => models.has(name) || catalog.hasModel(name),
    fetchModel: async (name) => (await assets.findModel(name)) !== undefined,
    recordsHome: () => publicUrl,
    publishLesson: assets.lessonPublished,
    addressLimits,
    ...(config.turn ? { turn: config.turn } : {}),
    ...(lrs ? { lrs } : {}),
    ...(mixingVoice ? { mixingVoice } : {}),
    ...(overrides.now ? { now: overrides.now } : {}),
  });
  const clientDir = resolve(config.clientDir);
  const machine = machineNames();
  const certificate = config.tls ? await certificateFor(config.tls, machine) : undefined;
  let shareOrigins: string[] = [];
  // Matchmaking keeps only the client's ways in: create, join by code, reconnect.
  guardEntryPaths();

  const server = defineServer({
    rooms: { [ROOM_NAME]: defineRoom(ClassroomRoom) },
    // Scale-out: matchmaking and room calls go through Redis, so a code works on every process.
    ...(config.scaleOut
      ? {
          presence: new RedisPresence(config.scaleOut.redisUrl),
          driver: new RedisDriver(config.scaleOut.redisUrl),
          publicAddress: config.scaleOut.publicAddress,
          selectProcessIdToCreateRoom: selectProcessForNewClass,
        }
      : {}),
    // A silent drop (Wi-Fi gone, no close frame) is noticed within about 6 seconds.
    transport: new WebSocketTransport({
      pingInterval: 2000,
      pingMaxRetries: 2,
      maxPayload: Limits.maxMessageBytes,
      ...(certificate ? { server: serveHttpAndHttps(certificate) } : {}),
    }),
    gracefullyShutdown: false,
    greet: false,
    express: (app) => {
      app.disable("x-powered-by");
      // Students on thin links: the client's JavaScript shrinks to about a quarter.
      app.use(
        compression({
          // glTF binaries are mostly vertex floats, which still shrink by about half.
          filter: (req, res) =>
            /gltf-binary/.test(String(res.getHeader("Content-Type"))) || compression.filter(req, res),
        }),
      );
      app.use("/api/lessons", lessonRoutes(catalog, assets));
      app.use("/api/status", statusRoutes(load));
      app.use(
        "/api/share",
        shareRoutes(() => shareOrigins),
      );
      app.use("/api/classes", limitKeyAttempts(addressLimits));
      app.use(recordRoutes(store, assets.findLesson));
      app.use(privacyRoutes(store));
      app.use(badgeRoutes(store, issuer, assets.findLesson, () => publicUrl));
      app.use(modelRoutes(models, resolve(config.modelsDir), assets));
      app.use("/api/drafts", limitKeyAttempts(addressLimits), draftRoutes(store));
      if (existsSync(clientDir)) {
        app.use(precompressedAssets(clientDir));
        app.use(
          express.static(clientDir, {
            index: "index.html",
            setHeaders: (res, path) => {
              // Hashed names never change content: a returning browser need not even ask.
              if (path.includes(`${sep}assets${sep}`))
                res.setHeader("Cache-Control", "public, max-age=31536000, immutable");
              // The page and the service worker are asked for every time, so a new version is seen at once.
              else res.setHeader("Cache-Control", "no-cache");
            },
          }),
        );
      }
    },
  });

  await server.listen(config.port, config.host);
  const httpServer = server.transport.server!;
  guardJoins(httpServer, addressLimits);
  const address = httpServer.address() as AddressInfo;
  const retention = purgeByRetention(store, config.retentionDays ?? DEFAULT_RETENTION_DAYS);
  const keeper = await keepClasses(store, restorableLesson(store, assets.findLesson), {
    scaleOut: config.scaleOut !== undefined,
  });
  const shownHost = config.host === "0.0.0.0" || config.host === "::" ? "localhost" : config.host;
  publicUrl = config.publicUrl ?? `http://${shownHost}:${address.port}`;
  shareOrigins = originsToShare(config, machine.lanAddresses, address.port, certificate !== undefined);
  return {
    server,
    port: address.port,
    url: publicUrl,
    shareOrigins,
    certificate,
    stop: async () => {
      load.stop();
      clearInterval(retention);
      await lrs?.stop();
      keeper.stop();
      await server.gracefullyShutdown(false);
      mixingVoice?.close();
      await store.close();
      await shared?.close();
    },
  };
}

/** Voice through Janus: the server refuses to start, with the reason, if Janus cannot be reached. */
async function connectMixingVoice(config: MixingVoiceConfig): Promise<MixingVoice> {
  const mixing = new MixingVoice(config);
  await mixing.connect();
  return mixing;
}

/** Deletes what is older than the retention period: at start, then every hour. */
function purgeByRetention(store: ClassStore, days: number): ReturnType<typeof setInterval> {
  const purge = () =>
    void store
      .purge(Date.now() - days * 24 * 60 * 60 * 1000)
      .then(({ records, classes, drafts }) => {
        if (records + classes + drafts > 0)
          console.log(
            `retention (${days} days): purged ${records} learning records, ${classes} saved classes and ${drafts} lesson drafts`,
          );
      })
      .catch((error: unknown) => console.error("purging by retention failed", error));
  purge();
  const timer = setInterval(purge, 60 * 60 * 1000);
  timer.unref();
  return timer;
}

/** What a saved class runs on: a lesson, or a studio's draft (restored only by the server itself). */
function restorableLesson(
  store: ClassStore,
  findLesson: (id: string) => Promise<Lesson | undefined>,
): (id: string) => Promise<Lesson | undefined> {
  return async (id) => {
    const draftId = draftIdOfLesson(id);
    if (!draftId) return findLesson(id);
    const record = await store.loadDraft(draftId);
    return record && workingLesson(record.draft);
  };
}

/** PostgreSQL when configured, else the embedded database in the data folder, else memory only. */
function openClassStore(config: ServerConfig): Promise<ClassStore> {
  if (config.databaseUrl) return openPostgresClassStore(config.databaseUrl);
  if (config.dataDir) return openPgliteClassStore(config.dataDir);
  return Promise.resolve(createMemoryClassStore());
}
