import { readFileSync } from 'node:fs';
import { formatWaktu } from '@sigap/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NIP } from '../../../test/fixtures.ts';
import { teksPdf } from '../../../test/pdf.ts';
import { appUji, masuk, type Sesi } from '../../../test/sesi.ts';
import type { Caller } from '../../caller.ts';
import { SYSTEM_ACTOR } from '../../caller.ts';
import { withTenant } from '../../db/database.ts';
import type { App } from '../../http/app.ts';
import { upsertUser } from '../auth/akun.service.ts';
import { buatJadwal } from '../jadwal/build.service.ts';
import { terbitkan } from '../jadwal/publish.service.ts';
import { simpan } from '../kebijakan/kebijakan.service.ts';
import { pernyataanBelumDitandatangani, tandaTangani } from './pernyataan.service.ts';

/**
 * The stay-home statement through the real HTTP app, on PGlite and (SIGAP_TEST_PG_URL) PostgreSQL. The small
 * Pemda of the fixtures under Batu's notice of August 2020 (v1 and its revision v2, as the demo loads them)
 * and a published schedule of 17–28 August 2020: SETDA and its BAG-UMUM are non-service units, so Budi Staf
 * (account `pegawai`) and Dewi Kabag (`kepala.umum`, unit head of BAG-UMUM) work from home on the notice's
 * days 18, 19 and 21 August, and the notice's kewajiban_wfh rule asks everyone at home for a statement.
 */
let app: App;
let sdb: Awaited<ReturnType<typeof appUji>>['sdb'];
let tenantId: string;
let tutup: (() => Promise<void>) | undefined;
const S = new Map<string, Sesi>();
const PEMDA = 'kota-pernyataan';
const K = 'batu-2020-wfh-asn';
const NOMOR = '800/2475/422.202/2020';
const UA =
  'Mozilla/5.0 (Linux; Android 10; SM-A105F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36';
const id = new Map<string, string>();

const run = <T>(fn: Parameters<typeof withTenant<T>>[2]) => withTenant(sdb, tenantId, fn);
const kebijakanTeks = (f: string) =>
  readFileSync(new URL(`../../../../examples/policies/${f}`, import.meta.url), 'utf8');

function kirim(who: string, method: 'GET' | 'POST', url: string, payload?: unknown) {
  return app.inject({
    method,
    url,
    headers: { ...S.get(who)!, 'user-agent': UA },
    ...(payload === undefined ? {} : { payload: payload as string }),
  });
}

interface Saya {
  pegawai: { nama: string; nip: string } | null;
  pernyataan: {
    kebijakan_id: string;
    versi: number;
    nomor: string;
    hari_wfh: string[];
    teks: { id: { menyatakan: string; identitas: [string, string][] }; en: { menyatakan: string } };
    tanda_tangan: {
      id: string;
      kode_verifikasi: string;
      hash: string;
      perangkat: string;
      user_agent: string;
    } | null;
  }[];
}
interface Daftar {
  jumlah: { perlu: number; sudah: number; belum: number };
  baris: {
    nip: string;
    nama: string;
    kebijakan_id: string;
    versi: number;
    hari_wfh: number;
    pernyataan_id: string | null;
  }[];
}

beforeAll(async () => {
  const u = await appUji(PEMDA, '2020-01-01');
  app = u.app;
  sdb = u.sdb;
  tenantId = u.tenantId;
  tutup = u.tutup;
  await run(async (trx) => {
    for (const f of ['batu-2020.v1.yaml', 'batu-2020.v2.yaml'])
      await simpan(trx, tenantId, SYSTEM_ACTOR, kebijakanTeks(f), '2020-08-14');
    // Sari Perawat may sign in too (another employee)
    await upsertUser(trx, tenantId, SYSTEM_ACTOR, {
      username: 'perawat',
      nama: 'perawat',
      password: 'rahasia-uji-2026',
      nip: NIP.perawat,
      roles: [{ role: 'employee', opdKode: null }],
    });
    const j = await buatJadwal(trx, tenantId, SYSTEM_ACTOR, '2020-08-17', '2020-08-28');
    await terbitkan(trx, tenantId, SYSTEM_ACTOR, j.id);
    for (const r of await trx.selectFrom('pegawai').select(['id', 'nip']).execute()) id.set(r.nip!, r.id);
  });
  for (const u of ['pegawai', 'perawat', 'kepala.umum', 'admin.dinkes', 'admin', 'auditor'])
    S.set(u, await masuk(app, u));
}, 120_000);
afterAll(async () => tutup?.());

