/**
 * A location report from home (issue 11, item 2): when it counts, what is odd about it, where the person's
 * home is, and whether the report is at home. Pure: the server gives the times, the fixes and the homes.
 * docs/wfh.md §2.
 *
 * - **When a report counts.** The server's receipt time, unless the phone says it held the report in its
 *   offline queue: then the phone's own elapsed time between making and sending it (`waktuKirim −
 *   waktuPerangkat`, both on the phone's clock, so a phone clock that is simply wrong does not matter) is
 *   taken off the receipt time. A report held longer than `tundaMaksMenit` is flagged `tertunda`; one held
 *   longer than `TUNDA_TERIMA_MAKS_JAM` counts at its receipt time (nobody's slot is decided by a week-old
 *   queue).
 * - **Clocks.** A phone clock more than `selisihJamMaksMenit` from the server's at sending is flagged
 *   `jam_perangkat_beda`.
 * - **Jumps.** Two reports of one person whose distance (less both accuracy radii) over the time between them
 *   is faster than `kecepatanMaksKmj` are flagged `lompatan_mustahil` (the later one).
 * - **Home.** Until the OPD admin confirms a home, the first accurate reports propose one (`usulRumah`): the
 *   report with the most others within the home radius, the centre of that group. Never accepted silently.
 */

import { distanceMeters } from '../org/geo.ts';
import type { TempatLaporan } from './slot.ts';

/** The Pemda's rules for reports from home (its settings; defaults in the migration). */
export interface AturanLaporan {
  /** the home fence's radius, metres */
  readonly radiusRumahM: number;
  /** faster than this between two reports is a jump no one could travel */
  readonly kecepatanMaksKmj: number;
  /** a report held in the phone's queue longer than this is flagged */
  readonly tundaMaksMenit: number;
  /** a phone clock further than this from the server's is flagged */
  readonly selisihJamMaksMenit: number;
  /** accurate reports needed before a home is proposed */
  readonly usulSetelahLaporan: number;
}

export const ATURAN_LAPORAN_BAKU: AturanLaporan = {
  radiusRumahM: 150,
  kecepatanMaksKmj: 120,
  tundaMaksMenit: 60,
  selisihJamMaksMenit: 5,
  usulSetelahLaporan: 3,
};

/** Beyond this a queued report counts when received, not when made (three days: a long weekend offline). */
export const TUNDA_TERIMA_MAKS_JAM = 72;

export const TANDA_LAPORAN = ['tertunda', 'jam_perangkat_beda', 'lompatan_mustahil'] as const;
export type TandaLaporan = (typeof TANDA_LAPORAN)[number];

export interface WaktuLaporan {
  /** the server's clock when the report arrived */
  readonly terima: Date;
  /** the phone's clock when the report was made */
  readonly perangkat: Date;
  /** the phone's clock when it was sent (only a queued report sends it); null: sent at once */
  readonly kirim: Date | null;
}

export interface WaktuDihitung {
  /** the instant the report counts at */
  readonly dihitung: Date;
  /** how long the phone held it, minutes (0 when sent at once) */
  readonly tundaMenit: number;
  /** the phone's clock minus the server's at sending, minutes */
  readonly selisihJamMenit: number;
  readonly tanda: readonly TandaLaporan[];
}

const MENIT = 60_000;

/** When a report counts, and the flags its times raise. */
export function waktuDihitung(w: WaktuLaporan, a: AturanLaporan): WaktuDihitung {
  const kirim = w.kirim ?? w.perangkat;
  const selisih = (kirim.getTime() - w.terima.getTime()) / MENIT;
  const tundaMs = w.kirim ? w.kirim.getTime() - w.perangkat.getTime() : 0;
  // a negative hold (sent before it was made) is a broken clock: count it when received
  const sah = tundaMs >= 0 && tundaMs <= TUNDA_TERIMA_MAKS_JAM * 60 * MENIT;
  const tanda: TandaLaporan[] = [];
  if (tundaMs > a.tundaMaksMenit * MENIT || !sah) tanda.push('tertunda');
  if (Math.abs(selisih) > a.selisihJamMaksMenit) tanda.push('jam_perangkat_beda');
  return {
    dihitung: new Date(w.terima.getTime() - (sah ? tundaMs : 0)),
    tundaMenit: Math.max(0, Math.round(tundaMs / MENIT)),
    selisihJamMenit: Math.round(selisih),
    tanda,
  };
}

/**
 * Metres a fix may stray beyond its stated accuracy (phones understate it near buildings): a move shorter than
 * both accuracies and this is never a jump.
 */
export const TOLERANSI_LOMPATAN_M = 200;

/** A fix with the instant it counts at. */
export interface TitikLaporan {
  readonly id: string;
  readonly lat: number;
  readonly lng: number;
  readonly akurasiM: number;
  readonly dihitung: Date;
}

