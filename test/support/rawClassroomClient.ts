/**
 * A bare-wire classroom client for hostile tests: it speaks matchmaking and
 * the Colyseus frame protocol by hand, so a test can send any bytes at all
 * (frames the SDK would never build), and binds each connection to a
 * loopback address of its own (127.x.y.z), so a server's per-address limits
 * see every attacker connection as another machine.
 */
import { request } from "node:http";
import { Protocol } from "@colyseus/shared-types";
import { decode } from "@colyseus/schema";
import { unpack } from "msgpackr";
import WebSocket from "ws";
import { packMsgpack } from "./hostileValues.ts";

export interface SeatReservation {
  name: string;
  roomId: string;
  processId: string;
  sessionId: string;
  publicAddress?: string;
}

export interface HttpAnswer {
  /** 0 when no answer came: the connection was reset or timed out. */
  status: number;
  body: string;
}

export interface HttpCall {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  /** The source address (any 127.x.y.z); the server sees the request as coming from it. */
  localAddress?: string;
  timeoutMs?: number;
}

/** One HTTP request to a server on loopback; never throws. */
export function httpCall(endpoint: string, call: HttpCall): Promise<HttpAnswer> {
  const url = new URL(endpoint);
  return new Promise((resolve) => {
    let settled = false;
    const done = (answer: HttpAnswer) => {
      if (settled) return;
      settled = true;
      resolve(answer);
    };
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        method: call.method,
        path: call.path,
        headers: call.headers,
        ...(call.localAddress ? { localAddress: call.localAddress } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => done({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", () => done({ status: res.statusCode ?? 0, body: "" }));
      },
    );
    req.setTimeout(call.timeoutMs ?? 5000, () => {
      req.destroy();
      done({ status: 0, body: "timed out" });
    });
    req.on("error", (error) => done({ status: 0, body: error.message }));
    req.end(call.body);
  });
}

/** Asks matchmaking for a seat (`create`, `joinById`, `reconnect`…) with whatever options body. */
export async function matchmake(
  endpoint: string,
  method: string,
  target: string,
  body: unknown,
  localAddress?: string,
): Promise<{ ok: true; reservation: SeatReservation } | { ok: false; status: number; body: string }> {
  const answer = await httpCall(endpoint, {
    method: "POST",
    path: `/matchmake/${method}/${target}`,
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify(body),
    ...(localAddress ? { localAddress } : {}),
  });
  if (answer.status !== 200) return { ok: false, status: answer.status, body: answer.body };
  try {
    const reservation = JSON.parse(answer.body) as SeatReservation;
    if (typeof reservation.sessionId === "string" && typeof reservation.roomId === "string")
      return { ok: true, reservation };
  } catch {
    // Falls through: a 200 without a reservation is a failure too.
  }
  return { ok: false, status: answer.status, body: answer.body };
}

/** A message the server sent this seat (ROOM_DATA), decoded. */
export interface ServerData {
  type: string | number;
  payload: unknown;
}

/** One socket in a room, after the join handshake. */
export class RawSeat {
  /** `roomId:token`, as the SDK's `room.reconnectionToken`. */
  reconnectionToken = "";
  /** The close code, once closed, and when (performance.now()). */
  closeCode: number | undefined;
  closedAt: number | undefined;
  /** Refusals and other messages from the room, newest last (a few kept). */
  readonly received: ServerData[] = [];
  readonly closed: Promise<number>;
  private dataListeners: ((data: ServerData) => void)[] = [];

  private constructor(
    readonly socket: WebSocket,
    readonly reservation: SeatReservation,
    /** The source address the server sees (and names in its log). */
    readonly localAddress: string | undefined,
  ) {
    this.closed = new Promise((resolve) =>
      socket.once("close", (code) => {
        this.closeCode = code;
        this.closedAt = performance.now();
        resolve(code);
      }),
    );
  }

  get sessionId(): string {
    return this.reservation.sessionId;
  }

  get roomId(): string {
    return this.reservation.roomId;
  }

  get isOpen(): boolean {
    return this.socket.readyState === WebSocket.OPEN && this.closeCode === undefined;
  }

  /**
   * Connects with a reservation and completes the join handshake; rejects
   * with the server's error (or the close code) when the room refuses.
   */
  static open(
    endpoint: string,
    reservation: SeatReservation,
    options: { localAddress?: string; reconnectionToken?: string; timeoutMs?: number } = {},
  ): Promise<RawSeat> {
    const url = new URL(endpoint);
    const query = new URLSearchParams({ sessionId: reservation.sessionId });
    if (options.reconnectionToken) query.set("reconnectionToken", options.reconnectionToken);
    const socket = new WebSocket(
      `ws://${url.host}/${reservation.processId}/${reservation.roomId}?${query}`,
      options.localAddress ? { localAddress: options.localAddress } : {},
    );
    const seat = new RawSeat(socket, reservation, options.localAddress);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        socket.terminate();
        reject(new Error("join handshake timed out"));
      }, options.timeoutMs ?? 5000);
      socket.on("error", () => undefined);
      socket.on("message", (raw: Buffer, isBinary) => {
        if (!isBinary) return;
        const bytes = new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength);
        if (bytes[0] === Protocol.JOIN_ROOM && !seat.reconnectionToken) {
          const token = new TextDecoder().decode(bytes.subarray(2, 2 + bytes[1]!));
          seat.reconnectionToken = `${reservation.roomId}:${token}`;
          socket.send(Uint8Array.of(Protocol.JOIN_ROOM));
          clearTimeout(timer);
          resolve(seat);
        } else if (bytes[0] === Protocol.ERROR) {
          clearTimeout(timer);
          reject(new Error(`room refused the seat: ${decodeError(bytes)}`));
        } else if (bytes[0] === Protocol.ROOM_DATA) {
          seat.deliver(bytes);
        }
      });
      void seat.closed.then((code) => {
        clearTimeout(timer);
        reject(new Error(`closed (${code}) before joining`));
      });
    });
  }

  /** Sends a frame as it is; false when the socket is no longer open. */
  send(frame: Uint8Array | string): boolean {
    if (!this.isOpen) return false;
    this.socket.send(frame, { binary: typeof frame !== "string" });
    return true;
  }

  onData(listen: (data: ServerData) => void): void {
    this.dataListeners.push(listen);
  }

  /** Set when this side cut the connection without a word (`drop`). */
  dropped = false;

  /** Cuts the connection without a close frame, as a lost Wi-Fi does: the room may hold the seat. */
  drop(): void {
    this.dropped = true;
    this.socket.terminate();
  }

  /** Leaves on purpose (the seat is given up), then closes. */
  leave(): void {
    if (this.isOpen) this.socket.send(Uint8Array.of(Protocol.LEAVE_ROOM));
    setTimeout(() => this.socket.terminate(), 200).unref();
  }

  private deliver(bytes: Uint8Array): void {
    try {
      const it = { offset: 1 };
      const type = decode.stringCheck(bytes, it) ? decode.string(bytes, it) : decode.number(bytes, it);
      const payload = bytes.byteLength > it.offset ? unpack(bytes.subarray(it.offset)) : undefined;
      const data = { type, payload };
      this.received.push(data);
      if (this.received.length > 20) this.received.shift();
      for (const listen of this.dataListeners) listen(data);
    } catch {
      // A message this bare client cannot read is not what is under test.
    }
  }
}

