/**
 * Hostile HTTP for a fuzz test of the classroom server: join and create
 * options through matchmaking (bodies that are not JSON, too large, nested,
 * of the wrong types, with injected keys), sockets that claim someone else's
 * seat, and hostile bodies, headers and paths for the server's own routes.
 * Each request is a recipe run against a target, so a crash can be replayed
 * on a fresh server.
 */
import { connect } from "node:net";
import WebSocket from "ws";
import { Device, PROTOCOL_VERSION } from "../../shared/protocol.ts";
import {
  HOSTILE_JSON_VALUES,
  type HostileJson,
  NOT_JSON,
  PROTOTYPE_KEYS,
  hostileJsonValue,
  mutateJson,
} from "./hostileValues.ts";
import { type HttpAnswer, httpCall } from "./rawClassroomClient.ts";
import type { SeededRandom } from "./seededRandom.ts";

/** What hostile requests aim at. */
export interface RequestTarget {
  endpoint: string;
  /** The attacked class, and seats in it (someone else's seat is worth claiming). */
  code: string;
  seats: readonly string[];
  /** Colyseus's process id, part of every room socket's path. */
  processId: string;
  /** A class whose teacher key the attacker holds (it created it), so teacher-only routes are reached. */
  ownClass?: { code: string; teacherKey: string; seats: readonly string[] };
  /** A lesson as the server serves it, spoilt for import requests. */
  lesson: Record<string, unknown>;
  lessonId: string;
}

export interface RequestOutcome {
  /** The HTTP status; 0 when there was no answer; 101 when a socket opened. */
  status: number;
  body: string;
}

export interface HostileRequest {
  kind: "join" | "http";
  label: string;
  run(target: RequestTarget, localAddress: string): Promise<RequestOutcome>;
}

const validJoin = (code: string) => ({
  protocolVersion: PROTOCOL_VERSION,
  nickname: "Ada",
  language: "en",
  device: Device.Desktop,
  code,
});

const validCreate = (lessonId: string) => ({
  protocolVersion: PROTOCOL_VERSION,
  nickname: "Ada",
  language: "en",
  device: Device.Desktop,
  lessonId,
});

function post(
  kind: HostileRequest["kind"],
  label: string,
  path: (target: RequestTarget) => string,
  body: (target: RequestTarget) => string | Uint8Array,
  headers: Record<string, string> = { "content-type": "application/json" },
  method = "POST",
): HostileRequest {
  return {
    kind,
    label,
    run: (target, localAddress) =>
      httpCall(target.endpoint, {
        method,
        path: path(target),
        headers,
        body: body(target),
        localAddress,
        timeoutMs: 4000,
      }),
  };
}

const UNEXPOSED_METHODS = [
  ...PROTOTYPE_KEYS,
  "query",
  "remoteRoomCall",
  "createRoom",
  "disconnectAll",
  "invokeMethod",
  "gracefullyShutdown",
  "JOINBYID",
  "x".repeat(200),
];

const HOSTILE_PATH_SEGMENTS = [
  ...PROTOTYPE_KEYS,
  "%00",
  "..%2F..%2Fpackage.json",
  "%2e%2e",
  "%E0%A4%A",
  "%ff",
  "x".repeat(3000),
  "ZZZZZZ",
];

