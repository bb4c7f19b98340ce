import { type Pesan, pesan } from '../i18n/message.ts';
import { isIsoDate } from '../kalender/dates.ts';
import { offsetJam, type ZonaWaktu } from '../kalender/zones.ts';

/**
 * Reading the attendance logs that hardware terminals export (docs/kehadiran.md, "Log mesin absensi"):
 *
 * - CSV with a header `nip,id_pegawai,waktu,perangkat,jenis` (comma or semicolon; extra columns ignored),
 *   `waktu` as `YYYY-MM-DD HH:MM[:SS]` in the Pemda's zone, `jenis` `masuk`/`pulang`/empty;
 * - the ZKTeco-style `attlog`: `PIN<TAB>YYYY-MM-DD HH:MM:SS<TAB>verify<TAB>state<TAB>workcode[<TAB>…]`,
 *   state 0 = masuk, 1 = pulang, anything else (or none) = unknown.
 *
 * Pure: text in, punches and per-line problems out. A log is evidence, so one bad line never stops the
 * others: it is reported with its line number and the reason in words, and reading goes on. Only a file
 * whose kind cannot be told at all, or one with too many lines, is refused as a whole.
 */

export type FormatLog = 'csv' | 'attlog';
export type JenisKehadiran = 'masuk' | 'pulang';

/** One punch read from a log line. */
export interface PunchLog {
  /** Line number in the file (1-based, counting every line, blank ones too) */
  readonly baris: number;
  /** Who, as the log wrote it: a terminal PIN (attlog), a NIP or an id_pegawai (CSV) */
  readonly kunci: string;
  readonly jenisKunci: 'pin' | 'nip' | 'id_pegawai';
  /** The local date and time as written (time always HH:MM:SS) */
  readonly tanggal: string;
  readonly jam: string;
  /** The instant, ISO 8601 UTC (`…Z`), of that local time in the Pemda's zone */
  readonly waktu: string;
  readonly jenis: JenisKehadiran | null;
  /** The CSV's `perangkat` cell (a device code); null in an attlog or when empty */
  readonly perangkat: string | null;
}

/** A line that could not be read. */
export interface BarisTakTerbaca {
  readonly baris: number;
  readonly kode: string;
  readonly pesan: Pesan;
}

export interface BatasLog {
  /** Most non-blank lines a file may hold (SIGAP_MAX_ROWS) */
  readonly baris: number;
  /** Longest line, in characters; a longer line is reported unreadable */
  readonly panjangBaris: number;
}

export const PANJANG_BARIS_MAKS = 1000;

export type HasilBacaLog =
  | {
      readonly ok: true;
      readonly format: FormatLog;
      /** Non-blank lines (the header included) */
      readonly jumlahBaris: number;
      readonly punches: PunchLog[];
      readonly takTerbaca: BarisTakTerbaca[];
    }
  | {
      readonly ok: false;
      readonly kode: 'FORMAT_TIDAK_DIKENAL' | 'TERLALU_BANYAK_BARIS';
      readonly pesan: Pesan;
    };

/** A terminal PIN: letters, digits, `.`, `_`, `-`, at most 32 (the same rule as pin_terminal.pin). */
export const POLA_PIN = /^[0-9A-Za-z._-]{1,32}$/;

const POLA_WAKTU = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * The instant (ISO 8601, UTC) of a local date and time `HH:MM[:SS]` in one of Indonesia's zones, or null
 * when the date or time does not exist. Indonesia keeps no daylight saving, so each zone has one offset
 * (the same one `localDate`/`localTime` use, which turn the instant back into these words).
 */
export function instanLokal(tanggal: string, jam: string, zona: ZonaWaktu): string | null {
  if (!isIsoDate(tanggal)) return null;
  const m = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(jam);
  if (!m) return null;
  const [h, mi, s] = [Number(m[1]), Number(m[2]), Number(m[3] ?? '0')];
  if (h > 23 || mi > 59 || s > 59) return null;
  const utc = Date.parse(`${tanggal}T${m[1]}:${m[2]}:${m[3] ?? '00'}Z`) - offsetJam(zona) * 3600_000;
  return new Date(utc).toISOString();
}

/** Blank: whitespace, NULs and the old DOS end-of-file mark (terminals pad their files with them). */
function kosong(line: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: NUL and ^Z padding is what is skipped
  return /^[\s\0\x1a]*$/.test(line);
}

/** A cell value shown in a message: short and without control characters. */
function kutip(s: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const t = s.replace(/[\x00-\x1f\x7f\u202a-\u202e\u2066-\u2069]/g, '?');
  return t.length > 40 ? `${t.slice(0, 40)}…` : t;
}

const headerOf = (h: string) =>
  h
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, '_');

