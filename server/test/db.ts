import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type SigapDatabase } from '../src/db/database.ts';

/**
 * A fresh, migrated PGlite folder at `dir` (for tests that drive `bin/sigap.mjs --db <folder>`): a copy
 * of the migrated template when this pass made one, else a new database (the PostgreSQL pass has no
 * template, and initdb then takes a few seconds).
 */
export async function folderPglite(dir: string): Promise<string> {
  const template = inject('pgliteTemplate') as string | undefined;
  if (template) cpSync(template, dir, { recursive: true });
  else await (await openDatabase(dir)).close();
  return dir;
}

/** A fresh, migrated database for one test file: a PGlite copy, or a new PostgreSQL database. */
export async function freshDatabase(): Promise<
  SigapDatabase & { cleanup(): Promise<void>; pgUrl: string | null }
> {
  const pgUrl = process.env.SIGAP_TEST_PG_URL;
  if (pgUrl) {
    const name = `sigap_t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(pgUrl);
    url.pathname = `/${name}`;
    const sdb = await openDatabase(url.toString());
    return Object.assign(sdb, {
      /** this database's URL: a second server may open it (PGlite folders are held by one) */
      pgUrl: url.toString(),
      async cleanup() {
        await sdb.close();
        const a = new pg.Client({ connectionString: pgUrl });
        await a.connect();
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await a.end();
      },
    });
  }
  const dir = mkdtempSync(join(tmpdir(), 'sigap-db-'));
  cpSync(inject('pgliteTemplate'), dir, { recursive: true });
  const sdb = await openDatabase(dir);
  return Object.assign(sdb, {
    pgUrl: null,
    async cleanup() {
      await sdb.close();
      rmSync(dir, { recursive: true, force: true });
    },
  });
}
