import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { addDays, localDate } from '@sigap/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { NIP, PASSWORD } from '../../../test/fixtures.ts';
import { absenSepanjangHari, appUji, masuk, type Sesi } from '../../../test/sesi.ts';
import type { SigapDatabase } from '../../db/database.ts';
import { withTenant } from '../../db/database.ts';
import type { App } from '../../http/app.ts';
import { SYSTEM_ACTOR } from '../audit/audit.repository.ts';
import { upsertUser } from '../auth/akun.service.ts';
import { insertJadwal, insertSel } from '../jadwal/jadwal.repository.ts';
import { simpan } from '../kebijakan/kebijakan.service.ts';
import { statusPeriode } from '../kehadiran/status.service.ts';

/*
 * Location reports from home on a real database (PGlite, or PostgreSQL with SIGAP_TEST_PG_URL), under
 * Kudus's rule (every two hours; here within all-day hours so the suite runs at any hour): a report is
 * stored once per client key with its times, judged against the home, fills its slot; a person with no home
 * gets one proposed from their first reports, which the OPD admin confirms; the day's WFH status follows.
 */

let sdb: SigapDatabase;
let app: App;
let tenantId: string;
let tutup: () => Promise<void>;
const id = new Map<string, string>();
let hariIni: string;

// Sari the nurse (PKM-BATU under DINKES) has no home in the registry; the staff member of BAG-UMUM has one.
const RUMAH_STAF = { lat: -7.875, lng: 112.525 };
const RUMAH_PERAWAT = { lat: -7.8811, lng: 112.5222 };
const utara = (p: { lat: number; lng: number }, m: number) => ({ lat: p.lat + m / 111_195, lng: p.lng });

const kudus = () => {
  const doc = parse(
    readFileSync(new URL('../../../../examples/policies/kudus-2020.yaml', import.meta.url), 'utf8'),
  ) as Record<string, unknown> & { berlaku: { dari: string; sampai: string } };
  doc.id = 'uji-wfh-lokasi';
  doc.tanggal = addDays(hariIni, -40);
  doc.berlaku = { dari: addDays(hariIni, -30), sampai: addDays(hariIni, 30) };
  return stringify(doc);
};

beforeAll(async () => {
  const u = await appUji('kota-lokasi', '2024-01-01');
  ({ sdb, app, tenantId } = u);
  tutup = u.tutup;
  hariIni = localDate(new Date(), 'Asia/Jakarta');
  await absenSepanjangHari(sdb, tenantId);
  await withTenant(sdb, tenantId, async (trx) => {
    for (const r of await trx.selectFrom('pegawai').select(['id', 'nip']).execute()) id.set(r.nip!, r.id);
    await simpan(trx, tenantId, SYSTEM_ACTOR, kudus(), addDays(hariIni, -30));
    for (const [username, nip] of [
      ['rina', NIP.perawat],
      ['kadinkes', NIP.kadinkes],
    ] as const)
      await upsertUser(trx, tenantId, SYSTEM_ACTOR, {
        username,
        nama: username,
        password: PASSWORD,
        nip,
        roles: [{ role: 'employee', opdKode: null }],
      });
    const j = await insertJadwal(trx, tenantId, {
      dari: addDays(hariIni, -1),
      sampai: addDays(hariIni, 1),
      cakupanOpd: null,
      pelanggaran: [],
      oleh: 'uji',
      status: 'terbit',
    });
    await insertSel(
      trx,
      tenantId,
      j.id,
      [NIP.staf, NIP.perawat, NIP.kalak].flatMap((nip) =>
        [-1, 0, 1].map((d) => ({
          pegawai_id: id.get(nip)!,
          tanggal: addDays(hariIni, d),
          status: nip === NIP.kalak ? 'WFO' : 'WFH',
          kebijakan_id: null,
          kebijakan_versi: null,
          aturan_id: null,
          alasan: '',
        })),
      ),
    );
  });
}, 60_000);
afterAll(async () => {
  await tutup?.();
});

type Jawaban = {
  id: string;
  slot: { ke: number; buka: string; status: string } | null;
  hasil: string;
  pesan: { id: string; en: string };
  jarak_m: number | null;
  waktu_terima: string;
  waktu_dihitung: string;
  tanda: string[];
};

function lapor(h: Sesi, body: Record<string, unknown>) {
  return app.inject({ method: 'POST', url: '/api/lokasi', headers: h, payload: body });
}
const badan = (p: { lat: number; lng: number }, lain: Record<string, unknown> = {}) => ({
  lat: p.lat,
  lng: p.lng,
  akurasi_m: 12,
  waktu_perangkat: new Date().toISOString(),
  id_klien: randomUUID(),
  ...lain,
});

