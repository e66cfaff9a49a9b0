/**
 * A thin, far network link in front of a loopback server: one shared
 * bottleneck each way (every connection's bytes queue for the same
 * bandwidth, as on a school's or a village's single line) and half the round
 * trip added to each chunk each way. Unlike a browser's own network
 * emulation, it slows everything the browser fetches, its service worker's
 * fetches included.
 */
import { type Socket, connect, createServer } from "node:net";
import type { AddressInfo } from "node:net";

export interface ThinLink {
  port: number;
  close(): Promise<void>;
}

/** One direction of the link: chunks leave in order, no sooner than the delay and the bandwidth allow. */
function direction(bytesPerSecond: number, delayMs: number) {
  let freeAt = 0;
  return (chunk: Buffer, deliver: () => void) => {
    const now = performance.now();
    const sent = Math.max(now, freeAt) + (chunk.length / bytesPerSecond) * 1000;
    freeAt = sent;
    const timer = setTimeout(deliver, sent + delayMs - now);
    timer.unref?.();
  };
}

export async function startThinLink(
  targetPort: number,
  { downloadKbps, uploadKbps, roundTripMs }: { downloadKbps: number; uploadKbps: number; roundTripMs: number },
): Promise<ThinLink> {
  const down = direction((downloadKbps * 1000) / 8, roundTripMs / 2);
  const up = direction((uploadKbps * 1000) / 8, roundTripMs / 2);
  const sockets = new Set<Socket>();
  const relay = (from: Socket, to: Socket, link: ReturnType<typeof direction>) => {
    from.on("data", (chunk: Buffer) => link(chunk, () => to.destroyed || to.write(chunk)));
    from.on("end", () => link(Buffer.alloc(0), () => to.destroyed || to.end()));
  };
  const server = createServer((browserSide) => {
    const serverSide = connect({ port: targetPort, host: "127.0.0.1" });
    for (const socket of [browserSide, serverSide]) {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
      socket.on("error", () => socket.destroy());
    }
    relay(browserSide, serverSide, up);
    relay(serverSide, browserSide, down);
    browserSide.on("close", () => serverSide.destroy());
    serverSide.on("close", () => browserSide.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
