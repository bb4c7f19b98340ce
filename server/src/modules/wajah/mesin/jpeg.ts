import { pesan } from '@sigap/domain';
import { AppError } from '../../../errors.ts';

/** Bounds on a photo the engine accepts; checked before any pixel is decoded. */
export const BATAS_FOTO = {
  /** bytes */
  ukuranMaks: 2 * 1024 * 1024,
  /** longest side, pixels */
  sisiMaks: 4096,
  /** shortest side, pixels */
  sisiMin: 160,
} as const;

export interface UkuranCitra {
  lebar: number;
  tinggi: number;
}

/**
 * Width and height from a JPEG's frame header (SOF0…SOF15 except DHT/JPG/DAC), walking the markers
 * without decoding; null when the bytes are not a JPEG or end before the frame header.
 */
export function ukuranJpeg(b: Uint8Array): UkuranCitra | null {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return null;
  let i = 2;
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) return null;
    const m = b[i + 1] as number;
    if (m === 0xff) {
      i++; // fill byte
      continue;
    }
    if (m === 0xd8 || m === 0x01 || (m >= 0xd0 && m <= 0xd7)) {
      i += 2; // markers without a length
      continue;
    }
    const panjang = ((b[i + 2] as number) << 8) | (b[i + 3] as number);
    if (panjang < 2) return null;
    const sof = m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;
    if (sof) {
      if (i + 9 > b.length) return null;
      const tinggi = ((b[i + 5] as number) << 8) | (b[i + 6] as number);
      const lebar = ((b[i + 7] as number) << 8) | (b[i + 8] as number);
      return { lebar, tinggi };
    }
    if (m === 0xd9 || m === 0xda) return null; // end or scan before any frame header
    i += 2 + panjang;
  }
  return null;
}

/** A complete JPEG ends with the EOI marker (FF D9); a little trailing padding after it is tolerated. */
function berakhirUtuh(b: Uint8Array): boolean {
  for (let i = b.length - 2; i >= Math.max(2, b.length - 1024); i--)
    if (b[i] === 0xff && b[i + 1] === 0xd9) return true;
  return false;
}

/**
 * Refuses, in words, what the engine will not decode: not a JPEG, over 2 MB, a side over 4096 px or under
 * 160 px. Returns the header's dimensions. Runs on the header only, so a 5000×5000 photo is refused unread.
 */
export function periksaBerkasFoto(b: Uint8Array): UkuranCitra {
  if (b.length > BATAS_FOTO.ukuranMaks)
    throw new AppError(
      'BERKAS_TERLALU_BESAR',
      pesan(
        `Foto terlalu besar (${(b.length / 1048576).toFixed(1)} MB); batasnya 2 MB`,
        `The photo is too large (${(b.length / 1048576).toFixed(1)} MB); the limit is 2 MB`,
      ),
    );
  const u = ukuranJpeg(b);
  if (!u || !berakhirUtuh(b))
    throw new AppError(
      'BERKAS_TIDAK_SAH',
      pesan(
        'Foto harus berupa berkas JPEG yang utuh (bukan PNG, bukan berkas terpotong)',
        'The photo must be a complete JPEG file (not PNG, not a truncated file)',
      ),
    );
  const panjang = Math.max(u.lebar, u.tinggi);
  const pendek = Math.min(u.lebar, u.tinggi);
  if (panjang > BATAS_FOTO.sisiMaks)
    throw new AppError(
      'BERKAS_TIDAK_SAH',
      pesan(
        `Ukuran foto ${u.lebar}×${u.tinggi} piksel terlalu besar; sisi terpanjang paling banyak ${BATAS_FOTO.sisiMaks} piksel`,
        `The photo is ${u.lebar}×${u.tinggi} pixels, too large; its longest side may be at most ${BATAS_FOTO.sisiMaks} pixels`,
      ),
    );
  if (pendek < BATAS_FOTO.sisiMin)
    throw new AppError(
      'BERKAS_TIDAK_SAH',
      pesan(
        `Ukuran foto ${u.lebar}×${u.tinggi} piksel terlalu kecil; sisi terpendek paling sedikit ${BATAS_FOTO.sisiMin} piksel`,
        `The photo is ${u.lebar}×${u.tinggi} pixels, too small; its shortest side must be at least ${BATAS_FOTO.sisiMin} pixels`,
      ),
    );
  return u;
}

/** The message for a JPEG whose header reads but whose data does not decode (truncated, damaged). */
export function galatDekode(): AppError {
  return new AppError(
    'BERKAS_TIDAK_SAH',
    pesan(
      'Foto JPEG rusak atau terpotong dan tidak dapat dibaca',
      'The JPEG photo is damaged or truncated and cannot be read',
    ),
  );
}