/** The status a report at home gets at `waktu` under 2-hourly slots from 00:00: on time in the first 30 minutes. */
function statusDiharapkan(waktu: string) {
  const [j, m] = new Date(Date.parse(waktu) + 7 * 3_600_000)
    .toISOString()
    .slice(11, 16)
    .split(':')
    .map(Number);
  return (j! * 60 + m!) % 120 < 30 ? 'tepat_waktu' : 'terlambat';
}

describe('POST /api/lokasi', () => {
  it('a report at home fills the open slot, on time or late by its minute; stored with both clocks', async () => {
    const h = await masuk(app, 'pegawai');
    const b = badan(utara(RUMAH_STAF, 40));
    const r = await lapor(h, b);
    expect(r.statusCode, r.body).toBe(200);
    const j = r.json<Jawaban>();
    expect(j.hasil).toBe('di_rumah');
    expect(j.jarak_m).toBe(40);
    expect(j.pesan.id).toMatch(/^Laporan diterima: Anda di rumah\./);
    expect(j.slot?.status).toBe(statusDiharapkan(j.waktu_dihitung));
    expect(j.waktu_dihitung).toBe(j.waktu_terima);
    const row = await withTenant(sdb, tenantId, (trx) =>
      trx.selectFrom('laporan_lokasi').selectAll().where('id', '=', j.id).executeTakeFirstOrThrow(),
    );
    expect(row).toMatchObject({
      pegawai_id: id.get(NIP.staf),
      akurasi_m: 12,
      tanggal: hariIni,
      dikirim_oleh: 'pegawai',
    });
    expect(row.waktu_perangkat.toISOString()).toBe(b.waktu_perangkat);
  });

  it('the same id_klien again gets the first answer and stores nothing; another body under it is a 409', async () => {
    const h = await masuk(app, 'pegawai');
    const b = badan(utara(RUMAH_STAF, 10));
    const satu = await lapor(h, b);
    const dua = await lapor(h, b);
    expect(dua.statusCode).toBe(200);
    expect(dua.json()).toEqual(satu.json());
    const beda = await lapor(h, { ...b, lat: b.lat + 0.01 });
    expect(beda.statusCode).toBe(409);
    expect(beda.json<{ message: string }>().message).toMatch(/id_klien ini sudah dipakai/);
    const n = await withTenant(sdb, tenantId, (trx) =>
      trx
        .selectFrom('laporan_lokasi')
        .select((e) => e.fn.countAll<string>().as('n'))
        .where('id_klien', '=', b.id_klien)
        .executeTakeFirstOrThrow(),
    );
    expect(Number(n.n)).toBe(1);
  });

  it('the same report sent twice at once (a queue resending) is stored once, both answered the same', async () => {
    const h = await masuk(app, 'pegawai');
    const b = badan(utara(RUMAH_STAF, 5));
    const [x, y] = await Promise.all([lapor(h, b), lapor(h, b)]);
    expect([x.statusCode, y.statusCode]).toEqual([200, 200]);
    expect(x.json<Jawaban>().id).toBe(y.json<Jawaban>().id);
    const n = await withTenant(sdb, tenantId, (trx) =>
      trx
        .selectFrom('laporan_lokasi')
        .select((e) => e.fn.countAll<string>().as('n'))
        .where('id_klien', '=', b.id_klien)
        .executeTakeFirstOrThrow(),
    );
    expect(Number(n.n)).toBe(1);
  });

  it('away from home, and a jump no one could travel, are said in words', async () => {
    const h = await masuk(app, 'pegawai');
    const jauh = await lapor(h, badan(utara(RUMAH_STAF, 60_000)));
    const j = jauh.json<Jawaban>();
    expect(j.hasil).toBe('di_luar_rumah');
    expect(j.jarak_m).toBeGreaterThan(59_000);
    expect(j.tanda).toContain('lompatan_mustahil');
    expect(j.pesan.id).toMatch(/di luar rumah.*Perpindahan dari laporan sebelumnya terlalu cepat/s);
  });

  it('a report from the offline queue counts when it was made, by the phone’s own elapsed time', async () => {
    const h = await masuk(app, 'pegawai');
    // the phone's clock is an hour behind; it made the report and sent it 20 minutes later
    const kirim = new Date(Date.now() - 3_600_000);
    const dibuat = new Date(kirim.getTime() - 20 * 60_000);
    const r = await lapor(
      h,
      badan(utara(RUMAH_STAF, 20), {
        waktu_perangkat: dibuat.toISOString(),
        waktu_kirim: kirim.toISOString(),
      }),
    );
    const j = r.json<Jawaban>();
    const tahan = Date.parse(j.waktu_terima) - Date.parse(j.waktu_dihitung);
    expect(tahan).toBe(20 * 60_000);
    expect(j.tanda).toEqual(['jam_perangkat_beda']);
  });

  it('a resend from the queue differs only in waktu_kirim: the first answer, stored once', async () => {
    const h = await masuk(app, 'pegawai');
    const dibuat = new Date(Date.now() - 10 * 60_000);
    const b = badan(utara(RUMAH_STAF, 20), {
      waktu_perangkat: dibuat.toISOString(),
      waktu_kirim: new Date(Date.now() - 60_000).toISOString(),
    });
    const satu = await lapor(h, b);
    const dua = await lapor(h, { ...b, waktu_kirim: new Date().toISOString() });
    expect(dua.statusCode, dua.body).toBe(200);
    expect(dua.json()).toEqual(satu.json());
    const n = await withTenant(sdb, tenantId, (trx) =>
      trx
        .selectFrom('laporan_lokasi')
        .select((e) => e.fn.countAll<string>().as('n'))
        .where('id_klien', '=', b.id_klien)
        .executeTakeFirstOrThrow(),
    );
    expect(Number(n.n)).toBe(1);
  });

  it('bad input is refused in words naming the field, and nothing is stored', async () => {
    const h = await masuk(app, 'pegawai');
    const sebelum = await jumlahLaporan();
    const lat = await lapor(h, badan({ lat: 200, lng: 112 }));
    expect(lat.statusCode).toBe(400);
    expect(lat.json<{ message: string }>().message).toBe(
      'Masukan tidak sah — Lintang (lat): paling besar 90',
    );
    const masaDepan = await lapor(h, badan(RUMAH_STAF, { waktu_perangkat: '2031-01-01T00:00:00+07:00' }));
    expect(masaDepan.statusCode).toBe(400);
    expect(masaDepan.json<{ message: string }>().message).toMatch(
      /waktu_perangkat terlalu jauh dari jam server/,
    );
    const lebih = await lapor(h, { ...badan(RUMAH_STAF), tambahan: 1 });
    expect(lebih.statusCode).toBe(400);
    expect(await jumlahLaporan()).toBe(sebelum);
  });

  it('on a day that is not WFH the report is kept, and the answer says it does not count', async () => {
    await withTenant(sdb, tenantId, (trx) =>
      upsertUser(trx, tenantId, SYSTEM_ACTOR, {
        username: 'kalak',
        nama: 'kalak',
        password: PASSWORD,
        nip: NIP.kalak,
        roles: [{ role: 'employee', opdKode: null }],
      }),
    );
    const h = await masuk(app, 'kalak');
    const r = await lapor(h, badan(RUMAH_STAF));
    expect(r.statusCode).toBe(200);
    expect(r.json<Jawaban>()).toMatchObject({ hasil: 'bukan_hari_wfh', slot: null });
  });
});

