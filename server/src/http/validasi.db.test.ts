import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../test/db.ts';
import { ACCOUNTS, PASSWORD, seedSmallPemda } from '../../test/fixtures.ts';
import { type App, buildApp } from './app.ts';

// A request that fails its schema is answered in words naming the field, in the caller's language.

let sdb: Awaited<ReturnType<typeof freshDatabase>>;
let app: App;
let sesi: { cookie: string; csrf: string };

beforeAll(async () => {
  sdb = await freshDatabase();
  await seedSmallPemda(sdb);
  app = await buildApp({ sdb, serveWeb: false, loginRateLimit: 1000 });
  await app.ready();
  const admin = ACCOUNTS.find((a) => a.role === 'pemda_admin')!;
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: admin.username, password: PASSWORD },
  });
  const c = res.cookies.find((x) => x.name === 'sigap_sid')!;
  sesi = { cookie: `sigap_sid=${c.value}`, csrf: res.json<{ csrf_token: string }>().csrf_token };
});
afterAll(async () => {
  await app.close();
  await sdb.cleanup();
});

const ZOD = /expected|received|diharapkan|diterima|<=|>=|Input tidak valid|Too (big|small)/;

describe('validation messages', () => {
  it('a number over its limit names the field and the limit in words (id and en)', async () => {
    const settings = (await app.inject({ url: '/api/pengaturan', headers: { cookie: sesi.cookie } })).json();
    for (const [lang, expected] of [
      ['id', 'Masukan tidak sah — Lintang pusat (pusat_lat): paling besar 6.5'],
      ['en', 'Invalid input — Centre latitude (pusat_lat): at most 6.5'],
    ] as const) {
      const res = await app.inject({
        method: 'PUT',
        url: `/api/pengaturan?lang=${lang}`,
        headers: { cookie: sesi.cookie, 'x-csrf-token': sesi.csrf },
        payload: { ...settings, pusat_lat: 100, pusat_lng: 112.5 },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual({ code: 'VALIDASI', message: expected });
    }
  });

  it('a missing field is "wajib diisi", a wrong choice lists the choices, a bad date shows the form', async () => {
    const a = await app.inject({
      method: 'POST',
      url: '/api/akun',
      headers: { cookie: sesi.cookie, 'x-csrf-token': sesi.csrf },
      payload: { username: 'x', password: 'y', roles: [{ role: 'raja' }] },
    });
    expect(a.statusCode).toBe(400);
    const m = a.json<{ message: string }>().message;
    expect(m).toContain('Nama (nama): wajib diisi');
    expect(m).toContain('Peran (roles[1].role): harus salah satu dari: ');
    expect(m).not.toMatch(ZOD);
    const b = await app.inject({
      url: '/api/jadwal/grid?dari=17-08-2020&sampai=2020-08-28',
      headers: { cookie: sesi.cookie },
    });
    expect(b.statusCode).toBe(400);
    expect(b.json<{ message: string }>().message).toContain(
      'Tanggal mulai (dari): "17-08-2020" bukan tanggal yang ada; tulis TTTT-BB-HH, misalnya 2026-08-17',
    );
    expect(b.json<{ message: string }>().message).not.toMatch(ZOD);
  });
});