/** A join or create through matchmaking, or a socket claiming a seat, that a server must turn away (or accept sanely). */
export function hostileJoin(rng: SeededRandom): HostileRequest {
  return rng.weighted<() => HostileRequest>([
    [
      6,
      () => {
        const spoilt = mutateJson(rng, validJoin("CODE"));
        return post(
          "join",
          `joinById options ${spoilt.label}`,
          (t) => `/matchmake/joinById/${t.code}`,
          (t) => spoilt.text.replace('"CODE"', JSON.stringify(t.code)),
        );
      },
    ],
    [
      3,
      () => {
        const spoilt = mutateJson(rng, validCreate("LESSON"));
        return post(
          "join",
          `create options ${spoilt.label}`,
          () => "/matchmake/create/classroom",
          (t) => spoilt.text.replace('"LESSON"', JSON.stringify(t.lessonId)),
        );
      },
    ],
    [
      3,
      () => {
        const key = rng.pick([
          "sessionId",
          "__restoreFromSnapshot",
          "reconnectionToken",
          "teacherKey",
          "__proto__",
          "constructor",
        ]);
        return post(
          "join",
          `joinById options + ${key}`,
          (t) => `/matchmake/joinById/${t.code}`,
          (t) => {
            const injected: Record<string, unknown> = {
              sessionId: t.seats[0] ?? "x",
              __restoreFromSnapshot: { code: t.code, lessonId: t.lessonId, teacherKeyHash: "0".repeat(64), roster: [] },
              reconnectionToken: `${t.code}:forged`,
              teacherKey: "0123456789abcdef0123456789abcdef",
              ["__proto__"]: { protocolVersion: PROTOCOL_VERSION, teacherKey: "0".repeat(32) },
              constructor: { prototype: { role: "teacher" } },
            };
            return JSON.stringify({ ...validJoin(t.code) }).replace(
              /}$/,
              `,${JSON.stringify(key)}:${JSON.stringify(injected[key])}}`,
            );
          },
        );
      },
    ],
    [
      2,
      () => {
        const method = rng.pick(UNEXPOSED_METHODS);
        const byCode = rng.chance(0.5);
        return post(
          "join",
          `matchmake method ${JSON.stringify(method.slice(0, 20))}`,
          (t) => `/matchmake/${method}/${byCode ? t.code : "classroom"}`,
          (t) => JSON.stringify(validJoin(t.code)),
        );
      },
    ],
    [
      2,
      () => {
        const room = rng.pick([...HOSTILE_PATH_SEGMENTS, "lower", "padded", "classroom"]);
        return post(
          "join",
          `joinById to room ${JSON.stringify(room.slice(0, 20))}`,
          (t) =>
            `/matchmake/joinById/${room === "lower" ? t.code.toLowerCase() : room === "padded" ? `${t.code}%20` : room}`,
          (t) => JSON.stringify(validJoin(t.code)),
        );
      },
    ],
    [
      3,
      () => {
        const body = rng.pick([...NOT_JSON, ...HOSTILE_JSON_VALUES]);
        const route = rng.pick([
          "joinById/CODE",
          "create/classroom",
          "join/classroom",
          "joinOrCreate/classroom",
          "reconnect/CODE",
        ]);
        return post(
          "join",
          `${route.split("/")[0]} with body ${body.label}`,
          (t) => `/matchmake/${route.replace("CODE", t.code)}`,
          () => body.text,
        );
      },
    ],
    [
      1,
      () => {
        const contentType = rng.pick([
          "text/plain",
          "",
          "application/json; charset=utf-16le",
          "application/x-www-form-urlencoded",
        ]);
        return post(
          "join",
          `joinById as ${JSON.stringify(contentType)}`,
          (t) => `/matchmake/joinById/${t.code}`,
          (t) =>
            contentType.includes("utf-16")
              ? Buffer.from(JSON.stringify(validJoin(t.code)), "utf16le")
              : contentType.includes("form")
                ? `code=${t.code}&nickname=Ada&protocolVersion=1`
                : JSON.stringify(validJoin(t.code)),
          contentType ? { "content-type": contentType } : {},
        );
      },
    ],
    [
      2,
      () => {
        const token = rng.pick<HostileJson>([
          ...HOSTILE_JSON_VALUES.slice(0, 20),
          { label: "a seat id", text: "SEAT" },
          { label: "roomId:forged", text: '"CODE:forged"' },
        ]);
        return post(
          "join",
          `reconnect with token ${token.label}`,
          (t) => `/matchmake/reconnect/${t.code}`,
          (t) =>
            `{"reconnectionToken":${token.text.replace("SEAT", JSON.stringify(t.seats[0] ?? "")).replace("CODE", t.code)}}`,
        );
      },
    ],
    [
      1,
      () =>
        post(
          "join",
          "joinById with a wrong teacher key",
          (t) => `/matchmake/joinById/${t.code}`,
          (t) =>
            JSON.stringify({
              ...validJoin(t.code),
              teacherKey: t.ownClass?.teacherKey ?? "0123456789abcdef0123456789abcdef",
            }),
        ),
    ],
    [
      1,
      () => {
        const nickname = rng.pick([
          "Teacher",
          "T3acher",
          "ｔｅａｃｈｅｒ",
          "Ms Okafor",
          "\u202eevil",
          "👩‍🏫",
          "<b>x</b>",
          "a".repeat(24),
          "a\u0000b",
        ]);
        return post(
          "join",
          `joinById as ${JSON.stringify(nickname)}`,
          (t) => `/matchmake/joinById/${t.code}`,
          (t) => JSON.stringify({ ...validJoin(t.code), nickname }),
        );
      },
    ],
    [
      0.3,
      () =>
        post(
          "join",
          "create with a 1.1 MB body",
          () => "/matchmake/create/classroom",
          () => hugeJson(1_100_000),
        ),
    ],
    [
      2,
      () => {
        const claim = rng.pick(["someone's seat", "__proto__", "", "forged token"] as const);
        return {
          kind: "join",
          label: `socket claiming ${claim}`,
          run: (target, localAddress) => {
            const query =
              claim === "someone's seat"
                ? `sessionId=${target.seats[0] ?? ""}`
                : claim === "forged token"
                  ? `sessionId=${target.seats[0] ?? ""}&reconnectionToken=forged`
                  : `sessionId=${claim}`;
            return openSocket(
              `${target.endpoint.replace("http", "ws")}/${target.processId}/${target.code}?${query}`,
              localAddress,
            );
          },
        };
      },
    ],
  ])();
}

