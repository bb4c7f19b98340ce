import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NIP, seedSmallPemda } from '../../../test/fixtures.ts';
import { menunggu, tahan, tungguSampai } from '../../../test/latch.ts';
import { appUji, masuk, type Sesi } from '../../../test/sesi.ts';
import { SYSTEM_ACTOR } from '../../caller.ts';
import { withTenant } from '../../db/database.ts';
import type { App } from '../../http/app.ts';
import { upsertUser } from '../auth/akun.service.ts';
import { tenantToday } from '../pengaturan/pengaturan.service.ts';
import { catatKejadian } from './kehadiran.service.ts';

/**
 * Corrections and dinas luar through the real HTTP app, on PGlite and (SIGAP_TEST_PG_URL) PostgreSQL.
 * Staff and supervisors of the fixtures: Budi Staf (account `pegawai`) reports to Dewi Kabag (`kepala.umum`);
 * Sari Perawat (`perawat`) to dr. Kadinkes (`kadinkes`); Ir. Sekda (`sekda`) has no supervisor, and
 * `admin.setda` is the OPD admin of SETDA, `admin.dinkes` of DINKES. Hours Mon–Fri 07:30–16:00 WIB.
 * Every expected time and reason is written out from the inputs here.
 */
let app: App;
let sdb: Awaited<ReturnType<typeof appUji>>['sdb'];
let tenantId: string;
let tutup: (() => Promise<void>) | undefined;
const S = new Map<string, Sesi>();
const PEMDA = 'kota-koreksi';
const LAIN = 'kota-lain';
let hariIni: string;
/** Past working days (Mon–Fri, no holiday), newest first, 2..25 days back: each test takes its own. */
let hariKerja: string[];
const id = new Map<string, string>();
let tenantLain: string;

const run = <T>(fn: Parameters<typeof withTenant<T>>[2]) => withTenant(sdb, tenantId, fn);
const JAM = { mulai: '07:30', selesai: '16:00' };

