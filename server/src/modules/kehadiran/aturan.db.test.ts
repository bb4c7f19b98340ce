import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/db.ts';
import { PASSWORD, seedSmallPemda } from '../../../test/fixtures.ts';
import { type SigapDatabase, withTenant } from '../../db/database.ts';
import { type App, buildApp } from '../../http/app.ts';
import { aturanKehadiran } from './aturan.service.ts';

/*
 * The Pemda's attendance rules (0010_aturan_kehadiran.sql, GET/PUT /api/kehadiran/pengaturan) on a real
 * database: the documented defaults, a change read back and audited, bad values refused in words by the
 * API and by the table itself, and one Pemda's change never reaching another.
 */

let sdb: SigapDatabase;
let app: App;
let A: string;
let B: string;

beforeAll(async () => {
  sdb = await freshDatabase();
  A = await seedSmallPemda(sdb, 'kota-aturan-a');
  B = await seedSmallPemda(sdb, 'kota-aturan-b');
  app = await buildApp({ sdb, serveWeb: false, loginRateLimit: 1000 });
});
afterAll(async () => {
  await app?.close();
  await sdb?.close();
});

async function masuk(username: string, kode = 'kota-aturan-a') {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: PASSWORD, pemda: kode },
  });
  expect(res.statusCode, res.body).toBe(200);
  const c = res.cookies.find((x) => x.name === 'sigap_sid')!;
  return { cookie: `sigap_sid=${c.value}`, 'x-csrf-token': res.json<{ csrf_token: string }>().csrf_token };
}

const BARU = {
  toleransi_masuk_menit: 15,
  toleransi_pulang_menit: 5,
  buka_masuk_sebelum_menit: 60,
  tutup_pulang_setelah_menit: 120,
  selang_pulang_minimal_menit: 30,
  langkah_tantangan: ['toleh_kanan', 'toleh_kiri'],
};

describe('attendance rules of a Pemda', () => {
  it('start at the documented defaults (no grace, check in from 2 h before, out until 4 h after, all four steps)', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/api/kehadiran/pengaturan',
      headers: await masuk('pegawai'),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      toleransi_masuk_menit: 0,
      toleransi_pulang_menit: 0,
      buka_masuk_sebelum_menit: 120,
      tutup_pulang_setelah_menit: 240,
      selang_pulang_minimal_menit: 60,
      langkah_tantangan: ['toleh_kiri', 'toleh_kanan', 'lihat_atas', 'lihat_bawah'],
    });
  });

  it('a change is read back by the API and by the day status and check-in, audited, and stays in its own Pemda', async () => {
    const h = await masuk('admin');
    const put = await app.inject({
      method: 'PUT',
      url: '/api/kehadiran/pengaturan',
      headers: h,
      payload: BARU,
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toEqual(BARU);
    const a = await withTenant(sdb, A, (trx) => aturanKehadiran(trx, A));
    expect(a.jam).toEqual({
      toleransiMasukMenit: 15,
      toleransiPulangMenit: 5,
      bukaMasukSebelumMenit: 60,
      tutupPulangSetelahMenit: 120,
      selangPulangMinimalMenit: 30,
    });
    expect(a.tantangan.langkah).toEqual(['toleh_kanan', 'toleh_kiri']);
    const audit = await withTenant(sdb, A, (trx) =>
      trx.selectFrom('audit_log').select('ringkasan').where('entitas', '=', 'pengaturan').execute(),
    );
    expect(audit.map((x) => x.ringkasan)).toContainEqual(
      expect.stringMatching(/^Aturan kehadiran diubah: toleransi_masuk_menit/),
    );
    // The same values again change nothing and write no second audit row.
    await app.inject({ method: 'PUT', url: '/api/kehadiran/pengaturan', headers: h, payload: BARU });
    const lagi = await withTenant(sdb, A, (trx) =>
      trx.selectFrom('audit_log').select('id').where('ringkasan', 'like', 'Aturan kehadiran%').execute(),
    );
    expect(lagi).toHaveLength(1);
    const b = await withTenant(sdb, B, (trx) => aturanKehadiran(trx, B));
    expect(b.jam.toleransiMasukMenit).toBe(0);
    expect(b.tantangan.langkah).toHaveLength(4);
  });

  it('bad values are refused in words naming the field; only the Pemda admin may change them', async () => {
    const h = await masuk('admin');
    for (const [ubah, bidang] of [
      [{ langkah_tantangan: ['toleh_kiri'] }, 'langkah_tantangan'],
      [{ langkah_tantangan: ['toleh_kiri', 'toleh_kiri'] }, 'langkah_tantangan'],
      [{ langkah_tantangan: ['toleh_kiri', 'lompat'] }, 'langkah_tantangan'],
      [{ toleransi_masuk_menit: 999 }, 'toleransi_masuk_menit'],
      [{ selang_pulang_minimal_menit: 0 }, 'selang_pulang_minimal_menit'],
      [{ buka_masuk_sebelum_menit: 1.5 }, 'buka_masuk_sebelum_menit'],
      [{ kiosk: true }, 'kiosk'],
    ] as const) {
      const res = await app.inject({
        method: 'PUT',
        url: '/api/kehadiran/pengaturan',
        headers: h,
        payload: { ...BARU, ...ubah },
      });
      expect(res.statusCode, JSON.stringify(ubah)).toBe(400);
      expect(res.body, JSON.stringify(ubah)).toContain(bidang);
    }
    const opd = await app.inject({
      method: 'PUT',
      url: '/api/kehadiran/pengaturan',
      headers: await masuk('admin.dinkes'),
      payload: BARU,
    });
    expect(opd.statusCode).toBe(403);
  });

  it('the table refuses what the API would, even written around it', async () => {
    for (const set of [
      sql`langkah_tantangan = ARRAY['toleh_kiri']`,
      sql`langkah_tantangan = ARRAY['toleh_kiri', 'melompat']`,
      sql`toleransi_pulang_menit = -1`,
      sql`tutup_pulang_setelah_menit = 721`,
    ]) {
      await expect(
        withTenant(sdb, B, (trx) => sql`UPDATE tenant SET ${set} WHERE id = ${B}`.execute(trx)),
      ).rejects.toThrow(/check/i);
    }
  });
});
