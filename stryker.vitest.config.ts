import { defineConfig } from 'vitest/config';

// The unit tests of the domain only, for mutation testing (stryker.config.json, `npm run mutation`).
export default defineConfig({
  test: {
    include: ['domain/src/**/*.test.ts'],
    exclude: ['**/node_modules/**'],
  },
});
