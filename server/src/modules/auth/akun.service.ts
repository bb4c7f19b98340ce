import {
  allows,
  bolehKelolaAkun,
  diperlambat,
  ditahanSampai,
  gagalAkun,
  LABEL_ROLE,
  pesan,
  ROLES,
  type Role,
  SCOPED_ROLES,
} from '@sigap/domain';
import type { Trx } from '../../db/database.ts';
import { AppError, errors } from '../../errors.ts';
import { type Actor, insertAudit } from '../audit/audit.repository.ts';
import * as repo from './auth.repository.ts';
import { hashPassword, passwordProblem, verifyPassword } from './password.ts';

export interface NewUser {
  readonly username: string;
  readonly nama: string;
  readonly password: string;
  readonly roles: readonly { role: Role; opdKode?: string | null | undefined }[];
  readonly nip?: string | null | undefined;
}

type AccountFields = Pick<NewUser, 'username' | 'nama' | 'roles' | 'nip'>;

/** Checks an account's username, roles and employee link; resolves OPD codes and the NIP. */
async function resolveAccount(trx: Trx, u: AccountFields) {
  if (!/^[a-z0-9._-]{3,40}$/i.test(u.username)) {
    throw new AppError(
      'VALIDASI',
      pesan(
        'Nama pengguna 3–40 karakter: huruf, angka, titik, garis bawah, tanda hubung',
        'Username: 3–40 letters, digits, dots, underscores or hyphens',
      ),
    );
  }
  if (u.roles.length === 0)
    throw new AppError('VALIDASI', pesan('Pilih minimal satu peran', 'Choose at least one role'));
  const grants: { role: Role; opdId: string | null }[] = [];
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
    grants.push({ role: r.role, opdId });
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
  return { grants, pegawaiId };
}

function checkPassword(password: string) {
  const problem = passwordProblem(password);
  if (problem) throw new AppError('VALIDASI', pesan(problem.id, problem.en));
}

const rolesText = (roles: NewUser['roles']) =>
  roles.map((r) => r.role + (r.opdKode ? `:${r.opdKode}` : '')).join(', ');

/**
 * Creates an account, or updates the name, password and roles of one with the same username. For the
 * CLI and seeding only (the operator of the machine, so seeding is idempotent): the HTTP API creates with
 * {@link createUser} and changes with {@link changeUser}, never one through the other.
 */
export async function upsertUser(
  trx: Trx,
  tenantId: string,
  actor: Actor,
  u: NewUser,
): Promise<{ id: string; created: boolean }> {
  checkPassword(u.password);
  const { grants, pegawaiId } = await resolveAccount(trx, u);
  const passwordHash = await hashPassword(u.password);
  const existing = await repo.findUserByUsername(trx, u.username);
  const id = existing
    ? existing.id
    : await repo.insertUser(trx, tenantId, { username: u.username, nama: u.nama, passwordHash, pegawaiId });
  if (existing) {
    await repo.updateUser(trx, id, { nama: u.nama, passwordHash, pegawaiId });
    await repo.deleteSessionsOf(trx, id);
  }
  await repo.replaceGrants(trx, tenantId, id, grants);
  await insertAudit(trx, tenantId, actor, [
    {
      aksi: existing ? 'ubah' : 'buat',
      entitas: 'akun',
      entitasId: id,
      ringkasan: `${existing ? 'Mengubah' : 'Membuat'} akun ${u.username} (${rolesText(u.roles)})`,
      sebelum: existing ? { nama: existing.nama, pegawai_id: existing.pegawai_id } : undefined,
      sesudah: { username: u.username, nama: u.nama, roles: u.roles, pegawai_id: pegawaiId },
    },
  ]);
  return { id, created: !existing };
}

/** Who is managing accounts through the API: the audit actor and the roles they hold. */
export interface Manager extends Actor {
  readonly userId: string;
  readonly roles: readonly Role[];
  /** The manager's own session (kept when they reset their own password). */
  readonly sessionId: string | null;
}

