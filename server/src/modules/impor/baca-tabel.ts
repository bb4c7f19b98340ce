import { Readable } from 'node:stream';
import { bukaNetral, pesan, type RawRow } from '@sigap/domain';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import { AppError } from '../../errors.ts';
import { type BatasUnggah, batasUnggah, mb } from './batas.ts';

// Reading a CSV/XLSX file into a table, in whichever thread calls it (the worker threads of pekerja/
// call it; the request thread uses readTableDiPekerja in file-reader.ts).

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

/** Reads CSV (UTF-8, comma or semicolon) or XLSX (first sheet) into a table, within the upload limits. */
export async function readTable(data: Buffer, fileName: string, batas = batasUnggah()): Promise<Table> {
  if (data.length > batas.unggahByte) throw terlaluBesar(data.length, batas);
  const isXlsx = /\.xlsx$/i.test(fileName) || (data[0] === 0x50 && data[1] === 0x4b);
  return isXlsx ? readXlsx(data, batas) : readCsv(data, batas);
}

function terlaluBesar(byte: number, batas: BatasUnggah): AppError {
  return new AppError(
    'BERKAS_TERLALU_BESAR',
    pesan(
      `Berkas ${mb(byte)} terlalu besar: paling besar ${mb(batas.unggahByte)} (SIGAP_MAX_UPLOAD_MB); bagi menjadi beberapa berkas`,
      `The ${mb(byte, 'en')} file is too large: at most ${mb(batas.unggahByte, 'en')} (SIGAP_MAX_UPLOAD_MB); split it into several files`,
    ),
  );
}

function terlaluBanyakBaris(batas: BatasUnggah): AppError {
  const n = batas.baris;
  return new AppError(
    'BERKAS_TERLALU_BESAR',
    pesan(
      `Berkas berisi lebih dari ${n.toLocaleString('id-ID')} baris data, batas satu impor (SIGAP_MAX_ROWS); bagi menjadi beberapa berkas`,
      `The file holds more than ${n.toLocaleString('en-US')} data rows, the limit of one import (SIGAP_MAX_ROWS); split it into several files`,
    ),
  );
}

function terlaluMengembang(byte: number, batas: BatasUnggah): AppError {
  return new AppError(
    'BERKAS_TERLALU_BESAR',
    pesan(
      `Berkas XLSX mengembang menjadi ${mb(byte)} saat dibuka, lebih dari batas ${mb(batas.inflasiByte)} (SIGAP_MAX_INFLATED_MB); bagi menjadi beberapa berkas`,
      `The XLSX file inflates to ${mb(byte, 'en')} when opened, more than the ${mb(batas.inflasiByte, 'en')} limit (SIGAP_MAX_INFLATED_MB); split it into several files`,
    ),
  );
}

function readCsv(data: Buffer, batas: BatasUnggah): Table {
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
      // The header, the rows allowed, and one more to tell that there are too many: never more.
      to: batas.baris + 2,
    }) as string[][];
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    throw bad(
      `CSV tidak dapat dibaca${line ? ` di baris ${line}` : ''}: ${(e as Error).message}`,
      `The CSV cannot be read${line ? ` at line ${line}` : ''}: ${(e as Error).message}`,
    );
  }
  return toTable(records, batas);
}

/**
 * Checks an XLSX's zip before reading it: the sizes its entries declare must stay within the inflated
 * limit, and so must what they really inflate to (a zip can lie about its sizes; yauzl stops a stream
 * that inflates past the size declared).
 */
async function periksaZip(data: Buffer, batas: BatasUnggah): Promise<void> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(data, { lazyEntries: true, validateEntrySizes: true });
  } catch {
    throw bad('Berkas XLSX tidak dapat dibuka', 'The XLSX file cannot be opened');
  }
  try {
    if (zip.entryCount > 10_000) throw terlaluMengembang(batas.inflasiByte + 1, batas);
    const entries: yauzl.Entry[] = [];
    let total = 0;
    for await (const e of zip.eachEntry()) {
      total += e.uncompressedSize;
      if (total > batas.inflasiByte) throw terlaluMengembang(total, batas);
      entries.push(e);
    }
    for (const e of entries) {
      if (e.fileName.endsWith('/')) continue;
      const stream = await zip.openReadStreamPromise(e);
      // Drains the entry; yauzl errors out if it inflates to more than it declared.
      for await (const _ of stream) {
        /* counted by yauzl */
      }
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw bad('Berkas XLSX rusak atau tidak dapat dibuka', 'The XLSX file is damaged or cannot be opened');
  } finally {
    zip.close();
  }
}

/** Reads the first worksheet as a stream, row by row, stopping as soon as there are too many rows. */
async function readXlsx(data: Buffer, batas: BatasUnggah): Promise<Table> {
  await periksaZip(data, batas);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([data]), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const records: string[][] = [];
  /** Per record, the 0-based columns whose cell was a long number (see `angkaPanjang`). */
  const panjang = new Map<number, number[]>();
  let found = false;
  try {
    for await (const ws of reader) {
      found = true;
      for await (const row of ws) {
        // Row 1 is the header; more than `baris` data rows after it is one too many.
        if (row.number > batas.baris + 1) throw terlaluBanyakBaris(batas);
        const values: string[] = [];
        row.eachCell({ includeEmpty: true }, (cell, col) => {
          values[col - 1] = cellText(cell.value);
          if (angkaPanjang(cell.value))
            panjang.set(row.number - 1, [...(panjang.get(row.number - 1) ?? []), col - 1]);
        });
        records[row.number - 1] = Array.from(values, (v) => v ?? '');
      }
      break; // the first sheet only
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw bad('Berkas XLSX tidak dapat dibuka', 'The XLSX file cannot be opened');
  }
  if (!found) throw bad('Berkas XLSX tidak punya lembar kerja', 'The XLSX file has no worksheet');
  return toTable(
    Array.from(records, (r) => r ?? []),
    batas,
    panjang,
  );
}

/**
 * An integer of 16 or more digits in a number cell: Excel keeps 15 significant digits, so an 18-digit
 * NIP or a 16-digit NIK typed into such a cell has already lost its last digits. The importers say
 * so for that row and column (RawRow.angkaPanjang) instead of validating a damaged value.
 */
function angkaPanjang(v: ExcelJS.CellValue): boolean {
  const n = v !== null && typeof v === 'object' && 'result' in v ? v.result : v;
  return typeof n === 'number' && Number.isInteger(n) && Math.abs(n) >= 1e15;
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  // Integers as digits (never 1.97e+17), decimals (coordinates) as JavaScript writes them.
  if (typeof v === 'number')
    return Number.isInteger(v) ? v.toLocaleString('en-US', { useGrouping: false }) : String(v);
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

function toTable(
  records: string[][],
  batas: BatasUnggah,
  panjang?: ReadonlyMap<number, readonly number[]>,
): Table {
  if (records.length > batas.baris + 1) throw terlaluBanyakBaris(batas);
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
    const angka = (panjang?.get(i) ?? []).map((j) => headers[j]).filter((h): h is string => !!h);
    rows.push({ baris: i + 1, values, ...(angka.length > 0 ? { angkaPanjang: angka } : {}) });
  }
  return { headers, rows };
}