/** Splits one CSV line (quotes as RFC 4180 within the line); null when a quote is left open. */
function pisahCsv(line: string, sep: string): string[] | null {
  const out: string[] = [];
  let cur = '';
  let i = 0;
  let kutipan = false;
  let awalSel = true;
  while (i < line.length) {
    const c = line[i]!;
    if (kutipan) {
      if (c === '"') {
        if (line[i + 1] === '"') {
          cur += '"';
          i += 2;
          continue;
        }
        kutipan = false;
      } else cur += c;
    } else if (c === '"' && awalSel) {
      kutipan = true;
    } else if (c === sep) {
      out.push(cur);
      cur = '';
      awalSel = true;
      i++;
      continue;
    } else cur += c;
    awalSel = false;
    i++;
  }
  if (kutipan) return null;
  out.push(cur);
  return out.map((s) => s.trim());
}

type Gagal = { gagal: Omit<BarisTakTerbaca, 'baris'> };
type Baca = { punch: Omit<PunchLog, 'baris'> } | Gagal;

function gagal(kode: string, id: string, en: string): Gagal {
  return { gagal: { kode, pesan: pesan(id, en) } };
}

/** The `waktu` cell (or the attlog's date-time field): the local time and its instant, or why not. */
function bacaWaktu(
  s: string,
  zona: ZonaWaktu,
  batasAkhir: string | null,
): { tanggal: string; jam: string; waktu: string } | Gagal {
  const m = POLA_WAKTU.exec(s);
  const jam = m ? `${m[2]}:${m[3]}:${m[4] ?? '00'}` : '';
  const waktu = m ? instanLokal(m[1]!, jam, zona) : null;
  if (!m || !waktu)
    return gagal(
      'WAKTU_TIDAK_SAH',
      `waktu "${kutip(s)}" bukan tanggal dan jam yang ada; tulis TTTT-BB-HH JJ:MM[:DD], misalnya 2026-08-17 07:30:05`,
      `time "${kutip(s)}" is not an existing date and time; write YYYY-MM-DD HH:MM[:SS], e.g. 2026-08-17 07:30:05`,
    );
  if (batasAkhir !== null && waktu > batasAkhir)
    return gagal(
      'WAKTU_MASA_DEPAN',
      `waktu ${m[1]} ${jam} belum terjadi menurut jam server; periksa jam perangkat`,
      `time ${m[1]} ${jam} has not happened yet by the server's clock; check the device's clock`,
    );
  return { tanggal: m[1]!, jam, waktu };
}

function bacaBarisCsv(
  sel: string[],
  kolom: ReadonlyMap<string, number>,
  jumlahKolom: number,
  zona: ZonaWaktu,
  batasAkhir: string | null,
): Baca {
  if (sel.length > jumlahKolom && sel.slice(jumlahKolom).some((s) => s !== ''))
    return gagal(
      'KOLOM_BERLEBIH',
      `baris berisi ${sel.length} kolom, lebih banyak dari ${jumlahKolom} kolom judul`,
      `the line holds ${sel.length} cells, more than the ${jumlahKolom} header columns`,
    );
  const ambil = (k: string) => {
    const i = kolom.get(k);
    return i === undefined ? '' : (sel[i] ?? '');
  };
  const nip = ambil('nip');
  const idPegawai = ambil('id_pegawai');
  if (nip === '' && idPegawai === '')
    return gagal('KUNCI_KOSONG', 'nip dan id_pegawai kosong', 'nip and id_pegawai are both empty');
  const [kunci, jenisKunci] = nip !== '' ? [nip, 'nip' as const] : [idPegawai, 'id_pegawai' as const];
  if (kunci.length > 40)
    return gagal('KUNCI_TIDAK_SAH', `${jenisKunci} terlalu panjang`, `${jenisKunci} is too long`);
  const w = bacaWaktu(ambil('waktu'), zona, batasAkhir);
  if ('gagal' in w) return w;
  const j = ambil('jenis').toLowerCase();
  if (j !== '' && j !== 'masuk' && j !== 'pulang')
    return gagal(
      'JENIS_TIDAK_DIKENAL',
      `jenis "${kutip(j)}" tidak dikenal; tulis masuk, pulang, atau kosongkan`,
      `jenis "${kutip(j)}" is unknown; write masuk (in), pulang (out), or leave it empty`,
    );
  const perangkat = ambil('perangkat');
  if (perangkat.length > 64)
    return gagal('PERANGKAT_TIDAK_SAH', 'kode perangkat terlalu panjang', 'the device code is too long');
  return {
    punch: {
      kunci,
      jenisKunci,
      ...w,
      jenis: j === '' ? null : (j as JenisKehadiran),
      perangkat: perangkat === '' ? null : perangkat,
    },
  };
}

