/**
 * A loopback TCP relay whose connections a test can cut, to play a network
 * drop between a client and the server without touching either.
 */
import { createServer, connect, type Socket } from "node:net";
import type { AddressInfo } from "node:net";

export interface TcpProxy {
  port: number;
  /** Destroys every open connection, as a dropped Wi-Fi link would. */
  cutAll(): void;
  /** While paused, new connections are refused (the link stays down). */
  setDown(down: boolean): void;
  close(): Promise<void>;
}

/**
 * `sourceAddress` (another loopback address, e.g. 127.0.0.2) makes the
 * server see the relayed clients as coming from a network of their own.
 */
export async function startTcpProxy(targetPort: number, sourceAddress = "127.0.0.1"): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let down = false;
  const server = createServer((incoming) => {
    if (down) {
      incoming.destroy();
      return;
    }
    const outgoing = connect({ port: targetPort, host: "127.0.0.1", localAddress: sourceAddress });
    for (const socket of [incoming, outgoing]) {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
      socket.on("error", () => socket.destroy());
    }
    incoming.pipe(outgoing);
    outgoing.pipe(incoming);
    incoming.on("close", () => outgoing.destroy());
    outgoing.on("close", () => incoming.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    cutAll: () => {
      for (const socket of sockets) socket.destroy();
    },
    setDown: (value) => {
      down = value;
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
