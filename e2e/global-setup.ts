import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const WEB_DIR = join(ROOT, 'web');
const DEMO_DATA = join(ROOT, 'server/src/demo/data.ts');

async function waitForFile(path: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!existsSync(path)) {
    if (Date.now() > until) throw new Error(`${path} does not exist (waited ${timeoutMs / 1000} s)`);
    await new Promise((r) => setTimeout(r, 2000));
  }
}

/**
 * Builds the web app, seeds the demo Pemda into a fresh PGlite folder and starts the real server
 * in-process on a loopback port; the browser tests get its address through `inject('baseUrl')`.
 */
export default async function setup(project: TestProject) {
  // Vitest sets NODE_ENV=test, which would make Vite and the React plugin emit a development build.
  const vite = await import('vite');
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await vite.build({
      root: WEB_DIR,
      configFile: join(WEB_DIR, 'vite.config.ts'),
      logLevel: 'warn',
      mode: 'production',
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }

  await waitForFile(DEMO_DATA, 120_000);
  const { openDatabase } = await import('../server/src/db/database.ts');
  const { buildApp } = await import('../server/src/http/app.ts');
  const { seedDemo } = await import('../server/src/demo/seed.ts');
  const { mulaiPenjadwalServer } = await import('../server/src/penjadwal/server.ts');

  const dir = mkdtempSync(join(tmpdir(), 'sigap-e2e-'));
  const sdb = await openDatabase(dir);
  await seedDemo(sdb);
  // Tests sign in many times from one address: lift the per-IP login limit.
  const app = await buildApp({
    sdb,
    serveWeb: true,
    loginRateLimit: 10_000,
    jagaStatistik: true,
    hangatkan: true,
  });
  // Web Push to a push service the test serves on loopback (e2e/dorong.spec.ts); never an outside one.
  process.env.SIGAP_DORONG_LOOPBACK = '1';
  await app.listen({ host: '127.0.0.1', port: 0 });
  // The scheduler as `sigap serve` starts it (deliveries of Web Push, the daily retention).
  const penjadwal = await mulaiPenjadwalServer(sdb, () => undefined);
  const addr = app.server.address();
  if (!addr || typeof addr === 'string') throw new Error('server has no TCP address');
  project.provide('baseUrl', `http://127.0.0.1:${addr.port}`);

  return async () => {
    await app.close();
    await penjadwal.berhenti();
    await sdb.close();
    rmSync(dir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