const onlyPemdaAdmin = () =>
  new AppError(
    'DILARANG',
    pesan(
      'Hanya Admin Pemda yang boleh memberi peran Admin Pemda atau mengubah akun Admin Pemda',
      'Only a Pemda admin may grant the Pemda admin role or change a Pemda admin account',
    ),
  );

/** The account `id`, after checking the manager may change it (and give it `newRoles`). */
async function managedAccount(trx: Trx, m: Manager, id: string, newRoles: readonly Role[] = []) {
  const user = await repo.findUserById(trx, id);
  if (!user) throw errors.notFound('Akun', 'Account');
  const held = (await repo.grantsOf(trx, id)).map((g) => g.role);
  if (!bolehKelolaAkun(m.roles, held, newRoles)) throw onlyPemdaAdmin();
  return { user, held };
}

/** Creates a new account; an existing username is a conflict (never a silent rewrite of that account). */
export async function createUser(trx: Trx, tenantId: string, m: Manager, u: NewUser) {
  if (
    !bolehKelolaAkun(
      m.roles,
      [],
      u.roles.map((r) => r.role),
    )
  )
    throw onlyPemdaAdmin();
  checkPassword(u.password);
  const { grants, pegawaiId } = await resolveAccount(trx, u);
  if (await repo.findUserByUsername(trx, u.username)) {
    throw new AppError(
      'KONFLIK',
      pesan(
        `Nama pengguna "${u.username}" sudah dipakai akun lain; pilih nama lain, atau ubah akun itu lewat tombol Ubah`,
        `The username "${u.username}" is already taken; choose another, or change that account with its Edit button`,
      ),
    );
  }
  const passwordHash = await hashPassword(u.password);
  const id = await repo.insertUser(trx, tenantId, {
    username: u.username,
    nama: u.nama,
    passwordHash,
    pegawaiId,
  });
  await repo.replaceGrants(trx, tenantId, id, grants);
  await insertAudit(trx, tenantId, m, [
    {
      aksi: 'buat',
      entitas: 'akun',
      entitasId: id,
      ringkasan: `Membuat akun ${u.username} (${rolesText(u.roles)})`,
      sesudah: { username: u.username, nama: u.nama, roles: u.roles, pegawai_id: pegawaiId },
    },
  ]);
  return { id, created: true };
}

/** Changes an account's name, employee link and roles (not its password: see {@link resetPassword}). */
export async function changeUser(
  trx: Trx,
  tenantId: string,
  m: Manager,
  id: string,
  u: Omit<AccountFields, 'username'>,
) {
  const { user, held } = await managedAccount(
    trx,
    m,
    id,
    u.roles.map((r) => r.role),
  );
  if (
    id === m.userId &&
    held.some((r) => allows([r], 'akun.manage')) &&
    !u.roles.some((r) => allows([r.role], 'akun.manage'))
  ) {
    throw new AppError(
      'VALIDASI',
      pesan(
        'Anda tidak dapat mencabut hak kelola akun dari akun Anda sendiri',
        'You cannot take account management away from your own account',
      ),
    );
  }
  const { grants, pegawaiId } = await resolveAccount(trx, { ...u, username: user.username });
  await repo.updateProfile(trx, id, { nama: u.nama, pegawaiId });
  await repo.replaceGrants(trx, tenantId, id, grants);
  await insertAudit(trx, tenantId, m, [
    {
      aksi: 'ubah',
      entitas: 'akun',
      entitasId: id,
      ringkasan: `Mengubah akun ${user.username} (${rolesText(u.roles)})`,
      sebelum: { nama: user.nama, roles: held, pegawai_id: user.pegawai_id },
      sesudah: { nama: u.nama, roles: u.roles, pegawai_id: pegawaiId },
    },
  ]);
  return { id, created: false };
}

