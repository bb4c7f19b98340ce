import { describe, expect, test } from 'vitest';
import { AKUN_KOSONG, masalahAkun, toUserBody, toUserChangeBody } from './akun';

describe('akun form', () => {
  test('an empty form names every missing field', () => {
    expect(masalahAkun(AKUN_KOSONG)).toEqual({
      username: 'wajib',
      nama: 'wajib',
      password: 'wajib',
      roles: 'peranWajib',
    });
  });

  test('mirrors the server rules: username, password, NIP for employees, OPD for scoped roles', () => {
    const ok = {
      ...AKUN_KOSONG,
      username: 'admin.dinkes2',
      nama: 'Admin Dinkes',
      password: 'rahasia-2026',
      roles: ['opd_admin' as const],
      opd: { opd_admin: 'DINKES' },
    };
    expect(masalahAkun(ok)).toEqual({});
    expect(masalahAkun({ ...ok, username: 'a b' }).username).toBe('usernameFormat');
    expect(masalahAkun({ ...ok, password: 'pendek1' }).password).toBe('sandiLemah');
    expect(masalahAkun({ ...ok, password: 'tanpaangkasama' }).password).toBe('sandiLemah');
    expect(masalahAkun({ ...ok, opd: {} })['opd.opd_admin']).toBe('opdWajib');
    expect(masalahAkun({ ...ok, roles: ['opd_admin', 'employee'] }).nip).toBe('nipWajibPegawai');
    expect(toUserBody(ok)).toEqual({
      username: 'admin.dinkes2',
      nama: 'Admin Dinkes',
      password: 'rahasia-2026',
      nip: null,
      roles: [{ role: 'opd_admin', opd_kode: 'DINKES' }],
    });
    expect(toUserBody({ ...ok, roles: ['auditor'], nip: ' 1990 ' }).roles).toEqual([{ role: 'auditor' }]);
  });

  test('changing an existing account does not ask for its password; the body carries no username or password', () => {
    const f = { ...AKUN_KOSONG, username: 'auditor', nama: 'Auditor', roles: ['auditor' as const] };
    expect(masalahAkun(f)).toEqual({ password: 'wajib' });
    expect(masalahAkun(f, true)).toEqual({});
    expect(toUserChangeBody(f)).toEqual({ nama: 'Auditor', nip: null, roles: [{ role: 'auditor' }] });
  });
});