/** A request to one of the server's own routes with a hostile path, header or body. */
export function hostileHttp(rng: SeededRandom): HostileRequest {
  const get = (label: string, path: (t: RequestTarget) => string, headers: Record<string, string> = {}) =>
    post("http", label, path, () => "", headers, "GET");
  return rng.weighted<() => HostileRequest>([
    [
      1,
      () => {
        const query = rng.pick(["NaN", "-1", "1e400", "0x10", "%00", "1&seconds=2", "[]"]);
        const shape = rng.pick(["seconds=", "seconds[]=", "seconds[toString]=", "seconds[__proto__]="]);
        return get(`status ?${shape}${query}`, () => `/api/status?${shape}${query}`);
      },
    ],
    [
      2,
      () => {
        const id = rng.pick(HOSTILE_PATH_SEGMENTS);
        const file = rng.chance(0.3) ? "/file" : "";
        return get(`lesson ${JSON.stringify(id.slice(0, 20))}${file}`, () => `/api/lessons/${id}${file}`);
      },
    ],
    [
      4,
      () => {
        const contentType = rng.pick(["application/json", "application/json", "text/plain"]);
        const headers = { "content-type": contentType };
        const whole = rng.weighted<() => HostileJson | undefined>([
          [4, () => undefined],
          [1, () => hostileJsonValue(rng)],
          [1, () => rng.pick(NOT_JSON)],
          [0.2, () => ({ label: "600 kB", text: hugeJson(600_000) })],
        ])();
        if (whole)
          return post(
            "http",
            `lesson import: ${whole.label}`,
            () => "/api/lessons",
            () => whole.text,
            headers,
          );
        const path = rng.pick(pathsToSpoil);
        const hostile = hostileJsonValue(rng);
        const id = `fuzz-${rng.int(0, 1e6)}`;
        return post(
          "http",
          `lesson import ${path} ← ${hostile.label} (${contentType})`,
          () => "/api/lessons",
          (t) => spoilLesson(t.lesson, id, path, hostile),
          headers,
        );
      },
    ],
    [
      3,
      () => {
        const model = rng.pick(GLB_BODIES);
        const key = rng.pick(["own", "own", "wrong", "none", "long"] as const);
        return {
          kind: "http",
          label: `model upload (${key} key): ${model.label}`,
          run: (t, localAddress) =>
            httpCall(t.endpoint, {
              method: "POST",
              path: `/api/classes/${key === "own" ? (t.ownClass?.code ?? t.code) : t.code}/models`,
              headers: {
                "content-type": "model/gltf-binary",
                ...(key === "none"
                  ? {}
                  : {
                      "x-teacher-key":
                        key === "own"
                          ? (t.ownClass?.teacherKey ?? "")
                          : key === "long"
                            ? "a".repeat(8000)
                            : "0".repeat(32),
                    }),
              },
              body: model.bytes,
              localAddress,
              timeoutMs: 4000,
            }),
        };
      },
    ],
    [
      3,
      () => {
        const route = rng.pick(["records", "replay", "participants/SEAT/data", "participants/SEAT/badge"]);
        const method = route.endsWith("badge") ? "POST" : route.endsWith("data") && rng.chance(0.3) ? "DELETE" : "GET";
        const seat = rng.pick([...HOSTILE_PATH_SEGMENTS, "their seat"]);
        const code = rng.pick(["own", "own", "attacked", "__proto__", "lower"] as const);
        const key = rng.pick(["own", "own", "none", "wrong", "__proto__", "two keys"] as const);
        return {
          kind: "http",
          label: `${method} ${route.replace("SEAT", seat.slice(0, 12))} (${code} class, ${key} key)`,
          run: (t, localAddress) => {
            const own = t.ownClass;
            const classCode =
              code === "own"
                ? (own?.code ?? t.code)
                : code === "attacked"
                  ? t.code
                  : code === "lower"
                    ? t.code.toLowerCase()
                    : code;
            const seatId = seat === "their seat" ? (own?.seats[0] ?? t.seats[0] ?? "x") : seat;
            const keyHeader =
              key === "own"
                ? (own?.teacherKey ?? "")
                : key === "wrong"
                  ? "f".repeat(32)
                  : key === "two keys"
                    ? `${own?.teacherKey ?? ""}, ${"0".repeat(32)}`
                    : key;
            return httpCall(t.endpoint, {
              method,
              path: `/api/classes/${classCode}/${route.replace("SEAT", seatId)}`,
              headers: key === "none" ? {} : { "x-teacher-key": keyHeader },
              localAddress,
              timeoutMs: 4000,
            });
          },
        };
      },
    ],
    [
      2,
      () => {
        // Lesson drafts: hostile ids, keys and lookup bodies; none may read, delete or list a draft without its key.
        const id = rng.pick([...HOSTILE_PATH_SEGMENTS, "abcdefghij123456"]);
        const auth = rng.pick([
          "",
          "Bearer ",
          `Bearer ${"0".repeat(32)}`,
          `Bearer ${"a".repeat(9000)}`,
          "Basic x",
          "Bearer __proto__",
        ]);
        const headers: Record<string, string> = auth ? { authorization: auth } : {};
        if (rng.chance(0.4)) {
          const body = rng.chance(0.5) ? hostileJsonValue(rng) : rng.pick(NOT_JSON);
          return post(
            "http",
            `draft lookup: ${body.label}`,
            () => "/api/drafts/lookup",
            () => body.text,
            {
              "content-type": "application/json",
            },
          );
        }
        const tail = rng.pick(["", "/file"]);
        const method = tail === "" && rng.chance(0.4) ? "DELETE" : "GET";
        return post(
          "http",
          `${method} draft ${JSON.stringify(id.slice(0, 16))}${tail} (${auth.slice(0, 14)})`,
          () => `/api/drafts/${id}${tail}`,
          () => "",
          headers,
          method,
        );
      },
    ],
    [1, () => get("model file", () => `/models/${rng.pick(HOSTILE_PATH_SEGMENTS)}`)],
    [0.5, () => get("voice relays", () => "/api/voice/ice-servers")],
    [0.5, () => get("20 kB header", () => "/api/status", { cookie: "a".repeat(20_000) })],
    [
      0.5,
      () =>
        post(
          "http",
          "OPTIONS matchmake from elsewhere",
          () => "/matchmake/joinById/x",
          () => "",
          { origin: "http://evil.example" },
          "OPTIONS",
        ),
    ],
    [
      1,
      () => {
        const text = rng.pick(MALFORMED_HTTP);
        return {
          kind: "http",
          label: `raw HTTP: ${text.label}`,
          run: (t, localAddress) => rawHttp(t.endpoint, text.text, localAddress),
        };
      },
    ],
  ])();
}

