import { LABEL_ROLE, pesan, ROLES, type Role, SCOPED_ROLES } from '@sigap/domain';
import { sql } from 'kysely';
import type { Trx } from '../../db/database.ts';
import { AppError } from '../../http/errors.ts';
import { type Actor, insertAudit } from '../audit/audit.repository.ts';
import { hashPassword, passwordProblem } from './password.ts';

export interface NewUser {
  readonly username: string;
  readonly nama: string;
  readonly password: string;
  readonly roles: readonly { role: Role; opdKode?: string | null | undefined }[];
  readonly nip?: string | null | undefined;
}

/**
 * Creates an account, or updates the name, password and roles of one with the same username
 * (so seeding is idempotent). Scoped roles need an OPD code; an employee account links to a NIP.
 */
export async function upsertUser(
  trx: Trx,
  tenantId: string,
  actor: Actor,
  u: NewUser,
): Promise<{ id: string; created: boolean }> {
  if (!/^[a-z0-9._-]{3,40}$/i.test(u.username)) {
    throw new AppError(
      'VALIDASI',
      pesan(
        'Nama pengguna 3–40 karakter: huruf, angka, titik, garis bawah, tanda hubung',
        'Username: 3–40 letters, digits, dots, underscores or hyphens',
      ),
    );
  }
  const problem = passwordProblem(u.password);
  if (problem) throw new AppError('VALIDASI', pesan(problem.id, problem.en));
  if (u.roles.length === 0)
    throw new AppError('VALIDASI', pesan('Pilih minimal satu peran', 'Choose at least one role'));
  const grants: { role: Role; opd_id: string | null }[] = [];
  for (const r of u.roles) {
    if (!ROLES.includes(r.role)) {
      throw new AppError('VALIDASI', pesan(`Peran "${r.role}" tidak dikenal`, `Unknown role "${r.role}"`));
    }
    let opdId: string | null = null;
    if (SCOPED_ROLES.includes(r.role)) {
      if (!r.opdKode) {
        throw new AppError(
          'VALIDASI',
          pesan(
            `Peran ${LABEL_ROLE[r.role].id} perlu kode OPD/unit`,
            `Role ${LABEL_ROLE[r.role].en} needs an OPD/unit code`,
          ),
        );
      }
      const opd = await trx
        .selectFrom('opd')
        .select('id')
        .where(sql<string>`upper(kode)`, '=', r.opdKode.toUpperCase())
        .executeTakeFirst();
      if (!opd)
        throw new AppError(
          'VALIDASI',
          pesan(`OPD "${r.opdKode}" tidak dikenal`, `Unknown OPD "${r.opdKode}"`),
        );
      opdId = opd.id;
    }
    grants.push({ role: r.role, opd_id: opdId });
  }
  let pegawaiId: string | null = null;
  if (u.nip) {
    const p = await trx
      .selectFrom('pegawai')
      .select('id')
      .where((eb) => eb.or([eb('nip', '=', u.nip!), eb('id_pegawai', '=', u.nip!)]))
      .executeTakeFirst();
    if (!p)
      throw new AppError(
        'VALIDASI',
        pesan(`Pegawai dengan NIP ${u.nip} tidak ada`, `No employee with NIP ${u.nip}`),
      );
    pegawaiId = p.id;
  }
  if (grants.some((g) => g.role === 'employee') && pegawaiId === null) {
    throw new AppError(
      'VALIDASI',
      pesan(
        'Akun pegawai harus ditautkan ke NIP pegawai',
        'An employee account must be linked to an employee NIP',
      ),
    );
  }
  const passwordHash = await hashPassword(u.password);
  const existing = await trx
    .selectFrom('app_user')
    .select(['id', 'nama', 'pegawai_id'])
    .where(sql<string>`lower(username)`, '=', u.username.toLowerCase())
    .executeTakeFirst();
  let id: string;
  if (existing) {
    id = existing.id;
    await trx
      .updateTable('app_user')
      .set({ nama: u.nama, password_hash: passwordHash, pegawai_id: pegawaiId, aktif: true })
      .where('id', '=', id)
      .execute();
    await trx.deleteFrom('user_role').where('user_id', '=', id).execute();
  } else {
    const row = await trx
      .insertInto('app_user')
      .values({
        tenant_id: tenantId,
        username: u.username,
        nama: u.nama,
        password_hash: passwordHash,
        pegawai_id: pegawaiId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    id = row.id;
  }
  await trx
    .insertInto('user_role')
    .values(grants.map((g) => ({ tenant_id: tenantId, user_id: id, role: g.role, opd_id: g.opd_id })))
    .execute();
  await insertAudit(trx, tenantId, actor, [
    {
      aksi: existing ? 'ubah' : 'buat',
      entitas: 'akun',
      entitasId: id,
      ringkasan: `${existing ? 'Mengubah' : 'Membuat'} akun ${u.username} (${u.roles.map((r) => r.role + (r.opdKode ? `:${r.opdKode}` : '')).join(', ')})`,
      sebelum: existing ? { nama: existing.nama, pegawai_id: existing.pegawai_id } : undefined,
      sesudah: { username: u.username, nama: u.nama, roles: u.roles, pegawai_id: pegawaiId },
    },
  ]);
  return { id, created: !existing };
}

/** Lists accounts with their roles (no password hashes). */
export async function listUsers(trx: Trx) {
  const users = await trx
    .selectFrom('app_user as u')
    .leftJoin('pegawai as p', (j) =>
      j.onRef('p.tenant_id', '=', 'u.tenant_id').onRef('p.id', '=', 'u.pegawai_id'),
    )
    .select(['u.id', 'u.username', 'u.nama', 'u.aktif', 'u.terkunci_sampai', 'p.nip'])
    .orderBy('u.username')
    .execute();
  const roles = await trx
    .selectFrom('user_role as r')
    .leftJoin('opd as o', (j) => j.onRef('o.tenant_id', '=', 'r.tenant_id').onRef('o.id', '=', 'r.opd_id'))
    .select(['r.user_id', 'r.role', 'o.kode'])
    .execute();
  return users.map((u) => ({
    ...u,
    roles: roles.filter((r) => r.user_id === u.id).map((r) => ({ role: r.role as Role, opdKode: r.kode })),
  }));
}
