// Dates and periods are bounded at the door: every route that takes a date or a period answers 400 in
// words, at once, for a date outside 1900-01-01..2200-12-31, a period longer than a year, or a reversed
// one. `GET /api/jadwal-saya?dari=9999-12-31&sampai=9999-12-31` used to loop until the process died.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../test/db.ts';
import { ACCOUNTS, PASSWORD, seedSmallPemda } from '../../test/fixtures.ts';
import { type App, buildApp } from './app.ts';

let sdb: Awaited<ReturnType<typeof freshDatabase>>;
let app: App;
const sesi = new Map<string, { cookie: string; csrf: string }>();

async function masuk(username: string) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: PASSWORD },
  });
  expect(res.statusCode, `login ${username}: ${res.body}`).toBe(200);
  const cookie = res.cookies.find((c) => c.name === 'sigap_sid')!;
  return { cookie: `sigap_sid=${cookie.value}`, csrf: res.json<{ csrf_token: string }>().csrf_token };
}

async function minta(
  username: string,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  payload?: unknown,
  lang: 'id' | 'en' = 'id',
) {
  const s = sesi.get(username)!;
  const t0 = performance.now();
  const res = await app.inject({
    method,
    url,
    headers: { cookie: `${s.cookie}; sigap_lang=${lang}`, 'x-csrf-token': s.csrf },
    payload: payload as Record<string, unknown> | undefined,
  });
  return { res, ms: performance.now() - t0 };
}

beforeAll(async () => {
  sdb = await freshDatabase();
  await seedSmallPemda(sdb);
  app = await buildApp({ sdb, serveWeb: false, loginRateLimit: 1000 });
  await app.ready();
  for (const a of ACCOUNTS) sesi.set(a.username, await masuk(a.username));
});
afterAll(async () => {
  await app?.close();
  await sdb?.cleanup();
});

