import { LAMBAT_MS, PLAFON_AKUN } from '@sigap/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/db.ts';
import { PASSWORD, seedSmallPemda } from '../../../test/fixtures.ts';
import { type App, buildApp, trustProxyFrom } from '../../http/app.ts';

let sdb: Awaited<ReturnType<typeof freshDatabase>>;
let app: App;

beforeAll(async () => {
  sdb = await freshDatabase();
  await seedSmallPemda(sdb);
  app = await buildApp({ sdb, serveWeb: false, loginRateLimit: 1000 });
});
afterAll(async () => {
  await app.close();
  await sdb.cleanup();
});

const NEW_PW = 'SandiBaru-2026';
let nextAddr = 1;
/** A fresh client address for each test, so their throttles do not meet. */
const freshAddr = () => `10.9.${Math.floor(nextAddr / 250)}.${(nextAddr++ % 250) + 1}`;

const login = (username: string, password: string, remoteAddress = '127.0.0.1') =>
  app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress });

interface Session {
  cookie: string;
  csrf: string;
}
async function signIn(username: string, password = PASSWORD): Promise<Session> {
  const r = await login(username, password, freshAddr());
  expect(r.statusCode, `${username}: ${r.body}`).toBe(200);
  return {
    cookie: `sigap_sid=${r.cookies.find((c) => c.name === 'sigap_sid')!.value}`,
    csrf: r.json<{ csrf_token: string }>().csrf_token,
  };
}
const call = (s: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  app.inject({ method, url, payload, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf } });
const me = (s: Session) => app.inject({ url: '/api/auth/me', headers: { cookie: s.cookie } });

async function idOf(username: string): Promise<string> {
  const admin = await signIn('admin');
  const list = (await call(admin, 'GET', '/api/akun')).json<{ id: string; username: string }[]>();
  return list.find((u) => u.username === username)!.id;
}
async function auditAksi(s: Session): Promise<string[]> {
  const r = await call(s, 'GET', '/api/audit?limit=200');
  return r.json<{ rows: { aksi: string }[] }>().rows.map((x) => x.aksi);
}

