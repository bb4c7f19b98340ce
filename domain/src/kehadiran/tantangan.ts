/**
 * The liveness challenge (issue 10, item 2): the server picks 2–3 head movements at random, the person
 * answers with a few frames, and the server judges the frames. Pure: the random source and the clock are
 * passed in.
 *
 * Directions are the PERSON's: "toleh kiri" is turning the head to their own left (the left ear moving
 * back), which a front camera shows as a turn to the image's right. The pose angles come from the face
 * engine; the signs it uses are fixed by the two constants below (the engine documents its own; flip a
 * constant if it differs).
 */

import { type Pesan, pesan } from '../i18n/message.ts';
import type { KodeAlasanAbsen } from './alasan.ts';

export const LANGKAH_TANTANGAN = ['toleh_kiri', 'toleh_kanan', 'lihat_atas', 'lihat_bawah'] as const;
export type LangkahTantangan = (typeof LANGKAH_TANTANGAN)[number];

/** Yaw sign of a turn to the person's own left: +1 means a left turn gives a positive yaw. */
export const TANDA_YAW_KIRI: 1 | -1 = 1;
/** Pitch sign of looking up: +1 means looking up gives a positive pitch. */
export const TANDA_PITCH_ATAS: 1 | -1 = 1;

/** What each step asks, in words for the screen. */
export const PESAN_LANGKAH: Readonly<Record<LangkahTantangan, Pesan>> = {
  toleh_kiri: pesan('Tolehkan kepala ke kiri', 'Turn your head to your left'),
  toleh_kanan: pesan('Tolehkan kepala ke kanan', 'Turn your head to your right'),
  lihat_atas: pesan('Lihat ke atas', 'Look up'),
  lihat_bawah: pesan('Lihat ke bawah', 'Look down'),
};

export interface Tantangan {
  readonly langkah: readonly LangkahTantangan[];
  readonly dibuat: Date;
  readonly berlakuSampai: Date;
}

export interface OpsiTantangan {
  readonly jumlahMin: number;
  readonly jumlahMaks: number;
  readonly berlakuDetik: number;
  /**
   * The steps this Pemda allows (its setting `langkah_tantangan`): at least two different ones, since a
   * step never follows itself. A Pemda whose phones cannot judge looking up or down keeps the turns.
   */
  readonly langkah?: readonly LangkahTantangan[];
}
export const OPSI_TANTANGAN_BAKU: OpsiTantangan = { jumlahMin: 2, jumlahMaks: 3, berlakuDetik: 120 };

/**
 * A new challenge. `acakInt(n)` returns a uniform whole number in [0, n) — on the server
 * `crypto.randomInt`, never `Math.random`. Steps never repeat back to back.
 */
export function buatTantangan(
  acakInt: (n: number) => number,
  sekarang: Date,
  opsi: OpsiTantangan = OPSI_TANTANGAN_BAKU,
): Tantangan {
  const ambil = (n: number): number => {
    const x = acakInt(n);
    if (!Number.isInteger(x) || x < 0 || x >= n) throw new RangeError(`acakInt(${n}) returned ${x}`);
    return x;
  };
  const pilihan = [...new Set(opsi.langkah ?? LANGKAH_TANTANGAN)];
  if (pilihan.length < 2) throw new RangeError('a challenge needs at least two different allowed steps');
  const jumlah = opsi.jumlahMin + ambil(opsi.jumlahMaks - opsi.jumlahMin + 1);
  const langkah: LangkahTantangan[] = [];
  for (let i = 0; i < jumlah; i++) {
    const boleh = pilihan.filter((l) => l !== langkah[i - 1]);
    langkah.push(boleh[ambil(boleh.length)]!);
  }
  return {
    langkah,
    dibuat: sekarang,
    berlakuSampai: new Date(sekarang.getTime() + opsi.berlakuDetik * 1000),
  };
}

/** What the face engine found in one frame of the answer. */
export interface BingkaiTantangan {
  readonly jumlahWajah: number;
  /** degrees; null when the engine gave no pose */
  readonly yaw: number | null;
  readonly pitch: number | null;
  /** similarity to the person's template (the engine's scale), when compared */
  readonly kemiripan?: number | null;
  /** whether the face is the same identity as frame 0's, when compared that way */
  readonly samaDenganPertama?: boolean | null;
}

export interface OpsiPenilaianTantangan {
  /** a pose counts when its angle is at least this many degrees */
  readonly sudutMinDerajat: number;
  /** frames with a similarity below this are another identity (only when `kemiripan` is given) */
  readonly kemiripanMin: number | null;
  readonly bingkaiMaks: number;
}
export const OPSI_PENILAIAN_BAKU: OpsiPenilaianTantangan = {
  sudutMinDerajat: 15,
  kemiripanMin: null,
  bingkaiMaks: 12,
};

