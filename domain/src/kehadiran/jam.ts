/**
 * Hours (issue 10, item 6): the day's hours, grace minutes, the check-in window, and from a day's punches
 * the arrival, departure, lateness, early departure and a missing check-out. Pure: no I/O.
 *
 * Times: punches are instants (the server's clock); the day's hours are HH:MM in the Pemda's zone. All
 * arithmetic is in whole minutes since the local midnight that starts the day (`menitLokal`), so a night
 * shift that ends after midnight simply runs past 24:00 (1440). A punch counts at the minute shown on the
 * recap (seconds dropped), so "07:30" is never "1 minute late" for a 07:30 start.
 */

import type { IsoDate } from '../kalender/dates.ts';
import { isoWeekday } from '../kalender/dates.ts';
import type { JamHari, JamKerja } from '../kalender/work-hours.ts';
import { localDayStart, localTime, type ZonaWaktu } from '../kalender/zones.ts';
import type { KeputusanOrang, MetodeAbsensi, RujukanAturan } from '../kebijakan/evaluate/umum.ts';

/** The Pemda's rules for judging hours. Minutes, whole, 0 or more. */
export interface AturanJam {
  /** arrival up to this many minutes after the start is not late */
  readonly toleransiMasukMenit: number;
  /** departure up to this many minutes before the end is not early */
  readonly toleransiPulangMenit: number;
  /** the check-in window opens this long before the start (it closes at the end of the hours) */
  readonly bukaMasukSebelumMenit: number;
  /** the check-out window (from the start) closes this long after the end; later punches are another day's */
  readonly tutupPulangSetelahMenit: number;
  /** a punch whose kind the terminal did not know counts as check-out only this long after the check-in */
  readonly selangPulangMinimalMenit: number;
}

/** Defaults until the Pemda sets its own: no grace; check in from 2 h before the start; check out until 4 h after the end. */
export const ATURAN_JAM_BAKU: AturanJam = {
  toleransiMasukMenit: 0,
  toleransiPulangMenit: 0,
  bukaMasukSebelumMenit: 120,
  tutupPulangSetelahMenit: 240,
  selangPulangMinimalMenit: 60,
};

/** Where a day's hours come from. */
export type SumberJam = 'pemda' | 'kebijakan' | 'shift';

/** The hours that apply to one person on one day. */
export interface JamBerlaku extends JamHari {
  readonly sumber: SumberJam;
  /** the policy rule, when `sumber` is `kebijakan` */
  readonly aturan: RujukanAturan | null;
}

