import { defineConfig } from 'vitest/config';

// Three tiers (docs/CONTRIBUTING.md): unit (pure, no I/O), db (real SQL on PGlite, or on PostgreSQL
// when SIGAP_TEST_PG_URL is set), e2e (the real server driven by Debian chromium).
const ALONE = 'server/src/http/responsive.db.test.ts';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'domain/src/**/*.test.ts',
            'server/src/**/*.test.ts',
            'web/src/**/*.test.ts',
            'bench/**/*.test.ts',
          ],
          exclude: ['**/*.db.test.ts', '**/*.wajah.test.ts', '**/node_modules/**'],
          // Measured: the slowest unit tests (PDF rendering, NIP and calendar properties) take 2–6 s
          // when the other core runs a heavy process; 20 s keeps every one within half its timeout.
          testTimeout: 20_000,
        },
      },
      {
        // The real face model (server/src/modules/wajah/mesin): no database, but a model load per worker and
        // ~0.3–0.5 s per photo; ~9 s for the file on an idle 2-core machine, so not in unit.
        test: {
          name: 'wajah',
          include: ['server/**/*.wajah.test.ts'],
          // the enrolment commands' tests use a database too (a migrated PGlite template, as db does)
          globalSetup: ['server/test/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'db',
          include: ['server/**/*.db.test.ts'],
          exclude: [ALONE, '**/node_modules/**'],
          globalSetup: ['server/test/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        // Measures the server's own responsiveness: run by scripts/test.mjs after the db pass, alone.
        test: {
          name: 'alone',
          include: [ALONE],
          globalSetup: ['server/test/global-setup.ts'],
          testTimeout: 600_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.spec.ts'],
          globalSetup: ['e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
