import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/db.ts';
import { NIP, seedSmallPemda } from '../../../test/fixtures.ts';
import type { Caller } from '../../caller.ts';
import { withTenant } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { diPekerja, sebagaiBuffer } from '../../pekerja/pekerja.ts';
import { SYSTEM_ACTOR } from '../audit/audit.repository.ts';
import { toCsv } from '../impor/ekspor.service.ts';
import { insertJadwal, insertSel } from '../jadwal/jadwal.repository.ts';
import { lihatAturanKehadiran, ubahAturanKehadiran } from './aturan.service.ts';
import { catatKejadian, imporLogBerkas } from './kehadiran.service.ts';
import { daftarkanPerangkat } from './perangkat.service.ts';
import { rekapKehadiranXlsx, TATA_LETAK_KEHADIRAN } from './rekap-xlsx.ts';
import { barisCsv, KOLOM_STATUS, statusPeriode } from './status.service.ts';

// Each person's day from a published schedule, terminal punches, a holiday and the Pemda's hours, on
// PGlite and (SIGAP_TEST_PG_URL) PostgreSQL. Every expectation below is written out from the inputs here:
// hours Mon–Fri 07:30–16:00 (WIB), no grace (ATURAN_JAM_BAKU), the punches of LOG, the schedule of JADWAL.

let sdb: Awaited<ReturnType<typeof freshDatabase>>;
let tenantId: string;
const run = <T>(fn: Parameters<typeof withTenant<T>>[2]) => withTenant(sdb, tenantId, fn);

const JAM = { mulai: '07:30', selesai: '16:00' };
const JAM_KERJA = { '1': JAM, '2': JAM, '3': JAM, '4': JAM, '5': JAM };
/** 2025-08-04 is a Monday; 2025-08-06 (Wednesday) is made a local holiday below. */
const SENIN = '2025-08-04';
const LIBUR = '2025-08-06';
/** After every day of the period is over (the check-out window closes at 20:00 WIB). */
const SEKARANG = new Date('2025-08-10T00:00:00Z');

const JADWAL: [string, string][] = [
  [NIP.kadinkes, 'WFO'], // no punches → TIDAK_HADIR
  [NIP.perawat, 'WFO'], // 07:47 in, 16:05 out → HADIR, 17 minutes late
  [NIP.pppk, 'WFH'], // → WFH_BELUM_DINILAI, her office punch not counted
  [NIP.staf, 'WFO'], // 07:20 in, 15:30 out → HADIR, left 30 minutes early
  [NIP.kabag, 'WFO'],
  [NIP.sekda, 'WFO'],
  [NIP.kalak, 'WFO'],
  // Joko THL (THL-001) has no published schedule
];

const LOG = [
  'nip,id_pegawai,waktu,perangkat,jenis',
  `${NIP.perawat},,2025-08-04 07:47:30,MESIN-DINKES,masuk`,
  `${NIP.perawat},,2025-08-04 16:05:00,MESIN-DINKES,pulang`,
  `${NIP.pppk},,2025-08-04 07:10:00,MESIN-DINKES,masuk`,
  `${NIP.staf},,2025-08-04 07:20:00,MESIN-DINKES,masuk`,
  `${NIP.staf},,2025-08-04 15:30:00,MESIN-DINKES,pulang`,
  `${NIP.perawat},,2025-08-06 07:40:00,MESIN-DINKES,masuk`,
].join('\n');

const caller = (grants: Caller['grants'], pegawaiId: string | null = null): Caller => ({
  userId: '00000000-0000-4000-8000-000000000009',
  username: 'uji',
  nama: 'Uji',
  tenantId,
  pegawaiId,
  grants,
  csrfToken: 'x',
});
const idOpd = (kode: string) =>
  run(
    async (trx) =>
      (await trx.selectFrom('opd').select('id').where('kode', '=', kode).executeTakeFirstOrThrow()).id,
  );
const idPegawai = (nip: string) =>
  run(
    async (trx) =>
      (await trx.selectFrom('pegawai').select('id').where('nip', '=', nip).executeTakeFirstOrThrow()).id,
  );