/** Minutes since midnight of "HH:MM". */
export function menitDariJam(hhmm: string): number {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  if (!m) throw new RangeError(`"${hhmm}" is not HH:MM`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** Start and end in minutes since the day's local midnight; an end at or before the start is the next day. */
export function rentangJam(j: JamHari): { mulai: number; selesai: number } {
  const mulai = menitDariJam(j.mulai);
  let selesai = menitDariJam(j.selesai);
  if (selesai <= mulai) selesai += 1440;
  return { mulai, selesai };
}

/** Whole minutes (seconds dropped) from the local midnight that starts `tanggal` to `waktu`; may be negative or past 1440. */
export function menitLokal(waktu: Date, tanggal: IsoDate, zona: ZonaWaktu): number {
  return Math.floor((waktu.getTime() - Date.parse(localDayStart(tanggal, zona))) / 60_000);
}

/** The instant `menit` minutes after the local midnight that starts `tanggal`. */
/** "HH:MM" of minutes since midnight (wrapped into one day): the inverse of `menitDariJam`. */
export function jamDariMenit(m: number): string {
  const x = ((m % 1440) + 1440) % 1440;
  return `${String(Math.floor(x / 60)).padStart(2, '0')}:${String(x % 60).padStart(2, '0')}`;
}

export function waktuDariMenit(menit: number, tanggal: IsoDate, zona: ZonaWaktu): Date {
  return new Date(Date.parse(localDayStart(tanggal, zona)) + menit * 60_000);
}

/**
 * The hours of a person's day, first found: the piket shift's hours given by the schedule; the policy's
 * `jam_kerja` for the unit (from the day's evaluation, which already falls back to the Pemda's); the Pemda's
 * hours for the weekday. null: no hours (not a working day).
 */
export function jamHari(
  tanggal: IsoDate,
  jamKerjaPemda: JamKerja,
  keputusan?: Pick<KeputusanOrang, 'jamKerja'> | null,
  shift?: JamHari | null,
): JamBerlaku | null {
  if (shift) return { ...shift, sumber: 'shift', aturan: null };
  const k = keputusan?.jamKerja;
  if (k) {
    const { sumber, ...j } = k;
    return { ...j, sumber: sumber ? 'kebijakan' : 'pemda', aturan: sumber };
  }
  const p = jamKerjaPemda[String(isoWeekday(tanggal)) as keyof JamKerja];
  return p ? { ...p, sumber: 'pemda', aturan: null } : null;
}

/** Whether an attendance method records presence at the office (a face check-in or a terminal). */
export function dicatatDiKantor(m: MetodeAbsensi['metode']): boolean {
  return m === 'wajah' || m === 'elektronik';
}

/**
 * Whether a day of this schedule status records office attendance, as the policy's `absensi` rule says
 * (Kudus: WFO and PIKET by terminal, WFH none). Leave, sickness, isolation and days off record none.
 */
export function perluAbsenKantor(
  jadwal: 'WFO' | 'WFH' | 'PIKET' | 'CUTI' | 'SAKIT' | 'ISOLASI' | 'LIBUR',
  absensi: KeputusanOrang['absensi'],
): boolean {
  if (jadwal !== 'WFO' && jadwal !== 'WFH' && jadwal !== 'PIKET') return false;
  return dicatatDiKantor(absensi[jadwal].metode);
}

export type JenisAbsen = 'masuk' | 'pulang';

/** The windows in which a check-in and a check-out count, in minutes since the day's local midnight. */
export interface JendelaAbsen {
  readonly masuk: { readonly dari: number; readonly sampai: number };
  readonly pulang: { readonly dari: number; readonly sampai: number };
}

/**
 * Check-in: from `bukaMasukSebelumMenit` before the start until the end of the hours. Check-out: from the
 * start until `tutupPulangSetelahMenit` after the end. Both bounds inclusive.
 */
export function jendelaAbsen(jam: JamHari, aturan: AturanJam = ATURAN_JAM_BAKU): JendelaAbsen {
  const { mulai, selesai } = rentangJam(jam);
  return {
    masuk: { dari: mulai - aturan.bukaMasukSebelumMenit, sampai: selesai },
    pulang: { dari: mulai, sampai: selesai + aturan.tutupPulangSetelahMenit },
  };
}

/** Whether a check-in or check-out at `menit` (since the day's local midnight) is within its window. */
export function dalamJendela(jenis: JenisAbsen, menit: number, j: JendelaAbsen): boolean {
  const w = j[jenis];
  return menit >= w.dari && menit <= w.sampai;
}

/** One punch: a terminal line, an accepted face check-in, or an approved correction. */
export interface Ketukan {
  readonly id: string;
  readonly waktu: Date;
  /** null: the terminal did not know whether it was a check-in or a check-out */
  readonly jenis: JenisAbsen | null;
}

export interface HasilJam {
  /** the check-in that counts, and its minute since the day's local midnight */
  readonly masuk: Ketukan | null;
  readonly masukMenit: number | null;
  readonly pulang: Ketukan | null;
  readonly pulangMenit: number | null;
  /** minutes after the start, 0 when within the grace */
  readonly terlambatMenit: number;
  /** minutes before the end, 0 when within the grace, or without a check-in or a check-out */
  readonly pulangCepatMenit: number;
  /** a check-in and no check-out */
  readonly tanpaPulang: boolean;
  /** a check-out and no check-in */
  readonly tanpaMasuk: boolean;
  /** punches outside the day's window (from the check-in window's opening to the check-out window's close) */
  readonly diLuarJendela: readonly Ketukan[];
}

/**
 * Arrival and departure from a day's punches.
 * - Only punches from the check-in window's opening to the check-out window's close count; others are listed.
 * - masuk: the earliest punch that is a check-in or of unknown kind.
 * - pulang: the latest punch that is a check-out, or of unknown kind at least `selangPulangMinimalMenit` after
 *   the masuk; never the masuk punch itself, never before the masuk.
 * - Lateness: 0 when masuk ≤ start + grace; otherwise the minutes since the start (the grace forgives, it is
 *   not deducted). Early departure likewise: 0 when pulang ≥ end − grace, otherwise the minutes before the end.
 */
export function hitungJam(
  ketukan: readonly Ketukan[],
  jam: JamHari,
  tanggal: IsoDate,
  zona: ZonaWaktu,
  aturan: AturanJam = ATURAN_JAM_BAKU,
): HasilJam {
  const { mulai, selesai } = rentangJam(jam);
  const jendela = jendelaAbsen(jam, aturan);
  const dari = jendela.masuk.dari;
  const sampai = jendela.pulang.sampai;
  const semua = ketukan
    .map((k) => ({ k, m: menitLokal(k.waktu, tanggal, zona) }))
    .sort((a, b) => a.k.waktu.getTime() - b.k.waktu.getTime() || (a.k.id < b.k.id ? -1 : 1));
  const diLuarJendela = semua.filter((x) => x.m < dari || x.m > sampai).map((x) => x.k);
  const dalam = semua.filter((x) => x.m >= dari && x.m <= sampai);
  const masuk = dalam.find((x) => x.k.jenis !== 'pulang') ?? null;
  let pulang: (typeof dalam)[number] | null = null;
  for (const x of dalam) {
    if (x === masuk) continue;
    if (masuk && x.k.waktu.getTime() < masuk.k.waktu.getTime()) continue;
    const ok =
      x.k.jenis === 'pulang' ||
      (x.k.jenis === null && masuk !== null && x.m - masuk.m >= aturan.selangPulangMinimalMenit);
    if (ok) pulang = x;
  }
  const terlambatMenit = masuk && masuk.m > mulai + aturan.toleransiMasukMenit ? masuk.m - mulai : 0;
  const pulangCepatMenit =
    masuk && pulang && pulang.m < selesai - aturan.toleransiPulangMenit ? selesai - pulang.m : 0;
  return {
    masuk: masuk?.k ?? null,
    masukMenit: masuk?.m ?? null,
    pulang: pulang?.k ?? null,
    pulangMenit: pulang?.m ?? null,
    terlambatMenit,
    pulangCepatMenit,
    tanpaPulang: masuk !== null && pulang === null,
    tanpaMasuk: masuk === null && pulang !== null,
    diLuarJendela,
  };
}

/** "HH:MM" in the Pemda's zone of a punch, as the recap shows it. */
export function jamTampil(waktu: Date, zona: ZonaWaktu): string {
  return localTime(waktu, zona);
}