/** The UTC instant of a Jakarta (UTC+7) local time, written out. */
const wib = (tanggal: string, jam: string) => new Date(`${tanggal}T${jam}:00+07:00`);
const mundur = (d: string, n: number) =>
  new Date(Date.parse(`${d}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

async function ketuk(
  nip: string,
  tanggal: string,
  jam: string,
  jenis: 'masuk' | 'pulang',
  tenant = tenantId,
  pegawaiId = id.get(nip)!,
) {
  return withTenant(
    sdb,
    tenant,
    async (trx) =>
      (
        await catatKejadian(trx, tenant, {
          pegawai_id: pegawaiId,
          opd_id: null,
          waktu: wib(tanggal, jam),
          waktu_perangkat: null,
          jenis,
          sumber: 'wajah',
          perangkat_id: null,
          lat: null,
          lng: null,
          akurasi_m: null,
          hasil: 'diterima',
          alasan: [],
          skor: 0.8,
          id_klien: null,
          hash_isi: null,
        })
      ).kejadian.id,
  );
}

function kirim(who: string, method: 'GET' | 'POST', url: string, payload?: unknown) {
  return app.inject({
    method,
    url,
    headers: { ...S.get(who)! },
    ...(payload === undefined ? {} : { payload: payload as string }),
  });
}
const ajukan = (who: string, body: Record<string, unknown>) =>
  kirim(who, 'POST', '/api/kehadiran/koreksi', body);
const putus = (who: string, kid: string, setuju: boolean, catatan?: string) =>
  kirim(who, 'POST', `/api/kehadiran/koreksi/${kid}/putusan`, { setuju, ...(catatan ? { catatan } : {}) });

interface Hari {
  orang: {
    nip: string;
    status: string;
    masuk: string | null;
    pulang: string | null;
    terlambat_menit: number;
    alasan: { kode: string; pesan: { id: string } }[];
  }[];
}
async function hariOrang(who: string, nip: string, tanggal: string) {
  const r = await kirim(who, 'GET', `/api/kehadiran/hari?tanggal=${tanggal}`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json<Hari>().orang.find((o) => o.nip === nip)!;
}
const kode = (h: { alasan: { kode: string }[] }) => h.alasan.map((a) => a.kode);
const pesanDari = (r: LightMyRequestResponse) => r.json<{ message: string }>().message;

const kehadiranTersimpan = (nip: string, tanggal: string) =>
  run((trx) =>
    trx
      .selectFrom('kehadiran')
      .select(['id', 'waktu', 'jenis', 'hasil'])
      .where('pegawai_id', '=', id.get(nip)!)
      .where('waktu', '>=', wib(tanggal, '00:00'))
      .where('waktu', '<', wib(tanggal, '23:59'))
      .orderBy('waktu')
      .execute(),
  );
/** The audit's words for a request, oldest first. */
const ringkasanAudit = async (entitasId: string) =>
  (
    await run((trx) =>
      trx
        .selectFrom('audit_log')
        .select('ringkasan')
        .where('entitas_id', '=', entitasId)
        .orderBy('id')
        .execute(),
    )
  ).map((r) => r.ringkasan);

const audit = (entitasId: string) =>
  run((trx) =>
    trx
      .selectFrom('audit_log')
      .select(['aksi', 'pelaku'])
      .where('entitas_id', '=', entitasId)
      .orderBy('id')
      .execute(),
  );

beforeAll(async () => {
  ({ sdb, app, tenantId, tutup } = await appUji(PEMDA, '2020-01-01'));
  const lain = await seedSmallPemda(sdb, LAIN, '2020-01-01');
  tenantLain = lain;
  await run(async (trx) => {
    const jam = { '1': JAM, '2': JAM, '3': JAM, '4': JAM, '5': JAM };
    await sql`UPDATE tenant SET jam_kerja = ${JSON.stringify(jam)}::jsonb WHERE id = ${tenantId}`.execute(
      trx,
    );
    for (const p of await trx.selectFrom('pegawai').select(['id', 'nip']).execute()) id.set(p.nip!, p.id);
    for (const [username, nip, role, opdKode] of [
      ['perawat', NIP.perawat, 'employee', null],
      ['kadinkes', NIP.kadinkes, 'employee', null],
      ['sekda', NIP.sekda, 'employee', null],
      ['admin.setda', null, 'opd_admin', 'SETDA'],
    ] as const) {
      await upsertUser(trx, tenantId, SYSTEM_ACTOR, {
        username,
        nama: username,
        password: 'rahasia-uji-2026',
        nip,
        roles: [{ role, opdKode }],
      });
    }
    hariIni = await tenantToday(trx, tenantId);
    const libur = new Set(
      (await trx.selectFrom('hari_libur').select('tanggal').execute()).map((r) => String(r.tanggal)),
    );
    hariKerja = [];
    for (let n = 2; n <= 25; n++) {
      const d = mundur(hariIni, n);
      const wd = new Date(`${d}T00:00:00Z`).getUTCDay();
      if (wd >= 1 && wd <= 5 && !libur.has(d)) hariKerja.push(d);
    }
  });
  // the other Pemda's employee: her ids must lead nowhere here
  id.set(
    'lain',
    await withTenant(sdb, lain, async (trx) => {
      const p = await trx
        .selectFrom('pegawai')
        .select('id')
        .where('nip', '=', NIP.staf)
        .executeTakeFirstOrThrow();
      return p.id;
    }),
  );
  for (const u of [
    'pegawai',
    'kepala.umum',
    'perawat',
    'kadinkes',
    'sekda',
    'admin.setda',
    'admin.dinkes',
    'admin',
  ])
    S.set(u, await masuk(app, u, { pemda: PEMDA }));
  S.set('lain', await masuk(app, 'kepala.umum', { pemda: LAIN }));
}, 60_000);
afterAll(async () => {
  await tutup?.();
});

describe('a correction asked, decided and shown on the day', () => {
  it('a forgotten check-out: the supervisor approves it, the day shows 16:10 and why; the punch stored stays as it was', async () => {
    const D = hariKerja[0]!;
    await ketuk(NIP.staf, D, '07:25', 'masuk');
    const sebelum = await hariOrang('pegawai', NIP.staf, D);
    expect([sebelum.status, sebelum.masuk, sebelum.pulang]).toEqual(['HADIR', '07:25', null]);
    expect(kode(sebelum)).toContain('tanpa_pulang');

    const a = await ajukan('pegawai', {
      tanggal: D,
      jenis: 'pulang',
      jam: '16:10',
      sebab: 'lupa_pulang',
      alasan: 'rapat di aula sampai sore, lupa absen',
    });
    expect(a.statusCode, a.body).toBe(201);
    const kid = a.json<{ id: string }>().id;

    // the supervisor's list: the request with the day's stored punch
    const daftar = await kirim('kepala.umum', 'GET', '/api/kehadiran/koreksi/persetujuan');
    expect(daftar.statusCode, daftar.body).toBe(200);
    const item = daftar
      .json<{ id: string; jam: string; ketukan: { jenis: string; jam: string }[] }[]>()
      .find((x) => x.id === kid)!;
    expect(item.jam).toBe('16:10');
    expect(item.ketukan).toEqual([
      expect.objectContaining({ jenis: 'masuk', jam: '07:25', sumber: 'wajah' }),
    ]);
    // not in the list of someone else's supervisor
    const lain = await kirim('kadinkes', 'GET', '/api/kehadiran/koreksi/persetujuan');
    expect(lain.json<{ id: string }[]>().map((x) => x.id)).not.toContain(kid);

    const p = await putus('kepala.umum', kid, true, 'benar, rapat sampai 16.00');
    expect(p.statusCode, p.body).toBe(200);
    expect(p.json()).toEqual({ id: kid, status: 'disetujui' });

    const h = await hariOrang('pegawai', NIP.staf, D);
    expect([h.status, h.masuk, h.pulang]).toEqual(['HADIR', '07:25', '16:10']);
    expect(kode(h)).not.toContain('tanpa_pulang');
    const k = h.alasan.find((x) => x.kode === 'koreksi_disetujui')!;
    expect(k.pesan.id).toBe(
      'koreksi disetujui: pulang 16:10 (semula -) — lupa absen pulang: rapat di aula sampai sore, lupa absen',
    );
    // the supervisor sees the same day
    expect((await hariOrang('kepala.umum', NIP.staf, D)).pulang).toBe('16:10');

    // both versions kept: the stored punch untouched, the correction its own row, both audited
    const tersimpan = await kehadiranTersimpan(NIP.staf, D);
    expect(tersimpan.map((x) => [x.jenis, new Date(x.waktu).toISOString()])).toEqual([
      ['masuk', wib(D, '07:25').toISOString()],
    ]);
    const mine = await kirim('pegawai', 'GET', '/api/kehadiran/koreksi');
    expect(mine.json<Record<string, unknown>[]>().find((x) => x.id === kid)).toMatchObject({
      status: 'disetujui',
      diputus_oleh: 'kepala.umum',
      catatan_putusan: 'benar, rapat sampai 16.00',
      boleh_batal: false,
    });
    expect(await audit(kid)).toEqual([
      { aksi: 'ajukan', pelaku: 'pegawai' },
      { aksi: 'setujui', pelaku: 'kepala.umum' },
    ]);
    expect((await ringkasanAudit(kid))[1]).toMatch(
      /^Menyetujui koreksi absen pulang 16[.:]10 pada \S+, \d+ \S+ \d{4} Budi Staf \(sebagai atasan langsung\)$/,
    );
    // decided once: a second decision is refused in words
    const lagi = await putus('kepala.umum', kid, false);
    expect(lagi.statusCode).toBe(409);
    expect(pesanDari(lagi)).toContain('sudah disetujui');
  });

  it('a refused replacement keeps the original; an approved one replaces it, the day saying what it was', async () => {
    const D = hariKerja[1]!;
    const asli = await ketuk(NIP.perawat, D, '08:10', 'masuk');
    await ketuk(NIP.perawat, D, '16:05', 'pulang');
    // the form offers the day's own accepted punches to replace
    const milik = await kirim('perawat', 'GET', `/api/kehadiran/koreksi/ketukan?tanggal=${D}`);
    expect(milik.json()).toEqual([
      { id: asli, jenis: 'masuk', jam: '08:10', sumber: 'wajah' },
      { id: expect.any(String), jenis: 'pulang', jam: '16:05', sumber: 'wajah' },
    ]);
    const a = await ajukan('perawat', {
      tanggal: D,
      jenis: 'masuk',
      jam: '07:28',
      sebab: 'kamera_gagal',
      alasan: 'kamera gagal tiga kali sejak 07.28',
      menggantikan: asli,
    });
    expect(a.statusCode, a.body).toBe(201);
    const kid = a.json<{ id: string }>().id;
    const t = await putus('kadinkes', kid, false, 'tidak ada laporan gangguan kamera');
    expect(t.statusCode, t.body).toBe(200);
    expect(t.json()).toEqual({ id: kid, status: 'ditolak' });
    const h = await hariOrang('perawat', NIP.perawat, D);
    expect([h.status, h.masuk, h.pulang, h.terlambat_menit]).toEqual(['HADIR', '08:10', '16:05', 40]);
    expect(kode(h)).not.toContain('koreksi_disetujui');
    const row = await run((trx) =>
      trx.selectFrom('koreksi_kehadiran').selectAll().where('id', '=', kid).executeTakeFirstOrThrow(),
    );
    expect([row.status, row.diputus_oleh, row.catatan_putusan]).toEqual([
      'ditolak',
      'kadinkes',
      'tidak ada laporan gangguan kamera',
    ]);

    // asked again and approved: the replaced punch is dropped from the day, still stored
    const b = await ajukan('perawat', {
      tanggal: D,
      jenis: 'masuk',
      jam: '07:28',
      sebab: 'terminal_rusak',
      alasan: 'terminal lobi mati, sudah dilaporkan ke TU',
      menggantikan: asli,
    });
    const kid2 = b.json<{ id: string }>().id;
    expect((await putus('kadinkes', kid2, true)).statusCode).toBe(200);
    const h2 = await hariOrang('perawat', NIP.perawat, D);
    expect([h2.status, h2.masuk, h2.pulang, h2.terlambat_menit]).toEqual(['HADIR', '07:28', '16:05', 0]);
    expect(h2.alasan.find((x) => x.kode === 'koreksi_disetujui')!.pesan.id).toBe(
      'koreksi disetujui: masuk 07:28 (semula 08:10) — terminal absensi rusak: terminal lobi mati, sudah dilaporkan ke TU',
    );
    expect((await kehadiranTersimpan(NIP.perawat, D)).map((x) => x.id)).toContain(asli);

    // the same punch replaced twice: the second approval is refused in words, the first stands
    const c = await ajukan('perawat', {
      tanggal: D,
      jenis: 'masuk',
      jam: '07:15',
      sebab: 'lainnya',
      alasan: 'jam yang benar 07.15',
      menggantikan: asli,
    });
    expect(c.statusCode, c.body).toBe(201);
    const dua = await putus('kadinkes', c.json<{ id: string }>().id, true);
    expect(dua.statusCode).toBe(409);
    expect(pesanDari(dua)).toContain('sudah digantikan oleh koreksi lain');
    expect((await hariOrang('perawat', NIP.perawat, D)).masuk).toBe('07:28');
  });
});

describe('who may decide, and whose ids lead nowhere', () => {
  let kid: string;
  let D: string;
  beforeAll(async () => {
    D = hariKerja[2]!;
    const a = await ajukan('pegawai', {
      tanggal: D,
      jenis: 'masuk',
      jam: '07:20',
      sebab: 'terminal_rusak',
      alasan: 'terminal mati',
    });
    expect(a.statusCode, a.body).toBe(201);
    kid = a.json<{ id: string }>().id;
  });

  it('another employee, the person themselves, another OPD`s admin, an OPD admin over someone with a supervisor: 403', async () => {
    for (const who of ['perawat', 'kadinkes', 'pegawai', 'admin.dinkes', 'admin.setda']) {
      const r = await putus(who, kid, true);
      expect(r.statusCode, `${who}: ${r.body}`).toBe(403);
      expect(pesanDari(r)).toContain('atasan langsung');
    }
    // a Pemda admin holds no decision permission at all
    expect((await putus('admin', kid, true)).statusCode).toBe(403);
    expect((await kirim('admin', 'GET', '/api/kehadiran/koreksi/persetujuan')).statusCode).toBe(403);
    // nothing changed
    const mine = await kirim('pegawai', 'GET', '/api/kehadiran/koreksi?status=diajukan');
    expect(mine.json<{ id: string }[]>().map((x) => x.id)).toContain(kid);
  });

  it('someone else`s request cannot be withdrawn (404); another Pemda`s supervisor finds nothing (404)', async () => {
    expect((await kirim('perawat', 'POST', `/api/kehadiran/koreksi/${kid}/batal`)).statusCode).toBe(404);
    expect((await putus('lain', kid, true)).statusCode).toBe(404);
    expect((await kirim('lain', 'GET', '/api/kehadiran/koreksi/persetujuan')).json()).toEqual([]);
  });

  it('a punch of another person or another Pemda cannot be replaced', async () => {
    const orangLain = await ketuk(NIP.kabag, D, '07:31', 'masuk');
    // Budi Staf's namesake in the other Pemda, the same day
    const pemdaLain = await ketuk(NIP.staf, D, '07:20', 'masuk', tenantLain, id.get('lain')!);
    for (const menggantikan of [orangLain, pemdaLain]) {
      const r = await ajukan('pegawai', {
        tanggal: D,
        jenis: 'masuk',
        jam: '07:20',
        sebab: 'lainnya',
        alasan: 'uji',
        menggantikan,
      });
      expect(r.statusCode, r.body).toBe(400);
      expect(pesanDari(r)).toContain('menggantikan: bukan absen Anda');
    }
  });

  it('a person without a supervisor: their OPD admin decides, not another OPD`s', async () => {
    const a = await ajukan('sekda', {
      tanggal: D,
      jenis: 'pulang',
      jam: '17:00',
      sebab: 'lupa_pulang',
      alasan: 'rapat paripurna DPRD',
    });
    expect(a.statusCode, a.body).toBe(201);
    const sid = a.json<{ id: string }>().id;
    expect((await putus('admin.dinkes', sid, true)).statusCode).toBe(403);
    const list = await kirim('admin.setda', 'GET', '/api/kehadiran/koreksi/persetujuan');
    expect(list.json<{ id: string }[]>().map((x) => x.id)).toEqual([sid]);
    const r = await putus('admin.setda', sid, true);
    expect(r.statusCode, r.body).toBe(200);
  });

  it('the person withdraws a pending request; it cannot then be approved', async () => {
    const r = await kirim('pegawai', 'POST', `/api/kehadiran/koreksi/${kid}/batal`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toEqual({ id: kid, status: 'dibatalkan' });
    expect((await ringkasanAudit(kid)).at(-1)).toMatch(
      /^Membatalkan pengajuan koreksi kehadiran \d{4}-\d\d-\d\d$/,
    );
    const p = await putus('kepala.umum', kid, true);
    expect(p.statusCode).toBe(409);
    expect(pesanDari(p)).toContain('sudah dibatalkan');
  });
});

