/**
 * National caps parametrised by a level the Pemda records per date (REGULATIONS.md §1). Only figures
 * marked ✔ there are encoded; a combination with no verified figure returns null, and the rule using
 * it says so instead of guessing.
 */

export type ZonaRisiko = 'tidak_terdampak' | 'rendah' | 'sedang' | 'tinggi';
export type KategoriSektor = 'non_esensial' | 'esensial' | 'kritikal';
export type Wilayah = 'jawa_bali' | 'luar_jawa_bali';

/** What the Pemda recorded from a date on (until the next record): Satgas zone, PPKM level. */
export interface KonteksWilayah {
  readonly dari: string;
  readonly zona?: ZonaRisiko | undefined;
  readonly levelPpkm?: 1 | 2 | 3 | 4 | undefined;
}

/** The record in force on a date (the latest `dari` on or before it). */
export function konteksPada(konteks: readonly KonteksWilayah[], tanggal: string): KonteksWilayah | null {
  let best: KonteksWilayah | null = null;
  for (const k of konteks) if (k.dari <= tanggal && (!best || k.dari > best.dari)) best = k;
  return best;
}

/** SE MenPANRB 67/2020: maximum % at the office by the kab/kota's Satgas zone. */
const SE_67_2020: Record<ZonaRisiko, number> = { tidak_terdampak: 100, rendah: 75, sedang: 50, tinggi: 25 };

/** SE MenPANRB 06/2022 annex (the SE 23/2021 chain, March 2022): maximum % WFO by PPKM level. */
const SE_06_2022: Record<KategoriSektor, Record<Wilayah, Partial<Record<1 | 2 | 3 | 4, number>>>> = {
  non_esensial: {
    jawa_bali: { 1: 100, 2: 75, 3: 50, 4: 25 },
    luar_jawa_bali: { 1: 100, 2: 75, 3: 50, 4: 25 },
  },
  esensial: { jawa_bali: { 1: 100, 2: 75, 3: 50, 4: 50 }, luar_jawa_bali: {} },
  kritikal: { jawa_bali: {}, luar_jawa_bali: {} },
};

export type InstrumenNasional = 'SE_MENPANRB_67_2020' | 'PPKM_SE_MENPANRB_06_2022';

/** The cap in percent for a date, or null with the reason when it cannot be known. */
export function batasNasional(
  instrumen: InstrumenNasional,
  kategori: KategoriSektor,
  wilayah: Wilayah,
  k: KonteksWilayah | null,
): { persen: number; dasar: string } | { persen: null; alasan: { id: string; en: string } } {
  if (instrumen === 'SE_MENPANRB_67_2020') {
    if (!k?.zona) {
      return {
        persen: null,
        alasan: {
          id: 'zona risiko pada tanggal ini belum dicatat Pemda',
          en: 'the risk zone for this date has not been recorded',
        },
      };
    }
    return { persen: SE_67_2020[k.zona], dasar: `SE MenPANRB 67/2020, zona ${k.zona.replace('_', ' ')}` };
  }
  if (!k?.levelPpkm) {
    return {
      persen: null,
      alasan: {
        id: 'level PPKM pada tanggal ini belum dicatat Pemda',
        en: 'the PPKM level for this date has not been recorded',
      },
    };
  }
  const p = SE_06_2022[kategori][wilayah][k.levelPpkm];
  if (p === undefined) {
    return {
      persen: null,
      alasan: {
        id: `SE MenPANRB 06/2022 tidak memuat angka terverifikasi untuk sektor ${kategori}, ${wilayah.replaceAll('_', ' ')}, level ${k.levelPpkm}`,
        en: `SE MenPANRB 06/2022 has no verified figure for ${kategori}, ${wilayah.replaceAll('_', ' ')}, level ${k.levelPpkm}`,
      },
    };
  }
  return {
    persen: p,
    dasar: `SE MenPANRB 06/2022, PPKM level ${k.levelPpkm}, ${kategori.replace('_', '-')}`,
  };
}
