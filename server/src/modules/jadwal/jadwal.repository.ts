import type { Trx } from '../../db/database.ts';

const CHUNK = 2000;

export function insertJadwal(
  trx: Trx,
  tenantId: string,
  j: { dari: string; sampai: string; cakupanOpd: string | null; pelanggaran: unknown; oleh: string },
) {
  return trx
    .insertInto('jadwal')
    .values({
      tenant_id: tenantId,
      dari: j.dari,
      sampai: j.sampai,
      cakupan_opd: j.cakupanOpd,
      status: 'draft',
      pelanggaran: JSON.stringify(j.pelanggaran),
      dibuat_oleh: j.oleh,
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
  }
}

/**
 * The schedule in force for a date range: for each person and day, the cell of the newest schedule
 * version that covers it.
 */
export function selBerlaku(trx: Trx, dari: string, sampai: string) {
  return trx
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
    ])
    .where('s.tanggal', '>=', dari)
    .where('s.tanggal', '<=', sampai)
    .orderBy('s.pegawai_id')
    .orderBy('s.tanggal')
    .orderBy('j.dibuat_pada', 'desc')
    .execute();
}

export function listJadwal(trx: Trx) {
  return trx
    .selectFrom('jadwal')
    .select(['id', 'dari', 'sampai', 'cakupan_opd', 'status', 'dibuat_oleh', 'dibuat_pada'])
    .orderBy('dibuat_pada', 'desc')
    .execute();
}
