import { type Role, SCOPED_ROLES } from '@sigap/domain';
import type { BuatAkun } from '@sigap/domain/api/akun';

/** The create/update account form, as typed. */
export interface DraftAkun {
  readonly username: string;
  readonly nama: string;
  readonly password: string;
  /** NIP, or the ID pegawai of a non-ASN employee; links the account to the person. */
  readonly nip: string;
  readonly roles: readonly Role[];
  /** The OPD/unit code of each scoped role (opd_admin, unit_head). */
  readonly opd: Readonly<Partial<Record<Role, string>>>;
}

export const AKUN_KOSONG: DraftAkun = { username: '', nama: '', password: '', nip: '', roles: [], opd: {} };

/** The server's username rule. */
export const USERNAME_RE = /^[a-z0-9._-]{3,40}$/i;

/** The password rules the server enforces (shown as a checklist while typing). */
export const ATURAN_SANDI = [
  { key: 'panjang', ok: (pw: string) => pw.length >= 10 },
  { key: 'huruf', ok: (pw: string) => /[A-Za-z]/.test(pw) },
  { key: 'angka', ok: (pw: string) => /[0-9]/.test(pw) },
] as const;

export type KunciAturanSandi = (typeof ATURAN_SANDI)[number]['key'];

export function isScoped(role: Role): boolean {
  return SCOPED_ROLES.includes(role);
}

export type MasalahAkun = Partial<
  Record<
    'username' | 'nama' | 'password' | 'nip' | 'roles' | `opd.${Role}`,
    'wajib' | 'usernameFormat' | 'sandiLemah' | 'nipWajibPegawai' | 'peranWajib' | 'opdWajib'
  >
>;

/** A password's problem against the server's rule (null: acceptable). */
export function masalahSandi(pw: string): 'wajib' | 'sandiLemah' | null {
  if (!pw) return 'wajib';
  return ATURAN_SANDI.every((r) => r.ok(pw)) ? null : 'sandiLemah';
}

/**
 * What is wrong with the form, by field (an empty object = may be sent). Changing an existing account
 * (`ubah`) does not touch its password: that is a reset of its own.
 */
export function masalahAkun(f: DraftAkun, ubah = false): MasalahAkun {
  const out: MasalahAkun = {};
  if (!f.username.trim()) out.username = 'wajib';
  else if (!USERNAME_RE.test(f.username.trim())) out.username = 'usernameFormat';
  if (!f.nama.trim()) out.nama = 'wajib';
  const pw = ubah ? null : masalahSandi(f.password);
  if (pw) out.password = pw;
  const nip = f.nip.trim();
  if (!nip && f.roles.includes('employee')) out.nip = 'nipWajibPegawai';
  if (f.roles.length === 0) out.roles = 'peranWajib';
  for (const r of f.roles) if (isScoped(r) && !f.opd[r]) out[`opd.${r}`] = 'opdWajib';
  return out;
}

/** The POST /api/akun body. */
export function toUserBody(f: DraftAkun): BuatAkun {
  const nip = f.nip.trim();
  return {
    username: f.username.trim(),
    nama: f.nama.trim(),
    password: f.password,
    nip: nip || null,
    roles: f.roles.map((role) => (isScoped(role) ? { role, opd_kode: f.opd[role] ?? null } : { role })),
  };
}

/** The PUT /api/akun/:id body: name, employee link and roles (username and password stay). */
export function toUserChangeBody(f: DraftAkun) {
  const { username: _u, password: _p, ...rest } = toUserBody(f);
  return rest;
}
