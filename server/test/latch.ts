import { sql } from 'kysely';
import type { SigapDatabase } from '../src/db/database.ts';

/**
 * Latches that make a race between requests reproducible on PostgreSQL: a lock held from a connection
 * of the test's own until released, and a look at who is waiting for a lock. (PGlite has one
 * connection: the requests are serialised there, and a latch would wait forever.)
 */

/** Holds a lock (a `LOCK TABLE …` or `SELECT … FOR UPDATE`) until the returned function is called. */
export async function tahan(sdb: SigapDatabase, kunci: string): Promise<() => Promise<void>> {
  let lepas!: () => void;
  const dilepas = new Promise<void>((r) => {
    lepas = r;
  });
  let dipegang!: () => void;
  const sudah = new Promise<void>((r) => {
    dipegang = r;
  });
  const selesai = sdb.db.transaction().execute(async (trx) => {
    await sql.raw(kunci).execute(trx);
    dipegang();
    await dilepas;
  });
  await Promise.race([sudah, selesai]);
  return async () => {
    lepas();
    await selesai;
  };
}

/** How many sessions of this database wait for a lock (of a kind, on a table). */
export async function menunggu(sdb: SigapDatabase, f: { jenis?: string; tabel?: string } = {}) {
  const r = await sql<{ n: number }>`
    SELECT count(DISTINCT l.pid)::int AS n FROM pg_locks l
    JOIN pg_stat_activity a ON a.pid = l.pid AND a.datname = current_database()
    WHERE NOT l.granted
      AND (${f.jenis ?? null}::text IS NULL OR l.locktype = ${f.jenis ?? null})
      AND (${f.tabel ?? null}::text IS NULL OR l.relation = to_regclass(${f.tabel ?? null}))`.execute(sdb.db);
  return r.rows[0]!.n;
}

/** Polls until `cond` holds, or `berhenti` does (then nothing more is awaited); fails after 15 s. */
export async function tungguSampai(cond: () => Promise<boolean>, apa: string, berhenti = () => false) {
  const batas = Date.now() + 15_000;
  while (!berhenti() && !(await cond())) {
    if (Date.now() > batas) throw new Error(`still waiting for: ${apa}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
