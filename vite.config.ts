import { cpSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

const require = createRequire(import.meta.url);
const profilesDir = join(dirname(require.resolve("@webxr-input-profiles/assets/package.json")), "dist", "profiles");
const PROFILES_URL = "/xr-profiles/";

/**
 * Serves the WebXR controller and hand profiles from our own origin: the XR
 * library would otherwise fetch them from a CDN, which a school network (and
 * our privacy promise) rules out.
 */
function xrProfiles(): Plugin {
  return {
    name: "meridian-xr-profiles",
    configureServer(server) {
      server.middlewares.use(PROFILES_URL, (req, res, next) => {
        const path = join(profilesDir, decodeURIComponent((req.url ?? "/").split("?")[0]!));
        if (!path.startsWith(profilesDir)) return next();
        res.setHeader("Cache-Control", "max-age=3600");
        import("node:fs").then(({ createReadStream, existsSync, statSync }) =>
          existsSync(path) && statSync(path).isFile() ? createReadStream(path).pipe(res) : next(),
        );
      });
    },
    writeBundle(options) {
      cpSync(profilesDir, join(options.dir!, PROFILES_URL), { recursive: true });
    },
  };
}

export default defineConfig({
  root: resolve("client"),
  publicDir: resolve("client/public"),
  plugins: [react(), xrProfiles()],
  // Two copies of three (one pinned by the XR emulator) blank the canvas in XR.
  resolve: { dedupe: ["three"] },
  build: {
    outDir: resolve("dist/client"),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    // Which files each page and lazy part loads: the byte budgets (test/build/bundleBudgets.test.ts) read it.
    manifest: true,
  },
});
