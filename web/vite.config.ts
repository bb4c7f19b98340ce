import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// Root is web/; the server serves web/dist with an SPA fallback, and builds it on first run.
export default defineConfig({
  root: here('.'),
  plugins: [
    react(),
    // The installable app and its service worker (src/sw.ts: precache, Web Push, notification click).
    // injectManifest: our own worker, into which the plugin writes the list of files to precache: the app
    // shell (HTML, JS, CSS, the icon; about 1.7 MB). Left out: the face library chunk (human.esm, 1.5 MB,
    // loaded by the check-in page only, from the network), and the face model and its WASM, which are not
    // in dist (the server serves them from node_modules at /wajah-model).
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      registerType: 'autoUpdate',
      injectRegister: 'script-defer',
      manifest: {
        name: 'Sigap',
        short_name: 'Sigap',
        description: 'Sistem kerja ASN: WFO, WFH dan piket',
        lang: 'id',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#1c7ed6',
        icons: [{ src: '/ikon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,svg}'],
        globIgnores: ['**/human.esm-*.js'],
        maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
      },
      devOptions: { enabled: false },
    }),
  ],
  resolve: {
    // The domain package is TypeScript source in the workspace; point at it directly.
    // `@sigap/domain/api/<area>` is the API contract (domain/src/api/<area>.ts).
    alias: [
      { find: /^@sigap\/domain\/api\/(.+)$/, replacement: `${here('../domain/src/api')}/$1.ts` },
      { find: /^@sigap\/domain$/, replacement: here('../domain/src/index.ts') },
    ],
  },
  css: { postcss: here('.') },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      // The domain package is pure (no module runs anything on import) and so is yaml: saying so lets
      // the bundler leave the YAML parser out of the first load; only the policy pages fetch it.
      treeshake: { moduleSideEffects: (id: string) => !/\/domain\/src\/|\/node_modules\/yaml\//.test(id) },
    },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
