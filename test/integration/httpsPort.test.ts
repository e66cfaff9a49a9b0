/**
 * HTTP and HTTPS on one port, as `npm start` serves them: the same routes
 * answer both ways, a client trusting exactly the server's certificate
 * connects, and connections that are neither (garbage after a TLS record
 * byte, a hang-up before the first byte, a handshake left half done) close
 * without harming anyone else.
 */
import { request } from "node:https";
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../server/app.ts";
import { startTestServer } from "../support/server.ts";

let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer({}, { tls: { kind: "selfMade", dir: undefined } });
});
afterAll(async () => {
  await server?.stop();
});

/** GET over HTTPS, trusting only the server's own certificate. */
function getSecure(path: string, host = "localhost"): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: "127.0.0.1", servername: host, port: server.port, path, ca: server.certificate!.cert },
      (res) => {
        let body = "";
        res.on("data", (chunk: Buffer) => (body += chunk.toString()));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on("error", reject);
    req.end();
  });
}

/** Opens a raw connection, writes bytes, and resolves when the server closes it (or after a second). */
function rawConnection(bytes: Buffer | undefined, endAfterWrite = false): Promise<void> {
  return new Promise((resolve) => {
    const socket = connect(server.port, "127.0.0.1", () => {
      if (bytes) socket.write(bytes);
      if (endAfterWrite || !bytes) socket.end();
    });
    socket.on("data", () => undefined);
    socket.on("error", () => resolve());
    socket.on("close", () => resolve());
    setTimeout(() => {
      socket.destroy();
      resolve();
    }, 1000);
  });
}

describe("one port, HTTP and HTTPS", () => {
  it("serves the same routes both ways, over TLS with the certificate it made", async () => {
    const plain = await fetch(`http://127.0.0.1:${server.port}/api/lessons`);
    expect(plain.status).toBe(200);
    const secure = await getSecure("/api/lessons");
    expect(secure.status).toBe(200);
    expect(JSON.parse(secure.body)).toEqual(await plain.json());
    // The certificate names the machine's own names: another name is refused by a client that checks.
    await expect(getSecure("/api/lessons", "class.other.example")).rejects.toThrow(/altnames|Hostname/i);
  });

  it("connections that are neither close, and the next ones are served", async () => {
    await Promise.all([
      rawConnection(undefined),
      rawConnection(Buffer.from([0x16, 0x03, 0x01, 0xff, 0xff, 1, 2, 3, 4, 5]), true),
      rawConnection(Buffer.from([0x16, 0x03, 0x01, 0x00, 0x40])),
      rawConnection(Buffer.from("NOT HTTP AT ALL\r\n\r\n")),
      rawConnection(Buffer.from([0x00, 0xff, 0x16])),
    ]);
    expect((await getSecure("/api/share")).status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${server.port}/api/share`)).status).toBe(200);
  });
});