function decodeError(bytes: Uint8Array): string {
  try {
    const it = { offset: 1 };
    const code = decode.number(bytes, it);
    return `${code} ${decode.string(bytes, it)}`;
  } catch {
    return "unreadable error";
  }
}

/** A frame header as the SDK writes it: the protocol code, then the message type. */
function header(code: number, type: string | number, requestId?: number): Uint8Array {
  return Uint8Array.of(code, ...(requestId === undefined ? [] : packMsgpack(requestId)), ...packMsgpack(type));
}

/** ROOM_DATA: what `room.send(type, payload)` sends; `payload` is msgpack bytes (well-formed or not). */
export function roomDataFrame(type: string | number, payload?: Uint8Array): Uint8Array {
  return concatBytes(header(Protocol.ROOM_DATA, type), payload ?? new Uint8Array());
}

/** ROOM_REQUEST: what `room.request(type, payload)` sends. */
export function roomRequestFrame(requestId: number, type: string | number, payload?: Uint8Array): Uint8Array {
  return concatBytes(header(Protocol.ROOM_REQUEST, type, requestId), payload ?? new Uint8Array());
}

/** ROOM_DATA_BYTES: what `room.sendBytes(type, bytes)` sends. */
export function roomBytesFrame(type: string | number, bytes: Uint8Array): Uint8Array {
  return concatBytes(header(Protocol.ROOM_DATA_BYTES, type), bytes);
}

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}

/** Loopback source addresses, a fresh one per call (127.1.0.1, 127.1.0.2, …), never 127.0.0.1. */
export function loopbackAddresses(): () => string {
  let next = 0;
  return () => {
    const n = next++;
    return `127.${1 + (Math.floor(n / (254 * 256)) % 254)}.${Math.floor(n / 254) % 256}.${1 + (n % 254)}`;
  };
}
