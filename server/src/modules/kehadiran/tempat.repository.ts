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

// ─── Managing the extra places (tempat-kelola.service.ts) ───────────────────────────────────────

const KOLOM_TEMPAT = [
  't.id',
  't.opd_id',
  'o.kode as opd_kode',
  't.nama',
  't.jenis',
  't.lat',
  't.lng',
  't.radius_m',
  't.poligon',
  't.aktif',
  't.dibuat_oleh',
  't.dibuat_pada',
] as const;

/** Every extra place (active or not) of the given OPDs/units; null: of the whole Pemda. */
export function daftarTempatAbsen(trx: Trx, opdIds: ReadonlySet<string> | readonly string[] | null) {
  const ids = opdIds === null ? null : [...opdIds];
  if (ids !== null && ids.length === 0) return Promise.resolve([]);
  let q = trx
    .selectFrom('tempat_absen as t')
    .innerJoin('opd as o', (j) => j.onRef('o.tenant_id', '=', 't.tenant_id').onRef('o.id', '=', 't.opd_id'))
    .select(KOLOM_TEMPAT);
  if (ids !== null) q = q.where('t.opd_id', 'in', ids);
  return q.orderBy('o.kode').orderBy('t.nama').orderBy('t.id').execute();
}

export function cariTempatAbsen(trx: Trx, id: string) {
  return trx
    .selectFrom('tempat_absen as t')
    .innerJoin('opd as o', (j) => j.onRef('o.tenant_id', '=', 't.tenant_id').onRef('o.id', '=', 't.opd_id'))
    .select(KOLOM_TEMPAT)
    .where('t.id', '=', id)
    .executeTakeFirst();
}

export interface IsiTempat {
  readonly nama: string;
  readonly jenis: string;
  readonly lat: number | null;
  readonly lng: number | null;
  readonly radius_m: number | null;
  readonly poligon: readonly (readonly [number, number])[] | null;
}

const jsonPoligon = (p: IsiTempat['poligon']) => (p === null ? null : JSON.stringify(p));

export async function buatTempatAbsen(
  trx: Trx,
  tenantId: string,
  opdId: string,
  isi: IsiTempat,
  oleh: string,
): Promise<string> {
  const r = await trx
    .insertInto('tempat_absen')
    .values({
      tenant_id: tenantId,
      opd_id: opdId,
      ...isi,
      poligon: jsonPoligon(isi.poligon),
      dibuat_oleh: oleh,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function ubahTempatAbsen(trx: Trx, id: string, isi: IsiTempat): Promise<void> {
  await trx
    .updateTable('tempat_absen')
    .set({ ...isi, poligon: jsonPoligon(isi.poligon) })
    .where('id', '=', id)
    .execute();
}

export async function aturAktifTempatAbsen(trx: Trx, id: string, aktif: boolean): Promise<void> {
  await trx.updateTable('tempat_absen').set({ aktif }).where('id', '=', id).execute();
}
