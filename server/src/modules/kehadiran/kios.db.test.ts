import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart } from '../../../test/multipart.ts';
import { appUji, masuk, type Sesi } from '../../../test/sesi.ts';
import { bacaFoto } from '../../../test/wajah.ts';
import { withTenant } from '../../db/database.ts';
import { buildApp } from '../../http/app.ts';
import { SYSTEM_ACTOR } from '../audit/audit.repository.ts';
import { daftarkanPerangkat } from './perangkat.service.ts';
import { terbitkanToken } from './token.service.ts';

/*
 * Kiosks over HTTP without the face model (the model's part is kios.wajah.test.ts): registering a kiosk
 * and its device token, the token standing in for the session on the check-in routes only, the kiosk's
 * own fields, and the refusals in words. Runs on PGlite and on PostgreSQL.
 */

let u: Awaited<ReturnType<typeof appUji>>;
let opd: Sesi;
let token: string;
const foto = bacaFoto('background.jpg');

beforeAll(async () => {
  u = await appUji('kota-kios', '2024-01-01');
  opd = await masuk(u.app, 'admin.dinkes');
}, 60_000);
afterAll(async () => {
  await u?.tutup();
});

const bearer = (t: string) => ({ authorization: `Bearer ${t}` });
const kirim = (
  method: 'GET' | 'POST' | 'DELETE',
  url: string,
  headers: Record<string, string>,
  payload?: unknown,
) => u.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });

async function absenKios(t: string, isian: Record<string, string>, bingkai = [foto]) {
  const { payload, headers } = await multipart(
    isian,
    bingkai.map((isi) => ({ isi })),
  );
  return u.app.inject({
    method: 'POST',
    url: '/api/kehadiran',
    headers: { ...bearer(t), ...headers },
    payload,
  });
}

describe('kiosk registration and its device token', () => {
  it('the OPD admin registers a kiosk of their OPD and issues its token, shown once', async () => {
    const r = await kirim('POST', '/api/perangkat', opd, {
      kode: 'KIOS-LOBI',
      nama: 'Kios lobi Dinkes',
      opd_kode: 'DINKES',
      jenis: 'kiosk',
    });
    expect(r.statusCode, r.body).toBe(201);
    const sebelum = (await kirim('GET', '/api/perangkat', opd)).json<
      { kode: string; jenis: string; token_aktif: boolean }[]
    >();
    expect(sebelum.find((p) => p.kode === 'KIOS-LOBI')).toMatchObject({ jenis: 'kiosk', token_aktif: false });
    const t = await kirim('POST', '/api/perangkat/KIOS-LOBI/token', opd, {});
    expect(t.statusCode, t.body).toBe(200);
    expect(t.headers['cache-control']).toBe('no-store');
    expect(t.json()).toMatchObject({ perangkat: { kode: 'KIOS-LOBI', jenis: 'kiosk' }, menggantikan: false });
    token = t.json<{ token: string }>().token;
    expect(token.startsWith(`${u.tenantId}.`)).toBe(true);
    const sesudah = (await kirim('GET', '/api/perangkat', opd)).json<
      { kode: string; token_aktif: boolean; token_dibuat_pada: string | null }[]
    >();
    expect(sesudah.find((p) => p.kode === 'KIOS-LOBI')).toMatchObject({
      token_aktif: true,
      token_dibuat_pada: expect.any(String),
    });
    // the token itself is never listed, nor its hash
    expect(JSON.stringify(sesudah)).not.toContain(token.split('.')[1]!);
    expect(JSON.stringify(sesudah)).not.toContain('token_hash');
  });

  it("another OPD's device is as if absent for the OPD admin (404), and a kiosk of another OPD cannot be registered", async () => {
    await withTenant(u.sdb, u.tenantId, (trx) =>
      daftarkanPerangkat(trx, u.tenantId, SYSTEM_ACTOR, null, {
        kode: 'KIOS-SETDA',
        nama: 'Kios Setda',
        opdKode: 'SETDA',
        jenis: 'kiosk',
      }),
    );
    expect((await kirim('POST', '/api/perangkat/KIOS-SETDA/token', opd, {})).statusCode).toBe(404);
    expect((await kirim('DELETE', '/api/perangkat/KIOS-SETDA/token', opd)).statusCode).toBe(404);
    const lain = await kirim('POST', '/api/perangkat', opd, {
      kode: 'KIOS-X',
      nama: 'X',
      opd_kode: 'SETDA',
      jenis: 'kiosk',
    });
    expect(lain.statusCode).toBe(400);
    const jenis = await kirim('POST', '/api/perangkat', opd, {
      kode: 'KIOS-Y',
      nama: 'Y',
      opd_kode: 'DINKES',
      jenis: 'tablet',
    });
    expect(jenis.statusCode).toBe(400);
    expect(jenis.json<{ message: string }>().message).toMatch(/\(jenis\).*terminal, kiosk/);
  });

  it('GET /api/kiosk answers the kiosk with its office, Pemda and the server clock; without a token, 401 in words', async () => {
    const r = await kirim('GET', '/api/kiosk', bearer(token));
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({
      kode: 'KIOS-LOBI',
      nama: 'Kios lobi Dinkes',
      opd_kode: 'DINKES',
      opd_nama: expect.stringMatching(/Dinas Kesehatan/i),
      pemda_nama: 'Pemerintah kota-kios',
      zona_waktu: 'Asia/Jakarta',
    });
    expect(Math.abs(Date.parse(r.json<{ waktu_server: string }>().waktu_server) - Date.now())).toBeLessThan(
      60_000,
    );
    const tanpa = await kirim('GET', '/api/kiosk', {});
    expect(tanpa.statusCode).toBe(401);
    expect(tanpa.json<{ message: string }>().message).toBe(
      'Kios memerlukan token perangkat: header Authorization: Bearer <token>',
    );
    const rusak = await kirim('GET', '/api/kiosk', bearer('bukan-token'));
    expect(rusak.statusCode).toBe(401);
  });
});

