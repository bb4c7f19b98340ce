import {
  addDays,
  dateRange,
  GAYA_STATUS,
  isIsoDate,
  isoWeekday,
  MERAH_BATAS,
  namaBulan,
  type Pesan,
  type StatusJadwal,
  URUTAN_STATUS,
} from '@sigap/domain';
import type { CSSProperties } from 'react';
import type { GridJadwal, KelompokGrid, VersiJadwal } from './types';

/** The status palette of the printed recap, from the domain: the grid looks like the XLSX and the PDF. */
export { GAYA_STATUS, URUTAN_STATUS } from '@sigap/domain';
/** The over-cap mark of the printed recap, as CSS colours: white on red. */
export const MERAH = { isi: `#${MERAH_BATAS.isi}`, teks: `#${MERAH_BATAS.teks}` } as const;

/** The palette as CSS variables (`--sj-WFO-isi`, `--sj-WFO-teks`, …) for jadwal.css. */
export function paletVars(): CSSProperties {
  const v: Record<string, string> = { '--sj-merah-isi': MERAH.isi, '--sj-merah-teks': MERAH.teks };
  for (const s of URUTAN_STATUS) {
    v[`--sj-${s}-isi`] = `#${GAYA_STATUS[s].isi}`;
    v[`--sj-${s}-teks`] = `#${GAYA_STATUS[s].teks}`;
  }
  return v as CSSProperties;
}

/** Why a cell has its status, in words. */
export const LABEL_ALASAN: Readonly<Record<string, Pesan>> = {
  kebijakan: { id: 'Ditetapkan aturan kebijakan', en: 'Set by a policy rule' },
  batas: { id: 'Dibagi dalam batas kantor', en: 'Shared out within the office cap' },
  piket: { id: 'Giliran piket', en: 'Piket rota' },
  kunci: { id: 'Ditetapkan kepala unit (dikunci)', en: 'Set by the unit head (locked)' },
  tidak_hadir: { id: 'Cuti, sakit atau isolasi yang disetujui', en: 'Approved leave, sickness or isolation' },
  libur: { id: 'Hari libur atau bukan hari kerja', en: 'Holiday or non-working day' },
  tanpa_kebijakan: {
    id: 'Tidak ada kebijakan: bekerja di kantor seperti biasa',
    en: 'No policy applies: work at the office as usual',
  },
  impor: { id: 'Dari rekap yang diimpor', en: 'From an imported recap' },
};

/** Statuses a unit head may set (the rest come from leave or the calendar). */
export const STATUS_UBAH = ['WFO', 'WFH', 'PIKET'] as const;
export type StatusUbah = (typeof STATUS_UBAH)[number];

/** Whether a cell can be adjusted: a working status (leave and days off change elsewhere). */
export function bisaDiubah(s: StatusJadwal | undefined): boolean {
  return s === 'WFO' || s === 'WFH' || s === 'PIKET';
}

/** The longest period the server takes at once. */
export const MAKS_HARI = 93;

/** The first and last date of a month "YYYY-MM". */
export function periodeBulan(ym: string): { dari: string; sampai: string } {
  const dari = `${ym}-01`;
  const [y, m] = ym.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return { dari, sampai: addDays(next, -1) };
}

/**
 * Where "Jadwal saya" opens: the published period that holds `hariIni`, else the latest one before it,
 * else the earliest one after it; null when nothing is published for the person.
 */
export function periodeTerdekat<P extends { readonly dari: string; readonly sampai: string }>(
  periode: readonly P[],
  hariIni: string,
): P | null {
  let sekarang: P | null = null;
  let lalu: P | null = null;
  let nanti: P | null = null;
  for (const p of periode) {
    if (p.dari <= hariIni && hariIni <= p.sampai) {
      if (!sekarang || p.dari > sekarang.dari) sekarang = p;
    } else if (p.sampai < hariIni) {
      if (!lalu || p.sampai > lalu.sampai || (p.sampai === lalu.sampai && p.dari > lalu.dari)) lalu = p;
    } else if (!nanti || p.dari < nanti.dari) nanti = p;
  }
  return sekarang ?? lalu ?? nanti;
}

