import { type Pesan, pesan } from '../i18n/message.ts';

/** Dates are plain `YYYY-MM-DD` strings in the Pemda's own calendar; no time zone is attached. */
export type IsoDate = string;

/**
 * The dates Sigap accepts anywhere (requests, imports, the CLI, policy documents): 1 January 1900 to
 * 31 December 2200. Every date a Pemda works with lies far inside; anything else is a typo or an attack
 * (`9999-12-31`, year `0001`) and is refused in words before any period is built from it.
 */
export const TANGGAL_MIN: IsoDate = '1900-01-01';
export const TANGGAL_MAKS: IsoDate = '2200-12-31';
/** The longest period a request may span: a year, leap day included. */
export const MAKS_HARI_PERIODE = 366;

/**
 * A date helper was given something that is not a `YYYY-MM-DD` date, or asked for a date past year 9999
 * (which `YYYY-MM-DD` cannot write). The message says which, in Indonesian and English.
 */
export class TanggalTidakSah extends RangeError {
  constructor(readonly pesan: Pesan) {
    super(pesan.en);
    this.name = 'TanggalTidakSah';
  }
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Day numbers (days since 1970-01-01) of the first and last dates `YYYY-MM-DD` can write. */
const HARI_PERTAMA = -719162; // 0001-01-01
const HARI_TERAKHIR = 2932896; // 9999-12-31

const kabisat = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const HARI_BULAN = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** Year, month, day of a real calendar date in YYYY-MM-DD form (years 0001–9999), or null. */
function urai(s: string): [number, number, number] | null {
  const m = typeof s === 'string' ? DATE_RE.exec(s) : null;
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (y < 1 || mo < 1 || mo > 12 || d < 1) return null;
  const n = mo === 2 && kabisat(y) ? 29 : HARI_BULAN[mo - 1]!;
  return d <= n ? [y, mo, d] : null;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil; integers only). */
function nomorHari(y0: number, m: number, d: number): number {
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The `YYYY-MM-DD` date of a day number (civil_from_days); the caller keeps it within years 0001–9999. */
function dariNomor(n: number): IsoDate {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function bukanTanggal(s: unknown): TanggalTidakSah {
  const t = String(s).slice(0, 40);
  return new TanggalTidakSah(
    pesan(`"${t}" bukan tanggal YYYY-MM-DD yang ada`, `"${t}" is not an existing YYYY-MM-DD date`),
  );
}

/** The day number of a date, or a `TanggalTidakSah` error in words. */
function nomor(d: IsoDate): number {
  const p = urai(d);
  if (!p) throw bukanTanggal(d);
  return nomorHari(...p);
}

/**
 * Whether a string is a date Sigap accepts: a real calendar date written YYYY-MM-DD, from `TANGGAL_MIN`
 * to `TANGGAL_MAKS`. (The helpers below compute with any YYYY-MM-DD date, years 0001–9999.)
 */
export function isIsoDate(s: string): boolean {
  return urai(s) !== null && s >= TANGGAL_MIN && s <= TANGGAL_MAKS;
}

/** Why a date value is not accepted (naming the field when `kolom` is given), or null when it is. */
export function masalahTanggal(s: string, kolom?: string): Pesan | null {
  const k = kolom ? `${kolom}: ` : '';
  if (typeof s !== 'string')
    return pesan(`${k}wajib diisi dengan tanggal TTTT-BB-HH`, `${k}a YYYY-MM-DD date is required`);
  if (urai(s) === null)
    return pesan(
      `${k}"${s.slice(0, 40)}" bukan tanggal yang ada; tulis TTTT-BB-HH, misalnya 2026-08-17`,
      `${k}"${s.slice(0, 40)}" is not an existing date; write YYYY-MM-DD, e.g. 2026-08-17`,
    );
  if (s < TANGGAL_MIN || s > TANGGAL_MAKS)
    return pesan(
      `${k}${s} di luar rentang tanggal yang didukung (${TANGGAL_MIN} s.d. ${TANGGAL_MAKS})`,
      `${k}${s} is outside the supported dates (${TANGGAL_MIN} to ${TANGGAL_MAKS})`,
    );
  return null;
}

/**
 * Why a period from `dari` to `sampai` (both included) is not accepted, or null: both dates accepted,
 * `dari` not after `sampai`, and at most `maksHari` days (a year by default).
 */
export function masalahPeriode(
  dari: string,
  sampai: string,
  maksHari = MAKS_HARI_PERIODE,
  kolom: readonly [string, string] = ['dari', 'sampai'],
): Pesan | null {
  const a = masalahTanggal(dari, kolom[0]);
  if (a) return a;
  const b = masalahTanggal(sampai, kolom[1]);
  if (b) return b;
  if (sampai < dari)
    return pesan(
      `${kolom[1]} (${sampai}) sebelum ${kolom[0]} (${dari}); tukar kedua tanggal`,
      `${kolom[1]} (${sampai}) comes before ${kolom[0]} (${dari}); swap the two dates`,
    );
  const n = hariAntara(dari, sampai) + 1;
  if (n > maksHari)
    return pesan(
      `Periode ${dari} s.d. ${sampai} mencakup ${n} hari; paling banyak ${maksHari} hari sekali minta — pecah menjadi beberapa periode`,
      `The period ${dari} to ${sampai} spans ${n} days; at most ${maksHari} days per request — split it into several periods`,
    );
  return null;
}

/**
 * Every date of an accepted period (see `masalahPeriode`), or a `TanggalTidakSah` error saying in words
 * what is wrong with it.
 */
export function hariPeriode(dari: IsoDate, sampai: IsoDate, maksHari = MAKS_HARI_PERIODE): IsoDate[] {
  const p = masalahPeriode(dari, sampai, maksHari);
  if (p) throw new TanggalTidakSah(p);
  return dateRange(dari, sampai);
}

/** Days from `a` to `b` (negative when `b` is earlier). */
export function hariAntara(a: IsoDate, b: IsoDate): number {
  return nomor(b) - nomor(a);
}

/**
 * The date `n` days after `d` (negative goes back). Throws `TanggalTidakSah` when `d` is not a date or the
 * result would leave years 0001–9999, the only ones YYYY-MM-DD can write.
 */
export function addDays(d: IsoDate, n: number): IsoDate {
  if (!Number.isSafeInteger(n))
    throw new TanggalTidakSah(
      pesan(`jumlah hari ${n} bukan bilangan bulat`, `day count ${n} is not an integer`),
    );
  const r = nomor(d) + n;
  if (r < HARI_PERTAMA || r > HARI_TERAKHIR)
    throw new TanggalTidakSah(
      pesan(
        `${d} ${n < 0 ? 'dikurangi' : 'ditambah'} ${Math.abs(n)} hari keluar dari tahun 0001–9999`,
        `${d} ${n < 0 ? 'minus' : 'plus'} ${Math.abs(n)} days leaves the years 0001–9999`,
      ),
    );
  return dariNomor(r);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(d: IsoDate): number {
  // 1970-01-01 was a Thursday (4).
  return ((((nomor(d) + 3) % 7) + 7) % 7) + 1;
}

/**
 * Every date from `from` to `to`, both included (empty when `from` is after `to`). Counts days rather than
 * comparing strings, so it always ends; requests bound their periods first (`hariPeriode`).
 */
export function dateRange(from: IsoDate, to: IsoDate): IsoDate[] {
  const a = nomor(from);
  const b = nomor(to);
  const out: IsoDate[] = [];
  for (let n = a; n <= b; n++) out.push(dariNomor(n));
  return out;
}

const HARI_ID = ['Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu', 'Minggu'] as const;
const HARI_EN = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;
const BULAN_ID = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
] as const;
const BULAN_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** Names a weekday (1–7) in Indonesian or English. */
export function namaHari(isoDay: number, lang: 'id' | 'en' = 'id'): string {
  return (lang === 'en' ? HARI_EN : HARI_ID)[isoDay - 1] ?? '';
}

/** Names a month (1–12) in Indonesian or English. */
export function namaBulan(bulan: number, lang: 'id' | 'en' = 'id'): string {
  return (lang === 'en' ? BULAN_EN : BULAN_ID)[bulan - 1] ?? '';
}

/** "Selasa, 18 Agustus 2020" / "Tuesday, 18 August 2020". */
export function formatTanggal(d: IsoDate, lang: 'id' | 'en' = 'id', withDay = true): string {
  const p = urai(d);
  if (!p) throw bukanTanggal(d);
  const [y, m, day] = p;
  const bulan = (lang === 'en' ? BULAN_EN : BULAN_ID)[m - 1];
  const s = `${day} ${bulan} ${y}`;
  return withDay ? `${namaHari(isoWeekday(d), lang)}, ${s}` : s;
}
