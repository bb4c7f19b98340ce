import { type Pesan, pesan } from '../i18n/message.ts';
import type { Ketidakhadiran } from '../jadwal/solve.ts';
import { dateRange, type IsoDate, masalahTanggal } from '../kalender/dates.ts';
import {
  checkHeader,
  type ImportIssue,
  masalahAngkaPanjang,
  masalahTeksBaris,
  type RawRow,
} from '../org/import.ts';

/**
 * Kinds of absence the register keeps: the leave kinds of PP 11/2017 (cuti bersama excepted: it
 * comes from the holiday calendar) and isolation ordered by a health officer or a policy.
 */
export const JENIS_CUTI = [
  'cuti_tahunan',
  'cuti_besar',
  'cuti_sakit',
  'cuti_melahirkan',
  'cuti_alasan_penting',
  'cuti_luar_tanggungan',
  'isolasi',
] as const;
export type JenisCuti = (typeof JENIS_CUTI)[number];

export const LABEL_JENIS_CUTI: Record<JenisCuti, Pesan> = {
  cuti_tahunan: pesan('Cuti tahunan', 'Annual leave'),
  cuti_besar: pesan('Cuti besar', 'Long service leave'),
  cuti_sakit: pesan('Cuti sakit', 'Sick leave'),
  cuti_melahirkan: pesan('Cuti melahirkan', 'Maternity leave'),
  cuti_alasan_penting: pesan('Cuti karena alasan penting', 'Leave for important reasons'),
  cuti_luar_tanggungan: pesan('Cuti di luar tanggungan negara', 'Unpaid leave'),
  isolasi: pesan('Isolasi', 'Isolation'),
};

/** The schedule status an approved absence puts in the roster. */
export function statusKetidakhadiran(jenis: JenisCuti): Ketidakhadiran {
  if (jenis === 'cuti_sakit') return 'SAKIT';
  if (jenis === 'isolasi') return 'ISOLASI';
  return 'CUTI';
}

/** Health details (sick leave, isolation) are personal health data: their notes are guarded. */
export function jenisKesehatan(jenis: JenisCuti): boolean {
  return jenis === 'cuti_sakit' || jenis === 'isolasi';
}

/** The longest single entry: a long-service leave of three months plus slack. */
export const MAKS_HARI_CUTI = 120;

export const CUTI_COLUMNS = ['nip', 'jenis', 'dari', 'sampai', 'keterangan'] as const;
export const CUTI_OPTIONAL_COLUMNS = ['id_pegawai'] as const;

export interface CutiRecord {
  readonly baris: number;
  /** NIP or, for non-ASN, id_pegawai */
  readonly key: string;
  readonly jenis: JenisCuti;
  readonly dari: IsoDate;
  readonly sampai: IsoDate;
  readonly keterangan: string;
}

/** An absence as the register holds it (approved or not). */
export interface PeriodeCuti {
  readonly id?: string;
  readonly key: string;
  readonly jenis: JenisCuti;
  readonly dari: IsoDate;
  readonly sampai: IsoDate;
}

/** Checks one entry's own fields; `baris` null for a form, a row number for a file. */
export function periksaIsianCuti(
  v: { jenis: string; dari: string; sampai: string; keterangan?: string },
  baris: number,
): ImportIssue[] {
  const out: ImportIssue[] = [];
  const add = (kolom: string, kode: string, p: Pesan) => out.push({ baris, kolom, kode, pesan: p });
  if (!(JENIS_CUTI as readonly string[]).includes(v.jenis)) {
    add(
      'jenis',
      'JENIS_TIDAK_SAH',
      pesan(
        `jenis "${v.jenis}" tidak dikenal; pilihan: ${JENIS_CUTI.join(', ')}`,
        `unknown kind "${v.jenis}"; choose one of: ${JENIS_CUTI.join(', ')}`,
      ),
    );
  }
  const salahDari = masalahTanggal(v.dari, 'dari');
  const salahSampai = masalahTanggal(v.sampai, 'sampai');
  const okDari = salahDari === null;
  const okSampai = salahSampai === null;
  if (salahDari) add('dari', 'TANGGAL_TIDAK_SAH', salahDari);
  if (salahSampai) add('sampai', 'TANGGAL_TIDAK_SAH', salahSampai);
  if (okDari && okSampai) {
    if (v.sampai < v.dari) {
      add(
        'sampai',
        'URUTAN_TANGGAL',
        pesan(`sampai ${v.sampai} sebelum dari ${v.dari}`, `to ${v.sampai} comes before from ${v.dari}`),
      );
    } else if (dateRange(v.dari, v.sampai).length > MAKS_HARI_CUTI) {
      add(
        'sampai',
        'TERLALU_PANJANG',
        pesan(
          `paling lama ${MAKS_HARI_CUTI} hari per isian; pecah menjadi beberapa baris`,
          `at most ${MAKS_HARI_CUTI} days per entry; split it into several rows`,
        ),
      );
    }
  }
  if ((v.keterangan ?? '').length > 500) {
    add(
      'keterangan',
      'TERLALU_PANJANG',
      pesan('keterangan paling banyak 500 huruf', 'the note has at most 500 characters'),
    );
  }
  return out;
}

/** Whether two absences of the same person share a day. */
export function tumpang(a: PeriodeCuti, b: PeriodeCuti): boolean {
  return a.key === b.key && a.dari <= b.sampai && b.dari <= a.sampai;
}

