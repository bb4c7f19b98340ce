import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/cli.ts';
import { folderPglite } from '../../../test/db.ts';
import { NIP, seedSmallPemda } from '../../../test/fixtures.ts';
import { openDatabase, withTenant } from '../../db/database.ts';
import { SYSTEM_ACTOR } from '../../modules/audit/audit.repository.ts';
import { imporLogBerkas } from '../../modules/kehadiran/kehadiran.service.ts';
import { daftarkanPerangkat } from '../../modules/kehadiran/perangkat.service.ts';

// `sigap attendance status` and `sigap attendance export` as CONTRACTS.md fixes them, run as the real
// `node bin/sigap.mjs` on a PGlite folder. The small Pemda works Mon–Fri 07:30–16:00 here; no schedule is
// published, so a working day is judged as WFO and the reasons say so.

let base: string;
let db: string;
const JAM = { mulai: '07:30', selesai: '16:00' };

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'sigap-status-cli-'));
  db = join(base, 'data');
  await folderPglite(db);
  const sdb = await openDatabase(db);
  try {
    const t = await seedSmallPemda(sdb, 'kota-status', '2024-01-01');
    await withTenant(sdb, t, async (trx) => {
      const jk = JSON.stringify({ '1': JAM, '2': JAM, '3': JAM, '4': JAM, '5': JAM });
      await sql`UPDATE tenant SET jam_kerja = ${jk}::jsonb WHERE id = ${t}`.execute(trx);
      await daftarkanPerangkat(trx, t, SYSTEM_ACTOR, null, { kode: 'M1', nama: 'M1', opdKode: 'DINKES' });
    });
    const log = `nip,id_pegawai,waktu,perangkat,jenis\n${NIP.perawat},,2025-08-04 07:47:00,M1,masuk\n${NIP.perawat},,2025-08-04 16:00:00,M1,pulang\n`;
    await imporLogBerkas(sdb, t, Buffer.from(log), {
      actor: SYSTEM_ACTOR,
      namaBerkas: 'l.csv',
      perangkat: null,
    });
  } finally {
    await sdb.close();
  }
}, 60_000);
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('sigap attendance status / export', () => {
  it('prints the day as CSV with the contract columns, and as JSON', async () => {
    const r = await runCli([
      '--db',
      db,
      'attendance',
      'status',
      '--date',
      '2025-08-04',
      '--opd',
      'PKM-BATU',
      '--format',
      'csv',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'tanggal,nip,id_pegawai,nama,opd_kode,unit_kode,jadwal,status,masuk,pulang,terlambat_menit,pulang_cepat_menit,alasan',
    );
    expect(lines).toContain(
      `2025-08-04,${NIP.perawat},,Sari Perawat,DINKES,PKM-BATU,,HADIR,07:47,16:00,17,0,"belum ada jadwal terbit: dinilai sebagai hari kerja di kantor; terlambat 17 menit"`,
    );
    expect(lines).toHaveLength(3); // Sari and Rina (PKM-BATU)
    const j = await runCli([
      '--db',
      db,
      'attendance',
      'status',
      '--date',
      '2025-08-04',
      '--opd',
      'PKM-BATU',
      '--format',
      'json',
    ]);
    expect(j.code, j.stderr).toBe(0);
    const rows = JSON.parse(j.stdout) as Record<string, unknown>[];
    expect(rows.find((x) => x.nama === 'Rina PPPK')).toMatchObject({
      status: 'TIDAK_HADIR',
      jadwal: null,
      masuk: null,
      terlambat_menit: 0,
    });
  }, 60_000);

  it('writes the XLSX recap to a file; refuses xlsx without --out and a period over 62 days', async () => {
    const out = join(base, 'rekap.xlsx');
    const r = await runCli([
      '--db',
      db,
      'attendance',
      'export',
      '--from',
      '2025-08-04',
      '--to',
      '2025-08-08',
      '--format',
      'xlsx',
      '--out',
      out,
    ]);
    expect(r.code, r.stderr).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['BPBD', 'DINKES', 'SETDA', 'Keterangan']);
    const tanpaOut = await runCli([
      '--db',
      db,
      'attendance',
      'export',
      '--from',
      '2025-08-04',
      '--to',
      '2025-08-08',
      '--format',
      'xlsx',
    ]);
    expect(tanpaOut.code).toBe(1);
    expect(tanpaOut.stderr).toContain('--out');
    const panjang = await runCli([
      '--db',
      db,
      'attendance',
      'export',
      '--from',
      '2025-01-01',
      '--to',
      '2025-03-05',
    ]);
    expect(panjang.code).toBe(1);
    expect(panjang.stderr).toContain('62');
  }, 60_000);
});
