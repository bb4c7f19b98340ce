/** Dates are plain `YYYY-MM-DD` strings in the Pemda's own calendar; no time zone is attached. */
export type IsoDate = string;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether a string is a real calendar date in YYYY-MM-DD form. */
export function isIsoDate(s: string): boolean {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

function toUtc(d: IsoDate): Date {
  return new Date(`${d}T00:00:00Z`);
}

/** The date `n` days after `d` (negative goes back). */
export function addDays(d: IsoDate, n: number): IsoDate {
  const t = toUtc(d);
  t.setUTCDate(t.getUTCDate() + n);
  return t.toISOString().slice(0, 10);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(d: IsoDate): number {
  const w = toUtc(d).getUTCDay();
  return w === 0 ? 7 : w;
}

/** Every date from `from` to `to`, both included. */
export function dateRange(from: IsoDate, to: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
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
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  const bulan = (lang === 'en' ? BULAN_EN : BULAN_ID)[m - 1];
  const s = `${day} ${bulan} ${y}`;
  return withDay ? `${namaHari(isoWeekday(d), lang)}, ${s}` : s;
}