function bacaBarisAttlog(line: string, zona: ZonaWaktu, batasAkhir: string | null): Baca {
  const f = line.split('\t').map((s) => s.trim());
  const pin = f[0] ?? '';
  if (f.length < 2)
    return gagal(
      'BARIS_TIDAK_TERBACA',
      'baris bukan PIN<TAB>waktu<TAB>verifikasi<TAB>status…',
      'the line is not PIN<TAB>time<TAB>verify<TAB>state…',
    );
  if (!POLA_PIN.test(pin))
    return gagal(
      'PIN_TIDAK_SAH',
      `PIN "${kutip(pin)}" tidak sah: huruf, angka, titik, garis bawah atau tanda hubung, paling banyak 32`,
      `PIN "${kutip(pin)}" is invalid: letters, digits, dot, underscore or hyphen, at most 32`,
    );
  const w = bacaWaktu(f[1]!, zona, batasAkhir);
  if ('gagal' in w) return w;
  const [verify = '', state = ''] = [f[2], f[3]];
  for (const [nama, v] of [
    ['verifikasi', verify],
    ['status', state],
  ] as const) {
    if (v !== '' && !/^\d{1,3}$/.test(v))
      return gagal(
        'KOLOM_TIDAK_SAH',
        `kolom ${nama} "${kutip(v)}" bukan angka`,
        `the ${nama === 'status' ? 'state' : 'verify'} field "${kutip(v)}" is not a number`,
      );
  }
  return {
    punch: {
      kunci: pin,
      jenisKunci: 'pin',
      ...w,
      jenis: state === '0' ? 'masuk' : state === '1' ? 'pulang' : null,
      perangkat: null,
    },
  };
}

/**
 * Reads a terminal log. `batasAkhir` (an ISO instant, normally the server's clock plus a small margin):
 * punches after it are reported (`WAKTU_MASA_DEPAN`, the device's clock is wrong), null to skip that check.
 */
export function bacaLogKehadiran(
  teks: string,
  zona: ZonaWaktu,
  batas: BatasLog,
  batasAkhir: string | null = null,
): HasilBacaLog {
  const lines = teks.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const isi = lines.flatMap((l, i) => (kosong(l) ? [] : [{ no: i + 1, l }]));
  const pertama = isi[0];
  const kepala = pertama && pertama.l.length <= batas.panjangBaris ? pertama.l : '';
  const sep = (kepala.match(/;/g)?.length ?? 0) > (kepala.match(/,/g)?.length ?? 0) ? ';' : ',';
  const judul = (pisahCsv(kepala, sep) ?? []).map(headerOf);
  const adaKunci = judul.includes('nip') || judul.includes('id_pegawai');
  let format: FormatLog;
  if (adaKunci && judul.includes('waktu')) format = 'csv';
  else if (
    isi.some((x) => x.l.length <= batas.panjangBaris && /^[^\t]+\t\s*\d{4}-\d{2}-\d{2}[ T]/.test(x.l.trim()))
  )
    format = 'attlog';
  else
    return {
      ok: false,
      kode: 'FORMAT_TIDAK_DIKENAL',
      pesan: pertama
        ? pesan(
            'Berkas bukan log mesin absensi yang dikenal: bukan CSV berjudul nip,id_pegawai,waktu,perangkat,jenis dan tidak ada baris attlog (PIN<TAB>TTTT-BB-HH JJ:MM:DD…); tidak ada yang disimpan',
            'The file is not a known terminal log: neither a CSV with the header nip,id_pegawai,waktu,perangkat,jenis nor any attlog line (PIN<TAB>YYYY-MM-DD HH:MM:SS…); nothing was stored',
          )
        : pesan('Berkas kosong; tidak ada yang disimpan', 'The file is empty; nothing was stored'),
    };
  if (isi.length - (format === 'csv' ? 1 : 0) > batas.baris)
    return {
      ok: false,
      kode: 'TERLALU_BANYAK_BARIS',
      pesan: pesan(
        `Berkas berisi lebih dari ${batas.baris.toLocaleString('id-ID')} baris, batas satu impor (SIGAP_MAX_ROWS); bagi menjadi beberapa berkas; tidak ada yang disimpan`,
        `The file holds more than ${batas.baris.toLocaleString('en-US')} lines, the limit of one import (SIGAP_MAX_ROWS); split it into several files; nothing was stored`,
      ),
    };
  const punches: PunchLog[] = [];
  const takTerbaca: BarisTakTerbaca[] = [];
  const kolom = new Map(judul.map((k, i) => [k, i] as const).reverse());
  for (const [k, { no, l }] of isi.entries()) {
    if (format === 'csv' && k === 0) continue;
    let r: Baca;
    if (l.length > batas.panjangBaris)
      r = gagal(
        'BARIS_TERLALU_PANJANG',
        `baris lebih panjang dari ${batas.panjangBaris} karakter`,
        `the line is longer than ${batas.panjangBaris} characters`,
      );
    else if (format === 'attlog') r = bacaBarisAttlog(l, zona, batasAkhir);
    else {
      const sel = pisahCsv(l, sep);
      r = sel
        ? bacaBarisCsv(sel, kolom, judul.length, zona, batasAkhir)
        : gagal('BARIS_TIDAK_TERBACA', 'tanda kutip tidak ditutup', 'a quote is left open');
    }
    if ('punch' in r) punches.push({ baris: no, ...r.punch });
    else takTerbaca.push({ baris: no, kode: r.gagal.kode, pesan: r.gagal.pesan });
  }
  return { ok: true, format, jumlahBaris: isi.length, punches, takTerbaca };
}