describe('the kiosk token on the check-in routes', () => {
  it('a challenge for the kiosk, with no session and no CSRF token, owned by the kiosk', async () => {
    const r = await kirim('POST', '/api/kehadiran/tantangan', bearer(token), {});
    expect(r.statusCode, r.body).toBe(200);
    const row = await withTenant(u.sdb, u.tenantId, (trx) =>
      trx
        .selectFrom('tantangan_absen as t')
        .innerJoin('perangkat as p', 'p.id', 't.perangkat_id')
        .select(['t.pegawai_id', 'p.kode'])
        .where('t.id', '=', r.json<{ id: string }>().id)
        .executeTakeFirstOrThrow(),
    );
    expect(row).toEqual({ pegawai_id: null, kode: 'KIOS-LOBI' });
  });

  it("the kiosk token opens only the routes that take it; a terminal's token is not a kiosk's", async () => {
    const hari = await kirim('GET', '/api/kehadiran/hari?tanggal=2024-03-05&opd=DINKES', bearer(token));
    expect(hari.statusCode).toBe(401);
    const terminal = await withTenant(u.sdb, u.tenantId, async (trx) => {
      await daftarkanPerangkat(trx, u.tenantId, SYSTEM_ACTOR, null, {
        kode: 'MESIN-1',
        nama: 'Mesin',
        opdKode: 'DINKES',
      });
      return (await terbitkanToken(trx, u.tenantId, SYSTEM_ACTOR, null, 'MESIN-1')).token;
    });
    const r = await kirim('POST', '/api/kehadiran/tantangan', bearer(terminal), {});
    expect(r.statusCode).toBe(403);
    expect(r.json<{ message: string }>().message).toBe(
      'Perangkat MESIN-1 adalah mesin absensi: absen wajah dengan token perangkat hanya dari kios',
    );
    // and a kiosk's token does not push terminal logs
    const dorong = await u.app.inject({
      method: 'POST',
      url: '/api/perangkat/kejadian',
      headers: { ...bearer(token), 'content-type': 'text/plain' },
      payload: '1\t2024-03-05 07:00:00\t15\t0\t0\n',
    });
    expect(dorong.statusCode).toBe(403);
  });

  it('a kiosk sends no location: lat, lng or akurasi_m is a 400 naming them, and nothing is stored', async () => {
    const sebelum = await jumlahKios();
    const r = await absenKios(token, {
      tantangan_id: randomUUID(),
      jenis: 'masuk',
      id_klien: randomUUID(),
      lat: '-7.1',
      lng: '110.4',
    });
    expect(r.statusCode).toBe(400);
    expect(r.json<{ message: string }>().message).toMatch(/^lat, lng: Kios tidak mengirim lokasi/);
    expect(await jumlahKios()).toBe(sebelum);
  });

  it('an unusable challenge is refused in words and stored with the kiosk and nobody; the same id_klien replays it', async () => {
    const id = randomUUID();
    const isian = { tantangan_id: randomUUID(), jenis: 'masuk', id_klien: id };
    const r = await absenKios(token, isian);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ hasil: 'ditolak', alasan: 'tantangan_gagal', nama: null });
    expect(r.json<{ pesan: { id: string } }>().pesan.id).toContain('Tantangan tidak dikenal');
    const row = await withTenant(u.sdb, u.tenantId, (trx) =>
      trx
        .selectFrom('kehadiran')
        .select(['pegawai_id', 'sumber', 'lat', 'opd_id'])
        .where('id_klien', '=', id)
        .executeTakeFirstOrThrow(),
    );
    expect(row).toMatchObject({ pegawai_id: null, sumber: 'kiosk', lat: null });
    const lagi = await absenKios(token, isian);
    expect(lagi.json<{ id: string }>().id).toBe(r.json<{ id: string }>().id);
    const beda = await absenKios(token, { ...isian, jenis: 'pulang' });
    expect(beda.statusCode).toBe(409);
  });

  it('the same request twice at once is stored once', async () => {
    const isian = { tantangan_id: randomUUID(), jenis: 'masuk', id_klien: randomUUID() };
    const [a, b] = await Promise.all([absenKios(token, isian), absenKios(token, isian)]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect(a.json<{ id: string }>().id).toBe(b.json<{ id: string }>().id);
    const n = await withTenant(u.sdb, u.tenantId, (trx) =>
      trx.selectFrom('kehadiran').select('id').where('id_klien', '=', isian.id_klien).execute(),
    );
    expect(n).toHaveLength(1);
  });

  it("another Pemda's id on this kiosk's secret is unknown (401)", async () => {
    const palsu = `${randomUUID()}.${token.split('.')[1]}`;
    expect((await kirim('GET', '/api/kiosk', bearer(palsu))).statusCode).toBe(401);
  });

  it('issuing again replaces the token at once; revoking ends it; each refusal says so and when', async () => {
    const baru = await kirim('POST', '/api/perangkat/KIOS-LOBI/token', opd, {});
    expect(baru.json()).toMatchObject({ menggantikan: true });
    const lama = await kirim('POST', '/api/kehadiran/tantangan', bearer(token), {});
    expect(lama.statusCode).toBe(401);
    expect(lama.json<{ message: string }>().message).toMatch(
      /^Token kios KIOS-LOBI sudah diganti dengan token baru pada \d\d\/\d\d\/\d{4} \d\d\.\d\d WIB; pasang token baru di kios$/,
    );
    token = baru.json<{ token: string }>().token;
    expect((await kirim('GET', '/api/kiosk', bearer(token))).statusCode).toBe(200);
    const cabut = await kirim('DELETE', '/api/perangkat/KIOS-LOBI/token', opd);
    expect(cabut.statusCode, cabut.body).toBe(200);
    const sesudah = await kirim('GET', '/api/kiosk', bearer(token));
    expect(sesudah.statusCode).toBe(401);
    expect(sesudah.json<{ message: string }>().message).toMatch(/^Token kios KIOS-LOBI sudah dicabut pada /);
    const audit = await withTenant(u.sdb, u.tenantId, (trx) =>
      trx.selectFrom('audit_log').select('ringkasan').where('entitas', '=', 'perangkat').execute(),
    );
    expect(audit.map((a) => a.ringkasan)).toEqual(
      expect.arrayContaining([
        'Kios absen wajah KIOS-LOBI (Kios lobi Dinkes) didaftarkan untuk DINKES',
        'Token kios KIOS-LOBI diterbitkan',
        'Token kios KIOS-LOBI diganti; token lama tidak berlaku lagi',
        'Token kios KIOS-LOBI dicabut; permintaan dengan token itu ditolak',
      ]),
    );
  });
});

