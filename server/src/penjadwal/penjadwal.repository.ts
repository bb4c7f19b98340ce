import { CompiledQuery, sql } from 'kysely';
import type { Db, SigapDatabase, Trx } from '../db/database.ts';

/** The schema pg-boss keeps its tables in. */
export const SKEMA_ANTREAN = 'pgboss';

/** A pg-boss `db` that runs the library's SQL inside one Kysely transaction (so a job commits with it). */
export function dbDalam(trx: Trx | Db) {
  return {
    executeSql: async (text: string, values?: unknown[]) => {
      const r = await trx.executeQuery(CompiledQuery.raw(text, values ?? []));
      return { rows: r.rows as unknown[] };
    },
  };
}

/** Claims a once-only key; false when it was claimed before (by this server or another). */
export async function klaimKunci(trx: Trx, tugas: string, kunci: string): Promise<boolean> {
  const r = await trx
    .insertInto('penjadwal_kunci')
    .values({ tugas, kunci })
    .onConflict((oc) => oc.columns(['tugas', 'kunci']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Records the job a claimed key made. */
export async function catatJob(trx: Trx, tugas: string, kunci: string, jobId: string | null) {
  await trx
    .updateTable('penjadwal_kunci')
    .set({ job_id: jobId })
    .where('tugas', '=', tugas)
    .where('kunci', '=', kunci)
    .execute();
}

/** Removes once-only keys older than `hari` days; how many. */
export async function hapusKunciLama(db: Db, hari: number): Promise<number> {
  const r = await db
    .deleteFrom('penjadwal_kunci')
    .where('dibuat_pada', '<', sql<Date>`now() - make_interval(days => ${hari})`)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

/**
 * Lets the request role (sigap_app) add jobs inside a request's transaction: a notice and the job that
 * pushes it then commit together. Only INSERT on the job table (and reading the queue's settings, which
 * the insert joins); the role cannot read or change jobs. Serialised by an advisory lock: two servers
 * granting at once would otherwise collide on the catalog row.
 */
export async function beriHakMenambahJob(sdb: SigapDatabase) {
  if (!sdb.useAppRole) return;
  await sdb.db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(74219)`.execute(trx);
    await sql.raw(`GRANT USAGE ON SCHEMA ${SKEMA_ANTREAN} TO sigap_app`).execute(trx);
    await sql.raw(`GRANT SELECT ON ${SKEMA_ANTREAN}.queue TO sigap_app`).execute(trx);
    await sql.raw(`GRANT INSERT, SELECT (id) ON ${SKEMA_ANTREAN}.job TO sigap_app`).execute(trx);
  });
}

/** Whether jobs can be added from this transaction: the queue's schema exists and is usable. */
export async function antreanTersedia(trx: Trx): Promise<boolean> {
  const r = await sql<{ ok: boolean }>`
    SELECT COALESCE((SELECT has_schema_privilege(n.oid, 'USAGE')
                       FROM pg_namespace n WHERE n.nspname = ${SKEMA_ANTREAN}), false) AS ok`.execute(trx);
  return r.rows[0]?.ok === true;
}

/**
 * Runs `fn` while holding a PostgreSQL session advisory lock on a connection of its own, so servers starting
 * together set the queue up one at a time: pg-boss's schema creation (CREATE SCHEMA IF NOT EXISTS …) and a
 * queue's creation (a partition attached to the job table) race and deadlock when two run at once. `fn`'s
 * own queries use other connections of the pool. On PGlite (one process, one connection, and holding it
 * would block `fn`) it just runs `fn`: PGlite runs one statement at a time, and each of those is one.
 */
export async function satuPerSatu<T>(sdb: SigapDatabase, fn: () => Promise<T>): Promise<T> {
  if (sdb.kind !== 'postgres') return fn();
  return sdb.db.connection().execute(async (c) => {
    await sql`SELECT pg_advisory_lock(74220)`.execute(c);
    try {
      return await fn();
    } finally {
      await sql`SELECT pg_advisory_unlock(74220)`.execute(c);
    }
  });
}
