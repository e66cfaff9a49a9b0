/**
 * One port for HTTP and HTTPS: a connection that opens with a TLS handshake
 * is served over TLS, any other as plain HTTP, by the same handlers (pages,
 * matchmaking and rooms' WebSockets alike). So `http://localhost:2567` keeps
 * working on the teacher's laptop, and headsets open `https://<laptop>:2567`.
 */
import { createServer, type Server } from "node:http";
import type { Socket } from "node:net";
import { createServer as createTlsServer, type TLSSocket } from "node:tls";

/** The first byte of a TLS record carrying a handshake. */
const TLS_HANDSHAKE = 0x16;

export function serveHttpAndHttps(tls: { cert: string; key: string }): Server {
  const server = createServer();
  // http.Server's own connection handling, taken over so each connection is looked at first.
  const servePlain = server.listeners("connection") as ((socket: Socket) => void)[];
  server.removeAllListeners("connection");
  const serve = (socket: Socket | TLSSocket) => servePlain.forEach((listener) => listener.call(server, socket));
  // HTTP/1.1 only: the rooms' WebSockets upgrade from HTTP/1.1.
  const secure = createTlsServer({ cert: tls.cert, key: tls.key, ALPNProtocols: ["http/1.1"] }, serve);
  // A device that has not yet accepted a self-made certificate hangs up mid-handshake: nothing to report.
  secure.on("tlsClientError", (_error, socket) => socket.destroy());

  const route = (socket: Socket) => {
    const first = socket.read() as Buffer | null;
    if (first === null) {
      socket.once("readable", () => route(socket));
      return;
    }
    socket.unshift(first);
    if (first[0] === TLS_HANDSHAKE) {
      socket.allowHalfOpen = false;
      secure.emit("connection", socket);
    } else serve(socket);
  };
  server.on("connection", (socket: Socket) => {
    // A socket that errors before its first byte (a port scan) must not take the process down.
    socket.on("error", () => socket.destroy());
    route(socket);
  });
  return server;
}
