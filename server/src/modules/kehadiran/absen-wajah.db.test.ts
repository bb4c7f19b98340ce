import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { NIP } from '../../../test/fixtures.ts';
import { multipart } from '../../../test/multipart.ts';
import { appUji, masuk, type Sesi } from '../../../test/sesi.ts';
import { bacaFoto } from '../../../test/wajah.ts';
import { SYSTEM_ACTOR } from '../../caller.ts';
import { withTenant } from '../../db/database.ts';
import { upsertUser } from '../auth/akun.service.ts';
import { MODEL_KINI } from '../wajah/daftar.service.ts';
import { aadBingkai, aadTemplat, bacaCincin, cincinUntuk, vektorKeBytes } from '../wajah/kunci.ts';
import { rekeyWajah } from '../wajah/wajah.service.ts';
import { ABSEN_PER_MENIT } from './absen.routes.ts';
import { catatKejadian } from './kehadiran.service.ts';
import { statusPeriode } from './status.service.ts';
import { simpanTinjauan } from './tinjau.service.ts';

/*
 * POST /api/kehadiran on a real database (PGlite, or PostgreSQL with SIGAP_TEST_PG_URL), for everything
 * decided before the face model runs: the bounds of the multipart body, the schedule, the window, the
 * place, enrolment and the challenge, each stored as an attempt with its words; id_klien replays; and the
 * review queue (its frames encrypted, decided once, counted on the day). The model's own verdicts are in
 * absen-wajah.wajah.test.ts.
 */

// A key for this file's server (PostgreSQL has no data folder to keep one in).
process.env.SIGAP_KUNCI_WAJAH ??= `uji:${randomBytes(32).toString('base64')}`;

let u: Awaited<ReturnType<typeof appUji>>;
let pegawai: Sesi;
const id = new Map<string, string>();
const FOTO = bacaFoto('person-linda.jpg');
// The Sekretariat's office (server/test/fixtures.ts): a 150 m circle; Bagian Umum inherits it.
const KANTOR = { lat: -7.871, lng: 112.526 };

const SEHARI = Object.fromEntries(
  ['1', '2', '3', '4', '5', '6', '7'].map((d) => [
    d,
    { mulai: '00:00', selesai: '23:59', istirahatMenit: 0 },
  ]),
);

async function aturJamKerja(jam: Record<string, unknown>) {
  await withTenant(u.sdb, u.tenantId, (trx) =>
    trx
      .updateTable('tenant')
      .set({ jam_kerja: JSON.stringify(jam) })
      .where('id', '=', u.tenantId)
      .execute(),
  );
}

beforeAll(async () => {
  u = await appUji('kota-absen-wajah', '2024-01-01');
  await withTenant(u.sdb, u.tenantId, async (trx) => {
    for (const r of await trx.selectFrom('pegawai').select(['id', 'nip']).execute()) id.set(r.nip!, r.id);
    // Every hour of every day is working time and no day is a holiday: the verdicts below do not depend
    // on when the suite runs. Tests that need a holiday or no hours set them and restore this.
    await trx.deleteFrom('hari_libur').execute();
    await upsertUser(trx, u.tenantId, SYSTEM_ACTOR, {
      username: 'admin.setda',
      nama: 'Admin Setda',
      password: 'rahasia-uji-2026',
      nip: null,
      roles: [{ role: 'opd_admin', opdKode: 'SETDA' }],
    });
    await upsertUser(trx, u.tenantId, SYSTEM_ACTOR, {
      username: 'perawat',
      nama: 'Perawat',
      password: 'rahasia-uji-2026',
      nip: NIP.perawat,
      roles: [{ role: 'employee', opdKode: null }],
    });
  });
  await aturJamKerja(SEHARI);
}, 60_000);
afterAll(async () => {
  await u?.tutup();
});
// A session of its own per test: the check-in is limited per session (ABSEN_PER_MENIT a minute).
beforeEach(async () => {
  pegawai = await masuk(u.app, 'pegawai');
});

const isianBaik = (lain: Record<string, string> = {}) => ({
  tantangan_id: randomUUID(),
  lat: String(KANTOR.lat),
  lng: String(KANTOR.lng),
  akurasi_m: '20',
  jenis: 'masuk',
  waktu_perangkat: new Date().toISOString(),
  id_klien: randomUUID(),
  ...lain,
});

