import type { Role, RoleGrant } from '@sigap/domain';
import { sql } from 'kysely';
import type { Trx } from '../../db/database.ts';

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

export function findOpdIdByKode(trx: Trx, kode: string) {
  return trx
    .selectFrom('opd')
    .select('id')
    .where(sql<string>`upper(kode)`, '=', kode.toUpperCase())
    .executeTakeFirst();
}

/** An employee by NIP or id_pegawai. */
export function findPegawaiIdByKey(trx: Trx, key: string) {
  return trx
    .selectFrom('pegawai')
    .select('id')
    .where((eb) => eb.or([eb('nip', '=', key), eb('id_pegawai', '=', key)]))
    .executeTakeFirst();
}

export function updateUser(
  trx: Trx,
  id: string,
  u: { nama: string; passwordHash: string; pegawaiId: string | null },
) {
  return trx
    .updateTable('app_user')
    .set({ nama: u.nama, password_hash: u.passwordHash, pegawai_id: u.pegawaiId, aktif: true })
    .where('id', '=', id)
    .execute();
}

export async function insertUser(
  trx: Trx,
  tenantId: string,
  u: { username: string; nama: string; passwordHash: string; pegawaiId: string | null },
): Promise<string> {
  const row = await trx
    .insertInto('app_user')
    .values({
      tenant_id: tenantId,
      username: u.username,
      nama: u.nama,
      password_hash: u.passwordHash,
      pegawai_id: u.pegawaiId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Replaces an account's role grants. */
export async function replaceGrants(
  trx: Trx,
  tenantId: string,
  userId: string,
  grants: readonly { role: string; opdId: string | null }[],
) {
  await trx.deleteFrom('user_role').where('user_id', '=', userId).execute();
  if (grants.length === 0) return;
  await trx
    .insertInto('user_role')
    .values(grants.map((g) => ({ tenant_id: tenantId, user_id: userId, role: g.role, opd_id: g.opdId })))
    .execute();
}

/** Accounts with their employee NIP, and every role grant with its OPD code. */
export async function listUsersWithGrants(trx: Trx) {
  const users = await trx
    .selectFrom('app_user as u')
    .leftJoin('pegawai as p', (j) =>
      j.onRef('p.tenant_id', '=', 'u.tenant_id').onRef('p.id', '=', 'u.pegawai_id'),
    )
    .select(['u.id', 'u.username', 'u.nama', 'u.aktif', 'u.terkunci_sampai', 'p.nip'])
    .orderBy('u.username')
    .execute();
  const grants = await trx
    .selectFrom('user_role as r')
    .leftJoin('opd as o', (j) => j.onRef('o.tenant_id', '=', 'r.tenant_id').onRef('o.id', '=', 'r.opd_id'))
    .select(['r.user_id', 'r.role', 'o.kode'])
    .execute();
  return { users, grants };
}
