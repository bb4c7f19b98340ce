import { type ImportIssue, pesan } from '@sigap/domain';

/**
 * At most this many problems of a failed import are kept (in its job, in memory and in the
 * import_job table) and shown; a file with more says how many more, and how many of each kind.
 */
export const MAKS_MASALAH_IMPOR = 1000;

/** The code of the closing entry that stands for the problems not listed one by one. */
export const KODE_MASALAH_LAIN = 'MASALAH_LAIN';

/** A failed import's problems as stored: the first ones, their total and a count per code. */
export interface MasalahTerbatas {
  /** The first {@link MAKS_MASALAH_IMPOR} problems, then (if there were more) one MASALAH_LAIN entry. */
  readonly issues: readonly ImportIssue[];
  /** How many problems the file has in all. */
  readonly jumlahMasalah: number;
  /** How many problems of each code the file has in all. */
  readonly perKode: Readonly<Record<string, number>>;
}

const angka = (n: number, lang: 'id' | 'en') => n.toLocaleString(lang === 'id' ? 'id-ID' : 'en-US');

/**
 * Bounds a failed import's problems (a 50,000-row file can have 100,000): the first
 * {@link MAKS_MASALAH_IMPOR} in file order, then one entry "… dan N masalah lain", the way a policy
 * lists at most 200 problems; the total and the count per code (for tools) come alongside.
 */
export function batasiMasalah(semua: readonly ImportIssue[], maks = MAKS_MASALAH_IMPOR): MasalahTerbatas {
  const perKode: Record<string, number> = {};
  for (const i of semua) perKode[i.kode] = (perKode[i.kode] ?? 0) + 1;
  const issues = semua.slice(0, maks);
  const sisa = semua.length - issues.length;
  if (sisa > 0) {
    issues.push({
      baris: 0,
      kolom: null,
      kode: KODE_MASALAH_LAIN,
      pesan: pesan(
        `… dan ${angka(sisa, 'id')} masalah lain (hanya ${angka(maks, 'id')} masalah pertama yang dicantumkan); perbaiki yang di atas lalu impor lagi`,
        `… and ${angka(sisa, 'en')} more problems (only the first ${angka(maks, 'en')} are listed); fix the ones above and import again`,
      ),
    });
  }
  return { issues, jumlahMasalah: semua.length, perKode };
}
