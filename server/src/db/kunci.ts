import { pesan } from '@sigap/domain';
import { sql } from 'kysely';
import { AppError } from '../errors.ts';
import type { Trx } from './database.ts';

/**
 * Transaction-level advisory locks that serialise the writes which must not interleave on
 * PostgreSQL (on PGlite there is one connection, so they never wait). Each is released when its
 * transaction ends, committed or not.
 *
 * Waiting for one has a limit (SIGAP_LOCK_WAIT_S seconds, default 30; README, docs/import.md): a
 * writer that cannot take its lock by then is refused with 409 KONFLIK in words, nothing changed,
 * instead of queueing behind a long import or build for ever.
 */

/** Default of SIGAP_LOCK_WAIT_S: how long a writer waits for another one's lock, in seconds. */
export const TUNGGU_KUNCI_BAWAAN_S = 30;

/** How long a writer waits for a lock, in milliseconds (SIGAP_LOCK_WAIT_S, read at each use). */
export function tungguKunciMs(): number {
  const v = process.env.SIGAP_LOCK_WAIT_S;
  if (v === undefined || v.trim() === '') return TUNGGU_KUNCI_BAWAAN_S * 1000;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0)
    throw new Error(`SIGAP_LOCK_WAIT_S=${v}: harus angka positif / must be a positive number`);
  return Math.max(1, Math.round(n * 1000));
}

/**
 * Runs a statement that takes locks with `lock_timeout` set to the limit for that statement only (the
 * transaction's own setting comes back after it). PostgreSQL cancels the wait with 55P03 when it
 * runs out: that is answered with `sibuk`, in words. (PGlite never waits: one connection.)
 */
async function denganBatasTunggu(trx: Trx, ambil: () => Promise<unknown>, sibuk: () => AppError) {
  const lalu = await sql<{ v: string }>`SELECT current_setting('lock_timeout') AS v`.execute(trx);
  await sql`SELECT set_config('lock_timeout', ${`${tungguKunciMs()}ms`}, true)`.execute(trx);
  try {
    await ambil();
  } catch (e) {
    if ((e as { code?: unknown } | null)?.code === '55P03') throw sibuk();
    throw e;
  }
  await sql`SELECT set_config('lock_timeout', ${lalu.rows[0]!.v}, true)`.execute(trx);
}

function detik(lang: 'id' | 'en') {
  const s = tungguKunciMs() / 1000;
  return `${s.toLocaleString(lang === 'id' ? 'id-ID' : 'en-US')} ${lang === 'id' ? 'detik' : 's'}`;
}

/**
 * Every write to one Pemda's schedule over a period (a build, a unit head's adjustment or lock
 * release, a publication, absences recorded in the schedule, a recap import) takes, before it reads
 * anything, one lock per calendar month of its period, in ascending order (so two never deadlock).
 * A build therefore sees every unit head's lock made before it, and a lock made while it runs waits
 * for it and lands on top of the new version; periods in different months do not wait for each other.
 */
export async function kunciPeriodeJadwal(trx: Trx, tenantId: string, dari: string, sampai: string) {
  await denganBatasTunggu(
    trx,
    () =>
      sql`
    SELECT pg_advisory_xact_lock(hashtext(${`sigap:jadwal:${tenantId}`}),
                                 (extract(year FROM m) * 12 + extract(month FROM m))::int)
    FROM generate_series(date_trunc('month', ${dari}::date::timestamp),
                         date_trunc('month', ${sampai}::date::timestamp), interval '1 month') AS m`.execute(
        trx,
      ),
    () =>
      new AppError(
        'KONFLIK',
        pesan(
          `Jadwal Pemda ini untuk periode itu sedang diubah oleh proses lain (pembuatan, penerbitan atau impor) lebih dari ${detik('id')}; tidak ada yang diubah — coba lagi sebentar lagi`,
          `This Pemda's schedule for that period has been busy with another change (a build, publication or import) for more than ${detik('en')}; nothing was changed — try again shortly`,
        ),
      ),
  );
}

/** What is imported under one lock: the registry (OPDs and employees, which refer to each other) or absences. */
export type JenisKunciImpor = 'registri' | 'ketidakhadiran';

/**
 * Imports of one kind into one Pemda run one at a time: a second waits until the first has committed,
 * then reads what is there now (so its audit "before" values are what it replaced). The single writes
 * of the same data take the same lock (an employee edited in a form; leave recorded, requested or
 * decided one by one), so they take turns with an import too.
 */
export async function kunciImpor(trx: Trx, tenantId: string, jenis: JenisKunciImpor) {
  await denganBatasTunggu(
    trx,
    () => sql`SELECT pg_advisory_xact_lock(hashtext(${`sigap:impor:${jenis}:${tenantId}`}))`.execute(trx),
    () => {
      const apa =
        jenis === 'registri'
          ? { id: 'OPD dan pegawai', en: 'OPDs and employees' }
          : { id: 'cuti, sakit dan isolasi', en: 'leave, sickness and isolation' };
      return new AppError(
        'KONFLIK',
        pesan(
          `Impor lain untuk Pemda ini (${apa.id}) sedang berjalan lebih dari ${detik('id')}; tidak ada yang diubah — coba lagi sebentar lagi`,
          `Another import for this Pemda (${apa.en}) has been running for more than ${detik('en')}; nothing was changed — try again shortly`,
        ),
      );
    },
  );
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
