import { type Pesan, pesan } from '../i18n/message.ts';

/*
 * Face enrolment rules that need no I/O: what a face description must look like, which of a person's
 * new samples are consistent with the others (the same person), and comparing two descriptions (only
 * of the same model). The similarity function and its threshold are parameters: the face engine
 * (server/src/modules/wajah/mesin/) chooses the model and measures the threshold.
 */

/** A face description as it crosses module boundaries: the model that computed it and its vector. */
export interface Deskripsi {
  /** The model file and version, e.g. `mobilefacenet@human-models-3.0.4`. */
  readonly model: string;
  readonly vektor: Float32Array;
}

/** The engine's verdict on one photo: usable or not, the reasons in words, and its figures. */
export interface KualitasSampel {
  readonly layak: boolean;
  /** Why it is not usable (no face, several faces, too small, turned away, blurred...). */
  readonly alasan: readonly Pesan[];
  /** Quality figures (face width, detection score, sharpness...): stored with the template, never the image. */
  readonly nilai?: Readonly<Record<string, number>>;
}

/** A similarity between two vectors of the same model: higher is more alike. */
export type FungsiKemiripan = (a: Float32Array, b: Float32Array) => number;

/** Usable templates a person needs to be enrolled. */
export const MIN_SAMPEL = 3;
/** Samples accepted in one enrolment call. */
export const MAKS_SAMPEL = 10;
/** Templates kept per person and model (the oldest go first beyond it). */
export const MAKS_TEMPLAT = 10;
export const DIMENSI_MIN = 8;
export const DIMENSI_MAKS = 4096;
const POLA_MODEL = /^[\w.@/+-]{1,200}$/;

/**
 * What is wrong with a call's descriptions as data (not as photos): none, too many, a vector empty or
 * of the wrong size, NaN or infinite numbers, all zeros, samples of different models or dimensions, or
 * a dimension other than the person's templates of that model. Empty when all is well.
 */
export function periksaDeskripsi(
  sampel: readonly Deskripsi[],
  ada?: { readonly model: string; readonly dimensi: number } | null,
): Pesan[] {
  const out: Pesan[] = [];
  if (sampel.length === 0) {
    return [pesan('Tidak ada foto wajah yang dikirim', 'No face photo was sent')];
  }
  if (sampel.length > MAKS_SAMPEL) {
    return [
      pesan(
        `Terlalu banyak foto: ${sampel.length}; paling banyak ${MAKS_SAMPEL} sekali daftar`,
        `Too many photos: ${sampel.length}; at most ${MAKS_SAMPEL} per enrolment`,
      ),
    ];
  }
  const models = [...new Set(sampel.map((s) => s.model))];
  if (models.length > 1) {
    out.push(
      pesan(
        `Foto dihitung dengan model wajah berbeda (${models.join(', ')}); semua harus dari satu model`,
        `The photos were described by different face models (${models.join(', ')}); all must come from one model`,
      ),
    );
  }
  for (const m of models) {
    if (!POLA_MODEL.test(m)) {
      out.push(
        pesan(
          `Nama model wajah tidak sah: "${m.slice(0, 60)}"`,
          `Invalid face model name: "${m.slice(0, 60)}"`,
        ),
      );
    }
  }
  const dims = [...new Set(sampel.map((s) => s.vektor.length))];
  if (dims.length > 1) {
    out.push(
      pesan(
        `Panjang vektor wajah berbeda antarfoto (${dims.join(', ')})`,
        `The face vectors differ in length between photos (${dims.join(', ')})`,
      ),
    );
  }
  sampel.forEach((s, i) => {
    const n = i + 1;
    const d = s.vektor.length;
    if (d < DIMENSI_MIN || d > DIMENSI_MAKS) {
      out.push(
        pesan(
          `Foto ${n}: vektor wajah berukuran ${d}, seharusnya ${DIMENSI_MIN}–${DIMENSI_MAKS} angka`,
          `Photo ${n}: the face vector has ${d} numbers, it should have ${DIMENSI_MIN}–${DIMENSI_MAKS}`,
        ),
      );
      return;
    }
    if (!s.vektor.every(Number.isFinite)) {
      out.push(
        pesan(
          `Foto ${n}: vektor wajah berisi angka tidak sah (NaN atau tak hingga)`,
          `Photo ${n}: the face vector holds invalid numbers (NaN or infinity)`,
        ),
      );
    } else if (s.vektor.every((x) => x === 0)) {
      out.push(pesan(`Foto ${n}: vektor wajah semuanya nol`, `Photo ${n}: the face vector is all zeros`));
    }
  });
  const d0 = sampel[0]!.vektor.length;
  if (ada && models.length === 1 && models[0] === ada.model && dims.length === 1 && d0 !== ada.dimensi) {
    out.push(
      pesan(
        `Vektor wajah berukuran ${d0}, sedangkan templat model ${ada.model} yang tersimpan berukuran ${ada.dimensi}`,
        `The face vectors have ${d0} numbers, while the stored templates of model ${ada.model} have ${ada.dimensi}`,
      ),
    );
  }
  return out;
}

