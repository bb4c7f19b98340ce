import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/db.ts';
import { NIP, PASSWORD, seedSmallPemda } from '../../../test/fixtures.ts';
import { withTenant } from '../../db/database.ts';
import { type App, buildApp } from '../../http/app.ts';
import { SYSTEM_ACTOR } from '../audit/audit.repository.ts';
import { simpan } from '../kebijakan/kebijakan.service.ts';

/**
 * The schedule as people use it, through the HTTP API: build, publish (notices), my schedule, a unit
 * head's adjustment refused by the cap and one accepted and kept by a rebuild, the leave register
 * (request → supervisor's approval → the schedule shows it), printable recaps, and a recap made by hand
 * imported and checked.
 */
let sdb: Awaited<ReturnType<typeof freshDatabase>>;
let app: App;
let tenantId: string;
const S = new Map<string, { cookie: string; csrf: string }>();
const DARI = '2020-03-30';
const SAMPAI = '2020-04-03';

async function signIn(username: string) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: PASSWORD },
  });
  expect(res.statusCode, res.body).toBe(200);
  const c = res.cookies.find((x) => x.name === 'sigap_sid')!;
  return { cookie: `sigap_sid=${c.value}`, csrf: res.json<{ csrf_token: string }>().csrf_token };
}

async function call(
  who: string,
  method: 'GET' | 'POST' | 'DELETE',
  url: string,
  payload?: unknown,
  headers: Record<string, string> = {},
) {
  const s = S.get(who)!;
  return app.inject({
    method,
    url,
    payload: payload as string,
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, ...headers },
  });
}

type Grid = {
  hari: { tanggal: string; hari_kerja: boolean }[];
  orang: { key: string; sel: ({ s: string; a: number; r: string; d?: 1; k?: 1 } | null)[] }[];
  kelompok: { grup_kode: string; jenis: string; batas: number; hadir: number; anggota: number }[][];
  aturan: { aturan_id: string }[];
  draf: number;
};

beforeAll(async () => {
  sdb = await freshDatabase();
  tenantId = await seedSmallPemda(sdb, 'kota-alur', '2020-01-01');
  const kudus = readFileSync(
    new URL('../../../../examples/policies/kudus-2020.yaml', import.meta.url),
    'utf8',
  );
  await withTenant(sdb, tenantId, (trx) => simpan(trx, tenantId, SYSTEM_ACTOR, kudus, '2026-11-23'));
  app = await buildApp({ sdb, serveWeb: false, loginRateLimit: 1000 });
  await app.ready();
  for (const u of ['admin', 'admin.dinkes', 'kepala.umum', 'pegawai', 'nakes']) S.set(u, await signIn(u));
});
afterAll(async () => {
  await app.close();
  await sdb.cleanup();
});

const grid = async (who: string, opd?: string) => {
  const r = await call(
    who,
    'GET',
    `/api/jadwal/grid?dari=${DARI}&sampai=${SAMPAI}${opd ? `&opd=${opd}` : ''}`,
  );
  expect(r.statusCode, r.body).toBe(200);
  return r.json<Grid>();
};
const statusOf = (g: Grid, key: string, tanggal: string) =>
  g.orang.find((o) => o.key === key)!.sel[g.hari.findIndex((h) => h.tanggal === tanggal)]?.s;

