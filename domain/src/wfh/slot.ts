/**
 * Location-report slots of a work-from-home day (issue 11, item 2; Kudus 2020: "report your location every
 * two hours, within working hours"). Pure: the server gives the policy's rule, the reports with the time it
 * counts them at, the going-out notices, and the moment it asks; this file says which report fills which
 * slot and what each slot's status is. docs/wfh.md.
 *
 * - The slots open every `setiapJam` hours from `dari`; each stays open until the next opens, the last one
 *   until `sampai`. They never overlap, so a report belongs to one slot at most.
 * - A slot's status: a report at home within `tepatMenit` of its opening → `tepat_waktu`, later in the slot →
 *   `terlambat`; otherwise a going-out notice whose window holds the slot's opening → `izin_keluar` (the slot
 *   is not counted against the person); otherwise a report while the person's home is not yet confirmed →
 *   `menunggu_rumah` (judged once the OPD admin confirms it), a report away from home → `di_luar_rumah`, or
 *   only reports too inaccurate to say → `tidak_akurat`; otherwise, once the slot has closed, `terlewat`, and before that
 *   `belum`.
 */

import { menitDariJam } from '../kehadiran/jam.ts';

/** The policy's rule for the day (`absensi.wfh: lokasi_berkala` and its hours). */
export interface AturanSlot {
  /** every N hours (0.5–12, the policy schema's bounds) */
  readonly setiapJam: number;
  /** "HH:MM": the first slot opens */
  readonly dari: string;
  /** "HH:MM": the last slot closes (after `dari`, same day) */
  readonly sampai: string;
}

/** One slot, in minutes since the day's local midnight: [buka, tutup). */
export interface SlotLapor {
  /** 1, 2, … in order */
  readonly ke: number;
  readonly buka: number;
  readonly tutup: number;
}

/**
 * Where a report was, as the home fence judged it (the server decides with `nilaiLokasi`):
 * `rumah_belum_dikenal` while the person has no home location confirmed by their OPD admin (docs/wfh.md §2).
 */
export type TempatLaporan = 'di_rumah' | 'di_luar_rumah' | 'tidak_akurat' | 'rumah_belum_dikenal';

export interface LaporanLokasi {
  readonly id: string;
  /** the minute the report counts at (since the day's local midnight), chosen by the server */
  readonly menit: number;
  readonly tempat: TempatLaporan;
}

/** A going-out notice's window, minutes since local midnight: [dari, sampai). */
export interface JendelaIzin {
  readonly dari: number;
  readonly sampai: number;
}

export const STATUS_SLOT = [
  'tepat_waktu',
  'terlambat',
  'izin_keluar',
  'menunggu_rumah',
  'di_luar_rumah',
  'tidak_akurat',
  'terlewat',
  'belum',
] as const;
export type StatusSlot = (typeof STATUS_SLOT)[number];

export interface HasilSlot {
  readonly slot: SlotLapor;
  readonly status: StatusSlot;
  /** the report that decided the status, if one did */
  readonly laporanId: string | null;
}

/** Minutes after a slot opens within which a report is on time (the rest of the slot is late). */
export const TEPAT_MENIT_BAKU = 30;

/** The day's slots; none when the rule's hours are empty or reversed. Throws on a malformed rule. */
export function susunSlot(a: AturanSlot): SlotLapor[] {
  if (!(Number.isFinite(a.setiapJam) && a.setiapJam >= 0.5 && a.setiapJam <= 12))
    throw new RangeError(`setiapJam ${a.setiapJam} outside 0.5–12`);
  const dari = menitDariJam(a.dari);
  const sampai = menitDariJam(a.sampai);
  const langkah = Math.round(a.setiapJam * 60);
  const out: SlotLapor[] = [];
  for (let buka = dari, ke = 1; buka < sampai; buka += langkah, ke++)
    out.push({ ke, buka, tutup: Math.min(buka + langkah, sampai) });
  return out;
}

/** The slot a minute falls in, or null (before the first, after the last). */
export function slotPada(slots: readonly SlotLapor[], menit: number): SlotLapor | null {
  return slots.find((s) => s.buka <= menit && menit < s.tutup) ?? null;
}

const PERINGKAT: Record<TempatLaporan, number> = {
  di_rumah: 0,
  rumah_belum_dikenal: 2,
  di_luar_rumah: 3,
  tidak_akurat: 4,
};
const peringkat = (tempat: TempatLaporan, tepat: boolean) =>
  tempat === 'di_rumah' && !tepat ? 1 : PERINGKAT[tempat];

/** The status a slot decided by a report not at home gets. */
const STATUS_TEMPAT = {
  rumah_belum_dikenal: 'menunggu_rumah',
  di_luar_rumah: 'di_luar_rumah',
  tidak_akurat: 'tidak_akurat',
} as const satisfies Record<Exclude<TempatLaporan, 'di_rumah'>, StatusSlot>;

/**
 * Each slot's status and the report that decided it. `sekarang` (minutes since the day's local midnight,
 * or null for a day that is over) decides whether a slot without a report is missed or still open.
 */
export function nilaiSlot(
  slots: readonly SlotLapor[],
  laporan: readonly LaporanLokasi[],
  izin: readonly JendelaIzin[],
  sekarang: number | null,
  tepatMenit: number = TEPAT_MENIT_BAKU,
): HasilSlot[] {
  return slots.map((slot) => {
    const tepat = (l: LaporanLokasi) => l.menit < slot.buka + tepatMenit;
    // the best report of the slot: at home before away before inaccurate, on time before late, earliest
    const terbaik = laporan
      .filter((l) => slot.buka <= l.menit && l.menit < slot.tutup)
      .sort((x, y) => peringkat(x.tempat, tepat(x)) - peringkat(y.tempat, tepat(y)) || x.menit - y.menit)[0];
    if (terbaik?.tempat === 'di_rumah')
      return { slot, status: tepat(terbaik) ? 'tepat_waktu' : 'terlambat', laporanId: terbaik.id };
    if (izin.some((z) => z.dari <= slot.buka && slot.buka < z.sampai))
      return { slot, status: 'izin_keluar', laporanId: null };
    if (terbaik) return { slot, status: STATUS_TEMPAT[terbaik.tempat], laporanId: terbaik.id };
    const tutup = sekarang === null || sekarang >= slot.tutup;
    return { slot, status: tutup ? 'terlewat' : 'belum', laporanId: null };
  });
}
