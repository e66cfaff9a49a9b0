/** Starts a real classroom server on a free loopback port for a test file. */
import { startServer, type RunningServer, type ServerOverrides } from "../../server/app.ts";
import type { ServerConfig } from "../../server/config.ts";

export async function startTestServer(
  overrides: ServerOverrides = {},
  settings: Partial<ServerConfig> = {},
): Promise<RunningServer> {
  return startServer(
    {
      port: 0,
      host: "127.0.0.1",
      publicUrl: undefined,
      clientDir: "dist/client",
      lessonsDir: "assets/lessons",
      modelsDir: "assets/models",
      dataDir: undefined,
      ...settings,
    },
    overrides,
  );
}
