import { validasiBarisCuti, validatePegawaiRows } from '@sigap/domain';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readTable } from './baca-tabel.ts';

// The most common spreadsheet mistake: NIPs typed into number cells. Excel keeps 15 significant
// digits, so an 18-digit NIP has lost its last digits before the file reaches us.

const NIP = '199001012015031001';
const NIP_ATASAN = '198001012005011002';

async function xlsx(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('pegawai');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const HEADER = ['nip', 'nama', 'jenis_pegawai', 'jabatan_level', 'jabatan', 'opd_kode', 'atasan_nip'];

describe('an XLSX with NIPs stored as numbers', () => {
  it('reports each damaged cell once, in a clean sentence naming row and column', async () => {
    const buf = await xlsx([
      HEADER,
      [NIP_ATASAN, 'Atasan Teks', 'pns', 'pengawas', 'Kepala', 'DINKES', ''],
      [Number(NIP), 'Budi Angka', 'pns', 'pelaksana', 'Staf', 'DINKES', Number(NIP_ATASAN)],
      [NIP, 'Citra Teks', 'pns', 'pelaksana', 'Staf', 'DINKES', NIP_ATASAN],
    ]);
    const t = await readTable(buf, 'pegawai.xlsx');
    expect(t.rows.map((r) => r.angkaPanjang ?? [])).toEqual([[], ['nip', 'atasan_nip'], []]);
    const r = validatePegawaiRows(t.rows, new Set(['DINKES']), new Map(), '2026-01-01');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => [i.baris, i.kolom, i.kode])).toEqual([
      [3, 'atasan_nip', 'ANGKA_EXCEL'],
      [3, 'nip', 'ANGKA_EXCEL'],
    ]);
    const nip = r.issues.find((i) => i.kolom === 'nip')!;
    expect(nip.pesan.id).toBe(
      'NIP tersimpan sebagai angka di Excel sehingga digit terakhirnya hilang atau berubah; format kolom sebagai Teks lalu ketik ulang nilainya',
    );
    expect(nip.pesan.en).toContain('NIP is stored as a number in Excel');
    // No garbled value, no second message about the damaged digits.
    for (const i of r.issues) expect(i.pesan.id).not.toMatch(/e\+|angkaExcel|\(/);
  });

  it('keeps short numbers and decimals as written (a 15-digit number, coordinates, a radius)', async () => {
    const buf = await xlsx([
      ['kode', 'lat', 'lng', 'radius_m', 'id'],
      ['DINKES', -7.8712, 112.5261, 150, 123456789012345],
    ]);
    const t = await readTable(buf, 'opd.xlsx');
    expect(t.rows[0]!.values).toMatchObject({
      lat: '-7.8712',
      lng: '112.5261',
      radius_m: '150',
      id: '123456789012345',
    });
    expect(t.rows[0]!.angkaPanjang).toBeUndefined();
  });

  it('in a leave file the damaged NIP is reported instead of "not registered"', async () => {
    const buf = await xlsx([
      ['nip', 'jenis', 'dari', 'sampai', 'keterangan'],
      [Number(NIP), 'cuti_tahunan', '2026-02-02', '2026-02-03', ''],
    ]);
    const t = await readTable(buf, 'cuti.xlsx');
    const r = validasiBarisCuti(t.headers, t.rows, () => 'tidak_ada', []);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => [i.baris, i.kolom, i.kode])).toEqual([[2, 'nip', 'ANGKA_EXCEL']]);
  });
});