describe('bounds, refused in words', () => {
  const isian = { jenis: 'pulang', jam: '16:00', sebab: 'lupa_pulang', alasan: 'lupa' };
  it('32 days back, a future day, a later hour of today, an empty reason, a fourth pending', async () => {
    const jauh = await ajukan('pegawai', { ...isian, tanggal: mundur(hariIni, 32) });
    expect(jauh.statusCode).toBe(400);
    expect(pesanDari(jauh)).toContain('sudah lebih dari 31 hari yang lalu');
    expect((await ajukan('pegawai', { ...isian, tanggal: mundur(hariIni, 31) })).statusCode).toBe(201);

    const besok = await ajukan('pegawai', { ...isian, tanggal: mundur(hariIni, -1) });
    expect(besok.statusCode).toBe(400);
    expect(pesanDari(besok)).toContain('belum terjadi');
    const nanti = await ajukan('pegawai', { ...isian, tanggal: hariIni, jam: '23:59' });
    // (unless the test runs in the last minute of the day)
    if (Date.now() < wib(hariIni, '23:59').getTime()) {
      expect(nanti.statusCode).toBe(400);
      expect(pesanDari(nanti)).toContain('jam: 23:59');
    }
    const kosong = await ajukan('pegawai', { ...isian, tanggal: mundur(hariIni, 3), alasan: '   ' });
    expect(kosong.statusCode).toBe(400);
    expect(pesanDari(kosong)).toContain('alasan');

    const D = mundur(hariIni, 30); // a day no other test here uses
    for (let i = 0; i < 3; i++)
      expect((await ajukan('pegawai', { ...isian, tanggal: D })).statusCode).toBe(201);
    const keempat = await ajukan('pegawai', { ...isian, tanggal: D });
    expect(keempat.statusCode).toBe(400);
    expect(pesanDari(keempat)).toContain('paling banyak 3');
  });
});

