import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../test/db.ts';
import type { SigapDatabase } from './database.ts';
import { jagaStatistik, segarkanStatistik } from './statistik.ts';

// PGlite has no autovacuum: the server analyses what changed (autovacuum's default rule) so the planner
// does not plan a filled table as an empty one. On PostgreSQL autovacuum does it, and Sigap stays out.

let sdb: SigapDatabase & { cleanup(): Promise<void> };
beforeAll(async () => {
  sdb = await freshDatabase();
  await sql`CREATE TABLE uji_statistik (id int PRIMARY KEY, nilai text)`.execute(sdb.db);
});
afterAll(async () => sdb.cleanup());

/** Inserts rows; the change counts reach the statistics at once (a backend otherwise reports every second). */
async function isi(dari: number, sampai: number) {
  await sql`INSERT INTO uji_statistik SELECT g, 'x' || g FROM generate_series(${dari}::int, ${sampai}::int) g`.execute(
    sdb.db,
  );
  await sql`SELECT pg_stat_force_next_flush()`.execute(sdb.db);
  await sql`SELECT 1`.execute(sdb.db);
}

async function perkiraanBaris(): Promise<number> {
  const r = await sql<{
    n: number;
  }>`SELECT reltuples::float8 AS n FROM pg_class WHERE relname = 'uji_statistik'`.execute(sdb.db);
  return Number(r.rows[0]?.n);
}

describe('segarkanStatistik', () => {
  it('analyses a table once it changed by more than 50 rows + 10 %, and only then', async () => {
    await isi(1, 2000);
    const pertama = await segarkanStatistik(sdb);
    if (sdb.kind === 'postgres') {
      expect(pertama).toEqual([]); // autovacuum's job there
      return;
    }
    expect(pertama).toContain('uji_statistik');
    expect(await perkiraanBaris()).toBe(2000);
    expect(await segarkanStatistik(sdb)).not.toContain('uji_statistik');

    await isi(2001, 2200); // 200 changed rows: under 50 + 10 % of 2,000
    expect(await segarkanStatistik(sdb)).not.toContain('uji_statistik');
    await isi(2201, 2300); // 300 since the analysis: over 250
    expect(await segarkanStatistik(sdb)).toContain('uji_statistik');
    expect(await perkiraanBaris()).toBe(2300);
  });

  it('the server keeps them fresh on its own shortly after it starts, and stops cleanly', async () => {
    if (sdb.kind === 'postgres') return;
    await isi(2301, 5000);
    const log: string[] = [];
    const henti = jagaStatistik(sdb, (m) => log.push(m));
    const batas = Date.now() + 10_000;
    while ((await perkiraanBaris()) !== 5000 && Date.now() < batas)
      await new Promise((r) => setTimeout(r, 200));
    await henti();
    expect(await perkiraanBaris()).toBe(5000);
    expect(log.join('\n')).toMatch(/statistik diperbarui .*uji_statistik/);
  });
});
