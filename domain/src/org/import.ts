import { type Pesan, pesan } from '../i18n/message.ts';
import { inIndonesia, RADIUS_GEOFENCE } from './geo.ts';
import { validateNip } from './nip.ts';
import { karakterTerlarang } from './teks.ts';
import { findCycles } from './tree.ts';
import {
  isOneOf,
  JABATAN_LEVEL,
  type JabatanLevel,
  JENIS_OPD,
  JENIS_PEGAWAI,
  type JenisOpd,
  type JenisPegawai,
  KELAS_LAYANAN,
  type KelasLayanan,
  SEKTOR,
  type Sektor,
} from './types.ts';

/** One problem in an import file, pointing at the row (1 = header) and column. */
export interface ImportIssue {
  readonly baris: number;
  readonly kolom: string | null;
  readonly kode: string;
  readonly pesan: Pesan;
}

/** A data row as read from CSV/XLSX: canonical lower-case headers to trimmed strings. */
export interface RawRow {
  readonly baris: number;
  readonly values: Readonly<Record<string, string>>;
  /**
   * Columns whose XLSX cell held a number of 16 or more digits: Excel keeps 15 significant digits,
   * so the last digits of a NIP, NIK or long ID typed into a number cell are already gone.
   */
  readonly angkaPanjang?: readonly string[];
}

const LABEL_KOLOM: Readonly<Record<string, readonly [string, string]>> = {
  nip: ['NIP', 'NIP'],
  atasan_nip: ['NIP atasan', "Supervisor's NIP"],
  id_pegawai: ['ID pegawai', 'Employee ID'],
};

/**
 * One problem per cell that Excel stored as a long number (see `RawRow.angkaPanjang`), as a sentence
 * an admin can act on; importers report these instead of validating the damaged value.
 */
export function masalahAngkaPanjang(row: RawRow): ImportIssue[] {
  return (row.angkaPanjang ?? []).map((kolom) => {
    const [id, en] = LABEL_KOLOM[kolom] ?? [`Kolom ${kolom}`, `Column ${kolom}`];
    return {
      baris: row.baris,
      kolom,
      kode: 'ANGKA_EXCEL',
      pesan: pesan(
        `${id} tersimpan sebagai angka di Excel sehingga digit terakhirnya hilang atau berubah; format kolom sebagai Teks lalu ketik ulang nilainya`,
        `${en} is stored as a number in Excel, so its last digits are lost or changed; format the column as Text and type the value again`,
      ),
    };
  });
}

export const OPD_COLUMNS = [
  'kode',
  'nama',
  'jenis',
  'induk_kode',
  'kelas_layanan',
  'sektor',
  'lat',
  'lng',
  'radius_m',
] as const;

export const PEGAWAI_COLUMNS = [
  'nip',
  'nama',
  'jenis_pegawai',
  'jabatan_level',
  'jabatan',
  'opd_kode',
  'atasan_nip',
  'email',
  'telepon',
  'rumah_lat',
  'rumah_lng',
] as const;
/** Optional extra pegawai columns: non-ASN identity. */
export const PEGAWAI_OPTIONAL_COLUMNS = ['id_pegawai'] as const;
/**
 * The columns a file must have (docs/import.md); the others may be left out, and a column left out
 * keeps what is stored for people already registered (empty for new ones). An employee file needs
 * `nip` or `id_pegawai` as well.
 */
export const OPD_REQUIRED_COLUMNS = ['kode', 'nama', 'jenis'] as const;
export const PEGAWAI_REQUIRED_COLUMNS = ['nama', 'jenis_pegawai', 'jabatan_level', 'opd_kode'] as const;

export interface OpdRecord {
  readonly baris: number;
  readonly kode: string;
  readonly nama: string;
  readonly jenis: JenisOpd;
  readonly indukKode: string | null;
  readonly kelasLayanan: KelasLayanan | null;
  readonly sektor: readonly Sektor[];
  readonly lat: number | null;
  readonly lng: number | null;
  readonly radiusM: number | null;
}

export interface PegawaiRecord {
  readonly baris: number;
  readonly nip: string | null;
  readonly idPegawai: string | null;
  readonly nama: string;
  readonly jenisPegawai: JenisPegawai;
  readonly jabatanLevel: JabatanLevel;
  readonly jabatan: string;
  readonly opdKode: string;
  /** NIP (or id_pegawai) of the supervisor */
  readonly atasanKey: string | null;
  readonly email: string | null;
  readonly telepon: string | null;
  readonly rumahLat: number | null;
  readonly rumahLng: number | null;
}

