import { bukaNetral, pesan, type RawRow } from '@sigap/domain';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { AppError } from '../../http/errors.ts';

/** A table read from a CSV or XLSX file: canonical headers and data rows numbered as in the file. */
export interface Table {
  readonly headers: string[];
  readonly rows: RawRow[];
}

/** Header text to canonical column name: trimmed, lower case, spaces to underscores. */
export function canonicalHeader(h: string): string {
  return h
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, '_');
}

function bad(id: string, en: string): AppError {
  return new AppError('BERKAS_TIDAK_SAH', pesan(id, en));
}

/** The body of an upload request (the file itself, CSV or XLSX); refused in words when there is none. */
export function berkasDariIsi(body: unknown): Buffer {
  if (!Buffer.isBuffer(body) || body.length === 0) {
    throw bad(
      'Kirim berkas CSV atau XLSX sebagai isi permintaan',
      'Send a CSV or XLSX file as the request body',
    );
  }
  return body;
}

/** Reads CSV (UTF-8, comma or semicolon) or XLSX (first sheet) into a table. */
export async function readTable(data: Buffer, fileName: string): Promise<Table> {
  const isXlsx = /\.xlsx$/i.test(fileName) || (data[0] === 0x50 && data[1] === 0x4b);
  return isXlsx ? readXlsx(data) : readCsv(data);
}

function readCsv(data: Buffer): Table {
  const text = data.toString('utf8').replace(/^\uFEFF/, '');
  if (text.includes('\uFFFD')) {
    throw bad(
      'Berkas CSV bukan UTF-8; simpan ulang sebagai "CSV UTF-8"',
      'The CSV file is not UTF-8; save it again as "CSV UTF-8"',
    );
  }
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let records: string[][];
  try {
    records = parse(text, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: false,
      trim: true,
      bom: true,
    }) as string[][];
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    throw bad(
      `CSV tidak dapat dibaca${line ? ` di baris ${line}` : ''}: ${(e as Error).message}`,
      `The CSV cannot be read${line ? ` at line ${line}` : ''}: ${(e as Error).message}`,
    );
  }
  return toTable(records);
}

async function readXlsx(data: Buffer): Promise<Table> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw bad('Berkas XLSX tidak dapat dibuka', 'The XLSX file cannot be opened');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw bad('Berkas XLSX tidak punya lembar kerja', 'The XLSX file has no worksheet');
  const records: string[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const values: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      values[col - 1] = cellText(cell.value);
    });
    records[rowNumber - 1] = Array.from(values, (v) => v ?? '');
  });
  return toTable(Array.from(records, (r) => r ?? []));
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') {
    // An 18-digit NIP typed into a number cell has already lost its last digits: say so, never guess.
    return Number.isSafeInteger(v)
      ? String(v)
      : `${v} (angka Excel: format sel sebagai Teks / format the cell as Text)`;
  }
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('text' in v && typeof v.text === 'string') return v.text.trim();
    if ('richText' in v)
      return v.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
  }
  return String(v).trim();
}

function toTable(records: string[][]): Table {
  const header = records[0];
  if (!header || header.every((h) => h.trim() === '')) {
    throw bad(
      'Berkas kosong: baris pertama harus berisi judul kolom',
      'The file is empty: the first row must hold the column headers',
    );
  }
  const headers = header.map(canonicalHeader);
  while (headers.length > 0 && headers[headers.length - 1] === '') headers.pop();
  const rows: RawRow[] = [];
  for (let i = 1; i < records.length; i++) {
    const rec = records[i] ?? [];
    if (rec.every((c) => (c ?? '').trim() === '')) continue;
    const values: Record<string, string> = {};
    headers.forEach((h, j) => {
      // An export neutralised cells a spreadsheet would run as formulas: restore them exactly.
      values[h] = bukaNetral((rec[j] ?? '').trim());
    });
    rows.push({ baris: i + 1, values });
  }
  return { headers, rows };
}
