import { type Pesan, pesan } from '@sigap/domain';
import type { HasilFoto } from './tipe.ts';

/**
 * Photo quality for enrolment and check-in, pure. Thresholds set from the sample photos
 * (server/test/wajah, docs/wajah.md): every one-person photo there passes (smallest face 0.11 of the shorter
 * side, |yaw| ≤ 29°, |pitch| ≤ 22°, sharpness ≥ 0.017, brightness ≥ 46), the group photo fails "several faces",
 * the background fails "no face"; a blurred or darkened copy of a passing photo fails (kualitas.test.ts).
 */
export const BATAS_KUALITAS = {
  /** the face box's larger side over the frame's shorter side */
  ukuranMin: 0.1,
  /** and at least this many pixels (human's detector itself finds no face whose box is under ~110 px) */
  pikselMin: 80,
  yawMaks: 35,
  pitchMaks: 30,
  /** variance of the Laplacian of the face crop over its grey variance (samples: 0.017 … 0.58; a-1 blurred
   * with a box of radius 6: 0.006, radius 4: 0.013) */
  ketajamanMin: 0.01,
  /** mean grey level 0..255 of the face crop */
  kecerahanMin: 35,
} as const;

export type KodeKualitas =
  | 'TIDAK_ADA_WAJAH'
  | 'BANYAK_WAJAH'
  | 'WAJAH_KECIL'
  | 'WAJAH_BERPALING'
  | 'FOTO_BURAM'
  | 'FOTO_GELAP';

/** Null when the photo is good enough; else the first problem, with words for the person. */
export function kualitasFoto(h: HasilFoto): null | { kode: KodeKualitas; pesan: Pesan } {
  const w = h.wajah;
  if (h.jumlahWajah === 0 || !w)
    return {
      kode: 'TIDAK_ADA_WAJAH',
      pesan: pesan(
        'Tidak ada wajah yang terlihat di foto; hadapkan wajah ke kamera',
        'No face can be seen in the photo; face the camera',
      ),
    };
  if (h.jumlahWajah > 1)
    return {
      kode: 'BANYAK_WAJAH',
      pesan: pesan(
        `Terlihat ${h.jumlahWajah} wajah di foto; hanya satu orang yang boleh tampak`,
        `${h.jumlahWajah} faces can be seen in the photo; only one person may be in it`,
      ),
    };
  const piksel = w.ukuran * Math.min(h.lebar, h.tinggi);
  if (w.ukuran < BATAS_KUALITAS.ukuranMin || piksel < BATAS_KUALITAS.pikselMin)
    return {
      kode: 'WAJAH_KECIL',
      pesan: pesan(
        'Wajah terlalu kecil di foto; dekatkan wajah ke kamera',
        'The face is too small in the photo; come closer to the camera',
      ),
    };
  if (Math.abs(w.pose.yaw) > BATAS_KUALITAS.yawMaks || Math.abs(w.pose.pitch) > BATAS_KUALITAS.pitchMaks)
    return {
      kode: 'WAJAH_BERPALING',
      pesan: pesan(
        'Wajah tidak menghadap kamera; lihat lurus ke kamera',
        'The face is turned away from the camera; look straight at the camera',
      ),
    };
  if (w.ketajaman < BATAS_KUALITAS.ketajamanMin)
    return {
      kode: 'FOTO_BURAM',
      pesan: pesan(
        'Foto buram; tahan kamera tetap diam dan pastikan lensa bersih',
        'The photo is blurred; hold the camera still and make sure the lens is clean',
      ),
    };
  if (w.kecerahan < BATAS_KUALITAS.kecerahanMin)
    return {
      kode: 'FOTO_GELAP',
      pesan: pesan(
        'Foto terlalu gelap; cari tempat yang lebih terang',
        'The photo is too dark; move somewhere brighter',
      ),
    };
  return null;
}
