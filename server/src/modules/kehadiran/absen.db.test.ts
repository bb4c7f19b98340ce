import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/db.ts';
import { NIP, PASSWORD, seedSmallPemda } from '../../../test/fixtures.ts';
import { type SigapDatabase, withTenant } from '../../db/database.ts';
import { type App, buildApp } from '../../http/app.ts';
import { TANTANGAN_PER_MENIT } from './absen.routes.ts';
import { pakaiTantangan } from './absen.service.ts';

/*
 * The liveness challenge on a real database (PGlite, or PostgreSQL with SIGAP_TEST_PG_URL): drawn from the
 * Pemda's allowed steps, answered once even by two answers at once, expired by the database's clock,
 * replaced by a newer one, never usable by another person or Pemda, and limited per session.
 */

let sdb: SigapDatabase;
let app: App;
let A: string;
let B: string;
const id = new Map<string, string>();

beforeAll(async () => {
  sdb = await freshDatabase();
  A = await seedSmallPemda(sdb, 'kota-absen-a');
  B = await seedSmallPemda(sdb, 'kota-absen-b');
  for (const r of await withTenant(sdb, A, (trx) =>
    trx.selectFrom('pegawai').select(['id', 'nip']).execute(),
  ))
    id.set(r.nip!, r.id);
  app = await buildApp({ sdb, serveWeb: false, loginRateLimit: 1000 });
});
afterAll(async () => {
  await app?.close();
  await sdb?.close();
});

async function masuk(username: string, kode = 'kota-absen-a') {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: PASSWORD, pemda: kode },
  });
  expect(res.statusCode, res.body).toBe(200);
  const c = res.cookies.find((x) => x.name === 'sigap_sid')!;
  return { cookie: `sigap_sid=${c.value}`, 'x-csrf-token': res.json<{ csrf_token: string }>().csrf_token };
}

async function minta(h: Record<string, string>) {
  const r = await app.inject({ method: 'POST', url: '/api/kehadiran/tantangan', headers: h, payload: {} });
  return r;
}

describe('liveness challenge', () => {
  it("asks only the Pemda's allowed steps, never one twice in a row, valid for two minutes", async () => {
    const admin = await masuk('admin');
    const put = await app.inject({
      method: 'PUT',
      url: '/api/kehadiran/pengaturan',
      headers: admin,
      payload: {
        toleransi_masuk_menit: 0,
        toleransi_pulang_menit: 0,
        buka_masuk_sebelum_menit: 120,
        tutup_pulang_setelah_menit: 240,
        selang_pulang_minimal_menit: 60,
        langkah_tantangan: ['toleh_kiri', 'toleh_kanan'],
      },
    });
    expect(put.statusCode, put.body).toBe(200);
    const h = await masuk('pegawai');
    for (let i = 0; i < 8; i++) {
      const r = await minta(h);
      expect(r.statusCode, r.body).toBe(200);
      const t = r.json<{ langkah: string[]; berlaku_sampai: string; petunjuk: { id: string }[] }>();
      expect([2, 3]).toContain(t.langkah.length);
      for (const l of t.langkah) expect(['toleh_kiri', 'toleh_kanan']).toContain(l);
      for (let k = 1; k < t.langkah.length; k++) expect(t.langkah[k]).not.toBe(t.langkah[k - 1]);
      expect(t.petunjuk[0]!.id).toMatch(/^Tolehkan kepala ke (kiri|kanan)$/);
      const sisa = Date.parse(t.berlaku_sampai) - Date.now();
      expect(sisa).toBeGreaterThan(100_000);
      expect(sisa).toBeLessThanOrEqual(121_000);
    }
  });

  it('is used once, even by two answers at the same moment; a newer one replaces the older', async () => {
    const h = await masuk('pegawai');
    const staf = id.get(NIP.staf)!;
    const pertama = (await minta(h)).json<{ id: string }>().id;
    const kedua = (await minta(h)).json<{ id: string; langkah: string[]; berlaku_sampai: string }>();
    const lama = await withTenant(sdb, A, (trx) => pakaiTantangan(trx, pertama, { pegawaiId: staf }));
    expect(lama).toMatchObject({
      ok: false,
      sebab: { id: expect.stringMatching(/sudah dipakai atau sudah diganti/) },
    });
    const dua = await Promise.all([
      withTenant(sdb, A, (trx) => pakaiTantangan(trx, kedua.id, { pegawaiId: staf })),
      withTenant(sdb, A, (trx) => pakaiTantangan(trx, kedua.id, { pegawaiId: staf })),
    ]);
    expect(dua.filter((x) => x.ok)).toHaveLength(1);
    expect(dua.find((x) => x.ok)).toEqual({
      ok: true,
      langkah: kedua.langkah,
      berlakuSampai: new Date(kedua.berlaku_sampai),
    });
  });

  it('another person, another Pemda or an expired one cannot use it; nonsense ids are refused in words', async () => {
    const h = await masuk('pegawai');
    const t = (await minta(h)).json<{ id: string }>();
    const lain = await withTenant(sdb, A, (trx) =>
      pakaiTantangan(trx, t.id, { pegawaiId: id.get(NIP.kabag)! }),
    );
    expect(lain).toMatchObject({ ok: false, sebab: { id: expect.stringMatching(/tidak dikenal/) } });
    const pemdaLain = await withTenant(sdb, B, (trx) =>
      pakaiTantangan(trx, t.id, { pegawaiId: id.get(NIP.staf)! }),
    );
    expect(pemdaLain.ok).toBe(false);
    expect(
      await withTenant(sdb, A, (trx) =>
        pakaiTantangan(trx, "x' OR 1=1 --", { pegawaiId: id.get(NIP.staf)! }),
      ),
    ).toMatchObject({
      ok: false,
    });
    // Expire it by the database's clock (as if two minutes had passed).
    await withTenant(sdb, A, (trx) =>
      sql`UPDATE tantangan_absen SET dibuat_pada = clock_timestamp() - interval '3 minutes',
            berlaku_sampai = clock_timestamp() - interval '1 minute' WHERE id = ${t.id}`.execute(trx),
    );
    const basi = await withTenant(sdb, A, (trx) =>
      pakaiTantangan(trx, t.id, { pegawaiId: id.get(NIP.staf)! }),
    );
    expect(basi).toMatchObject({ ok: false, sebab: { id: expect.stringMatching(/sudah habis/) } });
  });

  it('an account without an employee record is told so; a session asking too often is slowed down', async () => {
    const admin = await masuk('admin');
    const r = await minta(admin);
    expect(r.statusCode).toBe(403);
    expect(r.json().message).toMatch(/tidak terhubung dengan data pegawai/);
    const h = await masuk('kepala.umum');
    const kode: number[] = [];
    for (let i = 0; i <= TANTANGAN_PER_MENIT; i++) kode.push((await minta(h)).statusCode);
    expect(kode.slice(0, TANTANGAN_PER_MENIT).every((k) => k === 200)).toBe(true);
    expect(kode.at(-1)).toBe(429);
    const lagi = await minta(h);
    expect(lagi.json().code).toBe('TERLALU_BANYAK');
  });
});