/**
 * The one similarity of two face vectors: cosine (for L2-normalised vectors, as the engine makes them, it
 * equals their dot product). The engine's comparisons, enrolment consistency and verification all use it.
 */
export function kemiripanKosinus(a: Float32Array, b: Float32Array): number {
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < a.length; i++) {
    ab += a[i]! * b[i]!;
    aa += a[i]! * a[i]!;
    bb += b[i]! * b[i]!;
  }
  return aa === 0 || bb === 0 ? 0 : ab / Math.sqrt(aa * bb);
}

/** Why two descriptions cannot be compared (different models or lengths), or null when they can. */
export function tidakSebanding(a: Deskripsi, b: Deskripsi): Pesan | null {
  if (a.model !== b.model) {
    return pesan(
      `Templat wajah model ${b.model} tidak dapat dibandingkan dengan foto model ${a.model}; daftarkan ulang wajah dengan model yang berlaku`,
      `A face template of model ${b.model} cannot be compared with a photo of model ${a.model}; enrol the face again with the current model`,
    );
  }
  if (a.vektor.length !== b.vektor.length) {
    return pesan(
      `Vektor wajah berukuran ${a.vektor.length} dan ${b.vektor.length} tidak dapat dibandingkan`,
      `Face vectors of ${a.vektor.length} and ${b.vektor.length} numbers cannot be compared`,
    );
  }
  return null;
}

export type HasilBanding =
  | { readonly ok: true; readonly skor: number }
  | { readonly ok: false; readonly alasan: Pesan };

/** The similarity of two descriptions, or the reason they may not be compared (never silently across models). */
export function bandingkan(
  a: Deskripsi,
  b: Deskripsi,
  mirip: FungsiKemiripan = kemiripanKosinus,
): HasilBanding {
  const alasan = tidakSebanding(a, b);
  return alasan ? { ok: false, alasan } : { ok: true, skor: mirip(a.vektor, b.vektor) };
}

/**
 * The best similarity of a photo's description to a person's templates (enrol three, take the best), or the
 * reason there is none: no template at all, or a template of another model (refused, never compared).
 */
export function skorTerbaik(
  foto: Deskripsi,
  templat: readonly Deskripsi[],
  mirip: FungsiKemiripan = kemiripanKosinus,
): HasilBanding {
  if (templat.length === 0) {
    return {
      ok: false,
      alasan: pesan(
        'Belum ada templat wajah untuk dibandingkan; daftarkan wajah dahulu',
        'There is no face template to compare with; enrol the face first',
      ),
    };
  }
  let best = Number.NEGATIVE_INFINITY;
  for (const t of templat) {
    const r = bandingkan(foto, t, mirip);
    if (!r.ok) return r;
    best = Math.max(best, r.skor);
  }
  return { ok: true, skor: best };
}

/** The verdict on each new sample of the consistency check. */
export interface HasilKonsisten {
  /** Per new sample: kept (true) or "not the same person as the other photos" (false). */
  readonly konsisten: readonly boolean[];
  /** Per new sample: its mean similarity to the others it was last compared with (NaN when alone). */
  readonly rerata: readonly number[];
}

/**
 * Which new samples show the same person as the others. The group is the new samples plus the person's
 * stored templates (`tetap`, already accepted and never dropped here). Repeatedly, the new sample whose
 * mean similarity to the rest of the group is lowest is dropped while that mean is below `ambang`; the
 * samples left all have a mean at or above it. A lone sample (nothing to compare with) is kept.
 * The photos kept must then be a strict majority of the group: when as many are dropped as kept (two
 * photos of one person and two of another), no new sample is kept, since which person is meant cannot
 * be told.
 */
export function saringKonsisten(
  baru: readonly Float32Array[],
  tetap: readonly Float32Array[],
  mirip: FungsiKemiripan,
  ambang: number,
): HasilKonsisten {
  const semua = [...baru, ...tetap];
  const n = semua.length;
  const s: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const v = mirip(semua[i]!, semua[j]!);
      s[i]![j] = v;
      s[j]![i] = v;
    }
  }
  const hidup = new Set(semua.keys());
  const rerataDari = (i: number) => {
    let jumlah = 0;
    let k = 0;
    for (const j of hidup) {
      if (j !== i) {
        jumlah += s[i]![j]!;
        k++;
      }
    }
    return k === 0 ? Number.NaN : jumlah / k;
  };
  const rerata = baru.map(() => Number.NaN);
  for (;;) {
    let terburuk = -1;
    let nilai = Number.POSITIVE_INFINITY;
    for (const i of hidup) {
      if (i >= baru.length) continue;
      const r = rerataDari(i);
      rerata[i] = r;
      if (!Number.isNaN(r) && r < nilai) {
        nilai = r;
        terburuk = i;
      }
    }
    if (terburuk < 0 || nilai >= ambang) break;
    hidup.delete(terburuk);
  }
  const mayoritas = 2 * hidup.size > n;
  return { konsisten: baru.map((_, i) => mayoritas && hidup.has(i)), rerata };
}
