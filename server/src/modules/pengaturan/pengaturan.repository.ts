import type { HariLibur, JamKerja } from '@sigap/domain';
import type { Db, Trx } from '../../db/database.ts';

/** The tenant row (tenant rows are readable from any context; see the migration's policies). */
export function findTenantById(db: Db | Trx, id: string) {
  return db.selectFrom('tenant').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findTenantByKode(db: Db | Trx, kode: string) {
  return db
    .selectFrom('tenant')
    .select(['id', 'kode', 'nama', 'jenis', 'zona_waktu'])
    .where('kode', '=', kode)
    .executeTakeFirst();
}

export function listTenants(db: Db | Trx) {
  return db.selectFrom('tenant').select(['id', 'kode', 'nama', 'jenis']).orderBy('nama').execute();
}

/** The Pemda's IANA time zone. */
export async function tenantZone(db: Db | Trx, tenantId: string): Promise<string> {
  const t = await db
    .selectFrom('tenant')
    .select('zona_waktu')
    .where('id', '=', tenantId)
    .executeTakeFirstOrThrow();
  return t.zona_waktu;
}

export function insertTenant(
  db: Db,
  t: {
    kode: string;
    nama: string;
    jenis: string;
    zonaWaktu: string;
    jamKerja: JamKerja;
    pusatLat: number | null;
    pusatLng: number | null;
  },
) {
  return db
    .insertInto('tenant')
    .values({
      kode: t.kode,
      nama: t.nama,
      jenis: t.jenis,
      zona_waktu: t.zonaWaktu,
      jam_kerja: JSON.stringify(t.jamKerja),
      pusat_lat: t.pusatLat,
      pusat_lng: t.pusatLng,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export function updateTenant(
  trx: Trx,
  id: string,
  t: {
    nama: string;
    jenis: string;
    zonaWaktu: string;
    jamKerja: JamKerja;
    pusatLat: number | null;
    pusatLng: number | null;
  },
) {
  return trx
    .updateTable('tenant')
    .set({
      nama: t.nama,
      jenis: t.jenis,
      zona_waktu: t.zonaWaktu,
      jam_kerja: JSON.stringify(t.jamKerja),
      pusat_lat: t.pusatLat,
      pusat_lng: t.pusatLng,
    })
    .where('id', '=', id)
    .execute();
}

/** Inserts days, keeping any the tenant already has; returns how many were added. */
export async function insertHolidaysIfMissing(
  trx: Trx,
  tenantId: string,
  days: readonly HariLibur[],
): Promise<number> {
  if (days.length === 0) return 0;
  const r = await trx
    .insertInto('hari_libur')
    .values(
      days.map((d) => ({
        tenant_id: tenantId,
        tanggal: d.tanggal,
        jenis: d.jenis,
        nama: d.nama,
        dasar: d.dasar,
      })),
    )
    .onConflict((oc) => oc.columns(['tenant_id', 'tanggal']).doNothing())
    .execute();
  return r.reduce((n, x) => n + Number(x.numInsertedOrUpdatedRows ?? 0), 0);
}

export function listHolidays(trx: Trx, range?: { from: string; to: string }) {
  let q = trx.selectFrom('hari_libur').select(['tanggal', 'jenis', 'nama', 'dasar']).orderBy('tanggal');
  if (range) q = q.where('tanggal', '>=', range.from).where('tanggal', '<=', range.to);
  return q.execute();
}

export async function findHolidays(trx: Trx, dates: readonly string[]) {
  if (dates.length === 0) return [];
  return trx
    .selectFrom('hari_libur')
    .select(['tanggal', 'jenis', 'nama', 'dasar'])
    .where('tanggal', 'in', [...dates])
    .execute();
}

export function upsertHoliday(trx: Trx, tenantId: string, d: HariLibur) {
  return trx
    .insertInto('hari_libur')
    .values({ tenant_id: tenantId, tanggal: d.tanggal, jenis: d.jenis, nama: d.nama, dasar: d.dasar })
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'tanggal']).doUpdateSet({ jenis: d.jenis, nama: d.nama, dasar: d.dasar }),
    )
    .execute();
}

export function deleteHoliday(trx: Trx, tanggal: string) {
  return trx.deleteFrom('hari_libur').where('tanggal', '=', tanggal).execute();
}
