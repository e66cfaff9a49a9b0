import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { brotliCompressSync, constants as zlibConstants } from "node:zlib";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";
import { VitePWA } from "vite-plugin-pwa";
import { type BuildManifest, classOnScreenFiles } from "./scripts/build/clientPaths.ts";

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

/**
 * Compresses the hashed scripts and styles with Brotli at its highest level,
 * once, at build time (server/http/precompressed.ts serves them): about a
 * fifth smaller than gzip for students on thin links. The headset
 * emulator's large synthetic rooms (never on a student's path) are left as they are.
 */
function brotliAhead(): Plugin {
  return {
    name: "meridian-brotli-ahead",
    apply: "build",
    writeBundle(options, bundle) {
      for (const file of Object.keys(bundle)) {
        if (!/^assets\/.*\.(js|css)$/.test(file)) continue;
        const path = join(options.dir!, file);
        const bytes = readFileSync(path);
        if (bytes.length < 1024 || bytes.length > 1024 * 1024) continue;
        writeFileSync(
          `${path}.br`,
          brotliCompressSync(bytes, {
            params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
          }),
        );
      }
    },
  };
}

/**
 * An installable web app whose service worker keeps what a returning
 * student needs, so a second visit on a thin link is instant and the page
 * opens with no network at all. Kept ahead: the start page and what a
 * student on a screen loads to reach a class (a visit that joined has them
 * in the browser's cache already, so keeping them costs no second download).
 * Kept as used: the rest of the app's code, fonts and languages (hashed
 * names, so kept as first fetched), lessons and models (refreshed when online).
 */
function installableApp() {
  return VitePWA({
    // The page decides when a new version takes over (client/app/appUpdates.ts): never in the middle of a class.
    registerType: "prompt",
    injectRegister: false,
    manifest: {
      name: "Meridian classroom",
      short_name: "Meridian",
      description: "A shared 3D classroom for classes in different countries.",
      start_url: "/",
      display: "standalone",
      background_color: "#f4f1ea",
      theme_color: "#1d3557",
      icons: [{ src: "/icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" }],
    },
    workbox: {
      // The start page and the class on a screen, as the build manifest lists them (scripts/build/clientPaths.ts).
      globPatterns: ["index.html", "icon.svg", "assets/*.{js,css}"],
      maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
      // Hashed names: fetched as they are, so the browser's cache (immutable) answers rather than the network.
      dontCacheBustURLsMatching: /^assets\//,
      manifestTransforms: [
        (entries) => {
          const manifest = JSON.parse(
            readFileSync(resolve("dist/client/.vite/manifest.json"), "utf8"),
          ) as BuildManifest;
          const needed = classOnScreenFiles(manifest);
          return { manifest: entries.filter((entry) => !entry.url.startsWith("assets/") || needed.has(entry.url)) };
        },
      ],
      navigateFallback: "/index.html",
      // Pages only: the server's own routes are never answered with the app's page.
      navigateFallbackDenylist: [/^\/api\//, /^\/matchmake\//, /^\/models\//, /^\/xr-profiles\//],
      cleanupOutdatedCaches: true,
      // The first visit's page is looked after at once; a later version still waits to be let in (appUpdates.ts).
      clientsClaim: true,
      runtimeCaching: [
        {
          // Hashed file names never change content: kept as first fetched.
          urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith("/assets/"),
          handler: "CacheFirst",
          options: { cacheName: "meridian-assets", expiration: { maxEntries: 400 } },
        },
        {
          urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith("/xr-profiles/"),
          handler: "CacheFirst",
          options: { cacheName: "meridian-xr-profiles", expiration: { maxEntries: 60 } },
        },
        {
          // The lesson list and lessons: fresh when the network answers within 4 s, else as last seen.
          urlPattern: ({ url, sameOrigin }) => sameOrigin && /^\/api\/lessons(\/[^/]+)?$/.test(url.pathname),
          handler: "NetworkFirst",
          options: { cacheName: "meridian-lessons", networkTimeoutSeconds: 4, expiration: { maxEntries: 100 } },
        },
        {
          urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith("/models/"),
          handler: "StaleWhileRevalidate",
          options: { cacheName: "meridian-models", expiration: { maxEntries: 60 } },
        },
      ],
    },
  });
}

export default defineConfig({
  root: resolve("client"),
  publicDir: resolve("client/public"),
  plugins: [react(), xrProfiles(), installableApp(), brotliAhead()],
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