const pemberitahuanPutusan = async () =>
  (
    await run((trx) =>
      trx
        .selectFrom('pemberitahuan')
        .select('id')
        .where('pegawai_id', '=', id.get(NIP.perawat)!)
        .where('jenis', '=', 'koreksi_diputus')
        .execute(),
    )
  ).length;

describe('two approvals at the same moment', () => {
  it('one wins, the other is told 409 in words; one decision, one audit entry, one notice', async () => {
    const D = hariKerja[3]!;
    const a = await ajukan('perawat', {
      tanggal: D,
      jenis: 'pulang',
      jam: '16:30',
      sebab: 'lupa_pulang',
      alasan: 'jaga pasien gawat sampai sore',
    });
    expect(a.statusCode, a.body).toBe(201);
    const kid = a.json<{ id: string }>().id;
    const sebelum = await pemberitahuanPutusan();
    // On PostgreSQL both read the request pending, then wait to write it.
    const pg = sdb.kind === 'postgres';
    const lepas = pg ? await tahan(sdb, 'LOCK TABLE koreksi_kehadiran IN EXCLUSIVE MODE') : null;
    const semua = [putus('kadinkes', kid, true, 'setuju'), putus('kadinkes', kid, false, 'tolak')];
    if (lepas) {
      await tungguSampai(
        async () => (await menunggu(sdb, { tabel: 'koreksi_kehadiran' })) === 2,
        'both held',
      );
      await lepas();
    }
    const res = await Promise.all(semua);
    const kodeHttp = res.map((r) => r.statusCode).sort();
    expect(kodeHttp, res.map((r) => r.body).join(' / ')).toEqual([200, 409]);
    const kalah = res.find((r) => r.statusCode === 409)!;
    expect(pesanDari(kalah)).toMatch(/Pengajuan ini sudah (disetujui|ditolak)/);
    const menang = res.find((r) => r.statusCode === 200)!.json<{ status: string }>().status;
    const row = await run((trx) =>
      trx.selectFrom('koreksi_kehadiran').select('status').where('id', '=', kid).executeTakeFirstOrThrow(),
    );
    expect(row.status).toBe(menang);
    expect((await audit(kid)).map((x) => x.aksi)).toEqual([
      'ajukan',
      menang === 'disetujui' ? 'setujui' : 'tolak',
    ]);
    expect(await pemberitahuanPutusan()).toBe(sebelum + 1);
  });
});