describe('rate limit per kiosk', () => {
  it('refuses a kiosk past SIGAP_ABSEN_KIOS_PER_MENIT with 429, while a person on a phone goes on', async () => {
    const t = await withTenant(u.sdb, u.tenantId, async (trx) => {
      await daftarkanPerangkat(trx, u.tenantId, SYSTEM_ACTOR, null, {
        kode: 'KIOS-BATAS',
        nama: 'K',
        opdKode: 'DINKES',
        jenis: 'kiosk',
      });
      return (await terbitkanToken(trx, u.tenantId, SYSTEM_ACTOR, null, 'KIOS-BATAS')).token;
    });
    process.env.SIGAP_ABSEN_KIOS_PER_MENIT = '3';
    const kecil = await buildApp({ sdb: u.sdb, serveWeb: false, loginRateLimit: 1000 });
    delete process.env.SIGAP_ABSEN_KIOS_PER_MENIT;
    try {
      const minta = (headers: Record<string, string>) =>
        kecil.inject({ method: 'POST', url: '/api/kehadiran/tantangan', headers, payload: {} });
      for (let i = 0; i < 3; i++) expect((await minta(bearer(t))).statusCode).toBe(200);
      const lebih = await minta(bearer(t));
      expect(lebih.statusCode).toBe(429);
      expect(lebih.json<{ code: string }>().code).toBe('TERLALU_BANYAK');
      // a person's phone is counted per session, apart from the kiosk
      const saya = await masuk(kecil, 'pegawai');
      expect((await minta(saya)).statusCode).toBe(200);
    } finally {
      await kecil.close();
    }
  });
});

function jumlahKios() {
  return withTenant(u.sdb, u.tenantId, async (trx) =>
    Number(
      (
        await trx
          .selectFrom('kehadiran')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('sumber', '=', 'kiosk')
          .executeTakeFirstOrThrow()
      ).n,
    ),
  );
}