describe('dates and periods bounded in the schema', () => {
  it('GET /api/jadwal-saya?dari=9999-12-31&sampai=9999-12-31 as pegawai answers 400 in words, at once', async () => {
    const { res, ms } = await minta('pegawai', 'GET', '/api/jadwal-saya?dari=9999-12-31&sampai=9999-12-31');
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toEqual({
      code: 'VALIDASI',
      message:
        'Masukan tidak sah — Tanggal mulai (dari): 9999-12-31 di luar rentang tanggal yang didukung (1900-01-01 s.d. 2200-12-31); Tanggal selesai (sampai): 9999-12-31 di luar rentang tanggal yang didukung (1900-01-01 s.d. 2200-12-31)',
    });
    expect(ms).toBeLessThan(2000);
    const en = await minta(
      'pegawai',
      'GET',
      '/api/jadwal-saya?dari=9999-12-31&sampai=9999-12-31',
      undefined,
      'en',
    );
    expect(en.res.json<{ message: string }>().message).toContain(
      'Start date (dari): 9999-12-31 is outside the supported dates (1900-01-01 to 2200-12-31)',
    );
  });

  it('refuses a 367-day period, a reversed one and year 0001, naming the field', async () => {
    const cases: [string, string][] = [
      [
        '/api/jadwal-saya?dari=2026-01-01&sampai=2027-01-02',
        'Tanggal selesai (sampai): Periode 2026-01-01 s.d. 2027-01-02 mencakup 367 hari; paling banyak 366 hari sekali minta',
      ],
      [
        '/api/jadwal-saya?dari=2026-03-02&sampai=2026-03-01',
        'Tanggal selesai (sampai): sampai (2026-03-01) sebelum dari (2026-03-02)',
      ],
      [
        '/api/jadwal-saya?dari=0001-01-01&sampai=0001-01-02',
        'Tanggal mulai (dari): 0001-01-01 di luar rentang tanggal',
      ],
      [
        '/api/jadwal-saya?dari=2026-02-30&sampai=2026-03-01',
        'Tanggal mulai (dari): "2026-02-30" bukan tanggal yang ada',
      ],
    ];
    for (const [url, words] of cases) {
      const { res, ms } = await minta('pegawai', 'GET', url);
      expect(res.statusCode, `${url}: ${res.body}`).toBe(400);
      expect(res.json<{ message: string }>().message, url).toContain(words);
      expect(ms, url).toBeLessThan(2000);
    }
  });

  it('every other route that takes a period or a date refuses 9999-12-31, a reversed period and a year too long', async () => {
    const JAUH = 'dari=9999-12-31&sampai=9999-12-31';
    const TERBALIK = 'dari=2026-03-02&sampai=2026-03-01';
    const PANJANG = 'dari=2026-01-01&sampai=2027-01-02';
    const periode = (q: string) => q.split('&').map((x) => x.split('=')) as [string, string][];
    const routes: [string, 'GET' | 'POST' | 'DELETE', string, (q: string) => unknown][] = [
      ['admin', 'GET', '/api/jadwal/grid?', () => undefined],
      ['admin', 'GET', '/api/jadwal/okupansi?', () => undefined],
      ['admin', 'GET', '/api/jadwal/periksa?', () => undefined],
      ['admin', 'GET', '/api/jadwal/rekap?format=json&', () => undefined],
      ['pegawai', 'GET', '/api/jadwal-saya/permintaan?', () => undefined],
      ['admin', 'POST', '/api/jadwal/buat', (q) => Object.fromEntries(periode(q))],
      ['pegawai', 'POST', '/api/cuti', (q) => ({ jenis: 'cuti_tahunan', ...Object.fromEntries(periode(q)) })],
    ];
    for (const [user, method, url, body] of routes) {
      for (const [q, words] of [
        [JAUH, 'di luar rentang tanggal'],
        [TERBALIK, 'sebelum dari'],
        [PANJANG, 'mencakup 367 hari'],
      ] as const) {
        // Leave has its own, shorter limit per entry.
        const harap = url === '/api/cuti' && q === PANJANG ? 'paling banyak 120 hari' : words;
        const full = method === 'GET' ? `${url}${q}` : url;
        const { res, ms } = await minta(user, method, full, body(q));
        expect(res.statusCode, `${method} ${full}: ${res.body}`).toBe(400);
        expect(res.json<{ message: string }>().message, `${method} ${full}`).toContain(harap);
        expect(ms).toBeLessThan(2000);
      }
    }
    // Filters of any length, but real dates in order.
    for (const [user, url] of [
      ['admin', '/api/jadwal?'],
      ['admin', '/api/cuti?'],
      ['auditor', '/api/audit?'],
    ] as const) {
      for (const q of [JAUH, TERBALIK]) {
        const { res } = await minta(user, 'GET', `${url}${q}`);
        expect(res.statusCode, `${url}${q}: ${res.body}`).toBe(400);
      }
      expect((await minta(user, 'GET', `${url}${PANJANG}`)).res.statusCode, url).toBe(200);
    }
    // Single dates.
    for (const [user, method, url, payload] of [
      ['admin', 'GET', '/api/opd?tanggal=9999-12-31', undefined],
      ['admin', 'GET', '/api/pegawai?tanggal=0001-01-01', undefined],
      ['admin', 'GET', '/api/kebijakan-dampak?tanggal=9999-12-31', undefined],
      ['admin', 'DELETE', '/api/kalender/libur/9999-12-31', undefined],
      ['admin', 'POST', '/api/konteks-wilayah', { dari: '9999-12-31', zona: 'rendah' }],
      ['pegawai', 'POST', '/api/jadwal-saya/permintaan', { tanggal: '9999-12-31', lokasi: 'WFO' }],
    ] as const) {
      const { res } = await minta(user, method, url, payload);
      expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(400);
      expect(res.json<{ message: string }>().message, url).toMatch(/di luar rentang tanggal/);
    }
  });
});