beforeAll(async () => {
  sdb = await freshDatabase();
  tenantId = await seedSmallPemda(sdb, 'kota-status', '2024-01-01');
  await run(async (trx) => {
    await sql`UPDATE tenant SET jam_kerja = ${JSON.stringify(JAM_KERJA)}::jsonb WHERE id = ${tenantId}`.execute(
      trx,
    );
    await sql`INSERT INTO hari_libur (tenant_id, tanggal, jenis, nama, dasar) VALUES (${tenantId}, ${LIBUR}, 'libur_daerah', 'Hari Jadi Kota', 'uji')`.execute(
      trx,
    );
    await daftarkanPerangkat(trx, tenantId, SYSTEM_ACTOR, null, {
      kode: 'MESIN-DINKES',
      nama: 'Lobi Dinkes',
      opdKode: 'DINKES',
    });
    const ids = new Map(
      (await trx.selectFrom('pegawai').select(['id', 'nip']).execute()).map((p) => [p.nip, p.id] as const),
    );
    const j = await insertJadwal(trx, tenantId, {
      dari: SENIN,
      sampai: LIBUR,
      cakupanOpd: null,
      pelanggaran: [],
      oleh: 'uji',
      status: 'terbit',
    });
    await insertSel(
      trx,
      tenantId,
      j.id,
      JADWAL.flatMap(([nip, status]) =>
        [SENIN, '2025-08-05', LIBUR].map((tanggal) => ({
          pegawai_id: ids.get(nip)!,
          tanggal,
          status,
          kebijakan_id: null,
          kebijakan_versi: null,
          aturan_id: null,
          alasan: '',
        })),
      ),
    );
  });
  await run(async (trx) => {
    // A newer DRAFT puts the Kalak at home: a draft never counts, the published WFO stands.
    const d = await insertJadwal(trx, tenantId, {
      dari: SENIN,
      sampai: SENIN,
      cakupanOpd: null,
      pelanggaran: [],
      oleh: 'uji',
    });
    const kalak = (
      await trx.selectFrom('pegawai').select('id').where('nip', '=', NIP.kalak).executeTakeFirstOrThrow()
    ).id;
    await insertSel(trx, tenantId, d.id, [
      {
        pegawai_id: kalak,
        tanggal: SENIN,
        status: 'WFH',
        kebijakan_id: null,
        kebijakan_versi: null,
        aturan_id: null,
        alasan: '',
      },
    ]);
    // A refused face check-in of dr. Kadinkes: not a punch, he stays absent.
    const kadinkes = (
      await trx.selectFrom('pegawai').select('id').where('nip', '=', NIP.kadinkes).executeTakeFirstOrThrow()
    ).id;
    await catatKejadian(trx, tenantId, {
      pegawai_id: kadinkes,
      opd_id: null,
      waktu: new Date('2025-08-04T00:25:00Z'),
      waktu_perangkat: null,
      jenis: 'masuk',
      sumber: 'wajah',
      perangkat_id: null,
      lat: null,
      lng: null,
      akurasi_m: null,
      hasil: 'ditolak',
      alasan: ['wajah_tidak_cocok'],
      skor: 0.3,
      id_klien: null,
      hash_isi: null,
    });
  });
  const r = await imporLogBerkas(sdb, tenantId, Buffer.from(LOG), {
    actor: SYSTEM_ACTOR,
    namaBerkas: 'log.csv',
    perangkat: null,
  });
  expect(r.jumlah.diimpor).toBe(6);
}, 60_000);
afterAll(async () => {
  await sdb?.cleanup();
});

const hari = (tanggal: string, c: Caller | null = null, opd?: string) =>
  run((trx) => statusPeriode(trx, tenantId, c, tanggal, tanggal, opd, SEKARANG));