/**
 * The reports (any order) that arrive somewhere faster than `kecepatanMaksKmj` from the report before them
 * (by counted time). The distance is taken less both accuracy radii and TOLERANSI_LOMPATAN_M, so coarse fixes
 * and GPS wander never make a jump; two reports at the same instant are a jump when further apart than that.
 */
export function lompatanMustahil(laporan: readonly TitikLaporan[], kecepatanMaksKmj: number): Set<string> {
  const urut = [...laporan].sort((x, y) => x.dihitung.getTime() - y.dihitung.getTime());
  const out = new Set<string>();
  for (let i = 1; i < urut.length; i++) {
    const a = urut[i - 1]!;
    const b = urut[i]!;
    const jarakM = distanceMeters(a, b) - a.akurasiM - b.akurasiM - TOLERANSI_LOMPATAN_M;
    if (jarakM <= 0) continue;
    const jam = (b.dihitung.getTime() - a.dihitung.getTime()) / 3_600_000;
    if (jarakM / 1000 > kecepatanMaksKmj * jam) out.add(b.id);
  }
  return out;
}

/** A home location as confirmed by the OPD admin, in effect from `berlakuSejak`. */
export interface RumahTerkonfirmasi {
  readonly lat: number;
  readonly lng: number;
  readonly berlakuSejak: Date;
}

/**
 * The home a report at instant `t` is judged against: the confirmed home in effect then (the latest whose
 * `berlakuSejak` is not after `t`); before the first one, the first one (reports made while the first home
 * waited for confirmation are judged by it once confirmed). Null when none is confirmed.
 */
export function rumahPada(rumah: readonly RumahTerkonfirmasi[], t: Date): RumahTerkonfirmasi | null {
  let pada: RumahTerkonfirmasi | null = null;
  let pertama: RumahTerkonfirmasi | null = null;
  for (const r of rumah) {
    if (!pertama || r.berlakuSejak < pertama.berlakuSejak) pertama = r;
    if (r.berlakuSejak <= t && (!pada || r.berlakuSejak > pada.berlakuSejak)) pada = r;
  }
  return pada ?? pertama;
}

/**
 * Where a fix is against the home fence (a circle of `radiusM` around the home): at home when its centre is
 * inside and its accuracy no larger than the fence; inaccurate when it is not at home but its accuracy circle
 * reaches the fence and is larger than it (a better fix could change the answer); else away. The same rule as
 * the office fence (kehadiran/lokasi.ts).
 */
export function tempatLaporan(
  fix: { lat: number; lng: number; akurasiM: number },
  rumah: { lat: number; lng: number } | null,
  radiusM: number,
): { tempat: TempatLaporan; jarakM: number | null } {
  if (!rumah) return { tempat: 'rumah_belum_dikenal', jarakM: null };
  const jarak = distanceMeters(fix, rumah);
  const jarakM = Math.round(jarak);
  if (jarak <= radiusM && fix.akurasiM <= radiusM) return { tempat: 'di_rumah', jarakM };
  if (fix.akurasiM > radiusM && jarak - fix.akurasiM <= radiusM) return { tempat: 'tidak_akurat', jarakM };
  return { tempat: 'di_luar_rumah', jarakM };
}

/** A proposed home: the centre of the largest group of accurate reports within the home radius. */
export interface UsulanRumah {
  readonly lat: number;
  readonly lng: number;
  /** the reports it rests on */
  readonly dasar: readonly string[];
}

/**
 * Proposes a home from reports (accurate ones only: accuracy within the radius) once at least `minimal` of
 * them lie within `radiusM` of one of them: the report with the most neighbours (ties: the earlier), and the
 * centre (mean) of it and its neighbours. Null when no group is large enough yet.
 */
export function usulRumah(
  laporan: readonly TitikLaporan[],
  radiusM: number,
  minimal: number,
): UsulanRumah | null {
  const akurat = laporan
    .filter((l) => l.akurasiM <= radiusM)
    .sort((x, y) => x.dihitung.getTime() - y.dihitung.getTime());
  let terbaik: TitikLaporan[] = [];
  for (const l of akurat) {
    const kelompok = akurat.filter((x) => distanceMeters(l, x) <= radiusM);
    if (kelompok.length > terbaik.length) terbaik = kelompok;
  }
  if (terbaik.length < Math.max(1, minimal)) return null;
  const lat = terbaik.reduce((s, x) => s + x.lat, 0) / terbaik.length;
  const lng = terbaik.reduce((s, x) => s + x.lng, 0) / terbaik.length;
  return {
    lat: Math.round(lat * 1e6) / 1e6,
    lng: Math.round(lng * 1e6) / 1e6,
    dasar: terbaik.map((x) => x.id),
  };
}