describe('dinas luar', () => {
  it('asked, approved by the supervisor: a day without a check-in shows DINAS_LUAR with the letter', async () => {
    const D = hariKerja[4]!;
    const sebelum = await hariOrang('pegawai', NIP.staf, D);
    expect(sebelum.status).toBe('TIDAK_HADIR');
    const a = await kirim('pegawai', 'POST', '/api/kehadiran/dinas-luar', {
      dari: D,
      sampai: D,
      nomor_surat: '094/123/SETDA/2026',
      tujuan: 'Kantor Gubernur Jawa Timur, Surabaya',
      lat: -7.2459,
      lng: 112.7378,
      radius_m: 500,
    });
    expect(a.statusCode, a.body).toBe(201);
    const did = a.json<{ id: string }>().id;
    // overlapping another pending one: refused in words
    const dobel = await kirim('pegawai', 'POST', '/api/kehadiran/dinas-luar', {
      dari: D,
      sampai: D,
      nomor_surat: 'X/1',
      tujuan: 'Malang',
    });
    expect(dobel.statusCode).toBe(409);
    expect(pesanDari(dobel)).toContain('bertumpang tindih');
    expect(
      (await kirim('perawat', 'POST', `/api/kehadiran/dinas-luar/${did}/putusan`, { setuju: true }))
        .statusCode,
    ).toBe(403);
    const list = await kirim('kepala.umum', 'GET', '/api/kehadiran/dinas-luar/persetujuan');
    expect(list.json<{ id: string; nomor_surat: string }[]>().find((x) => x.id === did)?.nomor_surat).toBe(
      '094/123/SETDA/2026',
    );
    const p = await kirim('kepala.umum', 'POST', `/api/kehadiran/dinas-luar/${did}/putusan`, {
      setuju: true,
      catatan: 'sesuai surat tugas',
    });
    expect(p.statusCode, p.body).toBe(200);
    const h = await hariOrang('pegawai', NIP.staf, D);
    expect(h.status).toBe('DINAS_LUAR');
    expect(h.alasan.map((x) => x.pesan.id)).toEqual([
      'dinas luar ke Kantor Gubernur Jawa Timur, Surabaya (surat No. 094/123/SETDA/2026)',
    ]);
    expect((await audit(did)).map((x) => x.aksi)).toEqual(['ajukan', 'setujui']);
    expect((await ringkasanAudit(did))[1]).toMatch(
      /^Menyetujui dinas luar .+ ke Kantor Gubernur Jawa Timur, Surabaya .+ \(sebagai atasan langsung\)$/,
    );
    expect(
      (await kirim('kepala.umum', 'POST', `/api/kehadiran/dinas-luar/${did}/putusan`, { setuju: false }))
        .statusCode,
    ).toBe(409);
  });

  it('longer than 31 days, or started long ago: refused in words', async () => {
    const r = await kirim('pegawai', 'POST', '/api/kehadiran/dinas-luar', {
      dari: mundur(hariIni, -40),
      sampai: mundur(hariIni, -80),
      nomor_surat: 'X/2',
      tujuan: 'Jakarta',
    });
    expect(r.statusCode).toBe(400);
    const lama = await kirim('pegawai', 'POST', '/api/kehadiran/dinas-luar', {
      dari: mundur(hariIni, 40),
      sampai: mundur(hariIni, 40),
      nomor_surat: 'X/3',
      tujuan: 'Jakarta',
    });
    expect(lama.statusCode).toBe(400);
    expect(pesanDari(lama)).toContain('lebih dari 31 hari yang lalu');
  });
});

