import {
  checkHeader,
  type ImportIssue,
  OPD_COLUMNS,
  OPD_REQUIRED_COLUMNS,
  PEGAWAI_COLUMNS,
  PEGAWAI_OPTIONAL_COLUMNS,
  PEGAWAI_REQUIRED_COLUMNS,
  pesan,
  type RawRow,
  salahJenisBerkas,
} from '@sigap/domain';

type Row = Record<string, string>;

/**
 * The header row of an OPD or employee file: one sentence when it is the other kind of file, else
 * the required columns (docs/import.md) present, nothing unknown, nothing twice.
 */
export function periksaKolom(headers: readonly string[], jenis: 'opd' | 'pegawai'): ImportIssue[] {
  const salah = salahJenisBerkas(headers, jenis);
  if (salah) return [salah];
  if (jenis === 'opd') {
    return checkHeader(
      headers,
      OPD_REQUIRED_COLUMNS,
      OPD_COLUMNS.filter((c) => !(OPD_REQUIRED_COLUMNS as readonly string[]).includes(c)),
    );
  }
  const issues = checkHeader(headers, PEGAWAI_REQUIRED_COLUMNS, [
    ...PEGAWAI_COLUMNS.filter((c) => !(PEGAWAI_REQUIRED_COLUMNS as readonly string[]).includes(c)),
    ...PEGAWAI_OPTIONAL_COLUMNS,
  ]);
  if (!headers.includes('nip') && !headers.includes('id_pegawai')) {
    issues.push({
      baris: 1,
      kolom: 'nip',
      kode: 'KOLOM_HILANG',
      pesan: pesan(
        'Kolom "nip" (atau "id_pegawai" untuk non-ASN) tidak ada di baris judul',
        'Column "nip" (or "id_pegawai" for non-ASN staff) is missing from the header',
      ),
    });
  }
  return issues;
}

/**
 * Fills the columns a file left out: from the stored row of the same key (so a missing column never
 * clears what is registered), empty for a new key. Rows keep their numbers and marks.
 */
export async function lengkapiKolom(
  rows: readonly RawRow[],
  headers: readonly string[],
  columns: readonly string[],
  /** What is stored, read only when a column is left out (a whole-registry export is not free). */
  stored: () => Promise<readonly Row[]>,
  keyOf: (values: Readonly<Record<string, string>>) => string,
): Promise<RawRow[]> {
  const hilang = columns.filter((c) => !headers.includes(c));
  if (hilang.length === 0) return [...rows];
  const byKey = new Map((await stored()).map((s) => [keyOf(s).toUpperCase(), s]));
  return rows.map((r) => {
    const s = byKey.get(keyOf(r.values).toUpperCase());
    const values: Record<string, string> = { ...r.values };
    for (const c of hilang) values[c] = s?.[c] ?? '';
    return { ...r, values };
  });
}
