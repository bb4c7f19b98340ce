import { sql } from 'kysely';
import type { Db, Trx } from '../../db/database.ts';

// The reads of the period read model (evaluasi.service) that belong to no other module's writes:
// the stored policy versions and the regional context (written by kebijakan), the dates the
// organisation changes, and the approved absences over a period (written by cuti). Kept here so that
// reading a period depends on no module that itself builds schedules.

export interface KebijakanRow {
  id: string;
  versi: number;
  status: string;
  judul: string;
  nomor: string;
  tanggal: string;
  dokumen: unknown;
  sumber: string;
  dibuat_oleh: string;
  dibuat_pada: Date;
  status_oleh: string | null;
  status_pada: Date | null;
}

/** Every version of every policy (or of one), oldest first. */
export function listKebijakan(trx: Trx, id?: string): Promise<KebijakanRow[]> {
  return kueriListKebijakan(trx, id).execute() as Promise<KebijakanRow[]>;
}

export function kueriListKebijakan(db: Db, id?: string) {
  let q = db.selectFrom('kebijakan').selectAll();
  if (id) q = q.where('id', '=', id);
  return q.orderBy('id').orderBy('versi');
}

/** The zone / PPKM level records, oldest first. */
export function listKonteks(trx: Trx) {
  return kueriListKonteks(trx).execute();
}

export function kueriListKonteks(db: Db) {
  return db.selectFrom('konteks_wilayah').selectAll().orderBy('dari');
}

/** Dates inside (dari, sampai] on which some OPD or placement changes: the organisation differs from then on. */
export async function tanggalPerubahanOrg(trx: Trx, dari: string, sampai: string): Promise<string[]> {
  const r = await kueriTanggalPerubahanOrg(dari, sampai).execute(trx);
  return r.rows.map((x) => x.d);
}

/** Every date an OPD or a placement began or ended (column `d`). */
const PERUBAHAN_ORG = sql`(
      SELECT berlaku_dari AS d FROM pegawai_versi UNION ALL SELECT berlaku_sampai FROM pegawai_versi
      UNION ALL SELECT berlaku_dari FROM opd_versi UNION ALL SELECT berlaku_sampai FROM opd_versi
    )`;

export function kueriTanggalPerubahanOrg(dari: string, sampai: string) {
  return sql<{ d: string }>`
    SELECT DISTINCT d::text AS d FROM ${PERUBAHAN_ORG} x WHERE d > ${dari}::date AND d <= ${sampai}::date ORDER BY 1`;
}

/**
 * The last date on or before `tanggal` on which the organisation changed (an OPD or a placement began or
 * ended), or null if it never did: two dates with the same answer see the same organisation.
 */
export async function mulaiVersiOrg(trx: Trx, tanggal: string): Promise<string | null> {
  const r = await kueriMulaiVersiOrg(tanggal).execute(trx);
  return r.rows[0]?.d ?? null;
}

export function kueriMulaiVersiOrg(tanggal: string) {
  return sql<{
    d: string | null;
  }>`SELECT max(d)::text AS d FROM ${PERUBAHAN_ORG} x WHERE d <= ${tanggal}::date`;
}

/** Approved absences (leave, sick, isolation) overlapping a period. */
export function disetujuiDalam(trx: Trx, dari: string, sampai: string) {
  return kueriDisetujuiDalam(trx, dari, sampai).execute();
}

export function kueriDisetujuiDalam(db: Db, dari: string, sampai: string) {
  return db
    .selectFrom('ketidakhadiran')
    .select(['pegawai_id', 'jenis', 'dari', 'sampai'])
    .where('status', '=', 'disetujui')
    .where('dari', '<=', sampai)
    .where('sampai', '>=', dari);
}

/**
 * The Pemda's revision of what policy evaluation reads: how many changes to the organisation, calendar,
 * working hours, regional context or policies have been committed (0007_revisi.sql). Grows with every
 * committed change; equal numbers mean nothing evaluation reads has changed in between.
 */
export async function revisiData(trx: Trx, tenantId: string): Promise<string> {
  const r = await kueriRevisiData(trx, tenantId).executeTakeFirstOrThrow();
  return String(r.n);
}

export function kueriRevisiData(db: Db, tenantId: string) {
  return db
    .selectFrom('revisi_data')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('tenant_id', '=', tenantId);
}

/**
 * The period the schedule page opens on (the newest schedule built or imported, else the newest of any
 * kind: web features/jadwal periodeBawaan), for warming the evaluation when the server starts.
 */
export function periodeJadwalTerbaru(trx: Trx) {
  return kueriPeriodeJadwalTerbaru(trx).executeTakeFirst();
}

export function kueriPeriodeJadwalTerbaru(db: Db) {
  return db
    .selectFrom('jadwal')
    .select(['dari', 'sampai'])
    .orderBy(sql`jenis IN ('buat', 'impor')`, 'desc')
    .orderBy('dibuat_pada', 'desc')
    .limit(1);
}
