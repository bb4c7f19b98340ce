import { isIsoDate } from '@sigap/domain';
import type { HariLibur } from './types';

export const JENIS_LIBUR: readonly HariLibur['jenis'][] = ['libur_nasional', 'cuti_bersama', 'libur_daerah'];

/** One CSV field, quoted when it holds a comma, a quote or a line break. */
function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** A CSV text in the import format (tanggal,jenis,nama,dasar). */
export function liburCsv(rows: readonly HariLibur[]): string {
  const lines = ['tanggal,jenis,nama,dasar'];
  for (const r of rows) lines.push([r.tanggal, r.jenis, r.nama, r.dasar].map(csvField).join(','));
  return `${lines.join('\n')}\n`;
}

/** The template for next year's decree: the header and two example rows. */
export function templatLiburCsv(tahun: number): string {
  return liburCsv([
    {
      tanggal: `${tahun}-01-01`,
      jenis: 'libur_nasional',
      nama: `Tahun Baru ${tahun} Masehi`,
      dasar: `SKB 3 Menteri tentang Hari Libur Nasional dan Cuti Bersama Tahun ${tahun}`,
    },
    {
      tanggal: `${tahun}-12-31`,
      jenis: 'libur_daerah',
      nama: 'Hari Jadi Daerah (contoh)',
      dasar: `Keputusan Kepala Daerah Nomor ... Tahun ${tahun - 1}`,
    },
  ]);
}

/** A `data:` address that downloads a text as a UTF-8 CSV file. */
export function csvDataUrl(text: string): string {
  return `data:text/csv;charset=utf-8,${encodeURIComponent(text)}`;
}

/** The year most rows of an import text belong to (to show it after importing), or null. */
export function tahunDominan(csv: string): number | null {
  const count = new Map<number, number>();
  for (const m of csv.matchAll(/^\s*"?(\d{4})-\d{2}-\d{2}/gm)) {
    const y = Number(m[1]);
    count.set(y, (count.get(y) ?? 0) + 1);
  }
  let best: number | null = null;
  for (const [y, n] of count) if (best === null || n > (count.get(best) ?? 0)) best = y;
  return best;
}

/** Problems of the add-a-day form, as message keys per field. */
export function masalahLibur(f: { tanggal: string; nama: string; dasar: string }): {
  tanggal: 'wajib' | 'tanggalSalah' | null;
  nama: 'wajib' | 'terlaluPanjang' | null;
  dasar: 'terlaluPanjang' | null;
} {
  return {
    tanggal: !f.tanggal ? 'wajib' : isIsoDate(f.tanggal) ? null : 'tanggalSalah',
    nama: !f.nama.trim() ? 'wajib' : f.nama.length > 200 ? 'terlaluPanjang' : null,
    dasar: f.dasar.length > 300 ? 'terlaluPanjang' : null,
  };
}