export type HasilTantangan =
  | { readonly lulus: true }
  | {
      readonly lulus: false;
      readonly alasan: KodeAlasanAbsen;
      readonly sebab: Pesan;
      readonly bingkai: number | null;
    };

/**
 * The pose a frame shows: the dominant axis when its angle reaches the threshold, else null (neutral).
 */
export function poseBingkai(b: BingkaiTantangan, sudutMin: number): LangkahTantangan | null {
  const yaw = b.yaw ?? 0;
  const pitch = b.pitch ?? 0;
  if (Math.abs(yaw) >= sudutMin && Math.abs(yaw) >= Math.abs(pitch)) {
    return Math.sign(yaw) === TANDA_YAW_KIRI ? 'toleh_kiri' : 'toleh_kanan';
  }
  if (Math.abs(pitch) >= sudutMin)
    return Math.sign(pitch) === TANDA_PITCH_ATAS ? 'lihat_atas' : 'lihat_bawah';
  return null;
}

/**
 * Judges an answer. Passes only when the challenge has not expired, every frame has exactly one face,
 * the identity holds in every frame, and the poses the frames show — neutral frames dropped, a run of
 * frames with the same pose counted once — are exactly the asked steps in order. An extra pose, a missing
 * one or another order fails: a video cycling through every movement does not pass.
 */
export function nilaiTantangan(
  t: Tantangan,
  bingkai: readonly BingkaiTantangan[],
  sekarang: Date,
  opsi: OpsiPenilaianTantangan = OPSI_PENILAIAN_BAKU,
): HasilTantangan {
  const gagal = (alasan: KodeAlasanAbsen, sebab: Pesan, i: number | null = null): HasilTantangan => ({
    lulus: false,
    alasan,
    sebab,
    bingkai: i,
  });
  if (sekarang.getTime() > t.berlakuSampai.getTime()) {
    return gagal(
      'tantangan_gagal',
      pesan('waktu tantangan habis, mulai lagi', 'the challenge expired, start again'),
    );
  }
  if (bingkai.length === 0 || bingkai.length > opsi.bingkaiMaks) {
    return gagal(
      'tantangan_gagal',
      pesan(
        `jumlah gambar ${bingkai.length}, harus 1 sampai ${opsi.bingkaiMaks}`,
        `${bingkai.length} frames, must be 1 to ${opsi.bingkaiMaks}`,
      ),
    );
  }
  for (const [i, b] of bingkai.entries()) {
    if (b.jumlahWajah === 0) {
      return gagal(
        'tidak_ada_wajah',
        pesan(`gambar ${i + 1}: wajah tidak terlihat`, `frame ${i + 1}: no face`),
        i,
      );
    }
    if (b.jumlahWajah !== 1) {
      return gagal(
        'banyak_wajah',
        pesan(`gambar ${i + 1}: ${b.jumlahWajah} wajah`, `frame ${i + 1}: ${b.jumlahWajah} faces`),
        i,
      );
    }
  }
  for (const [i, b] of bingkai.entries()) {
    const bukanDia =
      b.samaDenganPertama === false ||
      (opsi.kemiripanMin !== null &&
        b.kemiripan !== undefined &&
        b.kemiripan !== null &&
        !(b.kemiripan >= opsi.kemiripanMin));
    if (bukanDia) {
      return gagal(
        'tantangan_gagal',
        pesan(`gambar ${i + 1}: bukan wajah orang yang sama`, `frame ${i + 1}: not the same person's face`),
        i,
      );
    }
  }
  const terlihat: LangkahTantangan[] = [];
  for (const b of bingkai) {
    const p = poseBingkai(b, opsi.sudutMinDerajat);
    if (p !== null && p !== terlihat[terlihat.length - 1]) terlihat.push(p);
  }
  const sama = terlihat.length === t.langkah.length && terlihat.every((p, i) => p === t.langkah[i]);
  if (!sama) {
    const kata = (ls: readonly LangkahTantangan[], en: boolean) =>
      ls.length === 0
        ? en
          ? 'none'
          : 'tidak ada'
        : ls.map((l) => PESAN_LANGKAH[l][en ? 'en' : 'id']).join(', ');
    return gagal(
      'tantangan_gagal',
      pesan(
        `diminta: ${kata(t.langkah, false)}; terlihat: ${kata(terlihat, false)}`,
        `asked: ${kata(t.langkah, true)}; seen: ${kata(terlihat, true)}`,
      ),
    );
  }
  return { lulus: true };
}
