import { sql } from 'kysely';
import type { Trx } from '../../db/database.ts';
import { validOn } from '../org/org.repository.ts';

// Location reports and homes (0016_lokasi_wfh.sql): storing a report once per client key, the home
// proposals and their decisions.

export interface LaporanBaru {
  tenant_id: string;
  pegawai_id: string;
  lat: number;
  lng: number;
  akurasi_m: number;
  waktu_terima: Date;
  waktu_perangkat: Date;
  waktu_kirim: Date | null;
  waktu_dihitung: Date;
  tanggal: string;
  tanda: string[];
  id_klien: string;
  hash_isi: string;
  jawaban: unknown;
  dikirim_oleh: string;
}

/** The stored report of a client key (the same person's), with its first answer. */
export function laporanIdKlien(trx: Trx, pegawaiId: string, idKlien: string) {
  return trx
    .selectFrom('laporan_lokasi')
    .select(['id', 'hash_isi', 'jawaban'])
    .where('pegawai_id', '=', pegawaiId)
    .where('id_klien', '=', idKlien)
    .executeTakeFirst();
}

/** Stores a report unless its client key is already stored; its id, or null when it was. */
export async function simpanLaporan(trx: Trx, id: string, b: LaporanBaru): Promise<boolean> {
  const r = await trx
    .insertInto('laporan_lokasi')
    .values({ ...b, id, jawaban: JSON.stringify(b.jawaban) })
    .onConflict((oc) => oc.columns(['tenant_id', 'pegawai_id', 'id_klien']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return r !== undefined;
}

/** A person's recent reports (for a home proposal): the newest `batas` since `sejak`. */
export function laporanTerbaru(trx: Trx, pegawaiId: string, sejak: Date, batas: number) {
  return trx
    .selectFrom('laporan_lokasi')
    .select(['id', 'lat', 'lng', 'akurasi_m', 'waktu_dihitung'])
    .where('pegawai_id', '=', pegawaiId)
    .where('waktu_dihitung', '>=', sejak)
    .orderBy('waktu_dihitung', 'desc')
    .limit(batas)
    .execute();
}

/** Whether the person has a confirmed home or a proposal waiting. */
export async function adaRumah(trx: Trx, pegawaiId: string): Promise<'dikonfirmasi' | 'diusulkan' | null> {
  const r = await trx
    .selectFrom('rumah_pegawai')
    .select('status')
    .where('pegawai_id', '=', pegawaiId)
    .where('status', 'in', ['dikonfirmasi', 'diusulkan'])
    .orderBy(sql`status = 'dikonfirmasi'`, 'desc')
    .executeTakeFirst();
  return (r?.status as 'dikonfirmasi' | 'diusulkan' | undefined) ?? null;
}

/** Proposes a home (at most one waits per person: a second proposal at once is dropped). */
export async function usulkanRumah(
  trx: Trx,
  b: {
    tenant_id: string;
    pegawai_id: string;
    lat: number;
    lng: number;
    dasar: string[];
    berlaku_sejak: Date;
  },
): Promise<string | null> {
  const r = await trx
    .insertInto('rumah_pegawai')
    .values({ ...b, asal: 'usulan', status: 'diusulkan' })
    .onConflict((oc) => oc.columns(['tenant_id', 'pegawai_id']).where('status', '=', 'diusulkan').doNothing())
    .returning('id')
    .executeTakeFirst();
  return r?.id ?? null;
}

/** An OPD admin's direct entry: confirmed at once. */
export async function tetapkanRumah(
  trx: Trx,
  b: {
    tenant_id: string;
    pegawai_id: string;
    lat: number;
    lng: number;
    berlaku_sejak: Date;
    oleh: string;
    catatan: string;
  },
): Promise<string> {
  const r = await trx
    .insertInto('rumah_pegawai')
    .values({
      tenant_id: b.tenant_id,
      pegawai_id: b.pegawai_id,
      lat: b.lat,
      lng: b.lng,
      asal: 'admin',
      berlaku_sejak: b.berlaku_sejak,
      status: 'dikonfirmasi',
      diputus_oleh: b.oleh,
      diputus_pada: sql<Date>`clock_timestamp()`,
      catatan: b.catatan,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export interface BarisRumah {
  id: string;
  pegawai_id: string;
  lat: number;
  lng: number;
  asal: 'usulan' | 'admin';
  dasar: string[];
  berlaku_sejak: Date;
  status: 'diusulkan' | 'dikonfirmasi' | 'ditolak';
  dibuat_pada: Date;
  diputus_pada: Date | null;
  catatan: string;
}

const KOLOM_RUMAH = [
  'id',
  'pegawai_id',
  'lat',
  'lng',
  'asal',
  'dasar',
  'berlaku_sejak',
  'status',
  'dibuat_pada',
  'diputus_pada',
  'catatan',
] as const;

export function rumahDenganId(trx: Trx, id: string): Promise<BarisRumah | undefined> {
  return trx.selectFrom('rumah_pegawai').select(KOLOM_RUMAH).where('id', '=', id).executeTakeFirst();
}

/** Homes of a status, newest first, at most `batas`. */
export function daftarRumah(trx: Trx, status: BarisRumah['status'], batas: number): Promise<BarisRumah[]> {
  return trx
    .selectFrom('rumah_pegawai')
    .select(KOLOM_RUMAH)
    .where('status', '=', status)
    .orderBy('dibuat_pada', 'desc')
    .limit(batas)
    .execute();
}

/** Decides a waiting proposal once; false when it was already decided (by someone else at once). */
export async function putusRumah(
  trx: Trx,
  id: string,
  p: { status: 'dikonfirmasi' | 'ditolak'; lat: number; lng: number; oleh: string; catatan: string },
): Promise<boolean> {
  const r = await trx
    .updateTable('rumah_pegawai')
    .set({
      status: p.status,
      lat: p.lat,
      lng: p.lng,
      diputus_oleh: p.oleh,
      diputus_pada: sql<Date>`clock_timestamp()`,
      catatan: p.catatan,
    })
    .where('id', '=', id)
    .where('status', '=', 'diusulkan')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** A person's name (undefined when the id is unknown in this Pemda). */
export async function namaPegawai(trx: Trx, pegawaiId: string): Promise<string | undefined> {
  const r = await trx.selectFrom('pegawai').select('nama').where('id', '=', pegawaiId).executeTakeFirst();
  return r?.nama;
}

/** Homes of a status with the person's name, NIP and OPD on `tanggal`, newest first (scope: OPD ids or all). */
export function daftarRumahOrang(
  trx: Trx,
  status: BarisRumah['status'],
  tanggal: string,
  opdIds: ReadonlySet<string> | null,
  batas: number,
) {
  let q = trx
    .selectFrom('rumah_pegawai as r')
    .innerJoin('pegawai as p', (j) =>
      j.onRef('p.tenant_id', '=', 'r.tenant_id').onRef('p.id', '=', 'r.pegawai_id'),
    )
    .innerJoin('pegawai_versi as v', (j) =>
      j.onRef('v.tenant_id', '=', 'p.tenant_id').onRef('v.pegawai_id', '=', 'p.id'),
    )
    .innerJoin('opd as o', (j) => j.onRef('o.tenant_id', '=', 'v.tenant_id').onRef('o.id', '=', 'v.opd_id'))
    .where(validOn('v', tanggal))
    .where('r.status', '=', status)
    .select([
      'r.id',
      'r.pegawai_id',
      'r.lat',
      'r.lng',
      'r.asal',
      'r.dasar',
      'r.berlaku_sejak',
      'r.status',
      'r.dibuat_pada',
      'r.diputus_pada',
      'r.catatan',
      'p.nama',
      'p.nip',
      'o.kode as opd_kode',
    ])
    .orderBy('r.dibuat_pada', 'desc')
    .limit(batas);
  if (opdIds !== null) q = q.where((eb) => eb('v.opd_id', '=', eb.fn.any(eb.val([...opdIds]))));
  return q.execute();
}