export type ImportResult<T> =
  | { readonly ok: true; readonly records: T[] }
  | { readonly ok: false; readonly issues: ImportIssue[] };

/** The kinds of file the import pages take, by the columns only that kind has. */
export type JenisBerkas = 'opd' | 'pegawai' | 'cuti';
const CIRI_BERKAS: Readonly<Record<JenisBerkas, readonly string[]>> = {
  opd: ['kode', 'induk_kode', 'kelas_layanan', 'sektor', 'lat', 'lng', 'radius_m'],
  pegawai: [
    'jenis_pegawai',
    'jabatan_level',
    'jabatan',
    'opd_kode',
    'atasan_nip',
    'email',
    'telepon',
    'rumah_lat',
    'rumah_lng',
  ],
  cuti: ['dari', 'sampai', 'keterangan'],
};
const NAMA_BERKAS: Readonly<Record<JenisBerkas, readonly [string, string]>> = {
  opd: ['daftar OPD', 'an OPD list'],
  pegawai: ['daftar pegawai', 'an employee list'],
  cuti: ['daftar cuti', 'a leave list'],
};
const TAB_BERKAS: Readonly<Record<JenisBerkas, readonly [string, string]>> = {
  opd: ['pakai tab OPD di halaman Impor', 'use the OPD tab of the Import page'],
  pegawai: ['pakai tab Pegawai di halaman Impor', 'use the Employees tab of the Import page'],
  cuti: ['impor lewat halaman Cuti & izin', 'import it on the Leave page'],
};

/** Which kind of file the header row looks like: the kind with the most of its own columns (at least 2). */
export function tebakJenisBerkas(headers: readonly string[]): JenisBerkas | null {
  let terbaik: JenisBerkas | null = null;
  let skor = 1;
  for (const j of Object.keys(CIRI_BERKAS) as JenisBerkas[]) {
    const n = CIRI_BERKAS[j].filter((c) => headers.includes(c)).length;
    if (n > skor) {
      terbaik = j;
      skor = n;
    } else if (n === skor && terbaik !== null) terbaik = null;
  }
  return terbaik;
}

/**
 * One sentence when a file of another kind was given (an OPD list on the employee import), instead
 * of a dozen column errors; null when the header looks like the kind expected or like nothing known.
 */
export function salahJenisBerkas(headers: readonly string[], diharapkan: JenisBerkas): ImportIssue | null {
  const j = tebakJenisBerkas(headers);
  if (j === null || j === diharapkan) return null;
  const ciriDiharapkan = CIRI_BERKAS[diharapkan].filter((c) => headers.includes(c)).length;
  if (ciriDiharapkan >= 2) return null;
  return {
    baris: 1,
    kolom: null,
    kode: 'JENIS_BERKAS_SALAH',
    pesan: pesan(
      `Berkas ini tampaknya ${NAMA_BERKAS[j][0]}, bukan ${NAMA_BERKAS[diharapkan][0]}; ${TAB_BERKAS[j][0]}`,
      `This file looks like ${NAMA_BERKAS[j][1]}, not ${NAMA_BERKAS[diharapkan][1]}; ${TAB_BERKAS[j][1]}`,
    ),
  };
}

const KODE_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Checks the header row: every canonical column present, nothing unknown. */
export function checkHeader(
  headers: readonly string[],
  required: readonly string[],
  optional: readonly string[] = [],
): ImportIssue[] {
  const issues: ImportIssue[] = [];
  const seen = new Set<string>();
  for (const h of headers) {
    if (seen.has(h)) {
      issues.push({
        baris: 1,
        kolom: h,
        kode: 'KOLOM_GANDA',
        pesan: pesan(`Kolom "${h}" muncul lebih dari sekali`, `Column "${h}" appears more than once`),
      });
    }
    seen.add(h);
    if (!required.includes(h) && !optional.includes(h)) {
      issues.push({
        baris: 1,
        kolom: h,
        kode: 'KOLOM_TIDAK_DIKENAL',
        pesan: pesan(
          `Kolom "${h}" tidak dikenal; kolom yang dipakai: ${required.join(', ')}`,
          `Unknown column "${h}"; the columns are: ${required.join(', ')}`,
        ),
      });
    }
  }
  for (const r of required) {
    if (!seen.has(r)) {
      issues.push({
        baris: 1,
        kolom: r,
        kode: 'KOLOM_HILANG',
        pesan: pesan(
          `Kolom wajib "${r}" tidak ada di baris judul`,
          `Required column "${r}" is missing from the header`,
        ),
      });
    }
  }
  return issues;
}

