import { sql } from 'kysely';
import type { Trx } from '../../db/database.ts';

// The deletes of the daily retention job (retensi.service.ts), one Pemda per transaction.

/** Review frames whose keeping period ended (the review row and its decision stay). */
export async function hapusBingkaiKedaluwarsa(trx: Trx, now: Date): Promise<number> {
  const r = await trx
    .deleteFrom('tinjau_bingkai')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('tinjau_absen as t')
          .select('t.kehadiran_id')
          .whereRef('t.tenant_id', '=', 'tinjau_bingkai.tenant_id')
          .whereRef('t.kehadiran_id', '=', 'tinjau_bingkai.kehadiran_id')
          .where('t.simpan_sampai', '<', now),
      ),
    )
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Liveness challenges that expired before `batas` (used or not). */
export async function hapusTantanganLama(trx: Trx, batas: Date): Promise<number> {
  const r = await trx.deleteFrom('tantangan_absen').where('berlaku_sampai', '<', batas).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/**
 * Refused attempts older than `batas`. The append-only trigger of `kehadiran` lets a delete through only
 * for rows older than the transaction's `sigap.retensi_kehadiran` (0008), set here for this transaction only.
 */
export async function hapusPercobaanDitolak(trx: Trx, batas: Date): Promise<number> {
  await sql`SELECT set_config('sigap.retensi_kehadiran', ${batas.toISOString()}, true)`.execute(trx);
  const r = await trx
    .deleteFrom('kehadiran')
    .where('hasil', '=', 'ditolak')
    .where('waktu', '<', batas)
    .executeTakeFirst();
  await sql`SELECT set_config('sigap.retensi_kehadiran', '', true)`.execute(trx);
  return Number(r.numDeletedRows);
}

/** How many days the Pemda keeps location reports from home (0016_lokasi_wfh.sql). */
export async function simpanLokasiHari(trx: Trx, tenantId: string): Promise<number> {
  const r = await trx
    .selectFrom('tenant')
    .select('wfh_simpan_lokasi_hari')
    .where('id', '=', tenantId)
    .executeTakeFirstOrThrow();
  return r.wfh_simpan_lokasi_hari;
}

/**
 * Location reports received before `batas`. Their append-only trigger lets a delete through only for rows
 * received before the transaction's `sigap.retensi_lokasi` (0016), set here for this transaction only.
 */
export async function hapusLaporanLokasi(trx: Trx, batas: Date): Promise<number> {
  await sql`SELECT set_config('sigap.retensi_lokasi', ${batas.toISOString()}, true)`.execute(trx);
  const r = await trx.deleteFrom('laporan_lokasi').where('waktu_terima', '<', batas).executeTakeFirst();
  await sql`SELECT set_config('sigap.retensi_lokasi', '', true)`.execute(trx);
  return Number(r.numDeletedRows);
}
