import { pesan } from '@sigap/domain';
import { sql } from 'kysely';
import { AppError } from '../http/errors.ts';
import type { Trx } from './database.ts';

/**
 * Transaction-level advisory locks that serialise the writes which must not interleave on
 * PostgreSQL (on PGlite there is one connection, so they never wait). Each is released when its
 * transaction ends, committed or not.
 */

/**
 * Every write to one Pemda's schedule over a period (a build, a unit head's adjustment or lock
 * release, a publication, absences recorded in the schedule, a recap import) takes, before it reads
 * anything, one lock per calendar month of its period, in ascending order (so two never deadlock).
 * A build therefore sees every unit head's lock made before it, and a lock made while it runs waits
 * for it and lands on top of the new version; periods in different months do not wait for each other.
 */
export async function kunciPeriodeJadwal(trx: Trx, tenantId: string, dari: string, sampai: string) {
  await sql`
    SELECT pg_advisory_xact_lock(hashtext(${`sigap:jadwal:${tenantId}`}),
                                 (extract(year FROM m) * 12 + extract(month FROM m))::int)
    FROM generate_series(date_trunc('month', ${dari}::date::timestamp),
                         date_trunc('month', ${sampai}::date::timestamp), interval '1 month') AS m`.execute(
    trx,
  );
}

/** What is imported under one lock: the registry (OPDs and employees, which refer to each other) or absences. */
export type JenisKunciImpor = 'registri' | 'ketidakhadiran';

/**
 * Imports of one kind into one Pemda run one at a time: a second waits until the first has committed,
 * then reads what is there now (so its audit "before" values are what it replaced).
 */
export async function kunciImpor(trx: Trx, tenantId: string, jenis: JenisKunciImpor) {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`sigap:impor:${jenis}:${tenantId}`}))`.execute(trx);
}

/** PostgreSQL's SQLSTATE codes for a write that collided with another one. */
const TABRAKAN = new Set(['40001', '40P01', '23505', '23P01', '55P03']);

/**
 * A database error caused by two writes colliding (serialization failure, deadlock, unique or
 * exclusion violation, lock not available), in words; null for any other error.
 */
export function galatTabrakan(e: unknown, apa: { id: string; en: string }): AppError | null {
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !TABRAKAN.has(code)) return null;
  return new AppError(
    'KONFLIK',
    pesan(
      `${apa.id} bertabrakan dengan perubahan lain pada data yang sama dan dibatalkan; tidak ada yang diubah. Coba lagi setelah perubahan itu selesai`,
      `${apa.en} collided with another change to the same data and was cancelled; nothing was changed. Try again once that change has finished`,
    ),
  );
}
