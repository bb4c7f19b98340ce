import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// Root is web/; the server serves web/dist with an SPA fallback, and builds it on first run.
export default defineConfig({
  root: here('.'),
  plugins: [react()],
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