/** Lesson fields worth spoiling, as paths into the lesson JSON. */
const pathsToSpoil = [
  "id",
  "title",
  "format",
  "version",
  "objects",
  "objects.0",
  "objects.0.id",
  "objects.0.pose",
  "steps",
  "steps.0",
];

function spoilLesson(lesson: Record<string, unknown>, id: string, path: string, hostile: HostileJson): string {
  const copy = JSON.parse(JSON.stringify(lesson)) as Record<string, unknown>;
  copy.id = id;
  const keys = path.split(".");
  let node: Record<string, unknown> = copy;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    if (next === null || typeof next !== "object") return JSON.stringify(copy);
    node = next as Record<string, unknown>;
  }
  const marker = "\u0001HOSTILE\u0001";
  node[keys[keys.length - 1]!] = marker;
  return JSON.stringify(copy).replace(JSON.stringify(marker), hostile.text);
}

function hugeJson(bytes: number): string {
  return JSON.stringify({ nickname: "a".repeat(bytes) });
}

/** A binary glTF with this JSON chunk and the lengths in its header as given. */
function glb(jsonText: string, lengths: { total?: number; json?: number } = {}): Uint8Array {
  const jsonBytes = new TextEncoder().encode(jsonText);
  const out = new Uint8Array(20 + jsonBytes.byteLength);
  const view = new DataView(out.buffer);
  view.setUint32(0, 0x46546c67, true);
  view.setUint32(4, 2, true);
  view.setUint32(8, lengths.total ?? out.byteLength, true);
  view.setUint32(12, lengths.json ?? jsonBytes.byteLength, true);
  view.setUint32(16, 0x4e4f534a, true);
  out.set(jsonBytes, 20);
  return out;
}