/** The month `n` months after "YYYY-MM". */
export function geserBulan(ym: string, n: number): string {
  const [y, m] = ym.split('-').map(Number) as [number, number];
  const i = y * 12 + (m - 1) + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

/** "Agustus 2020" for "2020-08". */
export function labelBulan(ym: string, lang: 'id' | 'en'): string {
  return `${namaBulan(Number(ym.slice(5, 7)), lang)} ${ym.slice(0, 4)}`;
}

/** "17–28 Agustus 2020", "28 Februari – 6 Maret 2020", "Agustus 2020" for a whole month. */
export function labelPeriode(dari: string, sampai: string, lang: 'id' | 'en'): string {
  const [y1, m1, d1] = dari.split('-').map(Number) as [number, number, number];
  const [y2, m2, d2] = sampai.split('-').map(Number) as [number, number, number];
  const b = (m: number) => namaBulan(m, lang);
  const bulan = periodeBulan(dari.slice(0, 7));
  if (bulan.dari === dari && bulan.sampai === sampai) return labelBulan(dari.slice(0, 7), lang);
  if (dari === sampai) return `${d1} ${b(m1)} ${y1}`;
  if (y1 === y2 && m1 === m2) return `${d1}–${d2} ${b(m2)} ${y2}`;
  if (y1 === y2) return `${d1} ${b(m1)} – ${d2} ${b(m2)} ${y2}`;
  return `${d1} ${b(m1)} ${y1} – ${d2} ${b(m2)} ${y2}`;
}

/** What is wrong with a period typed by hand, as a message key; null when it is fine. */
export function cekPeriode(
  dari: string,
  sampai: string,
): 'valid.tanggalSalah' | 'jd.periodeTerbalik' | 'jd.periodeTerlaluPanjang' | null {
  if (!isIsoDate(dari) || !isIsoDate(sampai)) return 'valid.tanggalSalah';
  if (sampai < dari) return 'jd.periodeTerbalik';
  if (dateRange(dari, sampai).length > MAKS_HARI) return 'jd.periodeTerlaluPanjang';
  return null;
}

/**
 * The period a schedule page opens on: that of the newest full build (or import), else of the newest
 * version of any kind, else the current month.
 */
export function periodeBawaan(
  versi: readonly VersiJadwal[],
  hariIni: string,
): { dari: string; sampai: string } {
  const penuh = versi.find((v) => v.jenis === 'buat' || v.jenis === 'impor') ?? versi[0];
  return penuh ? { dari: penuh.dari, sampai: penuh.sampai } : periodeBulan(hariIni.slice(0, 7));
}

/** Whether a day is a Saturday or Sunday. */
export function akhirPekan(tanggal: string): boolean {
  return isoWeekday(tanggal) >= 6;
}

/** Monday-to-Sunday weeks covering a period; dates outside it are kept (shown muted). */
export function mingguPeriode(dari: string, sampai: string): string[][] {
  const mulai = addDays(dari, 1 - isoWeekday(dari));
  const akhir = addDays(sampai, 7 - isoWeekday(sampai));
  const days = dateRange(mulai, akhir);
  const out: string[][] = [];
  for (let i = 0; i < days.length; i += 7) out.push(days.slice(i, i + 7));
  return out;
}

/** Whether a group's count breaks its limit: over a cap, or short of a minimum or the piket count. */
export function melanggar(g: Pick<KelompokGrid, 'jenis' | 'hadir' | 'batas'>): boolean {
  return g.jenis === 'batas_kantor' ? g.hadir > g.batas : g.hadir < g.batas;
}

/** A row of the per-day totals under the grid: one group (same rule, same OPD/unit) over the days. */
export interface BarisKelompok {
  readonly kunci: string;
  readonly jenis: KelompokGrid['jenis'];
  readonly grupKode: string;
  readonly dasar: string | null;
  /** per day: the group that day, or null when it does not apply */
  readonly hari: readonly (KelompokGrid | null)[];
  readonly dilanggar: number;
}

const URUT_JENIS: Record<KelompokGrid['jenis'], number> = { batas_kantor: 0, minimum_kantor: 1, piket: 2 };

/** The groups of a grid as rows over its days: caps first, then minimums, then piket; by unit. */
export function barisKelompok(g: Pick<GridJadwal, 'hari' | 'kelompok'>): BarisKelompok[] {
  const rows = new Map<
    string,
    { jenis: KelompokGrid['jenis']; grupKode: string; dasar: string | null; hari: (KelompokGrid | null)[] }
  >();
  g.kelompok.forEach((day, i) => {
    for (const k of day) {
      const kunci = `${k.jenis}|${k.grup_kode}|${k.aturan}`;
      let r = rows.get(kunci);
      if (!r) {
        r = { jenis: k.jenis, grupKode: k.grup_kode, dasar: k.dasar, hari: g.hari.map(() => null) };
        rows.set(kunci, r);
      }
      r.hari[i] = k;
    }
  });
  return [...rows]
    .map(([kunci, r]) => ({ kunci, ...r, dilanggar: r.hari.filter((k) => k && melanggar(k)).length }))
    .sort((a, b) => URUT_JENIS[a.jenis] - URUT_JENIS[b.jenis] || a.grupKode.localeCompare(b.grupKode));
}

/** Per day: people at the office (WFO + piket), at home, away (leave, sick, isolation), without a cell. */
export function hitungHarian(g: Pick<GridJadwal, 'hari' | 'orang'>) {
  const out = g.hari.map(() => ({ kantor: 0, rumah: 0, tidakHadir: 0, kosong: 0 }));
  for (const o of g.orang) {
    o.sel.forEach((c, i) => {
      const t = out[i]!;
      if (!c) t.kosong++;
      else if (c.s === 'WFO' || c.s === 'PIKET') t.kantor++;
      else if (c.s === 'WFH') t.rumah++;
      else if (c.s !== 'LIBUR') t.tidakHadir++;
    });
  }
  return out;
}

export type TingkatOkupansi = 'rendah' | 'sedang' | 'tinggi' | 'penuh' | 'lewat';

/** How full the office is against its cap: under half, under 80%, under the cap, at it, over it. */
export function tingkatOkupansi(kantor: number, batas: number | null): TingkatOkupansi | undefined {
  if (batas === null) return undefined;
  if (kantor > batas) return 'lewat';
  if (batas === 0) return 'penuh';
  const r = kantor / batas;
  if (r >= 1) return 'penuh';
  if (r >= 0.8) return 'tinggi';
  if (r >= 0.5) return 'sedang';
  return 'rendah';
}
