import { pesan } from '@sigap/domain';
import { bandingkan, type HasilBanding, skorTerbaik as skorTerbaikDomain } from '@sigap/domain/wajah/sampel';
import { AppError } from '../../../errors.ts';
import type { Embedding } from './tipe.ts';

/**
 * Comparing embeddings. The engine L2-normalises every vector, so cosine similarity is a dot product.
 * Thresholds measured with bench:wajah:model on the sample photos (docs/wajah.md): the best of three enrolled
 * templates at or above AMBANG.cocok is a match, from AMBANG.tinjau up to it goes to human review, below is no
 * match.
 */
export const AMBANG = {
  /** at or above: cocok (the best impostor attempt on the samples scored 0.611; 0.03 of margin) */
  cocok: 0.64,
  /** at or above (and below cocok): tinjau, the OPD admin reviews; below: tidak_cocok. Near the equal-error
   * point (0.565): below it an attempt is likelier another person than the enrolled one. */
  tinjau: 0.55,
} as const;

export type Putusan = 'cocok' | 'tinjau' | 'tidak_cocok';

function modelBeda(a: string, b: string): AppError {
  return new AppError(
    'VALIDASI',
    pesan(
      `Templat wajah dibuat dengan model lain (${a} dan ${b}); wajah perlu didaftarkan ulang`,
      `The face templates were made by different models (${a} and ${b}); the face must be enrolled again`,
    ),
  );
}

function atauTolak(r: HasilBanding): number {
  if (!r.ok) throw new AppError('VALIDASI', r.alasan);
  return r.skor;
}

/**
 * Cosine similarity of two embeddings of the same model (the domain's one similarity function,
 * kemiripanKosinus); different models or lengths are refused in words, never compared.
 */
export function kemiripan(a: Embedding, b: Embedding): number {
  return atauTolak(bandingkan(a, b));
}

/** The best score of a probe against a person's enrolled templates (enrol three, take the best); no
 * template, or one of another model, is refused in words. */
export function skorTerbaik(probe: Embedding, templat: readonly Embedding[]): number {
  return atauTolak(skorTerbaikDomain(probe, templat));
}

/** The verdict for a score. */
export function putusan(skor: number, ambang: { cocok: number; tinjau: number } = AMBANG): Putusan {
  if (skor >= ambang.cocok) return 'cocok';
  if (skor >= ambang.tinjau) return 'tinjau';
  return 'tidak_cocok';
}

/**
 * The templates of many people as one flat matrix (row i = templates' vector, pemilik[i] its owner), for a
 * kiosk's one-to-many search: a dot product per row, no allocation per search.
 */
export interface Galeri {
  model: string;
  dimensi: number;
  matriks: Float32Array;
  pemilik: string[];
}

export function buatGaleri(model: string, isi: readonly { pemilik: string; embedding: Embedding }[]): Galeri {
  const dimensi = isi[0]?.embedding.vektor.length ?? 0;
  const matriks = new Float32Array(isi.length * dimensi);
  isi.forEach((x, i) => {
    if (x.embedding.model !== model) throw modelBeda(model, x.embedding.model);
    if (x.embedding.vektor.length !== dimensi)
      throw modelBeda(model, `${x.embedding.model}/${x.embedding.vektor.length}`);
    matriks.set(x.embedding.vektor, i * dimensi);
  });
  return { model, dimensi, matriks, pemilik: isi.map((x) => x.pemilik) };
}

/**
 * The best-scoring people for a probe: each owner's best template score, highest first, `n` of them.
 */
export function cariBanyak(galeri: Galeri, probe: Embedding, n = 3): { pemilik: string; skor: number }[] {
  if (probe.model !== galeri.model) throw modelBeda(galeri.model, probe.model);
  const d = galeri.dimensi;
  const v = probe.vektor;
  if (v.length !== d) throw modelBeda(galeri.model, `${probe.model}/${v.length}`);
  const m = galeri.matriks;
  const terbaik = new Map<string, number>();
  const baris = galeri.pemilik.length;
  for (let r = 0; r < baris; r++) {
    let s = 0;
    const o = r * d;
    for (let i = 0; i < d; i++) s += (m[o + i] as number) * (v[i] as number);
    const p = galeri.pemilik[r] as string;
    const lama = terbaik.get(p);
    if (lama === undefined || s > lama) terbaik.set(p, s);
  }
  return [...terbaik]
    .map(([pemilik, skor]) => ({ pemilik, skor }))
    .sort((a, b) => b.skor - a.skor)
    .slice(0, n);
}