/**
 * Validates a leave import file (all-or-nothing): header, every row's fields, people that exist
 * (`kenal`: NIP / id_pegawai known and within the importer's scope), overlaps within the file and
 * with the approved or pending absences already registered. Lists every problem with row and column.
 */
export function validasiBarisCuti(
  headers: readonly string[],
  rows: readonly RawRow[],
  /** whether the person exists and lies in the importer's scope on the row's dates (`baris`: row number) */
  kenal: (key: string, baris: number) => 'ada' | 'tidak_ada' | 'di_luar_lingkup',
  terdaftar: readonly PeriodeCuti[],
): { ok: true; records: CutiRecord[] } | { ok: false; issues: ImportIssue[] } {
  const issues = checkHeader(headers, CUTI_COLUMNS, CUTI_OPTIONAL_COLUMNS).filter(
    // nip may be empty for non-ASN rows when id_pegawai is given; the header itself must be there
    (i) => i.kode !== 'KOLOM_HILANG' || i.kolom !== 'keterangan',
  );
  if (issues.length > 0) return { ok: false, issues };
  const records: CutiRecord[] = [];
  if (rows.length === 0) {
    return {
      ok: false,
      issues: [
        {
          baris: 1,
          kolom: null,
          kode: 'BERKAS_KOSONG',
          pesan: pesan('Berkas tidak berisi baris data', 'The file has no data rows'),
        },
      ],
    };
  }
  for (const r of rows) {
    const v = r.values;
    const nip = (v.nip ?? '').trim();
    const idp = (v.id_pegawai ?? '').trim();
    const key = nip || idp;
    const angka = masalahAngkaPanjang(r);
    const rowIssues: ImportIssue[] = [...angka, ...masalahTeksBaris(r)];
    if (angka.length > 0) {
      // the person's number lost digits in Excel: already said; do not look the damaged value up
    } else if (!key) {
      rowIssues.push({
        baris: r.baris,
        kolom: 'nip',
        kode: 'WAJIB',
        pesan: pesan(
          'nip (atau id_pegawai untuk non-ASN) wajib diisi',
          'nip (or id_pegawai for non-ASN) is required',
        ),
      });
    } else {
      const k = kenal(key, r.baris);
      if (k !== 'ada') {
        rowIssues.push({
          baris: r.baris,
          kolom: nip ? 'nip' : 'id_pegawai',
          kode: k === 'tidak_ada' ? 'PEGAWAI_TIDAK_ADA' : 'DI_LUAR_LINGKUP',
          pesan:
            k === 'tidak_ada'
              ? pesan(`pegawai ${key} tidak terdaftar`, `employee ${key} is not registered`)
              : pesan(
                  `pegawai ${key} di luar OPD yang boleh Anda kelola pada tanggal dari–sampai baris ini`,
                  `employee ${key} is outside the OPDs you may manage on this row's dates (dari–sampai)`,
                ),
        });
      }
    }
    const jenis = (v.jenis ?? '').trim().toLowerCase();
    const isian = {
      jenis,
      dari: (v.dari ?? '').trim(),
      sampai: (v.sampai ?? '').trim(),
      keterangan: v.keterangan ?? '',
    };
    rowIssues.push(...periksaIsianCuti(isian, r.baris));
    if (rowIssues.length > 0) {
      issues.push(...rowIssues);
      continue;
    }
    const rec: CutiRecord = {
      baris: r.baris,
      key,
      jenis: jenis as JenisCuti,
      dari: isian.dari,
      sampai: isian.sampai,
      keterangan: isian.keterangan.trim(),
    };
    const bentrokFile = records.find((x) => tumpang(x, rec));
    const bentrokDaftar = terdaftar.find((x) => tumpang(x, rec));
    if (bentrokFile) {
      issues.push({
        baris: r.baris,
        kolom: 'dari',
        kode: 'TUMPANG_TINDIH',
        pesan: pesan(
          `${key} ${rec.dari} s.d. ${rec.sampai} bertumpang tindih dengan baris ${bentrokFile.baris}`,
          `${key} ${rec.dari} to ${rec.sampai} overlaps row ${bentrokFile.baris}`,
        ),
      });
    } else if (bentrokDaftar) {
      issues.push({
        baris: r.baris,
        kolom: 'dari',
        kode: 'TUMPANG_TINDIH',
        pesan: pesan(
          `${key} sudah tercatat ${bentrokDaftar.jenis} ${bentrokDaftar.dari} s.d. ${bentrokDaftar.sampai}`,
          `${key} already has ${bentrokDaftar.jenis} ${bentrokDaftar.dari} to ${bentrokDaftar.sampai}`,
        ),
      });
    } else records.push(rec);
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, records };
}

/** person → date → status, for the days of `hari`, from approved absences. */
export function petaKetidakhadiran(
  daftar: readonly PeriodeCuti[],
  hari: readonly IsoDate[],
): Map<string, Map<IsoDate, Ketidakhadiran>> {
  const out = new Map<string, Map<IsoDate, Ketidakhadiran>>();
  if (hari.length === 0) return out;
  const first = hari[0]!;
  const last = hari.at(-1)!;
  const inPeriod = new Set(hari);
  for (const c of daftar) {
    if (c.sampai < first || c.dari > last) continue;
    const from = c.dari < first ? first : c.dari;
    const to = c.sampai > last ? last : c.sampai;
    let m = out.get(c.key);
    if (!m) {
      m = new Map();
      out.set(c.key, m);
    }
    for (const d of dateRange(from, to)) if (inPeriod.has(d)) m.set(d, statusKetidakhadiran(c.jenis));
  }
  return out;
}
