import type { Db, Trx } from '../../db/database.ts';

/** The installation's VAPID row, or undefined before the first start made it. */
export function bacaKunciVapid(db: Db) {
  return db.selectFrom('kunci_vapid').selectAll().where('id', '=', 1).executeTakeFirst();
}

/** Stores the VAPID row unless one exists (two servers starting at once: the first insert wins). */
export async function simpanKunciVapid(
  db: Db,
  row: { publik: string; privat_sandi: Uint8Array; privat_iv: Uint8Array; privat_kunci_id: string },
) {
  await db
    .insertInto('kunci_vapid')
    .values({ id: 1, ...row })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

/** Adds or refreshes (same endpoint: the browser renewed its keys, or another account signed in) a subscription. */
export async function simpanLangganan(
  trx: Trx,
  row: { tenant_id: string; user_id: string; endpoint: string; p256dh: string; auth: string; bahasa: string },
) {
  return trx
    .insertInto('langganan_dorong')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'endpoint']).doUpdateSet({
        user_id: row.user_id,
        p256dh: row.p256dh,
        auth: row.auth,
        bahasa: row.bahasa,
      }),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** An account's subscriptions, newest first. */
export function langgananPengguna(trx: Trx, userId: string) {
  return trx
    .selectFrom('langganan_dorong')
    .select(['id', 'endpoint', 'dibuat_pada'])
    .where('user_id', '=', userId)
    .orderBy('dibuat_pada', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** The subscriptions of the accounts of the people given (for the notices just left for them). */
export function langgananUntuk(trx: Trx, pegawaiIds: readonly string[]) {
  if (pegawaiIds.length === 0) return Promise.resolve([]);
  return trx
    .selectFrom('langganan_dorong as l')
    .innerJoin('app_user as u', (j) =>
      j.onRef('u.tenant_id', '=', 'l.tenant_id').onRef('u.id', '=', 'l.user_id'),
    )
    .select(['l.id', 'u.pegawai_id'])
    .where('u.pegawai_id', 'in', [...pegawaiIds])
    .where('u.aktif', '=', true)
    .execute();
}

/** Removes subscriptions by id (the oldest beyond an account's limit; one the push service dropped). */
export async function hapusLanggananId(trx: Trx, ids: readonly string[]) {
  if (ids.length === 0) return 0;
  const r = await trx
    .deleteFrom('langganan_dorong')
    .where('id', 'in', [...ids])
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Removes one of the account's own subscriptions by its endpoint; how many (0 or 1). */
export async function hapusLanggananSendiri(trx: Trx, userId: string, endpoint: string) {
  const r = await trx
    .deleteFrom('langganan_dorong')
    .where('user_id', '=', userId)
    .where('endpoint', '=', endpoint)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** One subscription (with its account's person, now) and one notice, for a delivery job; either may be gone. */
export async function bahanKiriman(trx: Trx, langgananId: string, pemberitahuanId: string) {
  const langganan = await trx
    .selectFrom('langganan_dorong as l')
    .innerJoin('app_user as u', (j) =>
      j.onRef('u.tenant_id', '=', 'l.tenant_id').onRef('u.id', '=', 'l.user_id'),
    )
    .select(['l.id', 'u.pegawai_id', 'u.aktif', 'l.endpoint', 'l.p256dh', 'l.auth', 'l.bahasa'])
    .where('l.id', '=', langgananId)
    .executeTakeFirst();
  const pemberitahuan = await trx
    .selectFrom('pemberitahuan')
    .select(['id', 'pegawai_id', 'judul', 'judul_en', 'isi', 'isi_en', 'tautan'])
    .where('id', '=', pemberitahuanId)
    .executeTakeFirst();
  return { langganan, pemberitahuan };
}

/** A delivery succeeded. */
export async function tandaiBerhasil(trx: Trx, langgananId: string) {
  await trx
    .updateTable('langganan_dorong')
    .set({ terakhir_berhasil: new Date() })
    .where('id', '=', langgananId)
    .execute();
}
