/**
 * `npm run janus`: writes the Janus configuration for class voices into
 * `.data/janus` and runs Janus in the foreground (Debian package "janus").
 * Settings: JANUS_ADMIN_KEY (required: the same value goes to the classroom
 * server), JANUS_PORT (8188), JANUS_INTERFACE (the WebSocket API's address,
 * all by default), JANUS_NAT_IP (the public address behind a 1:1 NAT),
 * JANUS_RTP_PORTS ("20000-40000").
 */
import { spawn } from "node:child_process";
import { resolve } from "node:path";
import { writeJanusConfig } from "./janusConfig.ts";

const adminKey = process.env.JANUS_ADMIN_KEY;
if (!adminKey) {
  console.error("Set JANUS_ADMIN_KEY (a long random string) here and on the classroom server.");
  process.exit(1);
}
const dir = resolve(".data/janus");
const [from, to] = (process.env.JANUS_RTP_PORTS ?? "20000-40000").split("-").map(Number);
writeJanusConfig({
  dir,
  wsPort: Number(process.env.JANUS_PORT ?? 8188),
  adminKey,
  rtpPorts: [from!, to!],
  ...(process.env.JANUS_INTERFACE ? { wsInterface: process.env.JANUS_INTERFACE } : {}),
  ...(process.env.JANUS_NAT_IP ? { natPublicIp: process.env.JANUS_NAT_IP } : {}),
});
console.log(`Janus configuration written to ${dir}`);
const janus = spawn(process.env.JANUS_PATH ?? "janus", ["-F", dir, "-C", `${dir}/janus.jcfg`], { stdio: "inherit" });
janus.on("exit", (code) => process.exit(code ?? 0));
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => janus.kill(signal));
