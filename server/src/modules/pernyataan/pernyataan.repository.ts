import type { Trx } from '../../db/database.ts';

// Signed stay-home statements (0017_pernyataan.sql). Append-only: the table refuses updates and deletes.

const KOLOM = [
  'id',
  'pegawai_id',
  'kebijakan_id',
  'kebijakan_versi',
  'teks_id',
  'teks_en',
  'bagian',
  'masukan',
  'versi_teks',
  'hash',
  'ditandatangani_pada',
  'user_id',
  'username',
  'user_agent',
  'perangkat',
  'ip',
  'id_klien',
  'hash_isi',
] as const;

export interface BarisPernyataan {
  readonly id: string;
  readonly pegawai_id: string;
  readonly kebijakan_id: string;
  readonly kebijakan_versi: number;
  readonly teks_id: string;
  readonly teks_en: string;
  readonly bagian: unknown;
  readonly masukan: unknown;
  readonly versi_teks: number;
  readonly hash: string;
  readonly ditandatangani_pada: Date;
  readonly user_id: string | null;
  readonly username: string;
  readonly user_agent: string;
  readonly perangkat: string;
  readonly ip: string;
  readonly id_klien: string | null;
  readonly hash_isi: string | null;
}

/** One signed statement by id. */
export function getPernyataan(trx: Trx, id: string): Promise<BarisPernyataan | undefined> {
  return trx.selectFrom('pernyataan_wfh').select(KOLOM).where('id', '=', id).executeTakeFirst();
}

/** The signed statement of an idempotency key. */
export function pernyataanIdKlien(trx: Trx, idKlien: string): Promise<BarisPernyataan | undefined> {
  return trx.selectFrom('pernyataan_wfh').select(KOLOM).where('id_klien', '=', idKlien).executeTakeFirst();
}

/** A person's signed statement of one policy version. */
export function pernyataanOrang(
  trx: Trx,
  pegawaiId: string,
  kebijakanId: string,
  versi: number,
): Promise<BarisPernyataan | undefined> {
  return trx
    .selectFrom('pernyataan_wfh')
    .select(KOLOM)
    .where('pegawai_id', '=', pegawaiId)
    .where('kebijakan_id', '=', kebijakanId)
    .where('kebijakan_versi', '=', versi)
    .executeTakeFirst();
}

/** Every statement a person has signed, oldest first. */
export function pernyataanSaya(trx: Trx, pegawaiId: string): Promise<BarisPernyataan[]> {
  return trx
    .selectFrom('pernyataan_wfh')
    .select(KOLOM)
    .where('pegawai_id', '=', pegawaiId)
    .orderBy('ditandatangani_pada')
    .execute();
}

/** Who of `pegawaiIds` signed which policy version, and when (no text: lists and statuses). */
export function tandaTanganOrang(trx: Trx, pegawaiIds: readonly string[]) {
  if (pegawaiIds.length === 0) return Promise.resolve([]);
  return trx
    .selectFrom('pernyataan_wfh')
    .select(['id', 'pegawai_id', 'kebijakan_id', 'kebijakan_versi', 'ditandatangani_pada'])
    .where((eb) => eb('pegawai_id', '=', eb.fn.any(eb.val([...pegawaiIds]))))
    .execute();
}

export interface PernyataanBaru {
  readonly pegawai_id: string;
  readonly kebijakan_id: string;
  readonly kebijakan_versi: number;
  readonly teks_id: string;
  readonly teks_en: string;
  readonly bagian: unknown;
  readonly masukan: unknown;
  readonly versi_teks: number;
  readonly hash: string;
  readonly ditandatangani_pada: Date;
  readonly user_id: string | null;
  readonly username: string;
  readonly user_agent: string;
  readonly perangkat: string;
  readonly ip: string;
  readonly id_klien: string | null;
  readonly hash_isi: string | null;
}

/**
 * Stores a signature; undefined when the person already signed that version or the key was used (the
 * unique constraints decide, so two requests at once store one row).
 */
export function insertPernyataan(
  trx: Trx,
  tenantId: string,
  p: PernyataanBaru,
): Promise<BarisPernyataan | undefined> {
  return trx
    .insertInto('pernyataan_wfh')
    .values({
      ...p,
      tenant_id: tenantId,
      bagian: JSON.stringify(p.bagian),
      masukan: JSON.stringify(p.masukan),
    })
    .onConflict((oc) => oc.doNothing())
    .returning(KOLOM)
    .executeTakeFirst();
}

/**
 * Whether some published schedule holds a WFH cell in [dari, sampai] (for these people, or anyone): a
 * cheap look before evaluating a period. A newer version may have replaced the cell, so "yes" is only a
 * maybe; "no" is certain.
 */
export async function mungkinAdaWfh(
  trx: Trx,
  dari: string,
  sampai: string,
  pegawaiIds?: readonly string[],
): Promise<boolean> {
  if (pegawaiIds?.length === 0) return false;
  let q = trx
    .selectFrom('jadwal_sel as s')
    .innerJoin('jadwal as j', (x) =>
      x.onRef('j.tenant_id', '=', 's.tenant_id').onRef('j.id', '=', 's.jadwal_id'),
    )
    .select('s.tanggal')
    .where('j.status', '=', 'terbit')
    .where('s.status', '=', 'WFH')
    .where('s.tanggal', '>=', dari)
    .where('s.tanggal', '<=', sampai);
  if (pegawaiIds) q = q.where((eb) => eb('s.pegawai_id', '=', eb.fn.any(eb.val([...pegawaiIds]))));
  return (await q.limit(1).executeTakeFirst()) !== undefined;
}