describe("each person's day", () => {
  it('judges each person from the published schedule, the punches, the hours and the holiday', async () => {
    const h = await hari(SENIN);
    const per = new Map(h.baris.map((r) => [r.nama, r]));
    expect(h.baris).toHaveLength(8);
    expect(per.get('Sari Perawat')).toMatchObject({
      jadwal: 'WFO',
      status: 'HADIR',
      masuk: '07:47',
      pulang: '16:05',
      terlambatMenit: 17,
      pulangCepatMenit: 0,
      opdKode: 'DINKES',
      unitKode: 'PKM-BATU',
    });
    expect(per.get('Budi Staf')).toMatchObject({
      status: 'HADIR',
      masuk: '07:20',
      pulang: '15:30',
      terlambatMenit: 0,
      pulangCepatMenit: 30,
    });
    expect(per.get('dr. Kadinkes')).toMatchObject({ jadwal: 'WFO', status: 'TIDAK_HADIR', masuk: null });
    expect(per.get('Kalak BPBD')).toMatchObject({ jadwal: 'WFO', status: 'TIDAK_HADIR' });
    expect(per.get('Rina PPPK')).toMatchObject({ jadwal: 'WFH', status: 'WFH_BELUM_DINILAI', masuk: null });
    expect(per.get('Joko THL')).toMatchObject({ jadwal: null, status: 'TIDAK_HADIR', idPegawai: 'THL-001' });
    expect(per.get('Joko THL')!.alasan.map((a) => a.kode)).toContain('tanpa_jadwal');

    const libur = await hari(LIBUR);
    expect(new Set(libur.baris.map((r) => r.status))).toEqual(new Set(['LIBUR']));
    const perawat = libur.baris.find((r) => r.nama === 'Sari Perawat')!;
    expect(perawat.alasan.map((a) => a.pesan.id)).toEqual(['hari libur: Hari Jadi Kota']);
  });

  it("applies the Pemda's own grace: 20 minutes forgive a 17-minute delay, 30 a 30-minute early departure", async () => {
    const baku = await run((trx) => lihatAturanKehadiran(trx, tenantId));
    const ubah = (a: typeof baku) => run((trx) => ubahAturanKehadiran(trx, tenantId, SYSTEM_ACTOR, a));
    await ubah({ ...baku, toleransi_masuk_menit: 20, toleransi_pulang_menit: 30 });
    try {
      const per = new Map((await hari(SENIN)).baris.map((r) => [r.nama, r]));
      expect(per.get('Sari Perawat')).toMatchObject({ status: 'HADIR', masuk: '07:47', terlambatMenit: 0 });
      expect(per.get('Budi Staf')).toMatchObject({ pulang: '15:30', pulangCepatMenit: 0 });
    } finally {
      await ubah(baku);
    }
    const lagi = new Map((await hari(SENIN)).baris.map((r) => [r.nama, r]));
    expect(lagi.get('Sari Perawat')!.terlambatMenit).toBe(17);
  });

  it('a day not over yet is BELUM_SELESAI with the lateness so far', async () => {
    const h = await run((trx) =>
      statusPeriode(trx, tenantId, null, SENIN, SENIN, 'PKM-BATU', new Date('2025-08-04T03:00:00Z')),
    );
    expect(h.baris.find((r) => r.nama === 'Sari Perawat')).toMatchObject({
      status: 'BELUM_SELESAI',
      terlambatMenit: 17,
    });
  });

  it('writes the CSV with the contract columns', async () => {
    const h = await hari(SENIN, null, 'PKM-BATU');
    const csv = toCsv(KOLOM_STATUS, h.baris.map(barisCsv))
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    expect(csv[0]).toBe(
      'tanggal,nip,id_pegawai,nama,opd_kode,unit_kode,jadwal,status,masuk,pulang,terlambat_menit,pulang_cepat_menit,alasan',
    );
    expect(csv).toContain(
      `2025-08-04,${NIP.perawat},,Sari Perawat,DINKES,PKM-BATU,WFO,HADIR,07:47,16:05,17,0,terlambat 17 menit`,
    );
    expect(csv).toContain(
      `2025-08-04,${NIP.pppk},,Rina PPPK,DINKES,PKM-BATU,WFH,WFH_BELUM_DINILAI,,,0,0,"WFH, belum dinilai; 1 absen kantor pada hari WFH, tidak dihitung"`,
    );
  });

  it('writes the XLSX recap: a sheet per OPD, a code per day, totals, and a legend', async () => {
    const h = await run((trx) => statusPeriode(trx, tenantId, null, SENIN, LIBUR, undefined, SEKARANG));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await rekapKehadiranXlsx(h, '2025-08-10T01:00:00Z')) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['BPBD', 'DINKES', 'SETDA', 'Keterangan']);
    const ws = wb.getWorksheet('DINKES')!;
    expect(String(ws.getCell(2, 1).value)).toBe('PEMERINTAH KOTA-STATUS');
    expect(String(ws.getCell(3, 1).value)).toBe('DINAS KESEHATAN');
    const { barisData, kolomHari } = TATA_LETAK_KEHADIRAN;
    const rows = new Map<string, number>();
    for (let r = barisData; r < barisData + 4; r++) rows.set(String(ws.getCell(r, 3).value), r);
    expect(new Set(rows.keys())).toEqual(new Set(['dr. Kadinkes', 'Joko THL', 'Rina PPPK', 'Sari Perawat']));
    const perawat = rows.get('Sari Perawat')!;
    // 4, 5 (no punches: absent) and 6 August (holiday)
    expect([0, 1, 2].map((i) => ws.getCell(perawat, kolomHari + i).value)).toEqual(['H', 'A', 'L']);
    expect(ws.getCell(rows.get('Rina PPPK')!, kolomHari).value).toBe('WB');
    // totals per person: H then A … (legend order), then minutes late
    expect(ws.getCell(perawat, kolomHari + 3).value).toBe(1);
    expect(ws.getCell(perawat, kolomHari + 4).value).toBe(1);
    expect(ws.getCell(perawat, kolomHari + 3 + 11).value).toBe(17);
    // totals per day: the first row under the people counts H
    expect(ws.getCell(barisData + 4, kolomHari).value).toBe(1);
    expect(String(ws.getCell(barisData + 4, 1).value)).toBe('H — Hadir');
    const leg = wb.getWorksheet('Keterangan')!;
    expect([1, 2, 3, 4].map((k) => leg.getCell(4, k).value)).toEqual(['H', 'HADIR', 'Hadir', 'Present']);
  });

  it("renders the same workbook in a worker thread (the route's way)", async () => {
    const h = await run((trx) => statusPeriode(trx, tenantId, null, SENIN, SENIN, 'PKM-BATU', SEKARANG));
    const buf = sebagaiBuffer(
      await diPekerja('rekapKehadiranXlsx', { h, dibuatPada: '2025-08-10T01:00:00Z' }),
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['DINKES', 'Keterangan']);
  });

  it('refuses a period longer than 62 days, in words', async () => {
    const e = await run((trx) => statusPeriode(trx, tenantId, null, '2025-01-01', '2025-03-05')).catch(
      (x) => x,
    );
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('VALIDASI');
  });
});