/**
 * Every cell of a row that holds a control character or a bidi override, one issue per column (the
 * same rule as the JSON APIs' {@link teksBiasa}).
 */
export function masalahTeksBaris(row: RawRow): ImportIssue[] {
  const out: ImportIssue[] = [];
  for (const [kolom, v] of Object.entries(row.values)) {
    const p = karakterTerlarang(v ?? '');
    if (p)
      out.push({
        baris: row.baris,
        kolom,
        kode: 'KARAKTER_TERLARANG',
        pesan: pesan(`Kolom ${kolom} ${p.id}`, `Column ${kolom} ${p.en}`),
      });
  }
  return out;
}

class RowReader {
  readonly issues: ImportIssue[];
  constructor(private readonly row: RawRow) {
    this.issues = [...masalahAngkaPanjang(row), ...masalahTeksBaris(row)];
  }
  /** Whether the cell lost digits in Excel (already reported): do not validate its value. */
  rusak(col: string): boolean {
    return this.row.angkaPanjang?.includes(col) ?? false;
  }
  get(col: string): string {
    return (this.row.values[col] ?? '').trim();
  }
  fail(kolom: string | null, kode: string, id: string, en: string): void {
    this.issues.push({ baris: this.row.baris, kolom, kode, pesan: pesan(id, en) });
  }
  required(col: string, labelId: string, labelEn: string): string {
    const v = this.get(col);
    if (v === '') this.fail(col, 'WAJIB_DIISI', `${labelId} wajib diisi`, `${labelEn} is required`);
    return v;
  }
  oneOf<T extends string>(col: string, list: readonly T[], optional = false): T | null {
    const v = this.get(col).toLowerCase();
    if (v === '') {
      if (!optional) this.fail(col, 'WAJIB_DIISI', `Kolom ${col} wajib diisi`, `Column ${col} is required`);
      return null;
    }
    if (isOneOf(list, v)) return v;
    this.fail(
      col,
      'NILAI_TIDAK_DIKENAL',
      `Nilai "${v}" tidak dikenal untuk ${col}; pilihan: ${list.join(', ')}`,
      `Unknown value "${v}" for ${col}; allowed: ${list.join(', ')}`,
    );
    return null;
  }
  number(col: string): number | null {
    const v = this.get(col).replace(',', '.');
    if (v === '') return null;
    const n = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(v) ? Number(v) : Number.NaN; // no hex, no Infinity
    if (!Number.isFinite(n)) {
      this.fail(col, 'BUKAN_ANGKA', `"${this.get(col)}" bukan angka`, `"${this.get(col)}" is not a number`);
      return null;
    }
    return n;
  }
  /** A lat/lng pair: both or neither, inside Indonesia. */
  point(latCol: string, lngCol: string): { lat: number | null; lng: number | null } {
    const before = this.issues.length;
    const lat = this.number(latCol);
    const lng = this.number(lngCol);
    if (this.issues.length > before) return { lat: null, lng: null }; // not a number: said once already
    if ((lat === null) !== (lng === null)) {
      const missing = lat === null ? latCol : lngCol;
      this.fail(
        missing,
        'KOORDINAT_TIDAK_LENGKAP',
        `Koordinat tidak lengkap: ${latCol} dan ${lngCol} harus diisi keduanya atau dikosongkan keduanya`,
        `Incomplete coordinate: fill both ${latCol} and ${lngCol}, or neither`,
      );
      return { lat: null, lng: null };
    }
    if (lat !== null && lng !== null && !inIndonesia(lat, lng)) {
      const swapped = inIndonesia(lng, lat);
      this.fail(
        latCol,
        'KOORDINAT_DI_LUAR_INDONESIA',
        `Koordinat (${lat}, ${lng}) berada di luar wilayah Indonesia${swapped ? '; mungkin lat dan lng tertukar' : ''}`,
        `Coordinate (${lat}, ${lng}) lies outside Indonesia${swapped ? '; lat and lng may be swapped' : ''}`,
      );
      return { lat: null, lng: null };
    }
    return { lat, lng };
  }
}

/**
 * Validates OPD rows against each other and the registry as stored. `existing` maps each stored kode
 * to its parent kode (null for top level). All-or-nothing: any issue means nothing is imported.
 */
