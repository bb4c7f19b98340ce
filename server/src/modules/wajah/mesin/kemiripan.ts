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
 * The templates of many people as one flat matrix (row i = a template's vector, pemilik[i] its owner), for a
 * kiosk's one-to-many search: a dot product per row, no allocation per row.
 */
export interface Galeri {
  model: string;
  dimensi: number;
  matriks: Float32Array;
  /** row → its owner */
  pemilik: string[];
  /** row → its owner's number in `orang` */
  barisOrang: Int32Array;
  /** the owners, each once */
  orang: string[];
}

export function buatGaleri(model: string, isi: readonly { pemilik: string; embedding: Embedding }[]): Galeri {
  const dimensi = isi[0]?.embedding.vektor.length ?? 0;
  const matriks = new Float32Array(isi.length * dimensi);
  const nomor = new Map<string, number>();
  const barisOrang = new Int32Array(isi.length);
  isi.forEach((x, i) => {
    if (x.embedding.model !== model) throw modelBeda(model, x.embedding.model);
    if (x.embedding.vektor.length !== dimensi)
      throw modelBeda(model, `${x.embedding.model}/${x.embedding.vektor.length}`);
    matriks.set(x.embedding.vektor, i * dimensi);
    let k = nomor.get(x.pemilik);
    if (k === undefined) {
      k = nomor.size;
      nomor.set(x.pemilik, k);
    }
    barisOrang[i] = k;
  });
  return {
    model,
    dimensi,
    matriks,
    pemilik: isi.map((x) => x.pemilik),
    barisOrang,
    orang: [...nomor.keys()],
  };
}

/**
 * The best-scoring people for a probe: each owner's best template score, highest first, `n` of them. One
 * pass over the matrix (the dot product unrolled by four), each owner's best in a typed array, and the top
 * `n` kept by insertion: no allocation per row.
 */
export function cariBanyak(galeri: Galeri, probe: Embedding, n = 3): { pemilik: string; skor: number }[] {
  if (probe.model !== galeri.model) throw modelBeda(galeri.model, probe.model);
  const d = galeri.dimensi;
  const v = probe.vektor;
  if (galeri.orang.length === 0 || n <= 0) return [];
  if (v.length !== d) throw modelBeda(galeri.model, `${probe.model}/${v.length}`);
  const m = galeri.matriks;
  const bo = galeri.barisOrang;
  const terbaik = new Float64Array(galeri.orang.length).fill(Number.NEGATIVE_INFINITY);
  const baris = bo.length;
  const d4 = d - (d % 4);
  for (let r = 0; r < baris; r++) {
    const o = r * d;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let i = 0;
    for (; i < d4; i += 4) {
      s0 += (m[o + i] as number) * (v[i] as number);
      s1 += (m[o + i + 1] as number) * (v[i + 1] as number);
      s2 += (m[o + i + 2] as number) * (v[i + 2] as number);
      s3 += (m[o + i + 3] as number) * (v[i + 3] as number);
    }
    for (; i < d; i++) s0 += (m[o + i] as number) * (v[i] as number);
    const s = s0 + s1 + s2 + s3;
    const k = bo[r] as number;
    if (s > (terbaik[k] as number)) terbaik[k] = s;
  }
  // the top n, highest first (n is small: insertion)
  const atas: { k: number; skor: number }[] = [];
  for (let k = 0; k < terbaik.length; k++) {
    const skor = terbaik[k] as number;
    if (atas.length === n && skor <= (atas[n - 1] as { skor: number }).skor) continue;
    let j = atas.length < n ? atas.length : n - 1;
    if (atas.length < n) atas.push({ k, skor });
    while (j > 0 && (atas[j - 1] as { skor: number }).skor < skor) {
      atas[j] = atas[j - 1] as { k: number; skor: number };
      j--;
    }
    atas[j] = { k, skor };
  }
  return atas.map((x) => ({ pemilik: galeri.orang[x.k] as string, skor: x.skor }));
}