describe(`surat pernyataan WFH (${process.env.SIGAP_TEST_PG_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('a person with WFH days under Batu v2 needs its statement: its words, their name and NIP, their days', async () => {
    const r = await kirim('pegawai', 'GET', '/api/wfh/pernyataan/saya');
    expect(r.statusCode, r.body).toBe(200);
    const s = r.json<Saya>();
    expect(s.pegawai).toMatchObject({ nama: 'Budi Staf', nip: NIP.staf });
    expect(s.pernyataan.map((p) => [p.kebijakan_id, p.versi, p.nomor, p.hari_wfh, p.tanda_tangan])).toEqual([
      [K, 2, NOMOR, ['2020-08-18', '2020-08-19', '2020-08-21'], null],
    ]);
    const t = s.pernyataan[0]!.teks;
    expect(t.id.identitas).toEqual([
      ['Nama', 'Budi Staf'],
      ['NIP', '19900303 201503 1 003'],
      ['Jabatan', 'Pengadministrasi Umum'],
      ['Unit kerja', 'Bagian Umum, Sekretariat Daerah'],
    ]);
    expect(t.id.menyatakan).toContain(
      `sesuai Surat Pemberitahuan Sekretaris Daerah Kota Batu Nomor ${NOMOR} tanggal 13 Agustus 2020 tentang Pemberitahuan Bekerja dari Rumah bagi ASN di Lingkungan Pemerintah Kota Batu (revisi), pada tanggal 18, 19 dan 21 Agustus 2020`,
    );
    expect(t.en.menyatakan).toContain('on 18, 19 and 21 August 2020');
  });

  it('a statement follows the published WFH days only: an office day under the notice asks for none', async () => {
    // The Puskesmas is a service unit: Batu v2 caps it at 50% at the office, so on each of the notice's days one
    // of its two people is at the office and the other at home. Each needs a statement for exactly their
    // days at home.
    const BATU = ['2020-08-18', '2020-08-19', '2020-08-21'];
    const sel = await run((trx) =>
      trx
        .selectFrom('jadwal_sel')
        .select(['pegawai_id', 'tanggal', 'status'])
        .where('pegawai_id', 'in', [id.get(NIP.perawat)!, id.get(NIP.pppk)!])
        .where('tanggal', 'in', BATU)
        .execute(),
    );
    const wfh = (nip: string) =>
      sel
        .filter((c) => c.pegawai_id === id.get(nip) && c.status === 'WFH')
        .map((c) => c.tanggal)
        .sort();
    expect(
      sel.filter((c) => c.status === 'WFO').length,
      'someone of the Puskesmas at the office',
    ).toBeGreaterThan(0);
    const r = await kirim('perawat', 'GET', '/api/wfh/pernyataan/saya');
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json<Saya>().pernyataan.map((p) => p.hari_wfh)).toEqual(
      wfh(NIP.perawat).length ? [wfh(NIP.perawat)] : [],
    );
    const d = await kirim('admin.dinkes', 'GET', '/api/wfh/pernyataan?opd=DINKES');
    expect(d.statusCode, d.body).toBe(200);
    const baris = d.json<Daftar>().baris;
    for (const nip of [NIP.perawat, NIP.pppk])
      expect(baris.find((b) => b.nip === nip)?.hari_wfh ?? 0, nip).toBe(wfh(nip).length);
    // An account without an employee record has none.
    const a = await kirim('admin', 'GET', '/api/wfh/pernyataan/saya');
    expect(a.json<Saya>()).toEqual({ pegawai: null, pernyataan: [] });
  });

  it('the day status hook: each of Budi’s WFH days lacks the statement until he signs', async () => {
    const m = await run((trx) =>
      pernyataanBelumDitandatangani(trx, tenantId, [id.get(NIP.staf)!], '2020-08-17', '2020-08-28'),
    );
    expect([...m.keys()].sort()).toEqual(
      ['2020-08-18', '2020-08-19', '2020-08-21'].map((t) => `${id.get(NIP.staf)}|${t}`),
    );
    expect(m.get(`${id.get(NIP.staf)}|2020-08-18`)).toEqual([
      { kebijakanId: K, versi: 2, status: 'belum', ditandatanganiPada: null },
    ]);
  });

  it('before signing, the person may print a draft marked BELUM DITANDATANGANI; a statement not needed is 404', async () => {
    const r = await kirim('pegawai', 'GET', `/api/wfh/pernyataan/saya/pdf?kebijakan_id=${K}&versi=2`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    const [hal] = await teksPdf(r.rawPayload);
    expect(hal).toContain('BELUM DITANDATANGANI');
    expect(hal).toContain('Budi Staf');
    expect(hal).toContain(NOMOR);
    expect(hal).toContain('Surat pernyataan ini belum ditandatangani');
    expect(hal).not.toContain('Kode verifikasi');
    expect(
      (await kirim('pegawai', 'GET', `/api/wfh/pernyataan/saya/pdf?kebijakan_id=${K}&versi=1`)).statusCode,
    ).toBe(404);
    expect(
      (await kirim('admin', 'GET', `/api/wfh/pernyataan/saya/pdf?kebijakan_id=${K}&versi=2`)).statusCode,
    ).toBe(404);
  });

  let pernyataanId = '';
  const idKlien = '5b0f6f7e-3c1a-4b8e-9a51-0c2d7f1e9a11';

  it('signs: server time, account, device and address recorded; the audit trail says so', async () => {
    const sebelum = Date.now();
    const r = await kirim('pegawai', 'POST', '/api/wfh/pernyataan/tandatangan', {
      kebijakan_id: K,
      versi: 2,
      setuju: true,
      perangkat: 'HP Budi',
      id_klien: idKlien,
    });
    expect(r.statusCode, r.body).toBe(200);
    const h = r.json<{ id: string; baru: boolean; ditandatangani_pada: string; kode_verifikasi: string }>();
    expect(h.baru).toBe(true);
    pernyataanId = h.id;
    const t = Date.parse(h.ditandatangani_pada);
    expect(t).toBeGreaterThanOrEqual(sebelum - 1000);
    expect(t).toBeLessThanOrEqual(Date.now() + 1000);
    const row = await run((trx) =>
      trx.selectFrom('pernyataan_wfh').selectAll().where('id', '=', h.id).executeTakeFirstOrThrow(),
    );
    expect(row).toMatchObject({
      pegawai_id: id.get(NIP.staf),
      kebijakan_id: K,
      kebijakan_versi: 2,
      username: 'pegawai',
      perangkat: 'HP Budi',
      user_agent: UA,
      id_klien: idKlien,
    });
    expect(row.user_id).not.toBeNull();
    expect(row.ip).not.toBe('');
    expect(row.teks_id).toContain('Budi Staf');
    expect(row.teks_id).toContain(NOMOR);
    expect(row.teks_id).toContain(`${PEMDA}, `);
    expect(h.kode_verifikasi).toBe(row.hash.slice(0, 16).toUpperCase().match(/.{4}/g)!.join('-'));
    const audit = await run((trx) =>
      trx.selectFrom('audit_log').selectAll().where('entitas_id', '=', h.id).execute(),
    );
    expect(audit.map((a) => [a.aksi, a.entitas, a.pelaku])).toEqual([
      ['tandatangan', 'pernyataan_wfh', 'pegawai'],
    ]);
    expect(audit[0]!.ringkasan).toContain(
      `Budi Staf menandatangani surat pernyataan WFH (${NOMOR}, versi 2)`,
    );
  });

  it('signing twice returns the first signature; the same id_klien with another body is refused', async () => {
    const lagi = await kirim('pegawai', 'POST', '/api/wfh/pernyataan/tandatangan', {
      kebijakan_id: K,
      versi: 2,
      setuju: true,
    });
    expect(lagi.statusCode, lagi.body).toBe(200);
    expect(lagi.json()).toMatchObject({ id: pernyataanId, baru: false });
    const kunci = await kirim('pegawai', 'POST', '/api/wfh/pernyataan/tandatangan', {
      kebijakan_id: K,
      versi: 2,
      setuju: true,
      perangkat: 'HP Budi',
      id_klien: idKlien,
    });
    expect(kunci.json()).toMatchObject({ id: pernyataanId, baru: false });
    const beda = await kirim('pegawai', 'POST', '/api/wfh/pernyataan/tandatangan', {
      kebijakan_id: K,
      versi: 2,
      setuju: true,
      perangkat: 'HP lain',
      id_klien: idKlien,
    });
    expect(beda.statusCode, beda.body).toBe(409);
    expect(await run((trx) => trx.selectFrom('pernyataan_wfh').select('id').execute())).toHaveLength(1);
    expect(
      await run((trx) =>
        trx.selectFrom('audit_log').select('id').where('entitas', '=', 'pernyataan_wfh').execute(),
      ),
    ).toHaveLength(1);
  });

  it('refuses a statement not needed, or without the confirmation ticked', async () => {
    const v1 = await kirim('pegawai', 'POST', '/api/wfh/pernyataan/tandatangan', {
      kebijakan_id: K,
      versi: 1,
      setuju: true,
    });
    expect(v1.statusCode, v1.body).toBe(404);
    const tanpa = await kirim('pegawai', 'POST', '/api/wfh/pernyataan/tandatangan', {
      kebijakan_id: K,
      versi: 2,
    });
    expect(tanpa.statusCode, tanpa.body).toBe(400);
    const akunSaja = await kirim('admin', 'POST', '/api/wfh/pernyataan/tandatangan', {
      kebijakan_id: K,
      versi: 2,
      setuju: true,
    });
    expect(akunSaja.statusCode, akunSaja.body).toBe(400);
  });

  it('the PDF read back: letterhead, name, NIP, the notice number, the signing time and the code', async () => {
    const r = await kirim('pegawai', 'GET', `/api/wfh/pernyataan/${pernyataanId}/pdf`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    const [id1, en] = await teksPdf(r.rawPayload);
    const row = await run((trx) =>
      trx.selectFrom('pernyataan_wfh').selectAll().where('id', '=', pernyataanId).executeTakeFirstOrThrow(),
    );
    expect(id1).toContain(`PEMERINTAH ${PEMDA.toUpperCase()}`);
    expect(id1).toContain('SEKRETARIAT DAERAH');
    expect(id1).toContain('SURAT PERNYATAAN');
    expect(id1).toContain('Budi Staf');
    expect(id1).toContain('19900303 201503 1 003');
    expect(id1).toContain(NOMOR);
    expect(id1).toContain(
      `Ditandatangani secara elektronik melalui Sigap pada ${formatWaktu(row.ditandatangani_pada, 'Asia/Jakarta')} dari perangkat “HP Budi” (Chrome di Android)`,
    );
    expect(id1).toContain(row.hash);
    expect(id1).not.toContain('BELUM DITANDATANGANI');
    expect(en).toContain('English rendering');
    expect(en).toContain('Signed electronically through Sigap');
    // Once signed, the person's own print of that version is the signed statement, not a draft.
    const sendiri = await kirim('pegawai', 'GET', `/api/wfh/pernyataan/saya/pdf?kebijakan_id=${K}&versi=2`);
    const [s1] = await teksPdf(sendiri.rawPayload);
    expect(s1).toContain(row.hash);
    expect(s1).not.toContain('BELUM DITANDATANGANI');
  });

  it('another employee cannot print it; an OPD admin of another OPD neither, nor list that OPD', async () => {
    expect((await kirim('perawat', 'GET', `/api/wfh/pernyataan/${pernyataanId}/pdf`)).statusCode).toBe(404);
    expect((await kirim('admin.dinkes', 'GET', `/api/wfh/pernyataan/${pernyataanId}/pdf`)).statusCode).toBe(
      404,
    );
    const luar = await kirim('admin.dinkes', 'GET', '/api/wfh/pernyataan?opd=SETDA');
    expect(luar.statusCode, luar.body).toBe(403);
    expect(luar.body).not.toContain('Budi');
    const sendiri = await kirim('admin.dinkes', 'GET', '/api/wfh/pernyataan?opd=DINKES');
    expect(sendiri.statusCode, sendiri.body).toBe(200);
    expect(sendiri.json<Daftar>().baris.map((b) => b.nip)).not.toContain(NIP.staf);
    // No permission at all for an employee (not even for their own unit) or an auditor: refused as such.
    for (const [who, url] of [
      ['pegawai', '/api/wfh/pernyataan?opd=BAG-UMUM'],
      ['auditor', '/api/wfh/pernyataan'],
    ] as const) {
      const r = await kirim(who, 'GET', url);
      expect(r.statusCode, r.body).toBe(403);
      expect(r.json<{ message: string }>().message).toBe('Anda tidak berhak melakukan ini');
    }
  });

  it('the unit head and the Pemda admin see who has signed and who has not, and print the signed one', async () => {
    const r = await kirim('kepala.umum', 'GET', '/api/wfh/pernyataan?opd=BAG-UMUM');
    expect(r.statusCode, r.body).toBe(200);
    const d = r.json<Daftar>();
    expect(d.baris.map((b) => [b.nama, b.versi, b.hari_wfh, b.pernyataan_id])).toEqual([
      ['Budi Staf', 2, 3, pernyataanId],
      ['Dewi Kabag', 2, 3, null],
    ]);
    expect(d.jumlah).toEqual({ perlu: 2, sudah: 1, belum: 1 });
    const tidakAda = await kirim('admin', 'GET', '/api/wfh/pernyataan?opd=TIDAK-ADA');
    expect(tidakAda.statusCode, tidakAda.body).toBe(404);
    const belum = await kirim('kepala.umum', 'GET', '/api/wfh/pernyataan?opd=BAG-UMUM&status=belum');
    expect(belum.json<Daftar>().baris.map((b) => b.nama)).toEqual(['Dewi Kabag']);
    const csv = await kirim('admin', 'GET', `/api/wfh/pernyataan?kebijakan_id=${K}&versi=2&format=csv`);
    expect(csv.statusCode, csv.body).toBe(200);
    const baris = csv.body.trim().split(/\r?\n/);
    expect(baris[0]).toBe(
      'nip,id_pegawai,nama,opd_kode,unit_kode,kebijakan_id,versi,hari_wfh,hari_pertama,status,ditandatangani_pada',
    );
    expect(baris.find((b) => b.startsWith(NIP.staf))).toMatch(
      new RegExp(`^${NIP.staf},,Budi Staf,SETDA,BAG-UMUM,${K},2,3,2020-08-18,sudah,\\d{4}-`),
    );
    expect(baris.find((b) => b.startsWith(NIP.kabag))).toContain(',belum,');
    for (const who of ['kepala.umum', 'admin'])
      expect((await kirim(who, 'GET', `/api/wfh/pernyataan/${pernyataanId}/pdf`)).statusCode).toBe(200);
  });

  it('the day status hook: signed late (after the WFH days) is told apart; signed in time, nothing missing', async () => {
    const budi = id.get(NIP.staf)!;
    const m = await run((trx) =>
      pernyataanBelumDitandatangani(trx, tenantId, [budi], '2020-08-17', '2020-08-28'),
    );
    expect(m.get(`${budi}|2020-08-21`)).toEqual([
      { kebijakanId: K, versi: 2, status: 'terlambat', ditandatanganiPada: expect.any(Date) },
    ]);
    // Dewi signs on 18 August 2020 at 23:59 WIB: the 18th counts as signed, as do the later days.
    const dewi = id.get(NIP.kabag)!;
    const akun = await run((trx) =>
      trx.selectFrom('app_user').select('id').where('username', '=', 'kepala.umum').executeTakeFirstOrThrow(),
    );
    const caller: Caller = {
      userId: akun.id,
      username: 'kepala.umum',
      nama: 'kepala.umum',
      tenantId,
      pegawaiId: dewi,
      grants: [{ role: 'unit_head', opdId: null }],
      csrfToken: '',
    };
    await run((trx) =>
      tandaTangani(
        trx,
        tenantId,
        caller,
        { kebijakanId: K, versi: 2 },
        { userAgent: UA, ip: '127.0.0.1' },
        new Date('2020-08-18T23:59:00+07:00'),
      ),
    );
    const d = await run((trx) =>
      pernyataanBelumDitandatangani(trx, tenantId, [dewi], '2020-08-17', '2020-08-28'),
    );
    expect([...d.keys()]).toEqual([]);
    // The text says the date it was signed, in the Pemda's zone.
    const row = await run((trx) =>
      trx.selectFrom('pernyataan_wfh').selectAll().where('pegawai_id', '=', dewi).executeTakeFirstOrThrow(),
    );
    expect(row.teks_id).toContain(', 18 Agustus 2020');
  });

  it('a new version of the policy never changes a signed statement; it asks for its own', async () => {
    const sebelum = await run((trx) =>
      trx.selectFrom('pernyataan_wfh').selectAll().where('id', '=', pernyataanId).executeTakeFirstOrThrow(),
    );
    const v3 = kebijakanTeks('batu-2020.v2.yaml')
      .replace('versi: 2', 'versi: 3')
      .replace('nomor: 800/2475/422.202/2020', 'nomor: 800/2480/422.202/2020')
      .replace(
        /judul: Pemberitahuan Bekerja dari Rumah bagi ASN di Lingkungan Pemerintah Kota Batu \(revisi\)/,
        'judul: Pemberitahuan Bekerja dari Rumah (revisi kedua)',
      )
      .replace(/alasan_revisi: >-\n/, 'alasan_revisi: >-\n  Revisi kedua (uji).\n');
    await run((trx) => simpan(trx, tenantId, SYSTEM_ACTOR, v3, '2020-08-15'));
    const r = await kirim('pegawai', 'GET', '/api/wfh/pernyataan/saya');
    const s = r.json<Saya>();
    expect(s.pernyataan.map((p) => [p.versi, p.nomor, p.tanda_tangan?.id ?? null])).toEqual(
      expect.arrayContaining([
        [3, '800/2480/422.202/2020', null],
        [2, NOMOR, pernyataanId],
      ]),
    );
    const v2 = s.pernyataan.find((p) => p.versi === 2)!;
    expect(v2.teks.id.menyatakan).toContain(`Nomor ${NOMOR}`);
    expect(v2.tanda_tangan!.hash).toBe(sebelum.hash);
    const sesudah = await run((trx) =>
      trx.selectFrom('pernyataan_wfh').selectAll().where('id', '=', pernyataanId).executeTakeFirstOrThrow(),
    );
    expect(sesudah).toEqual(sebelum);
    const [hal] = await teksPdf(
      (await kirim('pegawai', 'GET', `/api/wfh/pernyataan/${pernyataanId}/pdf`)).rawPayload,
    );
    expect(hal).toContain(NOMOR);
    expect(hal).not.toContain('800/2480');
  });

  it('a signed statement is evidence: no update, no delete', async () => {
    await expect(
      run((trx) =>
        trx.updateTable('pernyataan_wfh').set({ perangkat: 'x' }).where('id', '=', pernyataanId).execute(),
      ),
    ).rejects.toThrow();
    await expect(
      run((trx) => trx.deleteFrom('pernyataan_wfh').where('id', '=', pernyataanId).execute()),
    ).rejects.toThrow();
    await expect(run((trx) => sql`TRUNCATE pernyataan_wfh`.execute(trx))).rejects.toThrow();
  });
});