export function validateOpdRows(
  rows: readonly RawRow[],
  existing: ReadonlyMap<string, { indukKode: string | null }>,
): ImportResult<OpdRecord> {
  const issues: ImportIssue[] = [];
  const records: OpdRecord[] = [];
  const firstRowOf = new Map<string, number>();
  for (const row of rows) {
    const r = new RowReader(row);
    const kode = r.required('kode', 'Kode OPD', 'OPD code');
    if (kode !== '' && !KODE_RE.test(kode)) {
      r.fail(
        'kode',
        'KODE_TIDAK_SAH',
        `Kode "${kode}" hanya boleh berisi huruf, angka, titik, garis bawah dan tanda hubung (maks. 40)`,
        `Code "${kode}" may only hold letters, digits, dots, underscores and hyphens (max 40)`,
      );
    }
    const dup = firstRowOf.get(kode.toUpperCase());
    if (kode !== '' && dup !== undefined) {
      r.fail(
        'kode',
        'KODE_GANDA',
        `Kode "${kode}" sudah dipakai di baris ${dup}`,
        `Code "${kode}" already used on row ${dup}`,
      );
    } else if (kode !== '') {
      firstRowOf.set(kode.toUpperCase(), row.baris);
    }
    const nama = r.required('nama', 'Nama OPD', 'OPD name');
    const jenis = r.oneOf('jenis', JENIS_OPD);
    const indukKode = r.get('induk_kode') || null;
    if (indukKode !== null && indukKode.toUpperCase() === kode.toUpperCase()) {
      r.fail(
        'induk_kode',
        'INDUK_DIRI_SENDIRI',
        'OPD tidak boleh menjadi induk bagi dirinya sendiri',
        'An OPD cannot be its own parent',
      );
    }
    const kelasLayanan = r.oneOf('kelas_layanan', KELAS_LAYANAN, indukKode !== null);
    const sektorRaw = r.get('sektor');
    const sektor: Sektor[] = [];
    if (sektorRaw !== '') {
      for (const s of sektorRaw
        .split('|')
        .map((x) => x.trim().toLowerCase())
        .filter((x) => x !== '')) {
        if (isOneOf(SEKTOR, s)) {
          if (!sektor.includes(s)) sektor.push(s);
        } else {
          r.fail(
            'sektor',
            'NILAI_TIDAK_DIKENAL',
            `Sektor "${s}" tidak dikenal; pilihan: ${SEKTOR.join(', ')} (pisahkan dengan |)`,
            `Unknown sector "${s}"; allowed: ${SEKTOR.join(', ')} (separated by |)`,
          );
        }
      }
    }
    const { lat, lng } = r.point('lat', 'lng');
    let radiusM = r.number('radius_m');
    const { min, max } = RADIUS_GEOFENCE;
    if (radiusM !== null && (!Number.isInteger(radiusM) || radiusM < min || radiusM > max)) {
      r.fail(
        'radius_m',
        'RADIUS_TIDAK_SAH',
        `Radius geofence harus bilangan bulat ${min}–${max} meter, tertulis ${radiusM}`,
        `The geofence radius must be a whole number of ${min}–${max} metres, got ${radiusM}`,
      );
      radiusM = null;
    }
    if (indukKode === null && lat === null && r.issues.every((i) => i.kolom !== 'lat' && i.kolom !== 'lng')) {
      r.fail(
        'lat',
        'LOKASI_WAJIB',
        'OPD induk wajib punya lokasi kantor (lat, lng); unit boleh mewarisi',
        'A top-level OPD needs an office location (lat, lng); units may inherit it',
      );
    }
    if (lat === null && radiusM !== null && r.issues.every((i) => i.kolom !== 'lat' && i.kolom !== 'lng')) {
      r.fail(
        'radius_m',
        'RADIUS_TANPA_LOKASI',
        'Radius geofence diisi tetapi lokasi kantor (lat, lng) kosong',
        'A geofence radius is given but the office location (lat, lng) is empty',
      );
    }
    if (lat !== null && radiusM === null && r.get('radius_m') === '') radiusM = 100;
    issues.push(...r.issues);
    if (r.issues.length === 0 && jenis !== null) {
      records.push({
        baris: row.baris,
        kode,
        nama,
        jenis,
        indukKode,
        kelasLayanan,
        sektor,
        lat,
        lng,
        radiusM,
      });
    }
  }
  // References and cycles, over the registry as it would be after the import.
  const parent = new Map<string, string | null>();
  for (const [k, v] of existing) parent.set(k.toUpperCase(), v.indukKode?.toUpperCase() ?? null);
  for (const rec of records) parent.set(rec.kode.toUpperCase(), rec.indukKode?.toUpperCase() ?? null);
  // A parent on a row that has problems of its own still exists in the file: no second, false issue.
  const inFile = new Set(rows.map((r) => (r.values.kode ?? '').trim().toUpperCase()));
  for (const rec of records) {
    if (
      rec.indukKode !== null &&
      !parent.has(rec.indukKode.toUpperCase()) &&
      !inFile.has(rec.indukKode.toUpperCase())
    ) {
      issues.push({
        baris: rec.baris,
        kolom: 'induk_kode',
        kode: 'INDUK_TIDAK_DIKENAL',
        pesan: pesan(
          `OPD induk "${rec.indukKode}" tidak ada di berkas ini maupun di data`,
          `Parent OPD "${rec.indukKode}" is neither in this file nor in the registry`,
        ),
      });
    }
  }
  const rowOf = new Map(records.map((r) => [r.kode.toUpperCase(), r.baris]));
  for (const cycle of findCycles(parent.keys(), (k) => {
    const p = parent.get(k) ?? null;
    return p !== null && parent.has(p) ? p : null;
  })) {
    const baris = cycle.map((k) => rowOf.get(k)).find((b) => b !== undefined) ?? 1;
    issues.push({
      baris,
      kolom: 'induk_kode',
      kode: 'INDUK_SIKLUS',
      pesan: pesan(
        `Induk OPD berputar: ${cycle.join(' → ')}`,
        `OPD parents form a cycle: ${cycle.join(' → ')}`,
      ),
    });
  }
  return issues.length > 0 ? { ok: false, issues: sortIssues(issues) } : { ok: true, records };
}

