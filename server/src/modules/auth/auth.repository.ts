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

/** The throttle's failure records of a username (lower-cased), from every address. */
export function loginFailures(trx: Trx, username: string) {
  return trx
    .selectFrom('login_gagal')
    .select(['alamat', 'gagal', 'terakhir'])
    .where('username', '=', username.toLowerCase())
    .execute();
}

/** Counts one more failure of (username, address); `reset` starts the count again (the old ones lapsed). */
export function recordLoginFailure(
  trx: Trx,
  tenantId: string,
  username: string,
  alamat: string,
  reset: boolean,
) {
  return trx
    .insertInto('login_gagal')
    .values({ tenant_id: tenantId, username: username.toLowerCase(), alamat, gagal: 1, terakhir: new Date() })
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'username', 'alamat']).doUpdateSet((eb) => ({
        gagal: reset ? 1 : eb('login_gagal.gagal', '+', 1),
        terakhir: new Date(),
      })),
    )
    .execute();
}

/** Forgets the failures of (username, address) after a successful sign-in from there. */
export function clearLoginFailures(trx: Trx, username: string, alamat?: string) {
  let q = trx.deleteFrom('login_gagal').where('username', '=', username.toLowerCase());
  if (alamat !== undefined) q = q.where('alamat', '=', alamat);
  return q.execute();
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

/** Ends every session of an account, except `keep` (the caller's own, after an own password change). */
export function deleteSessionsOf(trx: Trx, userId: string, keep?: string) {
  let q = trx.deleteFrom('session').where('user_id', '=', userId);
  if (keep !== undefined) q = q.where('id', '!=', keep);
  return q.execute();
}

export function findUserById(trx: Trx, id: string) {
  return trx.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();
}

export function setPassword(trx: Trx, id: string, passwordHash: string) {
  return trx
    .updateTable('app_user')
    .set({ password_hash: passwordHash, sandi_diubah: new Date() })
    .where('id', '=', id)
    .execute();
}

export function setAktif(trx: Trx, id: string, aktif: boolean) {
  return trx.updateTable('app_user').set({ aktif }).where('id', '=', id).execute();
}

/** The active accounts linked to an employee record, with the roles they hold. */
export async function activeUsersOfPegawai(trx: Trx, pegawaiId: string) {
  const users = await trx
    .selectFrom('app_user')
    .select(['id', 'username'])
    .where('pegawai_id', '=', pegawaiId)
    .where('aktif', '=', true)
    .orderBy('username')
    .execute();
  return Promise.all(
    users.map(async (u) => ({ ...u, roles: (await grantsOf(trx, u.id)).map((g) => g.role) })),
  );
}

export function updateProfile(trx: Trx, id: string, u: { nama: string; pegawaiId: string | null }) {
  return trx
    .updateTable('app_user')
    .set({ nama: u.nama, pegawai_id: u.pegawaiId })
    .where('id', '=', id)
    .execute();
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
    .set({
      nama: u.nama,
      password_hash: u.passwordHash,
      pegawai_id: u.pegawaiId,
      aktif: true,
      sandi_diubah: new Date(),
    })
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
    .select(['u.id', 'u.username', 'u.nama', 'u.aktif', 'u.sandi_diubah', 'p.nip'])
    .orderBy('u.username')
    .execute();
  const grants = await trx
    .selectFrom('user_role as r')
    .leftJoin('opd as o', (j) => j.onRef('o.tenant_id', '=', 'r.tenant_id').onRef('o.id', '=', 'r.opd_id'))
    .select(['r.user_id', 'r.role', 'o.kode'])
    .execute();
  const failures = await trx.selectFrom('login_gagal').select(['username', 'gagal', 'terakhir']).execute();
  return { users, grants, failures };
}