async function absen(
  sesi: Sesi | null,
  isian: Record<string, string>,
  bingkai: readonly Uint8Array[] = [FOTO],
  medan = 'foto',
) {
  const { payload, headers } = await multipart(
    isian,
    bingkai.map((isi) => ({ isi, medan })),
  );
  return u.app.inject({
    method: 'POST',
    url: '/api/kehadiran',
    headers: { ...(sesi ?? {}), ...headers },
    payload,
  });
}

type Jawaban = {
  id: string;
  hasil: string;
  alasan: string;
  pesan: { id: string; en: string };
  waktu: string;
};

async function jumlahKejadian(pegawaiId: string) {
  return Number(
    (
      await withTenant(u.sdb, u.tenantId, (trx) =>
        trx
          .selectFrom('kehadiran')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('pegawai_id', '=', pegawaiId)
          .executeTakeFirstOrThrow(),
      )
    ).n,
  );
}

async function simpanTemplatAcak(pegawaiId: string) {
  const kunci = cincinUntuk(u.sdb);
  const v = new Float32Array(512).map(() => Math.random() - 0.5);
  const tid = randomUUID();
  const t = kunci.sandikan(vektorKeBytes(v), aadTemplat(u.tenantId, tid, MODEL_KINI, v.length));
  await withTenant(u.sdb, u.tenantId, (trx) =>
    trx
      .insertInto('wajah_template')
      .values({
        tenant_id: u.tenantId,
        id: tid,
        pegawai_id: pegawaiId,
        model: MODEL_KINI,
        dimensi: v.length,
        sandi: t.sandi,
        iv: t.iv,
        kunci_id: t.kunciId,
        sumber: 'petugas',
      })
      .execute(),
  );
}

describe('POST /api/kehadiran: verdicts before the face model, each stored with its words', () => {
  it('not enrolled: refused in words after the place and time passed, the attempt stored with them', async () => {
    const sebelum = await jumlahKejadian(id.get(NIP.staf)!);
    const r = await absen(pegawai, isianBaik());
    expect(r.statusCode, r.body).toBe(200);
    const j = r.json<Jawaban>();
    expect(j).toMatchObject({ hasil: 'ditolak', alasan: 'wajah_belum_terdaftar' });
    expect(j.pesan.id).toMatch(/^Wajah Anda belum terdaftar/);
    expect(Math.abs(Date.parse(j.waktu) - Date.now())).toBeLessThan(60_000);
    expect(await jumlahKejadian(id.get(NIP.staf)!)).toBe(sebelum + 1);
    const row = await withTenant(u.sdb, u.tenantId, (trx) =>
      trx.selectFrom('kehadiran').selectAll().where('id', '=', j.id).executeTakeFirstOrThrow(),
    );
    expect(row).toMatchObject({
      sumber: 'wajah',
      hasil: 'ditolak',
      alasan: ['wajah_belum_terdaftar'],
      jenis: 'masuk',
      lat: KANTOR.lat,
      akurasi_m: 20,
      skor: null,
    });
    expect(row.pesan?.id).toBe(j.pesan.id);
    expect(row.waktu_perangkat).not.toBeNull();
  });

  it('outside the office: the distance and the place in words; a fix too coarse for the fence: its accuracy', async () => {
    const jauh = await absen(pegawai, isianBaik({ lat: '-7.8800', lng: '112.5260' }));
    expect(jauh.json<Jawaban>()).toMatchObject({ hasil: 'ditolak', alasan: 'di_luar_kantor' });
    // 0.009° of latitude ≈ 1,000 m from the centre, 150 m radius: ≈ 850 m outside
    expect(jauh.json<Jawaban>().pesan.id, jauh.body).toMatch(
      /^Anda berada 8\d\d m di luar area kantor \(Bagian Umum\)/,
    );
    const kabur = await absen(pegawai, isianBaik({ akurasi_m: '400' }));
    expect(kabur.json<Jawaban>()).toMatchObject({ hasil: 'ditolak', alasan: 'lokasi_tidak_akurat' });
    expect(kabur.json<Jawaban>().pesan.id).toContain('±400 m');
  });

  it('a holiday today is not an office day; a day without hours has no window', async () => {
    const hariIni = await withTenant(
      u.sdb,
      u.tenantId,
      async (trx) =>
        (
          await sql<{
            d: string;
          }>`SELECT to_char(now() AT TIME ZONE 'Asia/Jakarta', 'YYYY-MM-DD') AS d`.execute(trx)
        ).rows[0]!.d,
    );
    await withTenant(u.sdb, u.tenantId, (trx) =>
      trx
        .insertInto('hari_libur')
        .values({ tenant_id: u.tenantId, tanggal: hariIni, nama: 'Libur uji', jenis: 'libur_nasional' })
        .execute(),
    );
    try {
      const r = await absen(pegawai, isianBaik());
      expect(r.json<Jawaban>()).toMatchObject({ alasan: 'tidak_terjadwal_di_kantor' });
      expect(r.json<Jawaban>().pesan.id).toContain('(LIBUR)');
    } finally {
      await withTenant(u.sdb, u.tenantId, (trx) =>
        trx.deleteFrom('hari_libur').where('tanggal', '=', hariIni).execute(),
      );
    }
    await aturJamKerja({});
    try {
      const r = await absen(pegawai, isianBaik());
      expect(r.json<Jawaban>()).toMatchObject({ alasan: 'di_luar_jendela_absen' });
      expect(r.json<Jawaban>().pesan.id).toBe('Di luar waktu absen: hari ini tidak ada jam kerja.');
    } finally {
      await aturJamKerja(SEHARI);
    }
  });

  it('enrolled, but the challenge is unknown, or another person’s: refused without running the model', async () => {
    await simpanTemplatAcak(id.get(NIP.perawat)!);
    const perawat = await masuk(u.app, 'perawat');
    // The nurse works at Puskesmas Batu (fixtures: -7.8850, 112.5200, 80 m).
    const diPuskesmas = { lat: '-7.8850', lng: '112.5200' };
    const r = await absen(perawat, isianBaik(diPuskesmas));
    expect(r.json<Jawaban>()).toMatchObject({ hasil: 'ditolak', alasan: 'tantangan_gagal' });
    expect(r.json<Jawaban>().pesan.id).toContain('Tantangan tidak dikenal');
    const milikLain = await u.app.inject({
      method: 'POST',
      url: '/api/kehadiran/tantangan',
      headers: pegawai,
      payload: {},
    });
    const t = milikLain.json<{ id: string }>().id;
    const r2 = await absen(perawat, isianBaik({ ...diPuskesmas, tantangan_id: t }));
    expect(r2.json<Jawaban>()).toMatchObject({ alasan: 'tantangan_gagal' });
    // the other person's challenge is still theirs to use
    const dipakai = await withTenant(u.sdb, u.tenantId, (trx) =>
      trx.selectFrom('tantangan_absen').select('dipakai_pada').where('id', '=', t).executeTakeFirstOrThrow(),
    );
    expect(dipakai.dipakai_pada).toBeNull();
  });
});

