import { type LangkahTantangan, poseBingkai } from '@sigap/domain';

// The browser's face guide, pure part (docs/kehadiran.md §6): what one look at the camera shows, which hint
// to give, and whether the frame answers the step asked now. The server judges the frames again with the
// same model and the same pose convention; the guide only helps the person give frames that pass.

/** What the guide saw in one video frame. */
export interface Pengamatan {
  readonly jumlahWajah: number;
  /** the main face box's larger side over the frame's shorter side (0..1+) */
  readonly ukuran: number;
  /** the face centre's distance from the frame centre over the half-diagonal: 0 centred, 1 a corner */
  readonly ketengahan: number;
  /** degrees, Sigap's convention (positive yaw: the person turns to their own left) */
  readonly yaw: number;
  readonly pitch: number;
  /** mean grey level of the frame, 0..255 */
  readonly kecerahan: number;
}

/** What the frame must show now: the person facing the camera first, then each asked movement. */
export type Sasaran = 'depan' | LangkahTantangan;

/** The sequence of frames an attempt captures for a challenge. */
export function urutanSasaran(langkah: readonly LangkahTantangan[]): Sasaran[] {
  return ['depan', ...langkah];
}

export const BATAS_PEMANDU = {
  /** smallest face (the server refuses under 0.1; ask for a comfortable margin) */
  ukuranMin: 0.2,
  /** too close: the face must fit with some margin */
  ukuranMaks: 0.9,
  ketengahanMaks: 0.35,
  kecerahanMin: 45,
  /** a movement counts from this angle (the server's threshold is 15°: a margin for its own reading) */
  sudutLangkah: 20,
  /** facing the camera: both angles under this */
  sudutDepan: 10,
} as const;

export type KodePetunjuk =
  | 'tidak_ada_wajah'
  | 'banyak_wajah'
  | 'terlalu_jauh'
  | 'terlalu_dekat'
  | 'tidak_di_tengah'
  | 'terlalu_gelap'
  | 'ikuti_langkah'
  | 'pas';

/** The one hint to show for a frame, the most basic problem first; 'pas' when the frame answers `sasaran`. */
export function petunjukPemandu(p: Pengamatan, sasaran: Sasaran): KodePetunjuk {
  if (p.jumlahWajah === 0) return 'tidak_ada_wajah';
  if (p.jumlahWajah > 1) return 'banyak_wajah';
  if (p.kecerahan < BATAS_PEMANDU.kecerahanMin) return 'terlalu_gelap';
  if (p.ukuran < BATAS_PEMANDU.ukuranMin) return 'terlalu_jauh';
  if (p.ukuran > BATAS_PEMANDU.ukuranMaks) return 'terlalu_dekat';
  if (p.ketengahan > BATAS_PEMANDU.ketengahanMaks) return 'tidak_di_tengah';
  return cocokSasaran(p, sasaran) ? 'pas' : 'ikuti_langkah';
}

/** Whether a usable frame shows what is asked: facing the camera, or the asked movement clearly. */
export function cocokSasaran(p: Pick<Pengamatan, 'yaw' | 'pitch'>, sasaran: Sasaran): boolean {
  if (sasaran === 'depan') {
    return Math.abs(p.yaw) < BATAS_PEMANDU.sudutDepan && Math.abs(p.pitch) < BATAS_PEMANDU.sudutDepan;
  }
  return poseBingkai({ jumlahWajah: 1, yaw: p.yaw, pitch: p.pitch }, BATAS_PEMANDU.sudutLangkah) === sasaran;
}