describe('what is kept', () => {
  it('a decided correction or dinas luar cannot be changed or deleted, even by SQL', async () => {
    const D = hariKerja[5]!;
    const a = await ajukan('pegawai', {
      tanggal: D,
      jenis: 'pulang',
      jam: '16:00',
      sebab: 'lupa_pulang',
      alasan: 'lupa',
    });
    const kid = a.json<{ id: string }>().id;
    expect((await putus('kepala.umum', kid, false, 'tidak ada bukti')).statusCode).toBe(200);
    const d = await kirim('pegawai', 'POST', '/api/kehadiran/dinas-luar', {
      dari: D,
      sampai: D,
      nomor_surat: 'X/9',
      tujuan: 'Malang',
    });
    const did = d.json<{ id: string }>().id;
    expect(
      (await kirim('kepala.umum', 'POST', `/api/kehadiran/dinas-luar/${did}/putusan`, { setuju: false }))
        .statusCode,
    ).toBe(200);
    for (const ubah of [
      sql`UPDATE koreksi_kehadiran SET status = 'disetujui' WHERE id = ${kid}`,
      sql`UPDATE koreksi_kehadiran SET catatan_putusan = 'diubah' WHERE id = ${kid}`,
      sql`DELETE FROM koreksi_kehadiran WHERE id = ${kid}`,
      sql`UPDATE dinas_luar SET status = 'disetujui' WHERE id = ${did}`,
      sql`DELETE FROM dinas_luar WHERE id = ${did}`,
    ]) {
      // (the application's role holds no DELETE on dinas_luar at all)
      await expect(run((trx) => ubah.execute(trx))).rejects.toThrow(
        /tidak dapat diubah|disimpan sebagai bukti|permission denied for table dinas_luar/,
      );
    }
    // a pending request's content cannot be changed either, only decided
    const b = await ajukan('pegawai', {
      tanggal: D,
      jenis: 'masuk',
      jam: '07:00',
      sebab: 'lainnya',
      alasan: 'x',
    });
    const bid = b.json<{ id: string }>().id;
    await expect(
      run((trx) => sql`UPDATE koreksi_kehadiran SET waktu = now() WHERE id = ${bid}`.execute(trx)),
    ).rejects.toThrow(/tidak dapat diubah/);
    const row = await run((trx) =>
      trx
        .selectFrom('koreksi_kehadiran')
        .select(['status', 'catatan_putusan'])
        .where('id', '=', kid)
        .executeTakeFirstOrThrow(),
    );
    expect(row).toEqual({ status: 'ditolak', catatan_putusan: 'tidak ada bukti' });
  });
});