/**
 * Validates employee rows. `opdKodes` are the OPD and unit codes stored; `existing` maps each stored
 * employee key (NIP or id_pegawai) to their supervisor's key, for the cycle check. `today` is the
 * Pemda's local date (YYYY-MM-DD).
 */
export function validatePegawaiRows(
  rows: readonly RawRow[],
  opdKodes: ReadonlySet<string>,
  existing: ReadonlyMap<string, { atasanKey: string | null }>,
  today: string,
): ImportResult<PegawaiRecord> {
  const issues: ImportIssue[] = [];
  const records: PegawaiRecord[] = [];
  const firstRowOf = new Map<string, number>();
  const opdUpper = new Map([...opdKodes].map((k) => [k.toUpperCase(), k]));
  for (const row of rows) {
    const r = new RowReader(row);
    const jenisPegawai = r.oneOf('jenis_pegawai', JENIS_PEGAWAI);
    const nipRaw = r.get('nip').replace(/\s+/g, '');
    const idPegawai = r.get('id_pegawai') || null;
    let nip: string | null = null;
    if (jenisPegawai === 'non_asn') {
      if (nipRaw !== '') {
        r.fail(
          'nip',
          'NIP_NON_ASN',
          'Pegawai non-ASN tidak memiliki NIP; isi kolom id_pegawai',
          'Non-ASN staff have no NIP; use the id_pegawai column',
        );
      } else if (idPegawai === null) {
        r.fail(
          'id_pegawai',
          'ID_PEGAWAI_WAJIB',
          'Pegawai non-ASN wajib punya id_pegawai',
          'Non-ASN staff need an id_pegawai',
        );
      }
    } else if (jenisPegawai !== null && !r.rusak('nip')) {
      const v = validateNip(nipRaw, jenisPegawai, today);
      if (v.ok) nip = nipRaw;
      else r.issues.push({ baris: row.baris, kolom: 'nip', kode: v.code, pesan: v.message });
    }
    const key = nip ?? idPegawai;
    if (key !== null) {
      const dup = firstRowOf.get(key);
      if (dup !== undefined) {
        r.fail(
          nip ? 'nip' : 'id_pegawai',
          nip ? 'NIP_GANDA' : 'ID_PEGAWAI_GANDA',
          `${nip ? 'NIP' : 'id_pegawai'} ${key} sudah ada di baris ${dup}`,
          `${nip ? 'NIP' : 'id_pegawai'} ${key} already appears on row ${dup}`,
        );
      } else {
        firstRowOf.set(key, row.baris);
      }
    }
    const nama = r.required('nama', 'Nama pegawai', 'Employee name');
    const jabatanLevel = r.oneOf('jabatan_level', JABATAN_LEVEL);
    const jabatan = r.get('jabatan');
    const opdRaw = r.required('opd_kode', 'Kode OPD/unit', 'OPD/unit code');
    const opdKode = opdUpper.get(opdRaw.toUpperCase());
    if (opdRaw !== '' && opdKode === undefined) {
      r.fail(
        'opd_kode',
        'OPD_TIDAK_DIKENAL',
        `Kode OPD/unit "${opdRaw}" tidak dikenal; impor OPD terlebih dahulu`,
        `Unknown OPD/unit code "${opdRaw}"; import the OPDs first`,
      );
    }
    const atasanKey = r.get('atasan_nip').replace(/\s+/g, '') || null;
    if (atasanKey !== null && atasanKey === key) {
      r.fail(
        'atasan_nip',
        'ATASAN_DIRI_SENDIRI',
        'Pegawai tidak boleh menjadi atasan bagi dirinya sendiri',
        'An employee cannot be their own supervisor',
      );
    }
    const email = r.get('email') || null;
    if (email !== null && !EMAIL_RE.test(email)) {
      r.fail(
        'email',
        'EMAIL_TIDAK_SAH',
        `Alamat email "${email}" tidak sah`,
        `"${email}" is not a valid email address`,
      );
    }
    const telepon = r.get('telepon') || null;
    if (telepon !== null && !/^\+?[0-9 ()-]{8,20}$/.test(telepon)) {
      r.fail(
        'telepon',
        'TELEPON_TIDAK_SAH',
        `Nomor telepon "${telepon}" tidak sah`,
        `"${telepon}" is not a valid phone number`,
      );
    }
    const rumah = r.point('rumah_lat', 'rumah_lng');
    issues.push(...r.issues);
    if (r.issues.length === 0 && jenisPegawai !== null && jabatanLevel !== null && opdKode !== undefined) {
      records.push({
        baris: row.baris,
        nip,
        idPegawai,
        nama,
        jenisPegawai,
        jabatanLevel,
        jabatan,
        opdKode,
        atasanKey,
        email,
        telepon,
        rumahLat: rumah.lat,
        rumahLng: rumah.lng,
      });
    }
  }
  const atasanOf = new Map<string, string | null>();
  for (const [k, v] of existing) atasanOf.set(k, v.atasanKey);
  for (const rec of records) atasanOf.set((rec.nip ?? rec.idPegawai)!, rec.atasanKey);
  const keysInFile = new Set(
    rows.flatMap((r) => [(r.values.nip ?? '').replace(/\s+/g, ''), (r.values.id_pegawai ?? '').trim()]),
  );
  for (const rec of records) {
    if (rec.atasanKey !== null && !atasanOf.has(rec.atasanKey) && !keysInFile.has(rec.atasanKey)) {
      issues.push({
        baris: rec.baris,
        kolom: 'atasan_nip',
        kode: 'ATASAN_TIDAK_DIKENAL',
        pesan: pesan(
          `Atasan dengan NIP ${rec.atasanKey} tidak ada di berkas ini maupun di data`,
          `Supervisor with NIP ${rec.atasanKey} is neither in this file nor in the registry`,
        ),
      });
    }
  }
  const rowOfKey = new Map(records.map((r) => [(r.nip ?? r.idPegawai)!, r.baris]));
  for (const cycle of findCycles(atasanOf.keys(), (k) => {
    const p = atasanOf.get(k) ?? null;
    return p !== null && atasanOf.has(p) ? p : null;
  })) {
    const baris = cycle.map((k) => rowOfKey.get(k)).find((b) => b !== undefined) ?? 1;
    issues.push({
      baris,
      kolom: 'atasan_nip',
      kode: 'ATASAN_SIKLUS',
      pesan: pesan(
        `Rantai atasan berputar: ${cycle.join(' → ')}`,
        `The supervisor chain forms a cycle: ${cycle.join(' → ')}`,
      ),
    });
  }
  return issues.length > 0 ? { ok: false, issues: sortIssues(issues) } : { ok: true, records };
}

function sortIssues(issues: ImportIssue[]): ImportIssue[] {
  return issues.sort((a, b) => a.baris - b.baris || (a.kolom ?? '').localeCompare(b.kolom ?? ''));
}