describe('accounts: creating never rewrites another account (finding 4)', () => {
  it('a BKPSDM admin posting a Pemda admin’s username gets 409, and the Pemda admin is untouched', async () => {
    const bk = await signIn('bkpsdm');
    const r = await call(bk, 'POST', '/api/akun', {
      username: 'admin',
      nama: 'Diambil alih',
      password: 'Ambilalih-12345',
      roles: [{ role: 'bkpsdm_admin' }],
    });
    expect(r.statusCode, r.body).toBe(409);
    expect(r.json()).toMatchObject({ code: 'KONFLIK' });
    expect(r.json<{ message: string }>().message).toContain('sudah dipakai');
    // The Pemda admin still signs in with the old password and is still a Pemda admin.
    expect((await login('admin', 'Ambilalih-12345', freshAddr())).statusCode).toBe(401);
    const admin = await signIn('admin');
    expect((await me(admin)).json()).toMatchObject({ nama: 'admin', roles: [{ role: 'pemda_admin' }] });
  });

  it('even a Pemda admin cannot create over an existing username (different case included)', async () => {
    const admin = await signIn('admin');
    const r = await call(admin, 'POST', '/api/akun', {
      username: 'AUDITOR',
      nama: 'Baru',
      password: 'Auditorbaru-123',
      roles: [{ role: 'auditor' }],
    });
    expect(r.statusCode).toBe(409);
    expect((await login('auditor', PASSWORD, freshAddr())).statusCode).toBe(200);
  });

  it('only a Pemda admin changes, deactivates, unlocks or resets a Pemda admin account, or grants the role', async () => {
    const bk = await signIn('bkpsdm');
    const adminId = await idOf('admin');
    const auditorId = await idOf('auditor');
    const denied = [
      await call(bk, 'PUT', `/api/akun/${adminId}`, { nama: 'x', roles: [{ role: 'auditor' }] }),
      await call(bk, 'POST', `/api/akun/${adminId}/nonaktifkan`),
      await call(bk, 'POST', `/api/akun/${adminId}/buka-kunci`),
      await call(bk, 'POST', `/api/akun/${adminId}/atur-ulang-sandi`, { password: 'Reset-admin-123' }),
      await call(bk, 'PUT', `/api/akun/${auditorId}`, { nama: 'a', roles: [{ role: 'pemda_admin' }] }),
      await call(bk, 'POST', '/api/akun', {
        username: 'admin.kedua',
        nama: 'Kedua',
        password: 'Adminkedua-123',
        roles: [{ role: 'pemda_admin' }],
      }),
    ];
    for (const r of denied) {
      expect(r.statusCode, r.body).toBe(403);
      expect(r.json<{ message: string }>().message).toContain('Hanya Admin Pemda');
    }
    const admin = await signIn('admin');
    expect((await me(admin)).json()).toMatchObject({ nama: 'admin', roles: [{ role: 'pemda_admin' }] });
    // A BKPSDM admin may change other accounts.
    const ok = await call(bk, 'PUT', `/api/akun/${auditorId}`, {
      nama: 'Auditor Inspektorat',
      roles: [{ role: 'auditor' }],
    });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('deactivating ends the sessions and refuses sign-in with the same words; reactivating restores; both audited', async () => {
    const admin = await signIn('admin');
    const nakes = await signIn('nakes');
    const id = await idOf('nakes');
    expect((await call(admin, 'POST', `/api/akun/${id}/nonaktifkan`)).statusCode).toBe(200);
    expect((await me(nakes)).statusCode).toBe(401);
    const refused = await login('nakes', PASSWORD, freshAddr());
    const unknown = await login('tidak-ada-sama-sekali', PASSWORD, freshAddr());
    expect(refused.statusCode).toBe(401);
    expect(refused.json()).toEqual(unknown.json());
    expect((await call(admin, 'POST', `/api/akun/${id}/aktifkan`)).statusCode).toBe(200);
    await signIn('nakes');
    const self = await call(admin, 'POST', `/api/akun/${await idOf('admin')}/nonaktifkan`);
    expect(self.statusCode).toBe(400);
    expect(await auditAksi(admin)).toEqual(expect.arrayContaining(['nonaktifkan_akun', 'aktifkan_akun']));
  });

  it('an admin reset sets a new password (rule in words) and ends every session of the account', async () => {
    const admin = await signIn('admin');
    const peg = await signIn('pegawai');
    const id = await idOf('pegawai');
    const weak = await call(admin, 'POST', `/api/akun/${id}/atur-ulang-sandi`, { password: 'pendek' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json<{ message: string }>().message).toContain('minimal 10 karakter');
    expect((await me(peg)).statusCode).toBe(200);
    const r = await call(admin, 'POST', `/api/akun/${id}/atur-ulang-sandi`, { password: NEW_PW });
    expect(r.statusCode, r.body).toBe(200);
    expect((await me(peg)).statusCode).toBe(401);
    expect((await login('pegawai', PASSWORD, freshAddr())).statusCode).toBe(401);
    await signIn('pegawai', NEW_PW);
    expect(await auditAksi(admin)).toContain('atur_ulang_sandi');
    // Back to the fixture password for the other tests.
    await call(admin, 'POST', `/api/akun/${id}/atur-ulang-sandi`, { password: PASSWORD });
  });
});

describe('sign-in throttle and proxies (finding 5)', () => {
  it('does not believe X-Forwarded-For unless a proxy is configured', async () => {
    const rotate = async (a: App) => {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) {
        const r = await a.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'x-tidak-ada', password: 'y' },
          headers: { 'x-forwarded-for': `203.0.113.${i + 1}` },
        });
        codes.push(r.statusCode);
      }
      return codes;
    };
    const plain = await buildApp({ sdb, serveWeb: false, loginRateLimit: 3 });
    const unset = await buildApp({ sdb, serveWeb: false, loginRateLimit: 3, trustProxy: trustProxyFrom('') });
    const byAddress = await buildApp({
      sdb,
      serveWeb: false,
      loginRateLimit: 3,
      trustProxy: trustProxyFrom('127.0.0.1, 10.0.0.0/8'),
    });
    const byHops = await buildApp({
      sdb,
      serveWeb: false,
      loginRateLimit: 3,
      trustProxy: trustProxyFrom('1'),
    });
    try {
      expect(await rotate(plain)).toEqual([401, 401, 401, 429, 429]);
      expect(await rotate(unset)).toEqual([401, 401, 401, 429, 429]);
      // Behind a configured proxy each forwarded address is its own client.
      expect(await rotate(byAddress)).toEqual([401, 401, 401, 401, 401]);
      expect(await rotate(byHops)).toEqual([401, 401, 401, 401, 401]);
    } finally {
      for (const a of [plain, unset, byAddress, byHops]) await a.close();
    }
  });

  it('an outsider’s failures hold back only the outsider’s address, never the owner', async () => {
    const outsider = freshAddr();
    for (let i = 0; i < 8; i++)
      expect((await login('auditor', `salah-${i}-xyz1`, outsider)).statusCode).toBe(401);
    // Held back: even the right password from that address is refused.
    expect((await login('auditor', PASSWORD, outsider)).statusCode).toBe(401);
    // The owner, elsewhere, signs in.
    expect((await login('auditor', PASSWORD, freshAddr())).statusCode).toBe(200);
  });

  it('answers an unknown user, a wrong password and a held-back account in the same words', async () => {
    const addr = freshAddr();
    const unknown = await login('belum-pernah-ada', 'salah-sekali-1', addr);
    const wrong = await login('kepala.umum', 'salah-sekali-1', addr);
    for (let i = 0; i < 6; i++) await login('kepala.umum', `salah-${i}-abc`, addr);
    const held = await login('kepala.umum', PASSWORD, addr);
    for (let i = 0; i < 6; i++) await login('belum-pernah-ada', `salah-${i}-abc`, addr);
    const heldUnknown = await login('belum-pernah-ada', PASSWORD, addr);
    for (const r of [unknown, wrong, held, heldUnknown]) {
      expect(r.statusCode).toBe(401);
      expect(r.json()).toEqual(unknown.json());
    }
    expect(unknown.json<{ message: string }>().message).toContain('nama pengguna atau kata sandi salah');
  });

  it('an admin unlock frees a held-back address at once', async () => {
    const addr = freshAddr();
    for (let i = 0; i < 6; i++) await login('bkpsdm', `salah-${i}-xyz9`, addr);
    expect((await login('bkpsdm', PASSWORD, addr)).statusCode).toBe(401);
    const admin = await signIn('admin');
    const id = await idOf('bkpsdm');
    const list = (await call(admin, 'GET', '/api/akun')).json<
      { username: string; terkunci_sampai: string | null }[]
    >();
    expect(list.find((u) => u.username === 'bkpsdm')!.terkunci_sampai).not.toBeNull();
    const r = await call(admin, 'POST', `/api/akun/${id}/buka-kunci`);
    expect(r.statusCode, r.body).toBe(200);
    expect((await login('bkpsdm', PASSWORD, addr)).statusCode).toBe(200);
    expect(await auditAksi(admin)).toContain('buka_kunci_akun');
  });

  it('past the ceiling across addresses sign-in is only slowed down, for known and unknown names alike', async () => {
    for (let i = 0; i < PLAFON_AKUN; i++) {
      await login('admin.dinkes', `salah-${i}-pqr`, freshAddr());
      await login('siapa.saja', `salah-${i}-pqr`, freshAddr());
    }
    const t0 = Date.now();
    expect((await login('admin.dinkes', PASSWORD, freshAddr())).statusCode).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(LAMBAT_MS - 50);
    const t1 = Date.now();
    expect((await login('siapa.saja', PASSWORD, freshAddr())).statusCode).toBe(401);
    expect(Date.now() - t1).toBeGreaterThanOrEqual(LAMBAT_MS - 50);
  });
});

describe('own password (finding 5)', () => {
  it('needs the current password and the rule; the new one ends the other sessions and keeps this one', async () => {
    const other = await signIn('kepala.umum');
    const mine = await signIn('kepala.umum');
    const wrongOld = await call(mine, 'POST', '/api/auth/sandi', { lama: 'bukan-ini-123', baru: NEW_PW });
    expect(wrongOld.statusCode).toBe(400);
    expect(wrongOld.json<{ message: string }>().message).toContain('saat ini salah');
    const weak = await call(mine, 'POST', '/api/auth/sandi', { lama: PASSWORD, baru: 'hanyahuruf' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json<{ message: string }>().message).toContain('huruf dan angka');
    const ok = await call(mine, 'POST', '/api/auth/sandi', { lama: PASSWORD, baru: NEW_PW });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<{ sesi_diakhiri: number }>().sesi_diakhiri).toBeGreaterThanOrEqual(1);
    expect((await me(other)).statusCode).toBe(401);
    expect((await me(mine)).statusCode).toBe(200);
    expect((await login('kepala.umum', PASSWORD, freshAddr())).statusCode).toBe(401);
    await signIn('kepala.umum', NEW_PW);
  });
});
