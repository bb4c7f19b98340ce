import type { Db, Trx } from '../../db/database.ts';
import { potong } from '../../db/potong.ts';

// Reads for the WFH day's assessment (wfh.service.ts): the Pemda's rules, the location reports and the
// confirmed homes of many people over a period, a chunk of people per statement (0016_lokasi_wfh.sql).

const CHUNK = 1000;

const KOLOM_ATURAN = [
  'wfh_radius_rumah_m',
  'wfh_kecepatan_maks_kmj',
  'wfh_tepat_menit',
  'wfh_tunda_maks_menit',
  'wfh_selisih_jam_maks_menit',
  'wfh_usul_rumah_laporan',
  'wfh_simpan_lokasi_hari',
] as const;

export type BarisAturanWfh = Record<(typeof KOLOM_ATURAN)[number], number>;

export function bacaAturanWfh(db: Db | Trx, tenantId: string): Promise<BarisAturanWfh> {
  return db.selectFrom('tenant').select(KOLOM_ATURAN).where('id', '=', tenantId).executeTakeFirstOrThrow();
}

export async function simpanAturanWfh(trx: Trx, tenantId: string, b: BarisAturanWfh): Promise<void> {
  await trx.updateTable('tenant').set(b).where('id', '=', tenantId).execute();
}

export interface BarisLaporan {
  id: string;
  pegawai_id: string;
  tanggal: string;
  lat: number;
  lng: number;
  akurasi_m: number;
  waktu_terima: Date;
  waktu_perangkat: Date;
  waktu_dihitung: Date;
  tanda: string[];
}

/** The reports of some people counted on the days [dari, sampai] (inclusive), in counted order. */
export async function laporanPeriode(
  trx: Trx,
  pegawaiIds: readonly string[],
  dari: string,
  sampai: string,
): Promise<BarisLaporan[]> {
  const out: BarisLaporan[] = [];
  for (const chunk of potong(new Set(pegawaiIds), CHUNK)) {
    out.push(
      ...(await trx
        .selectFrom('laporan_lokasi')
        .select([
          'id',
          'pegawai_id',
          'tanggal',
          'lat',
          'lng',
          'akurasi_m',
          'waktu_terima',
          'waktu_perangkat',
          'waktu_dihitung',
          'tanda',
        ])
        .where((eb) => eb('pegawai_id', '=', eb.fn.any(eb.val(chunk))))
        .where('tanggal', '>=', dari)
        .where('tanggal', '<=', sampai)
        .orderBy('waktu_dihitung')
        .execute()),
    );
  }
  return out;
}

/**
 * The confirmed homes of some people (every one, for `rumahPada`): those decided in rumah_pegawai, and the
 * registry's own home location (pegawai.rumah_lat/lng, kept by the record keepers), which holds from the
 * beginning (berlaku_sejak = the epoch) until a decided one takes over.
 */
export async function rumahTerkonfirmasi(trx: Trx, pegawaiIds: readonly string[]) {
  const out: { pegawai_id: string; lat: number; lng: number; berlaku_sejak: Date }[] = [];
  for (const chunk of potong(new Set(pegawaiIds), CHUNK)) {
    out.push(
      ...(await trx
        .selectFrom('rumah_pegawai')
        .select(['pegawai_id', 'lat', 'lng', 'berlaku_sejak'])
        .where((eb) => eb('pegawai_id', '=', eb.fn.any(eb.val(chunk))))
        .where('status', '=', 'dikonfirmasi')
        .execute()),
    );
    for (const p of await trx
      .selectFrom('pegawai')
      .select(['id', 'rumah_lat', 'rumah_lng'])
      .where((eb) => eb('id', '=', eb.fn.any(eb.val(chunk))))
      .where('rumah_lat', 'is not', null)
      .where('rumah_lng', 'is not', null)
      .execute())
      out.push({ pegawai_id: p.id, lat: p.rumah_lat!, lng: p.rumah_lng!, berlaku_sejak: new Date(0) });
  }
  return out;
}
