import { sql } from 'kysely';
import type { Trx } from '../../db/database.ts';

// The queries behind editing and deactivating one employee or OPD (ubah.service.ts).

/** The start of the newest version of a person's record. */
export async function versiTerakhirPegawai(trx: Trx, id: string) {
  const r = await trx
    .selectFrom('pegawai_versi')
    .select((eb) => eb.fn.max('berlaku_dari').as('dari'))
    .where('pegawai_id', '=', id)
    .executeTakeFirst();
  return r?.dari ?? null;
}

/** Ends a person's or OPD's versions on a date: later ones removed, the running one closed. */
export async function akhiriVersi(
  trx: Trx,
  table: 'pegawai_versi' | 'opd_versi',
  ids: { pegawai_id: string } | { opd_id: string },
  berlaku: string,
) {
  const [col, id] = Object.entries(ids)[0] as ['pegawai_id' | 'opd_id', string];
  const sebelum = await trx
    .selectFrom(table)
    .selectAll()
    .where(sql.ref(col), '=', id)
    .where((eb) => eb.or([eb('berlaku_sampai', 'is', null), eb('berlaku_sampai', '>', berlaku)]))
    .orderBy('berlaku_dari')
    .execute();
  if (sebelum.length === 0) return null;
  await trx.deleteFrom(table).where(sql.ref(col), '=', id).where('berlaku_dari', '>=', berlaku).execute();
  await trx
    .updateTable(table)
    .set({ berlaku_sampai: berlaku })
    .where(sql.ref(col), '=', id)
    .where('berlaku_dari', '<', berlaku)
    .where((eb) => eb.or([eb('berlaku_sampai', 'is', null), eb('berlaku_sampai', '>', berlaku)]))
    .execute();
  return sebelum;
}

export function pegawaiById(trx: Trx, id: string) {
  return trx
    .selectFrom('pegawai')
    .select(['id', 'nip', 'id_pegawai', 'nama'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** A person's running version (none once they have left). */
export function versiBerjalanPegawai(trx: Trx, id: string) {
  return trx
    .selectFrom('pegawai_versi as v')
    .innerJoin('opd as o', (j) => j.onRef('o.tenant_id', '=', 'v.tenant_id').onRef('o.id', '=', 'v.opd_id'))
    .select(['v.jenis_pegawai', 'v.jabatan_level', 'o.kode as opd_kode'])
    .where('v.pegawai_id', '=', id)
    .where('v.berlaku_sampai', 'is', null)
    .executeTakeFirst();
}

/** The people a person directly supervises on or after a date. */
export function bawahanSejak(trx: Trx, id: string, berlaku: string) {
  return trx
    .selectFrom('pegawai_versi as v')
    .innerJoin('pegawai as b', (j) =>
      j.onRef('b.tenant_id', '=', 'v.tenant_id').onRef('b.id', '=', 'v.pegawai_id'),
    )
    .select('b.nama')
    .distinct()
    .where('v.atasan_id', '=', id)
    .where((eb) => eb.or([eb('v.berlaku_sampai', 'is', null), eb('v.berlaku_sampai', '>', berlaku)]))
    .execute();
}

/** An OPD by its code (any letter case) with its running version, if it has one. */
export function opdBerjalan(trx: Trx, kode: string) {
  return trx
    .selectFrom('opd as o')
    .leftJoin('opd_versi as v', (j) =>
      j
        .onRef('v.tenant_id', '=', 'o.tenant_id')
        .onRef('v.opd_id', '=', 'o.id')
        .on('v.berlaku_sampai', 'is', null),
    )
    .select(['o.id', 'o.kode', 'v.nama', 'v.jenis'])
    .where((eb) => eb(eb.fn('upper', ['o.kode']), '=', kode.toUpperCase()))
    .executeTakeFirst();
}

/** The start of the newest version of an OPD. */
export async function versiTerakhirOpd(trx: Trx, opdId: string) {
  const r = await trx
    .selectFrom('opd_versi')
    .select((eb) => eb.fn.max('berlaku_dari').as('dari'))
    .where('opd_id', '=', opdId)
    .executeTakeFirst();
  return r?.dari ?? null;
}

/** How many people are placed in an OPD on or after a date. */
export async function jumlahPegawaiSejak(trx: Trx, opdId: string, berlaku: string) {
  const r = await trx
    .selectFrom('pegawai_versi')
    .select((eb) => eb.fn.count<string>('pegawai_id').distinct().as('n'))
    .where('opd_id', '=', opdId)
    .where((eb) => eb.or([eb('berlaku_sampai', 'is', null), eb('berlaku_sampai', '>', berlaku)]))
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** The units directly under an OPD on or after a date. */
export function unitAnakSejak(trx: Trx, opdId: string, berlaku: string) {
  return trx
    .selectFrom('opd_versi as v')
    .innerJoin('opd as a', (j) => j.onRef('a.tenant_id', '=', 'v.tenant_id').onRef('a.id', '=', 'v.opd_id'))
    .select('a.kode')
    .distinct()
    .where('v.induk_id', '=', opdId)
    .where((eb) => eb.or([eb('v.berlaku_sampai', 'is', null), eb('v.berlaku_sampai', '>', berlaku)]))
    .execute();
}