describe('who sees whose day', () => {
  it("an OPD admin sees only their OPD's people and is refused another OPD", async () => {
    const admin = caller([{ role: 'opd_admin', opdId: await idOpd('DINKES') }]);
    const h = await hari(SENIN, admin);
    expect(h.baris.map((r) => r.nama).sort()).toEqual(
      ['Joko THL', 'Rina PPPK', 'Sari Perawat', 'dr. Kadinkes'].sort(),
    );
    const e = await hari(SENIN, admin, 'BPBD').catch((x) => x);
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('DILARANG');
  });

  it('an employee sees only themselves; a unit head their unit; a Pemda admin nobody', async () => {
    const staf = await idPegawai(NIP.staf);
    const h = await hari(SENIN, caller([{ role: 'employee', opdId: null }], staf));
    expect(h.baris.map((r) => r.nama)).toEqual(['Budi Staf']);
    const kabag = await idPegawai(NIP.kabag);
    const kepala = await hari(SENIN, caller([{ role: 'unit_head', opdId: await idOpd('BAG-UMUM') }], kabag));
    expect(kepala.baris.map((r) => r.nama).sort()).toEqual(['Budi Staf', 'Dewi Kabag']);
    const pemda = await hari(SENIN, caller([{ role: 'pemda_admin', opdId: null }]));
    expect(pemda.baris).toEqual([]);
  });

  it("a supervisor with only the employee role sees their direct reports' days", async () => {
    const kadinkes = await idPegawai(NIP.kadinkes);
    const h = await hari(SENIN, caller([{ role: 'employee', opdId: null }], kadinkes));
    // Sari, Rina and Joko report to dr. Kadinkes (fixtures: atasan_nip)
    expect(h.baris.map((r) => r.nama).sort()).toEqual(
      ['Joko THL', 'Rina PPPK', 'Sari Perawat', 'dr. Kadinkes'].sort(),
    );
  });
});
