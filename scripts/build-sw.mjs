// Generates dist/sw.js with Workbox: precaches the hashed build (HTML, JS, wasm, CSS, icons,
// manifest) so the app opens offline, and serves index.html for navigations, or cv.html for those
// of the CV tool (/cv…) and proposte.html for those of the proposal tool (/proposte…), each its
// own wasm. /api/* is never
// matched: data comes from IndexedDB, never from a stale cache.
import { generateSW } from "workbox-build";

const { count, size, warnings } = await generateSW({
  globDirectory: "dist",
  globPatterns: ["**/*.{html,js,wasm,css,png,svg,webmanifest,txt}"],
  // The everyday pages' wasm serves only a first visit, before this worker is installed: once it
  // is, navigations get the whole portal (index.html). Not downloaded again for nothing.
  globIgnores: ["portale.html", "sito-portale-*"],
  swDest: "dist/sw.js",
  mode: "production",
  inlineWorkboxRuntime: true,
  sourcemap: false,
  skipWaiting: true,
  clientsClaim: true,
  cleanupOutdatedCaches: true,
  // Trunk puts a content hash in these names (a 64-bit hex number, so 16 digits or fewer when
  // it starts with zeros): no need for a revision query.
  dontCacheBustURLsMatching: /-[0-9a-f]{1,16}(_bg)?\.(js|wasm|css)$/,
  navigateFallback: "/index.html",
  navigateFallbackDenylist: [/^\/api\//, /^\/redazione(\/|$)/, /^\/cv(\/|$)/, /^\/proposte(\/|$)/],
  runtimeCaching: [
    {
      // The CV tool's pages: from the worker when online, from the precached cv.html offline.
      urlPattern: ({ request, url }) => request.mode === "navigate" && /^\/cv(\/|$)/.test(url.pathname),
      handler: "NetworkFirst",
      options: { cacheName: "cv-pages", networkTimeoutSeconds: 3, precacheFallback: { fallbackURL: "/cv.html" } },
    },
    {
      // The proposal tool's pages: the same, with proposte.html.
      urlPattern: ({ request, url }) => request.mode === "navigate" && /^\/proposte(\/|$)/.test(url.pathname),
      handler: "NetworkFirst",
      options: { cacheName: "proposte-pages", networkTimeoutSeconds: 3, precacheFallback: { fallbackURL: "/proposte.html" } },
    },
  ],
  maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
});
for (const warning of warnings) console.warn(`sw: ${warning}`);
console.log(`sw: precaching ${count} files, ${(size / 1024).toFixed(1)} KiB`);
