import { sql } from 'kysely';
import type { Trx } from '../../db/database.ts';

// The review queue of face check-ins near the threshold (0012_tinjau.sql).

export interface TinjauanBaru {
  readonly kehadiranId: string;
  readonly pegawaiId: string;
  readonly opdId: string | null;
  readonly skor: number;
  readonly dibuat: Date;
  readonly simpanSampai: Date;
}

export async function simpanTinjauan(
  trx: Trx,
  tenantId: string,
  t: TinjauanBaru,
  bingkai: readonly { id: string; urutan: number; sandi: Uint8Array; iv: Uint8Array; kunciId: string }[],
): Promise<void> {
  await trx
    .insertInto('tinjau_absen')
    .values({
      tenant_id: tenantId,
      kehadiran_id: t.kehadiranId,
      pegawai_id: t.pegawaiId,
      opd_id: t.opdId,
      skor: t.skor,
      status: 'menunggu',
      dibuat_pada: t.dibuat,
      simpan_sampai: t.simpanSampai,
    })
    .execute();
  if (bingkai.length === 0) return;
  await trx
    .insertInto('tinjau_bingkai')
    .values(
      bingkai.map((b) => ({
        tenant_id: tenantId,
        id: b.id,
        kehadiran_id: t.kehadiranId,
        urutan: b.urutan,
        sandi: b.sandi,
        iv: b.iv,
        kunci_id: b.kunciId,
      })),
    )
    .execute();
}

/** Pending reviews in some OPDs/units (null: all), oldest first, with the person and the attempt. */
export function tinjauanMenunggu(trx: Trx, opdIds: readonly string[] | null, batas: number) {
  let q = trx
    .selectFrom('tinjau_absen as t')
    .innerJoin('kehadiran as k', (j) =>
      j.onRef('k.tenant_id', '=', 't.tenant_id').onRef('k.id', '=', 't.kehadiran_id'),
    )
    .innerJoin('pegawai as p', (j) =>
      j.onRef('p.tenant_id', '=', 't.tenant_id').onRef('p.id', '=', 't.pegawai_id'),
    )
    .leftJoin('opd as o', (j) => j.onRef('o.tenant_id', '=', 't.tenant_id').onRef('o.id', '=', 't.opd_id'))
    .leftJoin('perangkat as d', (j) =>
      j.onRef('d.tenant_id', '=', 'k.tenant_id').onRef('d.id', '=', 'k.perangkat_id'),
    )
    .select([
      'k.sumber',
      'd.kode as perangkat_kode',
      't.kehadiran_id',
      't.pegawai_id',
      't.opd_id',
      't.skor',
      't.dibuat_pada',
      't.simpan_sampai',
      'k.waktu',
      'k.jenis',
      'k.lat',
      'k.lng',
      'k.akurasi_m',
      'p.nip',
      'p.nama',
      'p.id_pegawai',
      'o.kode as opd_kode',
      (eb) =>
        eb
          .selectFrom('tinjau_bingkai as b')
          .select((e) => e.fn.countAll<string>().as('n'))
          .whereRef('b.tenant_id', '=', 't.tenant_id')
          .whereRef('b.kehadiran_id', '=', 't.kehadiran_id')
          .as('jumlah_bingkai'),
    ])
    .where('t.status', '=', 'menunggu')
    .orderBy('t.dibuat_pada')
    .limit(batas);
  if (opdIds !== null) q = q.where((eb) => eb('t.opd_id', '=', eb.fn.any(eb.val([...opdIds]))));
  return q.execute();
}

export function tinjauan(trx: Trx, kehadiranId: string) {
  return trx
    .selectFrom('tinjau_absen')
    .selectAll()
    .where('kehadiran_id', '=', kehadiranId)
    .executeTakeFirst();
}

export function bingkai(trx: Trx, kehadiranId: string, urutan: number) {
  return trx
    .selectFrom('tinjau_bingkai')
    .select(['id', 'sandi', 'iv', 'kunci_id'])
    .where('kehadiran_id', '=', kehadiranId)
    .where('urutan', '=', urutan)
    .executeTakeFirst();
}

/** Decides a pending review once (two deciders at once: one row updated, the other gets none). */
export function putuskan(
  trx: Trx,
  kehadiranId: string,
  status: 'diterima' | 'ditolak',
  oleh: string,
  catatan: string,
) {
  return trx
    .updateTable('tinjau_absen')
    .set({ status, diputus_oleh: oleh, diputus_pada: sql<Date>`clock_timestamp()`, catatan })
    .where('kehadiran_id', '=', kehadiranId)
    .where('status', '=', 'menunggu')
    .returningAll()
    .executeTakeFirst();
}

export async function hapusBingkai(trx: Trx, kehadiranId: string): Promise<number> {
  const r = await trx.deleteFrom('tinjau_bingkai').where('kehadiran_id', '=', kehadiranId).executeTakeFirst();
  return Number(r.numDeletedRows);
}
