import { netralkanSel, OPD_COLUMNS, PEGAWAI_COLUMNS } from '@sigap/domain';
import ExcelJS from 'exceljs';
import type { Trx } from '../../db/database.ts';
import { listOpd, listPegawaiForExport, type ResolvedScope } from '../org/org.repository.ts';

export type Row = Record<string, string>;
export const PEGAWAI_EXPORT_COLUMNS = [...PEGAWAI_COLUMNS, 'id_pegawai'] as const;

const num = (n: number | null) => (n === null ? '' : String(n));

/** The OPD registry in the import format, parents before children (so it imports again as is). */
export async function exportOpdRows(trx: Trx, asOf: string): Promise<Row[]> {
  const rows = await listOpd(trx, asOf);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const children = new Map<string | null, typeof rows>();
  for (const r of rows) {
    const k = r.induk_id && byId.has(r.induk_id) ? r.induk_id : null;
    children.set(k, [...(children.get(k) ?? []), r]);
  }
  const out: Row[] = [];
  const walk = (parent: string | null) => {
    for (const r of children.get(parent) ?? []) {
      out.push({
        kode: r.kode,
        nama: r.nama,
        jenis: r.jenis,
        induk_kode: r.induk_id ? (byId.get(r.induk_id)?.kode ?? '') : '',
        kelas_layanan: r.kelas_layanan ?? '',
        sektor: r.sektor.join('|'),
        lat: num(r.lat),
        lng: num(r.lng),
        radius_m: num(r.radius_m),
      });
      walk(r.id);
    }
  };
  walk(null);
  return out;
}

/** Whose current personal data an export may carry (see `pribadiKini`); absent: everyone's. */
export interface PribadiBoleh {
  kontak(pegawaiId: string): boolean;
  rumah(pegawaiId: string): boolean;
}

/**
 * Employees in the import format, within the caller's scope on `asOf`. E-mail, phone and home location
 * are today's personal data: written only where `pribadi` allows, else left empty.
 */
export async function exportPegawaiRows(
  trx: Trx,
  asOf: string,
  scope: ResolvedScope,
  pribadi?: PribadiBoleh,
): Promise<Row[]> {
  const rows = await listPegawaiForExport(trx, asOf, scope);
  return rows.map((r) => {
    const kontak = pribadi?.kontak(r.id) ?? true;
    const rumah = pribadi?.rumah(r.id) ?? true;
    return {
      nip: r.nip ?? '',
      nama: r.nama,
      jenis_pegawai: r.jenis_pegawai,
      jabatan_level: r.jabatan_level,
      jabatan: r.jabatan,
      opd_kode: r.opd_kode,
      atasan_nip: r.atasan_nip ?? r.atasan_id_pegawai ?? '',
      email: kontak ? (r.email ?? '') : '',
      telepon: kontak ? (r.telepon ?? '') : '',
      rumah_lat: rumah ? num(r.rumah_lat) : '',
      rumah_lng: rumah ? num(r.rumah_lng) : '',
      id_pegawai: r.id_pegawai ?? '',
    };
  });
}

function csvCell(v: string): string {
  return /[",;\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

/**
 * CSV text (UTF-8 with BOM so Excel opens it right), one header row. Cells that a spreadsheet would
 * run as a formula are neutralised (`netralkanSel`); the importer undoes exactly that.
 */
export function toCsv(columns: readonly string[], rows: readonly Row[]): string {
  const lines = [columns.join(',')];
  for (const r of rows) lines.push(columns.map((c) => csvCell(netralkanSel(r[c] ?? ''))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** An XLSX workbook with one sheet; every cell is text so NIPs keep all 18 digits. */
export async function toXlsx(
  sheet: string,
  columns: readonly string[],
  rows: readonly Row[],
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Sigap';
  const ws = wb.addWorksheet(sheet);
  ws.columns = columns.map((c) => ({
    header: c,
    key: c,
    width: Math.max(12, c.length + 2),
    style: { numFmt: '@' },
  }));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  for (const r of rows) ws.addRow(columns.map((c) => netralkanSel(r[c] ?? '')));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Example rows for the downloadable templates. */
export const TEMPLATE_ROWS: Record<'opd' | 'pegawai', { columns: readonly string[]; rows: Row[] }> = {
  opd: {
    columns: OPD_COLUMNS,
    rows: [
      {
        kode: 'DINKES',
        nama: 'Dinas Kesehatan',
        jenis: 'dinas',
        induk_kode: '',
        kelas_layanan: 'pelayanan',
        sektor: 'kesehatan',
        lat: '-7.8712',
        lng: '112.5268',
        radius_m: '150',
      },
      {
        kode: 'PKM-BATU',
        nama: 'UPT Puskesmas Batu',
        jenis: 'puskesmas',
        induk_kode: 'DINKES',
        kelas_layanan: '',
        sektor: '',
        lat: '-7.8801',
        lng: '112.5222',
        radius_m: '100',
      },
      {
        kode: 'DINKES-SEKRE',
        nama: 'Sekretariat Dinas Kesehatan',
        jenis: 'lainnya',
        induk_kode: 'DINKES',
        kelas_layanan: 'non_pelayanan',
        sektor: '',
        lat: '',
        lng: '',
        radius_m: '',
      },
    ],
  },
  pegawai: {
    columns: PEGAWAI_EXPORT_COLUMNS,
    rows: [
      {
        nip: '197501012000031001',
        nama: 'dr. Budi Santoso, M.Kes.',
        jenis_pegawai: 'pns',
        jabatan_level: 'jpt',
        jabatan: 'Kepala Dinas Kesehatan',
        opd_kode: 'DINKES',
        atasan_nip: '',
        email: 'budi.santoso@pemda.go.id',
        telepon: '081234567890',
        rumah_lat: '-7.8655',
        rumah_lng: '112.5301',
        id_pegawai: '',
      },
      {
        nip: '199203152022212001',
        nama: 'Siti Rahmawati, A.Md.Kep.',
        jenis_pegawai: 'pppk',
        jabatan_level: 'fungsional',
        jabatan: 'Perawat Terampil',
        opd_kode: 'PKM-BATU',
        atasan_nip: '197501012000031001',
        email: '',
        telepon: '',
        rumah_lat: '',
        rumah_lng: '',
        id_pegawai: '',
      },
      {
        nip: '',
        nama: 'Agus Prasetyo',
        jenis_pegawai: 'non_asn',
        jabatan_level: 'pelaksana',
        jabatan: 'Pengemudi',
        opd_kode: 'DINKES',
        atasan_nip: '197501012000031001',
        email: '',
        telepon: '',
        rumah_lat: '',
        rumah_lng: '',
        id_pegawai: 'THL-0001',
      },
    ],
  },
};
