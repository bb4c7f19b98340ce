import { sql } from 'kysely';
import type { Trx } from '../../db/database.ts';
import { jeda } from '../../pekerja/jeda.ts';

// Rows per statement: small enough that one statement holds PGlite (and so the server) only briefly.
const CHUNK = 500;

export type JenisVersi = 'buat' | 'ubah' | 'impor' | 'cuti';

export function insertJadwal(
  trx: Trx,
  tenantId: string,
  j: {
    dari: string;
    sampai: string;
    cakupanOpd: string | null;
    pelanggaran: unknown;
    oleh: string;
    jenis?: JenisVersi;
    keterangan?: string;
    /** 'terbit' for a change to a published schedule: it is published as it is made */
    status?: 'draft' | 'terbit';
  },
) {
  const terbit = j.status === 'terbit';
  return trx
    .insertInto('jadwal')
    .values({
      tenant_id: tenantId,
      dari: j.dari,
      sampai: j.sampai,
      cakupan_opd: j.cakupanOpd,
      status: j.status ?? 'draft',
      pelanggaran: JSON.stringify(j.pelanggaran),
      dibuat_oleh: j.oleh,
      jenis: j.jenis ?? 'buat',
      keterangan: j.keterangan ?? '',
      diterbitkan_oleh: terbit ? j.oleh : null,
      diterbitkan_pada: terbit ? new Date() : null,
    })
    .returning(['id', 'dibuat_pada'])
    .executeTakeFirstOrThrow();
}

export interface SelBaru {
  pegawai_id: string;
  tanggal: string;
  status: string;
  kebijakan_id: string | null;
  kebijakan_versi: number | null;
  aturan_id: string | null;
  alasan: string;
}

export async function insertSel(trx: Trx, tenantId: string, jadwalId: string, sel: readonly SelBaru[]) {
  for (let i = 0; i < sel.length; i += CHUNK) {
    await trx
      .insertInto('jadwal_sel')
      .values(sel.slice(i, i + CHUNK).map((c) => ({ tenant_id: tenantId, jadwal_id: jadwalId, ...c })))
      .execute();
    await jeda(); // other requests get their turn between chunks (PGlite runs in this thread)
  }
}

/**
 * The schedule in force for a date range: for each person and day, the cell of the newest schedule
 * version that covers it.
 */
export function selBerlaku(
  trx: Trx,
  dari: string,
  sampai: string,
  opsi: { hanyaTerbit?: boolean; pegawaiId?: string } = {},
) {
  let q = trx
    .selectFrom('jadwal_sel as s')
    .innerJoin('jadwal as j', (x) =>
      x.onRef('j.tenant_id', '=', 's.tenant_id').onRef('j.id', '=', 's.jadwal_id'),
    )
    .distinctOn(['s.pegawai_id', 's.tanggal'])
    .select([
      's.pegawai_id',
      's.tanggal',
      's.status',
      's.kebijakan_id',
      's.kebijakan_versi',
      's.aturan_id',
      's.alasan',
      'j.id as jadwal_id',
      'j.status as jadwal_status',
    ])
    .where('s.tanggal', '>=', dari)
    .where('s.tanggal', '<=', sampai);
  if (opsi.hanyaTerbit) q = q.where('j.status', '=', 'terbit');
  if (opsi.pegawaiId) q = q.where('s.pegawai_id', '=', opsi.pegawaiId);
  return q.orderBy('s.pegawai_id').orderBy('s.tanggal').orderBy('j.dibuat_pada', 'desc').execute();
}

/** Dates inside (dari, sampai] on which some OPD or placement changes: the organisation differs from then on. */
export async function tanggalPerubahanOrg(trx: Trx, dari: string, sampai: string): Promise<string[]> {
  const r = await sql<{ d: string }>`
    SELECT DISTINCT d::text AS d FROM (
      SELECT berlaku_dari AS d FROM pegawai_versi UNION ALL SELECT berlaku_sampai FROM pegawai_versi
      UNION ALL SELECT berlaku_dari FROM opd_versi UNION ALL SELECT berlaku_sampai FROM opd_versi
    ) x WHERE d > ${dari}::date AND d <= ${sampai}::date ORDER BY 1`.execute(trx);
  return r.rows.map((x) => x.d);
}

export function jadwalById(trx: Trx, id: string) {
  return trx.selectFrom('jadwal').selectAll().where('id', '=', id).executeTakeFirst();
}

export function pegawaiDalamJadwal(trx: Trx, jadwalId: string) {
  return trx
    .selectFrom('jadwal_sel')
    .select('pegawai_id')
    .distinct()
    .where('jadwal_id', '=', jadwalId)
    .execute();
}

export function terbitkan(trx: Trx, id: string, oleh: string) {
  return trx
    .updateTable('jadwal')
    .set({ status: 'terbit', diterbitkan_oleh: oleh, diterbitkan_pada: new Date() })
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .executeTakeFirst();
}

export function listKunci(trx: Trx, dari: string, sampai: string) {
  return trx
    .selectFrom('jadwal_kunci')
    .select(['pegawai_id', 'tanggal', 'status', 'oleh', 'pada'])
    .where('tanggal', '>=', dari)
    .where('tanggal', '<=', sampai)
    .execute();
}

export async function simpanKunci(
  trx: Trx,
  tenantId: string,
  k: { pegawai_id: string; tanggal: string; status: string; oleh: string },
) {
  await trx
    .insertInto('jadwal_kunci')
    .values({ tenant_id: tenantId, ...k })
    .onConflict((oc) =>
      oc
        .columns(['tenant_id', 'pegawai_id', 'tanggal'])
        .doUpdateSet({ status: k.status, oleh: k.oleh, pada: new Date() }),
    )
    .execute();
}

export function hapusKunci(trx: Trx, pegawaiId: string, tanggal: string) {
  return trx
    .deleteFrom('jadwal_kunci')
    .where('pegawai_id', '=', pegawaiId)
    .where('tanggal', '=', tanggal)
    .executeTakeFirst();
}

export function listJadwal(trx: Trx, f: { dari?: string; sampai?: string; batas?: number } = {}) {
  let q = trx
    .selectFrom('jadwal as j')
    .select((eb) => [
      'j.id',
      'j.dari',
      'j.sampai',
      'j.cakupan_opd',
      'j.status',
      'j.jenis',
      'j.keterangan',
      'j.dibuat_oleh',
      'j.dibuat_pada',
      'j.diterbitkan_oleh',
      'j.diterbitkan_pada',
      sql<number>`jsonb_array_length(j.pelanggaran)`.as('jumlah_pelanggaran'),
      eb
        .selectFrom('jadwal_sel as s')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('s.tenant_id', '=', 'j.tenant_id')
        .whereRef('s.jadwal_id', '=', 'j.id')
        .as('jumlah_sel'),
    ]);
  if (f.dari) q = q.where('j.sampai', '>=', f.dari);
  if (f.sampai) q = q.where('j.dari', '<=', f.sampai);
  return q
    .orderBy('j.dibuat_pada', 'desc')
    .limit(f.batas ?? 200)
    .execute();
}
