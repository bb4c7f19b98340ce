import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../test/db.ts';

/**
 * PostgreSQL may close a connection the pool holds idle (a restart, an administrator, a failover). The
 * pool reports it as an 'error' event; with no listener Node stops the whole server. On PGlite there
 * is no connection to lose (the test checks that it is PGlite and ends there).
 */
let sdb: Awaited<ReturnType<typeof freshDatabase>>;

beforeAll(async () => {
  sdb = await freshDatabase();
}, 60_000);

afterAll(async () => {
  await sdb?.cleanup();
});

describe('the database connection', () => {
  it('survives PostgreSQL closing its idle connections and answers the next query', async () => {
    if (sdb.kind !== 'postgres') {
      expect(sdb.kind).toBe('pglite');
      return;
    }
    // Open a few pooled connections, then leave them idle.
    await Promise.all(Array.from({ length: 3 }, () => sql`SELECT pg_sleep(0.05)`.execute(sdb.db)));
    const { rows } = await sql<{ db: string }>`SELECT current_database() AS db`.execute(sdb.db);
    const admin = new pg.Client({ connectionString: process.env.SIGAP_TEST_PG_URL });
    await admin.connect();
    try {
      const r = await admin.query(
        'SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
        [rows[0]!.db],
      );
      expect(r.rows[0].n).toBeGreaterThan(0);
    } finally {
      await admin.end();
    }
    await new Promise((ok) => setTimeout(ok, 300)); // the 'error' events arrive meanwhile
    const again = await sql<{ x: number }>`SELECT 1 AS x`.execute(sdb.db);
    expect(again.rows[0]!.x).toBe(1);
  });
});
