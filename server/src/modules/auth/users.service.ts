import { LABEL_ROLE, pesan, ROLES, type Role, SCOPED_ROLES } from '@sigap/domain';
import type { Trx } from '../../db/database.ts';
import { AppError } from '../../http/errors.ts';
import { type Actor, insertAudit } from '../audit/audit.repository.ts';
import * as repo from './auth.repository.ts';
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
      const opd = await repo.findOpdIdByKode(trx, r.opdKode);
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
    const p = await repo.findPegawaiIdByKey(trx, u.nip);
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
  const existing = await repo.findUserByUsername(trx, u.username);
  const id = existing
    ? existing.id
    : await repo.insertUser(trx, tenantId, { username: u.username, nama: u.nama, passwordHash, pegawaiId });
  if (existing) await repo.updateUser(trx, id, { nama: u.nama, passwordHash, pegawaiId });
  await repo.replaceGrants(
    trx,
    tenantId,
    id,
    grants.map((g) => ({ role: g.role, opdId: g.opd_id })),
  );
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
  const { users, grants } = await repo.listUsersWithGrants(trx);
  return users.map((u) => ({
    ...u,
    roles: grants.filter((g) => g.user_id === u.id).map((g) => ({ role: g.role as Role, opdKode: g.kode })),
  }));
}