describe('POST /api/kehadiran: id_klien', () => {
  it('the same request again returns the first answer and stores nothing; another body under the key is 409', async () => {
    const isian = isianBaik();
    const a = await absen(pegawai, isian);
    const n = await jumlahKejadian(id.get(NIP.staf)!);
    const b = await absen(pegawai, isian);
    expect(b.statusCode).toBe(200);
    expect(b.json()).toEqual(a.json());
    expect(await jumlahKejadian(id.get(NIP.staf)!)).toBe(n);
    const lain = await absen(pegawai, { ...isian, akurasi_m: '21' });
    expect(lain.statusCode).toBe(409);
    expect(lain.json<{ message: string }>().message).toMatch(/id_klien ini sudah dipakai/);
    const gambarLain = await absen(pegawai, isian, [bacaFoto('person-lexi.jpg')]);
    expect(gambarLain.statusCode).toBe(409);
  });

  it('another person cannot read an answer by sending someone else’s id_klien', async () => {
    const isian = isianBaik();
    expect((await absen(pegawai, isian)).statusCode).toBe(200);
    const perawat = await masuk(u.app, 'perawat');
    const r = await absen(perawat, isian);
    expect(r.statusCode).toBe(409);
    expect(r.body).not.toContain(NIP.staf);
  });

  it('the same request twice at once is stored once, both answered alike', async () => {
    const isian = isianBaik();
    const n = await jumlahKejadian(id.get(NIP.staf)!);
    const [a, b] = await Promise.all([absen(pegawai, isian), absen(pegawai, isian)]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect(a.json<Jawaban>().id).toBe(b.json<Jawaban>().id);
    expect(await jumlahKejadian(id.get(NIP.staf)!)).toBe(n + 1);
  });
});

describe('POST /api/kehadiran: bounds and bad input, refused in words, nothing stored', () => {
  const tolak = async (r: Awaited<ReturnType<typeof absen>>, status: number, kata: RegExp, n: number) => {
    expect(r.statusCode, r.body).toBe(status);
    expect(r.json<{ message: string }>().message).toMatch(kata);
    expect(await jumlahKejadian(id.get(NIP.staf)!)).toBe(n);
  };

  it('fields: missing, not numbers, out of range, unknown; named in the words', async () => {
    const n = await jumlahKejadian(id.get(NIP.staf)!);
    const { lat: _lat, ...tanpaLat } = isianBaik();
    await tolak(await absen(pegawai, tanpaLat), 400, /lat:/, n);
    await tolak(await absen(pegawai, isianBaik({ lng: 'timur' })), 400, /lng: lng harus berupa angka/, n);
    await tolak(
      await absen(pegawai, isianBaik({ akurasi_m: '-5' })),
      400,
      /akurasi_m: akurasi_m paling kecil 0/,
      n,
    );
    await tolak(
      await absen(pegawai, isianBaik({ jenis: 'istirahat' })),
      400,
      /jenis harus masuk atau pulang/,
      n,
    );
    await tolak(await absen(pegawai, isianBaik({ id_klien: '12' })), 400, /id_klien harus UUID/, n);
    await tolak(await absen(pegawai, isianBaik({ skor: '0.99' })), 400, /skor/, n);
    await tolak(await absen(pegawai, isianBaik({ waktu_perangkat: 'kemarin' })), 400, /waktu_perangkat/, n);
  });

  it('frames: none, too many, not a JPEG, too large, under another name, a cut body', async () => {
    const n = await jumlahKejadian(id.get(NIP.staf)!);
    await tolak(await absen(pegawai, isianBaik(), []), 400, /foto: kirim 1–6 gambar/, n);
    await tolak(
      await absen(pegawai, isianBaik(), Array(7).fill(FOTO)),
      413,
      /paling banyak 6 berkas "foto"/,
      n,
    );
    await tolak(
      await absen(pegawai, isianBaik(), [FOTO, new TextEncoder().encode('<svg></svg>')]),
      400,
      /^foto 2: /,
      n,
    );
    const besar = new Uint8Array(2 * 1024 * 1024 + 1);
    besar.set(FOTO);
    await tolak(await absen(pegawai, isianBaik(), [besar]), 413, /satu berkas paling besar 2 MB/, n);
    await tolak(await absen(pegawai, isianBaik(), [FOTO], 'gambar'), 400, /bukan "gambar"/, n);
    const { payload, headers } = await multipart(isianBaik(), [{ isi: FOTO }]);
    const potong = await u.app.inject({
      method: 'POST',
      url: '/api/kehadiran',
      headers: { ...pegawai, ...headers },
      payload: payload.subarray(0, payload.length - 200),
    });
    await tolak(potong, 400, /rusak atau terpotong/, n);
    const json = await u.app.inject({
      method: 'POST',
      url: '/api/kehadiran',
      headers: pegawai,
      payload: isianBaik(),
    });
    await tolak(json, 400, /multipart\/form-data/, n);
  });

  it(`more than ${ABSEN_PER_MENIT} attempts a minute from one session: 429 in words, nothing stored`, async () => {
    for (let i = 0; i < ABSEN_PER_MENIT; i++)
      expect((await absen(pegawai, isianBaik())).statusCode).toBe(200);
    const n = await jumlahKejadian(id.get(NIP.staf)!);
    await tolak(await absen(pegawai, isianBaik()), 429, /Terlalu banyak percobaan/, n);
  });

  it('signed out 401, no CSRF token 403, an account with no employee record 403 in words', async () => {
    expect((await absen(null, isianBaik())).statusCode).toBe(401);
    expect((await absen({ cookie: pegawai.cookie } as Sesi, isianBaik())).statusCode).toBe(403);
    const admin = await masuk(u.app, 'admin');
    const r = await absen(admin, isianBaik());
    expect(r.statusCode).toBe(403);
    expect(r.json<{ message: string }>().message).toMatch(/tidak terhubung dengan data pegawai/);
  });
});

describe('the review queue', () => {
  /** A face attempt sent to review, as the check-in stores one (frames encrypted). */
  async function tinjauanBaru(nip: string, opdKode: string, kunci = cincinUntuk(u.sdb), kios?: string) {
    return withTenant(u.sdb, u.tenantId, async (trx) => {
      const opd = await trx
        .selectFrom('opd')
        .select('id')
        .where('kode', '=', opdKode)
        .executeTakeFirstOrThrow();
      const perangkatId = kios
        ? (
            await trx
              .insertInto('perangkat')
              .values({ tenant_id: u.tenantId, opd_id: opd.id, jenis: 'kiosk', kode: kios, nama: kios })
              .returning('id')
              .executeTakeFirstOrThrow()
          ).id
        : null;
      const { kejadian } = await catatKejadian(trx, u.tenantId, {
        pegawai_id: id.get(nip)!,
        opd_id: opd.id,
        waktu: null,
        waktu_perangkat: null,
        jenis: 'masuk',
        sumber: kios ? 'kiosk' : 'wajah',
        perangkat_id: perangkatId,
        lat: kios ? null : -7.885,
        lng: kios ? null : 112.52,
        akurasi_m: kios ? null : 10,
        hasil: 'ditinjau',
        alasan: ['tinjau'],
        skor: 0.6,
        id_klien: null,
        hash_isi: null,
      });
      await simpanTinjauan(trx, u.tenantId, kunci, {
        kehadiranId: kejadian.id,
        pegawaiId: id.get(nip)!,
        opdId: opd.id,
        skor: 0.6,
        dibuat: kejadian.waktu,
        simpanSampai: new Date(kejadian.waktu.getTime() + 86_400_000),
        bingkai: [FOTO, bacaFoto('person-lexi.jpg')],
      });
      return kejadian;
    });
  }

  it('the OPD admin sees the frames, accepts; the frames are gone and the day counts the check-in; decided once', async () => {
    const k = await tinjauanBaru(NIP.perawat, 'PKM-BATU');
    const admin = await masuk(u.app, 'admin.dinkes');
    const daftar = await u.app.inject({ method: 'GET', url: '/api/kehadiran/tinjau', headers: admin });
    expect(daftar.statusCode, daftar.body).toBe(200);
    const item = daftar
      .json<{ kehadiran_id: string; jumlah_bingkai: number; nip: string }[]>()
      .find((x) => x.kehadiran_id === k.id);
    expect(item).toMatchObject({
      jumlah_bingkai: 2,
      nip: NIP.perawat,
      sumber: 'wajah',
      perangkat_kode: null,
    });
    // a kiosk's attempt in the queue names the kiosk (it has no location)
    const dariKios = await tinjauanBaru(NIP.perawat, 'PKM-BATU', cincinUntuk(u.sdb), 'KIOS-PKM');
    const semua = (await u.app.inject({ method: 'GET', url: '/api/kehadiran/tinjau', headers: admin })).json<
      { kehadiran_id: string; sumber: string; perangkat_kode: string | null; lat: number | null }[]
    >();
    expect(semua.find((x) => x.kehadiran_id === dariKios.id)).toMatchObject({
      sumber: 'kiosk',
      perangkat_kode: 'KIOS-PKM',
      lat: null,
    });
    const g = await u.app.inject({
      method: 'GET',
      url: `/api/kehadiran/tinjau/${k.id}/bingkai/1`,
      headers: admin,
    });
    expect(g.statusCode).toBe(200);
    expect(g.headers['content-type']).toBe('image/jpeg');
    expect(g.headers['cache-control']).toBe('no-store');
    expect(Buffer.compare(g.rawPayload, Buffer.from(bacaFoto('person-lexi.jpg')))).toBe(0);
    // stored encrypted: the JPEG's bytes are not in the row
    const row = await withTenant(u.sdb, u.tenantId, (trx) =>
      trx
        .selectFrom('tinjau_bingkai')
        .select('sandi')
        .where('kehadiran_id', '=', k.id)
        .where('urutan', '=', 0)
        .executeTakeFirstOrThrow(),
    );
    expect(Buffer.from(row.sandi).subarray(0, 2).toString('hex')).not.toBe('ffd8');

    const tanggal = new Date(k.waktu.getTime() + 7 * 3_600_000).toISOString().slice(0, 10); // the day in WIB
    const sebelum = await withTenant(u.sdb, u.tenantId, (trx) =>
      statusPeriode(trx, u.tenantId, null, tanggal, tanggal, 'PKM-BATU'),
    );
    expect(sebelum.baris.find((b) => b.nip === NIP.perawat)?.masuk).toBeNull();

    const [p1, p2] = await Promise.all([
      u.app.inject({
        method: 'POST',
        url: `/api/kehadiran/tinjau/${k.id}`,
        headers: admin,
        payload: { putusan: 'diterima', catatan: 'wajahnya jelas' },
      }),
      u.app.inject({
        method: 'POST',
        url: `/api/kehadiran/tinjau/${k.id}`,
        headers: admin,
        payload: { putusan: 'ditolak' },
      }),
    ]);
    expect([p1.statusCode, p2.statusCode].sort()).toEqual([200, 409]);
    const menang = p1.statusCode === 200 ? 'diterima' : 'ditolak';
    const sisa = await withTenant(u.sdb, u.tenantId, (trx) =>
      trx.selectFrom('tinjau_bingkai').select('id').where('kehadiran_id', '=', k.id).execute(),
    );
    expect(sisa).toHaveLength(0);
    expect(
      (await u.app.inject({ method: 'GET', url: `/api/kehadiran/tinjau/${k.id}/bingkai/0`, headers: admin }))
        .statusCode,
    ).toBe(404);
    const sesudah = await withTenant(u.sdb, u.tenantId, (trx) =>
      statusPeriode(trx, u.tenantId, null, tanggal, tanggal, 'PKM-BATU'),
    );
    const masukJam = sesudah.baris.find((b) => b.nip === NIP.perawat)?.masuk ?? null;
    if (menang === 'diterima') expect(masukJam).toMatch(/^\d\d:\d\d$/);
    else expect(masukJam).toBeNull();
    const audit = await withTenant(u.sdb, u.tenantId, (trx) =>
      trx.selectFrom('audit_log').select('ringkasan').where('entitas_id', '=', k.id).execute(),
    );
    expect(audit.map((a) => a.ringkasan)).toEqual([
      expect.stringMatching(/^Tinjauan absen wajah (diterima|ditolak).*2 gambar dihapus$/),
    ]);
  });

  it('face rekey moves the review frames to the new key; they still open with it alone', async () => {
    const k1 = randomBytes(32).toString('base64');
    const k2 = randomBytes(32).toString('base64');
    const lama = bacaCincin(`r1:${k1}`);
    const k = await tinjauanBaru(NIP.perawat, 'PKM-BATU', lama);
    const semua = bacaCincin(`r2:${k2},r1:${k1},${process.env.SIGAP_KUNCI_WAJAH}`);
    const r = await rekeyWajah(u.sdb, semua);
    expect(r.bingkai).toBeGreaterThanOrEqual(2);
    expect(r.sisa).toEqual({ r2: expect.any(Number) });
    const rows = await withTenant(u.sdb, u.tenantId, (trx) =>
      trx
        .selectFrom('tinjau_bingkai')
        .selectAll()
        .where('kehadiran_id', '=', k.id)
        .orderBy('urutan')
        .execute(),
    );
    expect(rows.map((b) => b.kunci_id)).toEqual(['r2', 'r2']);
    const hanyaBaru = bacaCincin(`r2:${k2}`);
    const buka = rows.map((b) =>
      hanyaBaru.buka(
        { sandi: b.sandi, iv: b.iv, kunciId: b.kunci_id },
        aadBingkai(u.tenantId, b.id, k.id, b.urutan),
        { id: 'uji', en: 'test' },
      ),
    );
    expect(Buffer.compare(buka[0]!, Buffer.from(FOTO))).toBe(0);
    // put every row back under this file's key for the other tests
    await rekeyWajah(u.sdb, bacaCincin(`${process.env.SIGAP_KUNCI_WAJAH},r2:${k2}`));
  });

  it('another OPD’s admin, an employee and another Pemda see none of it', async () => {
    const k = await tinjauanBaru(NIP.perawat, 'PKM-BATU');
    const setda = await masuk(u.app, 'admin.setda');
    const daftar = await u.app.inject({ method: 'GET', url: '/api/kehadiran/tinjau', headers: setda });
    expect(daftar.json<{ kehadiran_id: string }[]>().map((x) => x.kehadiran_id)).not.toContain(k.id);
    expect(
      (await u.app.inject({ method: 'GET', url: `/api/kehadiran/tinjau/${k.id}/bingkai/0`, headers: setda }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await u.app.inject({
          method: 'POST',
          url: `/api/kehadiran/tinjau/${k.id}`,
          headers: setda,
          payload: { putusan: 'diterima' },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await u.app.inject({ method: 'GET', url: '/api/kehadiran/tinjau', headers: pegawai })).statusCode,
    ).toBe(403);
  });
});
