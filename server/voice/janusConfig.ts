/**
 * Configuration files for a Janus media server that mixes class voices
 * (its AudioBridge plugin): only that plugin and the WebSocket transport are
 * loaded, rooms can be created only with the admin key the classroom server
 * holds, and nothing is recorded. `npm run janus` writes them and starts
 * Janus; the voice browser test does the same on a free port.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export interface JanusSettings {
  /** Where the files go (Janus's configs folder). */
  dir: string;
  /** WebSocket API port (browsers and the classroom server connect here). */
  wsPort: number;
  /** Interface the WebSocket API listens on. */
  wsInterface?: string;
  /** The key the classroom server creates rooms with. */
  adminKey: string;
  /** UDP ports for media. */
  rtpPorts?: [number, number];
  /** A public address to announce (behind NAT), when there is one. */
  natPublicIp?: string;
  pluginsFolder?: string;
  transportsFolder?: string;
}

export function writeJanusConfig(settings: JanusSettings): void {
  mkdirSync(settings.dir, { recursive: true });
  const [from, to] = settings.rtpPorts ?? [20_000, 40_000];
  const lib = "/usr/lib/x86_64-linux-gnu/janus";
  writeFileSync(
    join(settings.dir, "janus.jcfg"),
    `general: {
  configs_folder = "${settings.dir}"
  plugins_folder = "${settings.pluginsFolder ?? `${lib}/plugins`}"
  transports_folder = "${settings.transportsFolder ?? `${lib}/transports`}"
  events_folder = "${lib}/events"
  loggers_folder = "${lib}/loggers"
  debug_level = 3
  # Sessions the browser abandoned go after a minute.
  session_timeout = 60
}
media: {
  rtp_port_range = "${from}-${to}"
}
nat: {
  nice_debug = false
  ice_ignore_list = "vmnet"
${settings.natPublicIp ? `  nat_1_1_mapping = "${settings.natPublicIp}"\n` : ""}}
plugins: {
  disable = "libjanus_videoroom.so,libjanus_streaming.so,libjanus_echotest.so,libjanus_recordplay.so,libjanus_sip.so,libjanus_nosip.so,libjanus_textroom.so,libjanus_videocall.so,libjanus_voicemail.so,libjanus_lua.so,libjanus_duktape.so"
}
transports: {
  disable = "libjanus_http.so,libjanus_mqtt.so,libjanus_nanomsg.so,libjanus_pfunix.so,libjanus_rabbitmq.so"
}
events: {
  broadcast = false
}
`,
  );
  writeFileSync(
    join(settings.dir, "janus.transport.websockets.jcfg"),
    `general: {
  json = "compact"
  ws = true
  ws_port = ${settings.wsPort}
${settings.wsInterface ? `  ws_ip = "${settings.wsInterface}"\n` : ""}  wss = false
}
admin: {
  admin_ws = false
  admin_wss = false
}
`,
  );
  writeFileSync(
    join(settings.dir, "janus.plugin.audiobridge.jcfg"),
    `general: {
  # Rooms only through the API, and only with this key: the classroom server makes one per class.
  admin_key = "${settings.adminKey}"
  lock_rtp_forward = true
  lock_play_file = true
  events = false
}
`,
  );
}