describe('schedule through the API', () => {
  let versi: string;

  it('builds a draft within the caps; nobody sees it before it is published', async () => {
    const r = await call('admin', 'POST', '/api/jadwal/buat', { dari: DARI, sampai: SAMPAI });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ pegawai: 8, hari: 5, pelanggaran: [] });
    versi = r.json<{ id: string }>().id;
    const mine = await call('pegawai', 'GET', `/api/jadwal-saya?dari=${DARI}&sampai=${SAMPAI}`);
    expect(mine.json<{ hari: { status: string | null }[] }>().hari.map((h) => h.status)).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
    const g = await grid('admin');
    expect(g.draf).toBe(40);
    // SETDA (3 ASN) under Kudus's 50% per OPD, rounded down: exactly one at the office each day
    for (const day of g.kelompok) {
      const setda = day.find((k) => k.grup_kode === 'SETDA' && k.jenis === 'batas_kantor')!;
      expect(setda).toMatchObject({ batas: 1, hadir: 1, anggota: 3 });
    }
  });

  it('an OPD admin may not build or publish the whole Pemda; a unit head may not build at all', async () => {
    expect(
      (await call('admin.dinkes', 'POST', '/api/jadwal/buat', { dari: DARI, sampai: SAMPAI })).statusCode,
    ).toBe(403);
    expect((await call('admin.dinkes', 'POST', `/api/jadwal/${versi}/terbit`)).statusCode).toBe(403);
    // a version built for the whole Pemda covers DINKES: listed to its admin, but not theirs to publish
    expect(
      (await call('admin.dinkes', 'GET', '/api/jadwal')).json<
        { opd_kode: string | null; boleh_terbit: boolean }[]
      >(),
    ).toEqual([expect.objectContaining({ opd_kode: null, boleh_terbit: false })]);
    const own = await call('admin.dinkes', 'POST', '/api/jadwal/buat', {
      dari: DARI,
      sampai: DARI,
      opd_kode: 'DINKES',
    });
    expect(own.statusCode, own.body).toBe(200);
    expect(
      (await call('admin.dinkes', 'GET', '/api/jadwal'))
        .json<{ opd_kode: string | null; boleh_terbit: boolean }[]>()
        .map((v) => [v.opd_kode, v.boleh_terbit]),
    ).toEqual([
      ['DINKES', true],
      [null, false],
    ]);
    // the unit head of Bagian Umum sees the Pemda-wide version (its default period), not DINKES's, and publishes none
    expect(
      (await call('kepala.umum', 'GET', '/api/jadwal'))
        .json<{ opd_kode: string | null; boleh_terbit: boolean }[]>()
        .map((v) => [v.opd_kode, v.boleh_terbit]),
    ).toEqual([[null, false]]);
    // narrowed to SETDA: the Pemda-wide version covers it, DINKES's does not
    expect(
      (await call('admin', 'GET', '/api/jadwal?opd=SETDA'))
        .json<{ opd_kode: string | null }[]>()
        .map((v) => v.opd_kode),
    ).toEqual([null]);
    expect((await call('admin', 'GET', '/api/jadwal')).json<unknown[]>()).toHaveLength(2);
    // the OPD's draft of one day goes out with its own publication
    expect(
      (await call('admin.dinkes', 'POST', `/api/jadwal/${own.json<{ id: string }>().id}/terbit`)).statusCode,
    ).toBe(200);
    expect(
      (
        await call('kepala.umum', 'POST', '/api/jadwal/buat', {
          dari: DARI,
          sampai: SAMPAI,
          opd_kode: 'BAG-UMUM',
        })
      ).statusCode,
    ).toBe(403);
  });

  it('publishing tells each person, and their schedule shows with the rule behind each day', async () => {
    const r = await call('admin', 'POST', `/api/jadwal/${versi}/terbit`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ status: 'terbit', diberitahu: 8 });
    expect((await call('admin', 'POST', `/api/jadwal/${versi}/terbit`)).statusCode).toBe(409);
    const n = (await call('pegawai', 'GET', '/api/pemberitahuan')).json<{
      belum_dibaca: number;
      item: { judul: string; tautan: string }[];
    }>();
    expect(n.belum_dibaca).toBe(1);
    expect(n.item[0]).toMatchObject({
      judul: 'Jadwal kerja Anda telah terbit',
      tautan: `/jadwal-saya?dari=${DARI}&sampai=${SAMPAI}`,
    });
    const mine = (await call('pegawai', 'GET', `/api/jadwal-saya?dari=${DARI}&sampai=${SAMPAI}`)).json<{
      hari: { status: string; aturan: { aturan_id: string } | null }[];
    }>();
    expect(mine.hari.every((h) => h.status === 'WFO' || h.status === 'WFH')).toBe(true);
    expect(mine.hari[0]!.aturan?.aturan_id).toBe('opd-wfh-maks-50-persen-di-kantor');
    await call('pegawai', 'POST', '/api/pemberitahuan/baca', {});
    expect(
      (await call('pegawai', 'GET', '/api/pemberitahuan')).json<{ belum_dibaca: number }>().belum_dibaca,
    ).toBe(0);
  });

  it('refuses a unit head’s change that breaks the cap, in words with the numbers', async () => {
    const g = await grid('kepala.umum', 'BAG-UMUM');
    expect(g.orang.map((o) => o.key).sort()).toEqual([NIP.kabag, NIP.staf].sort());
    const day = g.hari.find((h) => statusOf(g, NIP.staf, h.tanggal) === 'WFH')!.tanggal;
    const r = await call('kepala.umum', 'POST', '/api/jadwal/sel', {
      key: NIP.staf,
      tanggal: day,
      status: 'WFO',
    });
    expect(r.statusCode, r.body).toBe(409);
    expect(r.json<{ message: string }>().message).toMatch(
      /2 dari 3 orang di SETDA akan berada di kantor pada .*; batasnya 50% \(1 orang\)/,
    );
    const en = await call('kepala.umum', 'POST', '/api/jadwal/sel?lang=en', {
      key: NIP.staf,
      tanggal: day,
      status: 'WFO',
    });
    expect(en.json<{ message: string }>().message).toMatch(/2 of 3 people in SETDA would be at the office/);
    // still WFH: nothing was stored
    expect(statusOf(await grid('kepala.umum', 'BAG-UMUM'), NIP.staf, day)).toBe('WFH');
  });

  it('refuses a change outside the unit head’s unit, and to piket without a piket rule', async () => {
    expect(
      (
        await call('kepala.umum', 'POST', '/api/jadwal/sel', {
          key: NIP.perawat,
          tanggal: DARI,
          status: 'WFH',
        })
      ).statusCode,
    ).toBe(403);
    const g = await grid('kepala.umum', 'BAG-UMUM');
    const day = g.hari.find((h) => statusOf(g, NIP.staf, h.tanggal) === 'WFH')!.tanggal;
    const r = await call('kepala.umum', 'POST', '/api/jadwal/sel', {
      key: NIP.staf,
      tanggal: day,
      status: 'PIKET',
    });
    expect(r.statusCode).toBe(409);
    expect(r.json<{ message: string }>().message).toMatch(
      /^Perubahan ditolak: tidak ada aturan piket yang membolehkan .+ piket pada (Senin|Selasa|Rabu|Kamis|Jumat), \d+ (Maret|April) 2020(;|$)/,
    );
  });

  it('accepts a change within the cap, tells the person, and a rebuild keeps it', async () => {
    const g = await grid('kepala.umum', 'BAG-UMUM');
    // a day the clerk is at the office: send them home, then bring the head of section in instead
    const day = g.hari.find((h) => statusOf(g, NIP.staf, h.tanggal) === 'WFO')?.tanggal;
    expect(day, 'the clerk draws at least one office day in five').toBeDefined();
    const r = await call('kepala.umum', 'POST', '/api/jadwal/sel', {
      key: NIP.staf,
      tanggal: day,
      status: 'WFH',
      catatan: 'menyusun laporan',
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ sebelumnya: 'WFO', status: 'WFH', terbit: true });
    const in2 = await call('kepala.umum', 'POST', '/api/jadwal/sel', {
      key: NIP.kabag,
      tanggal: day,
      status: 'WFO',
    });
    expect(in2.statusCode, in2.body).toBe(200);
    const n = (await call('pegawai', 'GET', '/api/pemberitahuan')).json<{
      item: { judul: string; isi: string }[];
    }>();
    expect(n.item[0]).toMatchObject({ judul: 'Jadwal Anda diubah' });
    expect(n.item[0]!.isi).toMatch(/WFO → WFH/);
    // rebuild: the locks stay
    const rb = await call('admin', 'POST', '/api/jadwal/buat', { dari: DARI, sampai: SAMPAI });
    expect(rb.statusCode, rb.body).toBe(200);
    const after = await grid('kepala.umum', 'BAG-UMUM');
    expect(statusOf(after, NIP.staf, day!)).toBe('WFH');
    expect(statusOf(after, NIP.kabag, day!)).toBe('WFO');
    const i = after.hari.findIndex((h) => h.tanggal === day);
    expect(after.orang.find((o) => o.key === NIP.staf)!.sel[i]).toMatchObject({ k: 1, r: 'kunci' });
    // the rebuild is a draft; the employee still sees the published cells
    expect(after.draf).toBeGreaterThan(0);
    const pub = await call('admin', 'GET', `/api/jadwal?dari=${DARI}&sampai=${SAMPAI}`);
    const draft = pub
      .json<{ id: string; status: string; jenis: string }[]>()
      .find((v) => v.status === 'draft')!;
    expect(draft.jenis).toBe('buat');
    expect((await call('admin', 'POST', `/api/jadwal/${draft.id}/terbit`)).statusCode).toBe(200);
  });

  it('leave: the employee asks, the supervisor approves, the schedule shows CUTI at once', async () => {
    const ask = await call('pegawai', 'POST', '/api/cuti', {
      jenis: 'cuti_tahunan',
      dari: '2020-04-02',
      sampai: '2020-04-03',
      keterangan: 'urusan keluarga',
    });
    expect(ask.statusCode, ask.body).toBe(201);
    const id = ask.json<{ id: string }>().id;
    const again = await call('pegawai', 'POST', '/api/cuti', {
      jenis: 'cuti_sakit',
      dari: '2020-04-03',
      sampai: '2020-04-06',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json<{ message: string }>().message).toMatch(/bertumpang tindih/);
    // the employee cannot decide their own request
    expect((await call('pegawai', 'POST', `/api/cuti/${id}/putusan`, { setuju: true })).statusCode).toBe(403);
    // the supervisor (kabag) was told, sees it waiting, approves
    const note = (await call('kepala.umum', 'GET', '/api/pemberitahuan')).json<{
      item: { judul: string }[];
    }>();
    expect(note.item[0]!.judul).toMatch(/Pengajuan cuti tahunan dari/);
    const queue = (await call('kepala.umum', 'GET', '/api/cuti?untuk=persetujuan')).json<
      { id: string; boleh_putus: boolean }[]
    >();
    expect(queue.find((x) => x.id === id)?.boleh_putus).toBe(true);
    const ok = await call('kepala.umum', 'POST', `/api/cuti/${id}/putusan`, {
      setuju: true,
      catatan: 'silakan',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'disetujui', jadwal: { terbit: true } });
    const mine = (await call('pegawai', 'GET', `/api/jadwal-saya?dari=2020-04-02&sampai=2020-04-03`)).json<{
      hari: { status: string }[];
    }>();
    expect(mine.hari.map((h) => h.status)).toEqual(['CUTI', 'CUTI']);
    expect(
      (await call('pegawai', 'GET', '/api/pemberitahuan')).json<{ item: { judul: string }[] }>().item[0]!
        .judul,
    ).toBe('Cuti tahunan Anda disetujui');
    expect((await call('kepala.umum', 'POST', `/api/cuti/${id}/putusan`, { setuju: false })).statusCode).toBe(
      409,
    );
    // the check knows about the absence; the schedule is still clean
    const chk = await call('admin', 'GET', `/api/jadwal/periksa?dari=${DARI}&sampai=${SAMPAI}`);
    expect(chk.json()).toEqual([]);
  });

  it('an OPD admin records isolation for their people only; its note is health data', async () => {
    const r = await call('admin.dinkes', 'POST', '/api/cuti/catat', {
      key: NIP.perawat,
      jenis: 'isolasi',
      dari: '2020-03-31',
      sampai: '2020-04-01',
      keterangan: 'kontak erat kasus positif',
    });
    expect(r.statusCode, r.body).toBe(201);
    const out = await call('admin.dinkes', 'POST', '/api/cuti/catat', {
      key: NIP.staf,
      jenis: 'cuti_tahunan',
      dari: '2020-04-01',
      sampai: '2020-04-01',
    });
    expect(out.statusCode).toBe(403);
    const g = await grid('admin.dinkes', 'DINKES');
    expect(statusOf(g, NIP.perawat, '2020-03-31')).toBe('ISOLASI');
    const seenByAdmin = (await call('admin.dinkes', 'GET', '/api/cuti')).json<
      { jenis: string; keterangan: string | null }[]
    >();
    expect(seenByAdmin.find((x) => x.jenis === 'isolasi')!.keterangan).toBeNull();
    const seenByNakes = (await call('nakes', 'GET', '/api/cuti')).json<
      { jenis: string; keterangan: string | null }[]
    >();
    expect(seenByNakes.find((x) => x.jenis === 'isolasi')!.keterangan).toBe('kontak erat kasus positif');
  });

  it('a leave import with a bad row changes nothing and names the row and column', async () => {
    const before = (await call('admin', 'GET', '/api/cuti')).json<unknown[]>().length;
    const csv = [
      'nip,jenis,dari,sampai,keterangan',
      `${NIP.kalak},cuti_tahunan,2020-04-06,2020-04-07,`,
      `${NIP.sekda},cuti_liburan,2020-04-06,2020-04-07,`,
      `999999999999999999,cuti_sakit,2020-04-06,2020-04-05,`,
    ].join('\n');
    const r = await call('admin', 'POST', '/api/cuti/impor?nama=cuti.csv', csv, {
      'content-type': 'text/csv',
    });
    expect(r.statusCode).toBe(422);
    const issues = r.json<{ issues: { baris: number; kolom: string; kode: string }[] }>().issues;
    expect(issues.map((i) => `${i.baris}:${i.kolom}:${i.kode}`)).toEqual([
      '3:jenis:JENIS_TIDAK_SAH',
      '4:nip:PEGAWAI_TIDAK_ADA',
      '4:sampai:URUTAN_TANGGAL',
    ]);
    expect((await call('admin', 'GET', '/api/cuti')).json<unknown[]>().length).toBe(before);
    const good = await call(
      'admin',
      'POST',
      '/api/cuti/impor?nama=cuti.csv',
      csv.split('\n').slice(0, 2).join('\n'),
      {
        'content-type': 'text/csv',
      },
    );
    expect(good.statusCode, good.body).toBe(200);
    expect(good.json()).toMatchObject({ jumlah: 1 });
  });

  it('exports the recap as CSV, XLSX (a sheet per OPD) and PDF', async () => {
    const csv = await call('admin', 'GET', `/api/jadwal/rekap?dari=${DARI}&sampai=${SAMPAI}&format=csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.body.split('\r\n')[0]).toBe(
      '\uFEFFtanggal,nip,id_pegawai,nama,opd_kode,unit_kode,status,kebijakan_id,aturan_id',
    );
    const x = await call('admin', 'GET', `/api/jadwal/rekap?dari=${DARI}&sampai=${SAMPAI}&format=xlsx`);
    expect(x.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name).sort()).toEqual(['BPBD', 'DINKES', 'SETDA']);
    const pdf = await call('admin', 'GET', `/api/jadwal/rekap?dari=${DARI}&sampai=${SAMPAI}&format=pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // a unit head sees only their unit
    expect(
      (await call('kepala.umum', 'GET', `/api/jadwal/rekap?dari=${DARI}&sampai=${SAMPAI}`)).statusCode,
    ).toBe(403);
    expect(
      (
        await call(
          'kepala.umum',
          'GET',
          `/api/jadwal/rekap?dari=${DARI}&sampai=${SAMPAI}&opd=BAG-UMUM&format=json`,
        )
      ).json<unknown[]>(),
    ).toHaveLength(10);
  });

  it('imports a recap edited by hand as a draft; the check finds every planted violation', async () => {
    const csv = (await call('admin', 'GET', `/api/jadwal/rekap?dari=${DARI}&sampai=${SAMPAI}&format=csv`))
      .body;
    const [head, ...lines] = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    const cols = head!.split(',');
    const at = (l: string, c: string) => l.split(',')[cols.indexOf(c)]!;
    const put = (l: string, status: string) => {
      const v = l.split(',');
      v[cols.indexOf('status')] = status;
      return v.join(',');
    };
    const edited = lines.map((l) => {
      const t = at(l, 'tanggal');
      const nip = at(l, 'nip');
      if (t === '2020-03-30' && nip === NIP.perawat) return put(l, 'WFH'); // health staff sent home
      if (t === '2020-03-30' && (nip === NIP.sekda || nip === NIP.kabag || nip === NIP.staf))
        return put(l, 'WFO'); // SETDA all in
      if (t === '2020-04-02' && nip === NIP.staf) return put(l, 'WFH'); // on approved leave
      if (t === '2020-03-31' && nip === NIP.kalak) return put(l, 'PIKET'); // no piket rule
      return l;
    });
    // and the Saturday after, everyone off but the head of BPBD at the office
    for (const l of lines.filter((x) => at(x, 'tanggal') === '2020-04-03')) {
      const sat = l.replace('2020-04-03', '2020-04-04');
      edited.push(put(sat, at(l, 'nip') === NIP.kalak ? 'WFO' : 'LIBUR'));
    }
    const bad = await call(
      'admin',
      'POST',
      '/api/jadwal/impor?nama=rekap.csv',
      [head, ...edited, `2020-04-01,123,,X,,,MASUK,,`].join('\n'),
      {
        'content-type': 'text/csv',
      },
    );
    expect(bad.statusCode).toBe(422);
    expect(
      bad.json<{ issues: { baris: number; kolom: string }[] }>().issues.map((i) => `${i.baris}:${i.kolom}`),
    ).toEqual([`${edited.length + 2}:status`, `${edited.length + 2}:nip`]);
    const r = await call('admin', 'POST', '/api/jadwal/impor?nama=rekap.csv', [head, ...edited].join('\n'), {
      'content-type': 'text/csv',
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ sel: 48, pegawai: 8, dari: DARI, sampai: '2020-04-04' });
    const t = (await call('admin', 'GET', `/api/jadwal/periksa?dari=${DARI}&sampai=2020-04-04`)).json<
      { tanggal: string; kode: string; orang: string[] }[]
    >();
    const got = t.map((x) => `${x.tanggal}:${x.kode}:${[...x.orang].sort().join('+')}`).sort();
    expect(got).toEqual(
      [
        `2020-03-30:WAJIB_WFO:${NIP.perawat}`,
        `2020-03-30:BATAS_TERLAMPAUI:${[NIP.sekda, NIP.kabag, NIP.staf].sort().join('+')}`,
        `2020-04-02:TIDAK_HADIR_DIJADWALKAN:${NIP.staf}`,
        `2020-03-31:PIKET_TIDAK_BOLEH:${NIP.kalak}`,
        `2020-04-04:BEKERJA_SAAT_LIBUR:${NIP.kalak}`,
      ].sort(),
    );
  });

  it('the Pemda overview counts the office per OPD per day against its cap', async () => {
    const r = await call('admin', 'GET', `/api/jadwal/okupansi?dari=${DARI}&sampai=${SAMPAI}`);
    expect(r.statusCode, r.body).toBe(200);
    const o = r.json<{
      opd: { kode: string; pegawai: number; hari: { kantor: number; batas: number | null }[] }[];
    }>();
    const setda = o.opd.find((x) => x.kode === 'SETDA')!;
    expect(setda.pegawai).toBe(3);
    expect(setda.hari[0]).toMatchObject({ kantor: 3, batas: 1 }); // the imported hand-made recap breaks it
    // BPBD's head is in no cap group (Kudus keeps BPBD at the office): the OPD has no cap
    expect(o.opd.find((x) => x.kode === 'BPBD')!.hari[0]!.batas).toBeNull();
    const dk = await call('admin.dinkes', 'GET', `/api/jadwal/okupansi?dari=${DARI}&sampai=${SAMPAI}`);
    expect(dk.json<{ opd: { kode: string }[] }>().opd.map((x) => x.kode)).toEqual(['DINKES']);
  });

  it('the overview counts every day as the grid shows it (two reads of the schedule in force agree)', async () => {
    const o = (await call('admin', 'GET', `/api/jadwal/okupansi?dari=${DARI}&sampai=${SAMPAI}`)).json<{
      opd: { hari: { kantor: number; rumah: number }[] }[];
    }>();
    const g = (await call('admin', 'GET', `/api/jadwal/grid?dari=${DARI}&sampai=${SAMPAI}`)).json<{
      orang: { sel: ({ s: string } | null)[] }[];
    }>();
    const hari = g.orang[0]!.sel.length;
    expect(hari).toBeGreaterThan(3);
    expect(g.orang.flatMap((x) => x.sel).filter((c) => c !== null).length).toBeGreaterThan(hari);
    for (let i = 0; i < hari; i++) {
      const sel = g.orang.map((x) => x.sel[i]?.s);
      const jumlah = (f: (h: { kantor: number; rumah: number }) => number) =>
        o.opd.reduce((n, x) => n + f(x.hari[i]!), 0);
      expect(
        jumlah((h) => h.kantor),
        `day ${i}`,
      ).toBe(sel.filter((s) => s === 'WFO' || s === 'PIKET').length);
      expect(
        jumlah((h) => h.rumah),
        `day ${i}`,
      ).toBe(sel.filter((s) => s === 'WFH').length);
    }
  });

  it('an employee may ask for the office or home from today on, not for past days', async () => {
    const past = await call('pegawai', 'POST', '/api/jadwal-saya/permintaan', {
      tanggal: '2020-04-01',
      lokasi: 'WFO',
    });
    expect(past.statusCode).toBe(400);
    expect(past.json<{ message: string }>().message).toMatch(/sudah lewat/);
    const r = await call('pegawai', 'POST', '/api/jadwal-saya/permintaan', {
      tanggal: '2099-01-05',
      lokasi: 'WFH',
      alasan: 'menulis laporan',
    });
    expect(r.statusCode, r.body).toBe(200);
    const list = await call(
      'pegawai',
      'GET',
      '/api/jadwal-saya/permintaan?dari=2099-01-01&sampai=2099-01-31',
    );
    expect(list.json()).toEqual([{ tanggal: '2099-01-05', lokasi: 'WFH', alasan: 'menulis laporan' }]);
    await call('pegawai', 'POST', '/api/jadwal-saya/permintaan', { tanggal: '2099-01-05', lokasi: null });
    expect(
      (await call('pegawai', 'GET', '/api/jadwal-saya/permintaan?dari=2099-01-01&sampai=2099-01-31')).json(),
    ).toEqual([]);
  });
});