async function jumlahLaporan() {
  const n = await withTenant(sdb, tenantId, (trx) =>
    trx
      .selectFrom('laporan_lokasi')
      .select((e) => e.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow(),
  );
  return Number(n.n);
}

describe('a home proposed from the first reports, confirmed by the OPD admin', () => {
  it('waits, is proposed after three accurate reports, never judged at home until the admin confirms', async () => {
    const h = await masuk(app, 'rina');
    const jawaban: Jawaban[] = [];
    for (const m of [0, 30, 60])
      jawaban.push((await lapor(h, badan(utara(RUMAH_PERAWAT, m)))).json<Jawaban>());
    expect(jawaban.map((j) => j.hasil)).toEqual([
      'rumah_belum_dikenal',
      'rumah_belum_dikenal',
      'rumah_belum_dikenal',
    ]);
    expect(jawaban[2]!.pesan.id).toMatch(/Lokasi rumah Anda diusulkan/);
    expect(jawaban[1]!.pesan.id).not.toMatch(/diusulkan/);
    const hari0 = await app.inject({ method: 'GET', url: '/api/lokasi/hari', headers: h });
    expect(hari0.json<{ rumah: string; status: string }>()).toMatchObject({ rumah: 'diusulkan' });
    expect(hari0.json<{ slot: { status: string }[] }>().slot.some((s) => s.status === 'menunggu_rumah')).toBe(
      true,
    );

    // another OPD's admin cannot see or decide it; the DINKES admin can
    const admin = await masuk(app, 'admin.dinkes');
    const daftar = await app.inject({ method: 'GET', url: '/api/wfh/rumah', headers: admin });
    expect(daftar.statusCode, daftar.body).toBe(200);
    const usulan = daftar.json<{ id: string; nama: string; jumlah_dasar: number; lat: number }[]>();
    expect(usulan).toHaveLength(1);
    expect(usulan[0]).toMatchObject({ nama: 'Sari Perawat', jumlah_dasar: 3 });
    expect(usulan[0]!.lat).toBeCloseTo(utara(RUMAH_PERAWAT, 30).lat, 5);
    const pegawai = await masuk(app, 'pegawai');
    const dilarang = await app.inject({
      method: 'POST',
      url: `/api/wfh/rumah/${usulan[0]!.id}/putus`,
      headers: pegawai,
      payload: { putusan: 'dikonfirmasi' },
    });
    expect(dilarang.statusCode).toBe(403);

    const ok = await app.inject({
      method: 'POST',
      url: `/api/wfh/rumah/${usulan[0]!.id}/putus`,
      headers: admin,
      payload: { putusan: 'dikonfirmasi', catatan: 'sesuai alamat KTP' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const lagi = await app.inject({
      method: 'POST',
      url: `/api/wfh/rumah/${usulan[0]!.id}/putus`,
      headers: admin,
      payload: { putusan: 'ditolak' },
    });
    expect(lagi.statusCode).toBe(409);

    // the waiting reports are judged now: at home
    const hari1 = await app.inject({ method: 'GET', url: '/api/lokasi/hari', headers: h });
    const d = hari1.json<{ rumah: string; laporan: { tempat: string }[]; slot: { status: string }[] }>();
    expect(d.rumah).toBe('dikonfirmasi');
    expect(d.laporan.map((l) => l.tempat)).toEqual(['di_rumah', 'di_rumah', 'di_rumah']);
    expect(d.slot.some((s) => s.status === 'menunggu_rumah')).toBe(false);
    const audit = await withTenant(sdb, tenantId, (trx) =>
      trx
        .selectFrom('audit_log')
        .select(['aksi', 'ringkasan'])
        .where('entitas', '=', 'rumah_pegawai')
        .orderBy('id')
        .execute(),
    );
    expect(audit.map((a) => a.ringkasan)).toEqual([
      'Lokasi rumah diusulkan dari 3 laporan lokasi, menunggu konfirmasi admin OPD',
      'Lokasi rumah dikonfirmasi',
    ]);
  });

  it('her supervisor sees her day; a colleague does not; the database refuses changing a report', async () => {
    const atasan = await masuk(app, 'kadinkes');
    const r = await app.inject({
      method: 'GET',
      url: `/api/lokasi/hari?pegawai_id=${id.get(NIP.perawat)}`,
      headers: atasan,
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json<{ nama: string; wajib_lapor: boolean }>()).toMatchObject({
      nama: 'Sari Perawat',
      wajib_lapor: true,
    });
    // where she was, not the points: those are hers alone
    const laporan = r.json<{ laporan: { lat: number | null; jarak_m: number | null; tempat: string }[] }>()
      .laporan;
    expect(laporan.length).toBeGreaterThan(0);
    for (const l of laporan) expect(l).toMatchObject({ lat: null, tempat: 'di_rumah' });
    expect(laporan.every((l) => typeof l.jarak_m === 'number')).toBe(true);
    const rekan = await masuk(app, 'pegawai');
    const x = await app.inject({
      method: 'GET',
      url: `/api/lokasi/hari?pegawai_id=${id.get(NIP.perawat)}`,
      headers: rekan,
    });
    expect(x.statusCode).toBe(403);
    await expect(
      withTenant(sdb, tenantId, (trx) => sql`UPDATE laporan_lokasi SET lat = 0`.execute(trx)),
    ).rejects.toThrow(/laporan lokasi disimpan sebagai bukti/);
  });

  it('the day status shows the WFH assessment: an earlier slot of today without a report is missed', async () => {
    const s = await withTenant(sdb, tenantId, (trx) => statusPeriode(trx, tenantId, null, hariIni, hariIni));
    const rina = s.baris.find((b) => b.pegawaiId === id.get(NIP.perawat))!;
    expect(rina.jadwal).toBe('WFH');
    expect(['WFH_TIDAK_PATUH', 'WFH_BELUM_DINILAI']).toContain(rina.status);
    // yesterday: nobody reported, every slot is missed
    const kemarin = await withTenant(sdb, tenantId, (trx) =>
      statusPeriode(trx, tenantId, null, addDays(hariIni, -1), addDays(hariIni, -1)),
    );
    const k = kemarin.baris.find((b) => b.pegawaiId === id.get(NIP.perawat))!;
    expect(k.status).toBe('WFH_TIDAK_PATUH');
    expect(k.alasan[0]!.pesan.id).toBe(
      'slot 00:00, 02:00, 04:00, 06:00, 08:00, 10:00, 12:00, 14:00, 16:00, 18:00, 20:00, 22:00 terlewat',
    );
  });
});
