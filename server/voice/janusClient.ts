/**
 * The classroom server's line to Janus's AudioBridge over the WebSocket API:
 * one session and one plugin handle, requests answered by transaction, a
 * keepalive. Used to make each class's mixing room, let its participants in
 * and mute whoever may not speak.
 */
import { randomBytes } from "node:crypto";

interface Pending {
  resolve: (data: Record<string, unknown>) => void;
  reject: (error: Error) => void;
}

const KEEPALIVE_MS = 25_000;
const REQUEST_TIMEOUT_MS = 10_000;

export class JanusClient {
  private socket: WebSocket | undefined;
  private session = 0;
  private handle = 0;
  private readonly pending = new Map<string, Pending>();
  private keepalive: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly url: string) {}

  async connect(): Promise<void> {
    const socket = new WebSocket(this.url, "janus-protocol");
    this.socket = socket;
    await new Promise<void>((resolve, reject) => {
      socket.addEventListener("open", () => resolve(), { once: true });
      socket.addEventListener("error", () => reject(new Error(`cannot reach Janus at ${this.url}`)), { once: true });
    });
    socket.addEventListener("message", (event) => this.onMessage(String(event.data)));
    socket.addEventListener("close", () => {
      for (const { reject } of this.pending.values()) reject(new Error("Janus closed the connection"));
      this.pending.clear();
    });
    this.session = ((await this.send({ janus: "create" })).data as { id: number }).id;
    this.handle = (
      (await this.send({ janus: "attach", session_id: this.session, plugin: "janus.plugin.audiobridge" })).data as {
        id: number;
      }
    ).id;
    this.keepalive = setInterval(
      () => void this.send({ janus: "keepalive", session_id: this.session }).catch(() => undefined),
      KEEPALIVE_MS,
    );
  }

  /** A synchronous AudioBridge request; resolves with the plugin's answer, rejects with its error. */
  async audioBridge(body: Record<string, unknown>): Promise<Record<string, unknown>> {
    const reply = await this.send({ janus: "message", session_id: this.session, handle_id: this.handle, body });
    const data = (reply.plugindata as { data?: Record<string, unknown> } | undefined)?.data ?? {};
    if (data.error) throw new Error(`Janus AudioBridge: ${String(data.error)}`);
    return data;
  }

  close(): void {
    clearInterval(this.keepalive);
    this.socket?.close();
  }

  private send(message: Record<string, unknown>): Promise<Record<string, unknown>> {
    const transaction = randomBytes(8).toString("hex");
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(transaction);
        reject(new Error(`Janus did not answer ${String(message.janus)}`));
      }, REQUEST_TIMEOUT_MS);
      this.pending.set(transaction, {
        resolve: (data) => {
          clearTimeout(timer);
          resolve(data);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      this.socket!.send(JSON.stringify({ ...message, transaction }));
    });
  }

  private onMessage(text: string): void {
    let message: Record<string, unknown>;
    try {
      message = JSON.parse(text) as Record<string, unknown>;
    } catch {
      return;
    }
    const transaction = typeof message.transaction === "string" ? message.transaction : undefined;
    const waiting = transaction ? this.pending.get(transaction) : undefined;
    if (!waiting || message.janus === "ack") return;
    this.pending.delete(transaction!);
    if (message.janus === "error") waiting.reject(new Error(`Janus: ${JSON.stringify(message.error)}`));
    else waiting.resolve(message);
  }
}
