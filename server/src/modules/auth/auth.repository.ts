import type { Role, RoleGrant } from '@sigap/domain';
import { sql } from 'kysely';
import type { Db, Trx } from '../../db/database.ts';

/** Finds a tenant by its code; tenant rows are readable from any context. */
export function findTenantByKode(db: Db | Trx, kode: string) {
  return db
    .selectFrom('tenant')
    .select(['id', 'kode', 'nama', 'zona_waktu'])
    .where('kode', '=', kode)
    .executeTakeFirst();
}

export function listTenants(db: Db | Trx) {
  return db.selectFrom('tenant').select(['kode', 'nama', 'jenis']).orderBy('nama').execute();
}

export function findUserByUsername(trx: Trx, username: string) {
  return trx
    .selectFrom('app_user')
    .selectAll()
    .where(sql<string>`lower(username)`, '=', username.toLowerCase())
    .executeTakeFirst();
}

export async function grantsOf(trx: Trx, userId: string): Promise<RoleGrant[]> {
  const rows = await trx
    .selectFrom('user_role')
    .select(['role', 'opd_id'])
    .where('user_id', '=', userId)
    .execute();
  return rows.map((r) => ({ role: r.role as Role, opdId: r.opd_id }));
}

export async function recordLoginFailure(trx: Trx, userId: string, maxAttempts: number, lockMinutes: number) {
  const row = await trx
    .updateTable('app_user')
    .set((eb) => ({ gagal_login: eb('gagal_login', '+', 1) }))
    .where('id', '=', userId)
    .returning(['gagal_login'])
    .executeTakeFirstOrThrow();
  if (row.gagal_login >= maxAttempts) {
    await trx
      .updateTable('app_user')
      .set({ gagal_login: 0, terkunci_sampai: new Date(Date.now() + lockMinutes * 60_000) })
      .where('id', '=', userId)
      .execute();
    return { locked: true };
  }
  return { locked: false };
}

export function resetLoginFailures(trx: Trx, userId: string) {
  return trx
    .updateTable('app_user')
    .set({ gagal_login: 0, terkunci_sampai: null })
    .where('id', '=', userId)
    .execute();
}

export function insertSession(
  trx: Trx,
  s: { tenantId: string; id: string; userId: string; csrfToken: string; expiresAt: Date },
) {
  return trx
    .insertInto('session')
    .values({
      tenant_id: s.tenantId,
      id: s.id,
      user_id: s.userId,
      csrf_token: s.csrfToken,
      expires_at: s.expiresAt,
    })
    .execute();
}

export function findSession(trx: Trx, id: string) {
  return trx
    .selectFrom('session as s')
    .innerJoin('app_user as u', (j) =>
      j.onRef('u.tenant_id', '=', 's.tenant_id').onRef('u.id', '=', 's.user_id'),
    )
    .select(['s.user_id', 's.csrf_token', 's.expires_at', 'u.username', 'u.nama', 'u.pegawai_id', 'u.aktif'])
    .where('s.id', '=', id)
    .where('s.expires_at', '>', new Date())
    .executeTakeFirst();
}

export function deleteSession(trx: Trx, id: string) {
  return trx.deleteFrom('session').where('id', '=', id).execute();
}

export function deleteExpiredSessions(trx: Trx) {
  return trx.deleteFrom('session').where('expires_at', '<=', new Date()).execute();
}