const GLB_BODIES: { label: string; bytes: Uint8Array }[] = [
  { label: "empty", bytes: new Uint8Array() },
  { label: "19 bytes", bytes: new Uint8Array(19) },
  { label: "random 64 bytes", bytes: Uint8Array.from({ length: 64 }, (_, i) => (i * 151) & 0xff) },
  { label: "JSON null", bytes: glb("null") },
  { label: "JSON []", bytes: glb("[]") },
  { label: "JSON 1", bytes: glb("1") },
  { label: 'JSON "x"', bytes: glb('"x"') },
  { label: "asset null", bytes: glb('{"asset":null}') },
  { label: "buffers [null]", bytes: glb('{"asset":{"version":"2.0"},"buffers":[null]}') },
  { label: "buffers 5", bytes: glb('{"asset":{"version":"2.0"},"buffers":5}') },
  { label: "images {}", bytes: glb('{"asset":{"version":"2.0"},"images":{}}') },
  { label: "extensionsRequired 1", bytes: glb('{"asset":{"version":"2.0"},"extensionsRequired":1}') },
  { label: "nodes {length: 1e9}", bytes: glb('{"asset":{"version":"2.0"},"nodes":{"length":1e9}}') },
  { label: "__proto__ asset", bytes: glb('{"__proto__":{"asset":{"version":"2.0"}}}') },
  { label: "5000 nested arrays", bytes: glb(`{"asset":{"version":"2.0"},"x":${"[".repeat(5000)}${"]".repeat(5000)}}`) },
  { label: "invalid UTF-8 JSON", bytes: glb('{"asset":{"version":"2.0"},"x":"\uFFFD"}'.replace("\uFFFD", "\u00ff")) },
  { label: "JSON length 2^32-1", bytes: glb("{}", { json: 0xffffffff }) },
  { label: "total length 0", bytes: glb("{}", { total: 0 }) },
  { label: "minimal valid", bytes: glb('{"asset":{"version":"2.0"}}  ') },
];

const MALFORMED_HTTP: HostileJson[] = [
  { label: "no request line", text: "\r\n\r\n" },
  { label: "binary junk", text: "\u0000\u0001\u0002garbage\r\n\r\n" },
  {
    label: "both lengths",
    text: "POST /api/lessons HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
  },
  {
    label: "body cut short",
    text: "POST /matchmake/create/classroom HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{",
  },
  {
    label: "bad chunk size",
    text: "POST /api/lessons HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
  },
  { label: "HTTP/9.9", text: "GET /api/status HTTP/9.9\r\nHost: x\r\n\r\n" },
  {
    label: "upgrade without a key",
    text: "GET /x/y?sessionId=a HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n",
  },
];

/** Writes raw text to the server's port and reads what comes back until it closes or a moment passes. */
function rawHttp(endpoint: string, text: string, localAddress: string): Promise<RequestOutcome> {
  const url = new URL(endpoint);
  return new Promise((resolve) => {
    let answer = "";
    const socket = connect({ host: url.hostname, port: Number(url.port), localAddress });
    const finish = () => {
      socket.destroy();
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0);
      resolve({ status, body: answer.slice(0, 200) });
    };
    const timer = setTimeout(finish, 1500);
    socket.on("connect", () => socket.end(text, "latin1"));
    socket.on("data", (chunk) => (answer += chunk.toString("latin1")));
    socket.on("error", () => undefined);
    socket.on("close", () => {
      clearTimeout(timer);
      finish();
    });
  });
}

/** Opens a room socket without a reservation of its own; 101 if the server let it in. */
function openSocket(url: string, localAddress: string): Promise<HttpAnswer> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, { localAddress });
    let joined = false;
    const timer = setTimeout(() => socket.terminate(), 2000);
    socket.on("message", (data: Buffer) => {
      // JOIN_ROOM: the server seated this socket.
      if (data[0] === 10) joined = true;
      socket.terminate();
    });
    socket.on("error", () => undefined);
    socket.on("close", (code) => {
      clearTimeout(timer);
      resolve({ status: joined ? 101 : 0, body: `closed ${code}` });
    });
  });
}
