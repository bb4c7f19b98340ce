import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/db.ts';
import { PASSWORD, seedSmallPemda } from '../../../test/fixtures.ts';
import { type App, buildApp } from '../../http/app.ts';

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

const login = (username: string, password: string) =>
  app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

describe('sign-in', () => {
  it('sets an HttpOnly SameSite session cookie and stores only a hash of the token', async () => {
    const res = await login('admin', PASSWORD);
    expect(res.statusCode).toBe(200);
    const c = res.cookies.find((x) => x.name === 'sigap_sid')!;
    expect(c.httpOnly).toBe(true);
    expect(c.sameSite).toBe('Lax');
    const token = c.value.split('.')[1]!;
    const rows = await sdb.db.transaction().execute(async (trx) => {
      const { sql } = await import('kysely');
      await sql`SELECT set_config('sigap.tenant_id', ${c.value.split('.')[0]!}, true)`.execute(trx);
      return trx.selectFrom('session').select('id').execute();
    });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((r) => r.id === token)).toBe(false);
    const me = await app.inject({ url: '/api/auth/me', headers: { cookie: `sigap_sid=${c.value}` } });
    expect(me.json()).toMatchObject({ username: 'admin', roles: [{ role: 'pemda_admin' }] });
  });

  it('gives the same answer for an unknown user and a wrong password', async () => {
    const a = await login('tidak-ada', 'salah-sekali-1');
    const b = await login('auditor', 'salah-sekali-1');
    expect(a.statusCode).toBe(401);
    expect(a.json()).toEqual(b.json());
    expect(a.json<{ message: string }>().message).toContain('nama pengguna atau kata sandi salah');
  });

  it('rate-limits sign-in attempts per address', async () => {
    const strict = await buildApp({ sdb, serveWeb: false, loginRateLimit: 3 });
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) {
      codes.push(
        (
          await strict.inject({
            method: 'POST',
            url: '/api/auth/login',
            payload: { username: 'x', password: 'y' },
          })
        ).statusCode,
      );
    }
    await strict.close();
    expect(codes.slice(0, 3)).toEqual([401, 401, 401]);
    expect(codes.slice(3)).toEqual([429, 429]);
  });

  it('signing out ends the session', async () => {
    const res = await login('bkpsdm', PASSWORD);
    const cookie = `sigap_sid=${res.cookies.find((x) => x.name === 'sigap_sid')!.value}`;
    const csrf = res.json<{ csrf_token: string }>().csrf_token;
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/auth/logout',
          headers: { cookie, 'x-csrf-token': csrf },
        })
      ).statusCode,
    ).toBe(200);
    expect((await app.inject({ url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('an employee sees only themselves; a unit head only their unit', async () => {
    const asUser = async (u: string) => {
      const r = await login(u, PASSWORD);
      const cookie = `sigap_sid=${r.cookies.find((x) => x.name === 'sigap_sid')!.value}`;
      return (await app.inject({ url: '/api/pegawai?limit=100', headers: { cookie } })).json<{
        total: number;
        rows: { opd_kode: string; nama: string }[];
      }>();
    };
    const emp = await asUser('pegawai');
    expect(emp.rows.map((r) => r.nama)).toEqual(['Budi Staf']);
    const head = await asUser('kepala.umum');
    expect(new Set(head.rows.map((r) => r.opd_kode))).toEqual(new Set(['BAG-UMUM']));
    const dinkes = await asUser('admin.dinkes');
    expect(new Set(dinkes.rows.map((r) => r.opd_kode))).toEqual(new Set(['DINKES', 'PKM-BATU']));
    const all = await asUser('admin');
    expect(all.total).toBe(8);
  });

  it('shows a home location only to the record keepers and the person', async () => {
    const homeAs = async (u: string) => {
      const r = await login(u, PASSWORD);
      const cookie = `sigap_sid=${r.cookies.find((x) => x.name === 'sigap_sid')!.value}`;
      const list = (await app.inject({ url: '/api/pegawai?q=Budi', headers: { cookie } })).json<{
        rows: { id: string }[];
      }>();
      const detail = await app.inject({ url: `/api/pegawai/${list.rows[0]!.id}`, headers: { cookie } });
      return detail.json<{ rumah_lat: number | null; rumah_disembunyikan: boolean }>();
    };
    expect(await homeAs('admin')).toMatchObject({ rumah_lat: -7.875, rumah_disembunyikan: false });
    expect(await homeAs('pegawai')).toMatchObject({ rumah_lat: -7.875 });
    expect(await homeAs('kepala.umum')).toMatchObject({ rumah_lat: null, rumah_disembunyikan: true });
    expect(await homeAs('auditor')).toMatchObject({ rumah_lat: null, rumah_disembunyikan: true });
  });
});

describe('Pemda settings', () => {
  it('saves a Monday–Friday week as it was read (days without hours are simply absent)', async () => {
    const r = await login('admin', PASSWORD);
    const cookie = `sigap_sid=${r.cookies.find((x) => x.name === 'sigap_sid')!.value}`;
    const csrf = r.json<{ csrf_token: string }>().csrf_token;
    const cur = (await app.inject({ url: '/api/pengaturan', headers: { cookie } })).json<
      Record<string, unknown>
    >();
    const { kode: _k, menit_kerja_mingguan: _m, ...body } = cur;
    const jamKerja = body.jam_kerja as Record<string, { istirahat_menit: number }>;
    const res = await app.inject({
      method: 'PUT',
      url: '/api/pengaturan',
      headers: { cookie, 'x-csrf-token': csrf },
      payload: { ...body, jam_kerja: { ...jamKerja, '5': { ...jamKerja['5'], istirahat_menit: 60 } } },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ menit_kerja_mingguan: 2280 });
    expect(Object.keys(res.json<{ jam_kerja: object }>().jam_kerja)).toEqual(['1', '2', '3', '4', '5']);
  });
});
