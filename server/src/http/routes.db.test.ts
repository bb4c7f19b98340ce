import { allows, type Permission, type Role } from '@sigap/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../test/db.ts';
import { ACCOUNTS, PASSWORD, seedSmallPemda } from '../../test/fixtures.ts';
import { type App, buildApp } from './app.ts';

let sdb: Awaited<ReturnType<typeof freshDatabase>>;
let app: App;
const sessions = new Map<Role, { cookie: string; csrf: string }>();

const SAMPLE_PARAMS: Record<string, string> = {
  kode: 'DINKES',
  id: '00000000-0000-4000-8000-000000000000',
  jenis: 'opd',
  tanggal: '2099-01-01',
  versi: '1',
};

function concreteUrl(url: string) {
  return url.replace(/:([a-zA-Z]+)/g, (_, name: string) => SAMPLE_PARAMS[name] ?? 'x');
}

async function signIn(username: string) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: PASSWORD },
  });
  expect(res.statusCode, `login ${username}: ${res.body}`).toBe(200);
  const cookie = res.cookies.find((c) => c.name === 'sigap_sid')!;
  return { cookie: `sigap_sid=${cookie.value}`, csrf: res.json<{ csrfToken: string }>().csrfToken };
}

beforeAll(async () => {
  sdb = await freshDatabase();
  await seedSmallPemda(sdb);
  app = await buildApp({ sdb, serveWeb: false, loginRateLimit: 1000 });
  await app.ready();
  for (const a of ACCOUNTS) sessions.set(a.role, await signIn(a.username));
});
afterAll(async () => {
  await app.close();
  await sdb.cleanup();
});

describe('every route × every role', () => {
  it('every API route declares a permission and appears in the OpenAPI document', async () => {
    expect(app.sigapRoutes.length).toBeGreaterThan(15);
    const doc = (await app.inject({ url: '/api/docs/json' })).json<{
      paths: Record<string, Record<string, unknown>>;
    }>();
    for (const r of app.sigapRoutes) {
      const path = r.url.replace(/^\/api/, '/api').replace(/:([a-zA-Z]+)/g, '{$1}');
      expect(doc.paths[path]?.[r.method.toLowerCase()], `${r.method} ${r.url} in OpenAPI`).toBeDefined();
    }
  });

  it('refuses every non-public route without a session (401)', async () => {
    for (const r of app.sigapRoutes.filter((x) => x.permission !== 'public')) {
      const res = await app.inject({
        method: r.method as 'GET',
        url: concreteUrl(r.url),
        payload: r.method === 'GET' ? undefined : {},
      });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
      expect(res.json(), `${r.method} ${r.url}`).toMatchObject({ code: 'TIDAK_MASUK' });
    }
  });

  it('allows or denies each route for each role exactly as the permission matrix says', async () => {
    const table: string[] = [];
    for (const r of app.sigapRoutes) {
      for (const a of ACCOUNTS) {
        // Signing out would end the shared session: use a throwaway one.
        const s = r.url === '/api/auth/logout' ? await signIn(a.username) : sessions.get(a.role)!;
        const res = await app.inject({
          method: r.method as 'GET',
          url: concreteUrl(r.url),
          headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
          payload: r.method === 'GET' || r.method === 'DELETE' ? undefined : {},
        });
        const expected = allows([a.role], r.permission as Permission);
        const denied = res.statusCode === 403 || res.statusCode === 401;
        table.push(`${r.method} ${r.url} ${a.role}: ${res.statusCode}`);
        expect(
          denied,
          `${r.method} ${r.url} as ${a.role} → ${res.statusCode} ${res.body.slice(0, 200)}`,
        ).toBe(!expected);
      }
    }
    expect(table.length).toBe(app.sigapRoutes.length * ACCOUNTS.length);
  });

  it('refuses a change without the CSRF token even with a valid session', async () => {
    const s = sessions.get('pemda_admin')!;
    const res = await app.inject({
      method: 'POST',
      url: '/api/kalender/libur',
      headers: { cookie: s.cookie },
      payload: { tanggal: '2027-01-01', jenis: 'libur_nasional', nama: 'Tahun Baru 2027 Masehi' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'CSRF' });
  });

  it('answers validation errors as {code, message} naming the field, in Indonesian or English', async () => {
    const s = sessions.get('pemda_admin')!;
    const id = await app.inject({ url: '/api/pegawai?level=kepala', headers: { cookie: s.cookie } });
    expect(id.statusCode).toBe(400);
    expect(id.json()).toMatchObject({ code: 'VALIDASI' });
    expect(id.json<{ message: string }>().message).toMatch(/Masukan tidak sah.*level/);
    const en = await app.inject({ url: '/api/pegawai?level=kepala&lang=en', headers: { cookie: s.cookie } });
    expect(en.json<{ message: string }>().message).toMatch(/Invalid input.*level/);
  });
});