/** Deactivates (ending every session) or reactivates an account. */
export async function setUserActive(trx: Trx, tenantId: string, m: Manager, id: string, aktif: boolean) {
  const { user } = await managedAccount(trx, m, id);
  if (id === m.userId && !aktif) {
    throw new AppError(
      'VALIDASI',
      pesan('Anda tidak dapat menonaktifkan akun Anda sendiri', 'You cannot deactivate your own account'),
    );
  }
  await repo.setAktif(trx, id, aktif);
  if (!aktif) await repo.deleteSessionsOf(trx, id);
  await insertAudit(trx, tenantId, m, [
    {
      aksi: aktif ? 'aktifkan_akun' : 'nonaktifkan_akun',
      entitas: 'akun',
      entitasId: id,
      ringkasan: `${aktif ? 'Mengaktifkan kembali' : 'Menonaktifkan'} akun ${user.username}`,
      sebelum: { aktif: user.aktif },
      sesudah: { aktif },
    },
  ]);
  return { id, aktif };
}

/** Clears the sign-in throttle of an account (from every address). */
export async function unlockUser(trx: Trx, tenantId: string, m: Manager, id: string) {
  const { user } = await managedAccount(trx, m, id);
  await repo.clearLoginFailures(trx, user.username);
  await insertAudit(trx, tenantId, m, [
    {
      aksi: 'buka_kunci_akun',
      entitas: 'akun',
      entitasId: id,
      ringkasan: `Membuka kunci masuk akun ${user.username}`,
    },
  ]);
  return { id };
}

/** Sets a new password chosen by an admin; ends every session of the account and clears its throttle. */
export async function resetPassword(trx: Trx, tenantId: string, m: Manager, id: string, password: string) {
  const { user } = await managedAccount(trx, m, id);
  checkPassword(password);
  await repo.setPassword(trx, id, await hashPassword(password));
  await repo.deleteSessionsOf(trx, id, id === m.userId ? (m.sessionId ?? undefined) : undefined);
  await repo.clearLoginFailures(trx, user.username);
  await insertAudit(trx, tenantId, m, [
    {
      aksi: 'atur_ulang_sandi',
      entitas: 'akun',
      entitasId: id,
      ringkasan: `Mengatur ulang kata sandi akun ${user.username}; sesi lain diakhiri`,
    },
  ]);
  return { id };
}

/** Changes one's own password (the current one is needed); ends one's other sessions. */
export async function changeOwnPassword(
  trx: Trx,
  tenantId: string,
  me: { userId: string; nama: string; sessionId: string },
  lama: string,
  baru: string,
) {
  const user = await repo.findUserById(trx, me.userId);
  if (!user || !(await verifyPassword(user.password_hash, lama))) {
    throw new AppError('VALIDASI', pesan('Kata sandi saat ini salah', 'The current password is wrong'));
  }
  checkPassword(baru);
  if (baru === lama) {
    throw new AppError(
      'VALIDASI',
      pesan('Kata sandi baru harus berbeda dari yang lama', 'The new password must differ from the old one'),
    );
  }
  await repo.setPassword(trx, me.userId, await hashPassword(baru));
  const ended = await repo.deleteSessionsOf(trx, me.userId, me.sessionId);
  await insertAudit(trx, tenantId, { userId: me.userId, nama: me.nama }, [
    {
      aksi: 'ganti_sandi',
      entitas: 'akun',
      entitasId: me.userId,
      ringkasan: `${user.username} mengganti kata sandinya; sesi lain diakhiri`,
    },
  ]);
  return { sesiDiakhiri: ended.reduce((s, r) => s + Number(r.numDeletedRows), 0) };
}

/** Lists accounts with their roles and sign-in throttle (no password hashes). */
export async function listUsers(trx: Trx) {
  const { users, grants, failures } = await repo.listUsersWithGrants(trx);
  const now = new Date();
  return users.map((u) => {
    const mine = failures.filter((f) => f.username === u.username.toLowerCase());
    const held = mine.map((f) => ditahanSampai(f, now)).filter((d): d is Date => d !== null);
    return {
      ...u,
      roles: grants.filter((g) => g.user_id === u.id).map((g) => ({ role: g.role as Role, opdKode: g.kode })),
      /** Failures in the last hour from every address. */
      gagal_masuk: gagalAkun(mine, now),
      /** Until when some address is held back (null: none is). */
      terkunci_sampai: held.length ? new Date(Math.max(...held.map((d) => d.getTime()))) : null,
      diperlambat: diperlambat(mine, now),
    };
  });
}
