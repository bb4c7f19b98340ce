import type { Trx } from '../../db/database.ts';
import { validOn } from '../org/org.repository.ts';

// Where a person may check in on a day: their placement, the extra places of their unit and the OPDs
// above it, and an approved official trip (0008_kehadiran.sql).

export async function penempatanPada(trx: Trx, pegawaiId: string, tanggal: string): Promise<string | null> {
  const r = await trx
    .selectFrom('pegawai_versi as pv')
    .select('pv.opd_id')
    .where('pv.pegawai_id', '=', pegawaiId)
    .where(validOn('pv', tanggal))
    .executeTakeFirst();
  return r?.opd_id ?? null;
}

export function tempatTambahan(trx: Trx, opdIds: readonly string[]) {
  if (opdIds.length === 0) return Promise.resolve([]);
  return trx
    .selectFrom('tempat_absen')
    .select(['id', 'opd_id', 'nama', 'jenis', 'lat', 'lng', 'radius_m', 'poligon'])
    .where('opd_id', 'in', opdIds)
    .where('aktif', '=', true)
    .orderBy('nama')
    .execute();
}

export function dinasLuarPada(trx: Trx, pegawaiId: string, tanggal: string) {
  return trx
    .selectFrom('dinas_luar')
    .select(['id', 'nomor_surat', 'tujuan', 'lat', 'lng', 'radius_m'])
    .where('pegawai_id', '=', pegawaiId)
    .where('status', '=', 'disetujui')
    .where('dari', '<=', tanggal)
    .where('sampai', '>=', tanggal)
    .orderBy('diajukan_pada', 'desc')
    .executeTakeFirst();
}
