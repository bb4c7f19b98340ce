import type { Trx } from '../../db/database.ts';
import { validOn } from '../org/org.repository.ts';

// Reads of the WFH reminders (pengingat.service.ts).

/** Each person's direct supervisor on `tanggal` (people without one are left out). */
export async function atasanPada(trx: Trx, pegawaiIds: readonly string[], tanggal: string) {
  if (pegawaiIds.length === 0) return new Map<string, string>();
  const rows = await trx
    .selectFrom('pegawai_versi as v')
    .select(['v.pegawai_id', 'v.atasan_id'])
    .where((eb) => eb('v.pegawai_id', '=', eb.fn.any(eb.val([...pegawaiIds]))))
    .where(validOn('v', tanggal))
    .where('v.atasan_id', 'is not', null)
    .execute();
  return new Map(rows.map((r) => [r.pegawai_id, r.atasan_id!]));
}

/** A person's name (for the supervisor's notice). */
export async function namaOrang(trx: Trx, pegawaiId: string): Promise<string> {
  const r = await trx.selectFrom('pegawai').select('nama').where('id', '=', pegawaiId).executeTakeFirst();
  return r?.nama ?? '';
}
