import {
  formatTanggal,
  formatWaktu,
  isoWeekday,
  localDate,
  MERAH_BATAS,
  namaBulan,
  namaHari,
  ZONA_WAKTU,
  type ZonaWaktu,
} from '@sigap/domain';
import type { DokumenRekap, OpdRekap, OrangRekap } from './types.ts';

/**
 * What the XLSX and the PDF recap share: the printed code of each status, its colours and its
 * meaning, and the Indonesian wording of periods, dates and signatures.
 */

/** The status palette and legend order are the domain's (the web grid uses the same). */
export { GAYA_STATUS, URUTAN_STATUS } from '@sigap/domain';
/** The over-cap mark: white on red. */
export const MERAH = MERAH_BATAS;
/** Header fill, and the darker one of weekend and holiday columns. */
export const ABU_KEPALA = 'EDEDED';
export const ABU_LIBUR = 'BFBFBF';

export const JUDUL = 'REKAPITULASI JADWAL KERJA ASN';
/** The title in running text: page heads and footers. */
export const JUDUL_KALIMAT = 'Rekapitulasi jadwal kerja ASN';

/** The rows under the grid: label, and which daily figure they show. */
export const BARIS_TOTAL = [
  { label: 'Di kantor (WFO + piket)', kunci: 'kantor' },
  { label: 'Piket', kunci: 'piket' },
  { label: 'Di rumah (WFH)', kunci: 'rumah' },
  { label: 'Tidak hadir (cuti, sakit, isolasi)', kunci: 'tidakHadir' },
  { label: 'Batas kantor', kunci: 'batas' },
] as const;

export const CATATAN_BATAS = {
  id: 'Batas kantor: jumlah paling banyak pegawai di kantor menurut kebijakan; merah = terlampaui.',
  en: 'Office cap: the most people the policy allows at the office; red = exceeded.',
} as const;

/** "Sen", "Sel", "Rab", "Kam", "Jum", "Sab", "Min". */
export function singkatanHari(tanggal: string): string {
  return namaHari(isoWeekday(tanggal)).slice(0, 3);
}

/** Day of the month of a YYYY-MM-DD date. */
export function tanggalKe(tanggal: string): number {
  return Number(tanggal.slice(8, 10));
}

/** Whether a column is a day off for the OPD: its totals say so, or else it is a weekend. */
export function hariLibur(opd: OpdRekap, tanggal: string): boolean {
  return opd.total[tanggal]?.libur ?? isoWeekday(tanggal) >= 6;
}

/** "1–31 Maret 2020", "28 Februari – 6 Maret 2020", "28 Desember 2020 – 3 Januari 2021". */
export function formatPeriode(dari: string, sampai: string): string {
  const [y1, m1, d1] = dari.split('-').map(Number) as [number, number, number];
  const [y2, m2, d2] = sampai.split('-').map(Number) as [number, number, number];
  if (dari === sampai) return `${d1} ${namaBulan(m1)} ${y1}`;
  if (y1 === y2 && m1 === m2) return `${d1}–${d2} ${namaBulan(m2)} ${y2}`;
  if (y1 === y2) return `${d1} ${namaBulan(m1)} – ${d2} ${namaBulan(m2)} ${y2}`;
  return `${d1} ${namaBulan(m1)} ${y1} – ${d2} ${namaBulan(m2)} ${y2}`;
}

/** "Maret 2020" for a YYYY-MM key. */
export function namaBulanTahun(bulan: string): string {
  return `${namaBulan(Number(bulan.slice(5, 7)))} ${bulan.slice(0, 4)}`;
}

function zona(d: DokumenRekap): ZonaWaktu {
  return (ZONA_WAKTU as readonly string[]).includes(d.pemda.zonaWaktu)
    ? (d.pemda.zonaWaktu as ZonaWaktu)
    : 'Asia/Jakarta';
}

/** "Batu" from "Pemerintah Kota Batu", unless the document names the place itself. */
export function tempatTtd(d: DokumenRekap): string {
  if (d.pemda.tempat) return d.pemda.tempat;
  return d.pemda.nama.replace(/^pemerintah\s+/i, '').replace(/^(kota|kabupaten|kab\.|provinsi)\s+/i, '');
}

/** "Batu, 1 April 2020": place and the local date the document was produced. */
export function tempatTanggal(d: DokumenRekap): string {
  return `${tempatTtd(d)}, ${formatTanggal(localDate(new Date(d.dibuatPada), zona(d)), 'id', false)}`;
}

/** "01/04/2020 08.00 WIB". */
export function waktuCetak(d: DokumenRekap): string {
  return formatWaktu(new Date(d.dibuatPada), zona(d));
}

/** "Status: Terbit" or the draft mark. */
export function tandaStatus(d: DokumenRekap): string {
  return d.status === 'terbit'
    ? 'Status: Terbit (published)'
    : 'Status: DRAF — belum terbit, dapat berubah (draft, not yet published)';
}

/** The NIP as signatures print it: "19750101 200003 1 001"; other ids unchanged (the letters' rule). */
export { formatNipSurat as formatNip } from '@sigap/domain';

/** "Kepala Dinas Kesehatan". */
export function jabatanPenandatangan(opd: OpdRekap): string {
  return `Kepala ${opd.nama}`;
}

/** Days a person is at the office (WFO or piket). */
export function hariKantor(o: OrangRekap, hari: readonly string[]): number {
  let n = 0;
  for (const t of hari) {
    const s = o.sel[t];
    if (s === 'WFO' || s === 'PIKET') n++;
  }
  return n;
}

/** Whether the office count of a day is over the cap. */
export function lewatBatas(opd: OpdRekap, tanggal: string): boolean {
  const t = opd.total[tanggal];
  return t !== undefined && t.batas !== null && t.kantor > t.batas;
}

/** The figure a totals row shows for a day: a number, or null for no cap / no data. */
export function nilaiTotal(
  opd: OpdRekap,
  tanggal: string,
  kunci: (typeof BARIS_TOTAL)[number]['kunci'],
): number | null {
  const t = opd.total[tanggal];
  if (!t) return null;
  return t[kunci];
}

/** The period split into calendar months, each at most 31 days: one grid each on paper. */
export function perBulan(hari: readonly string[]): string[][] {
  const out: string[][] = [];
  let bulan = '';
  for (const t of hari) {
    if (t.slice(0, 7) !== bulan) {
      bulan = t.slice(0, 7);
      out.push([]);
    }
    out[out.length - 1]!.push(t);
  }
  return out;
}
