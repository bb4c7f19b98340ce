import { sql } from 'kysely';
import type { SigapDatabase } from './database.ts';

/** How often the embedded database's statistics are looked at while the server runs. */
export const JEDA_STATISTIK_MS = 60_000;

/**
 * PostgreSQL's autovacuum keeps the planner's statistics fresh; the embedded PGlite database has no
 * autovacuum, so without this a table filled by an import or a schedule build keeps "0 rows" as its
 * statistics, and the planner picks plans for an empty table (measured on the demo: the schedule-in-force
 * query did 35,796 index look-ups and sorted on disk, 2.2 s; after ANALYZE 0.8 s).
 *
 * Analyses the tables changed enough since their last analysis, by autovacuum's own default rule
 * (`autovacuum_analyze_threshold` 50 + `autovacuum_analyze_scale_factor` 0.1 × rows), and the tables
 * never analysed that hold rows. Returns the tables analysed. On PostgreSQL it does nothing: autovacuum
 * does it there.
 */
export async function segarkanStatistik(sdb: SigapDatabase): Promise<string[]> {
  if (sdb.kind !== 'pglite') return [];
  const r = await sql<{ tabel: string }>`
    SELECT s.relname AS tabel
      FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
     WHERE s.schemaname = 'public'
       AND (s.n_mod_since_analyze > 50 + 0.1 * greatest(c.reltuples, 0)
            OR (c.reltuples < 0 AND s.n_live_tup > 0))
     ORDER BY s.relname`.execute(sdb.db);
  const tabel = r.rows.map((x) => x.tabel);
  for (const t of tabel) await sql`ANALYZE ${sql.id('public', t)}`.execute(sdb.db);
  return tabel;
}

/**
 * Keeps the embedded database's statistics fresh while the server runs: once shortly after start (a
 * demo seeded or an import run from the command line just before) and then every minute. The timers
 * do not keep the process alive; the returned function stops them and waits for a round under way, so
 * the database can be closed after it. A failure is logged, never thrown: statistics only make queries
 * faster.
 */
export function jagaStatistik(sdb: SigapDatabase, log: (pesan: string) => void): () => Promise<void> {
  if (sdb.kind !== 'pglite') return async () => undefined;
  let berhenti = false;
  let timer: NodeJS.Timeout | undefined;
  let berjalan: Promise<void> | null = null;
  const putaran = async () => {
    try {
      const t = await segarkanStatistik(sdb);
      if (t.length > 0) log(`statistik diperbarui / statistics refreshed: ${t.join(', ')}`);
    } catch (e) {
      log(`statistik gagal diperbarui / statistics refresh failed: ${(e as Error).message}`);
    }
  };
  const jadwalkan = (jeda: number) => {
    timer = setTimeout(() => {
      if (berhenti) return;
      berjalan = putaran().finally(() => {
        berjalan = null;
        if (!berhenti) jadwalkan(JEDA_STATISTIK_MS);
      });
    }, jeda);
    timer.unref();
  };
  jadwalkan(1_000);
  return async () => {
    berhenti = true;
    if (timer) clearTimeout(timer);
    await berjalan;
  };
}
