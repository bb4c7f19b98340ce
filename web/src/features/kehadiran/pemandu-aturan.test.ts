import fc from 'fast-check';
import { expect, test } from 'vitest';
import {
  BATAS_PEMANDU,
  cocokSasaran,
  type Pengamatan,
  petunjukPemandu,
  urutanSasaran,
} from './pemandu-aturan';

const baik: Pengamatan = { jumlahWajah: 1, ukuran: 0.4, ketengahan: 0.1, yaw: 0, pitch: 0, kecerahan: 120 };

test('the frames an attempt captures: facing the camera, then the asked steps in order', () => {
  expect(urutanSasaran(['toleh_kanan', 'toleh_kiri'])).toEqual(['depan', 'toleh_kanan', 'toleh_kiri']);
});

test('the most basic problem is named first; a usable frame showing the step is "pas"', () => {
  expect(petunjukPemandu({ ...baik, jumlahWajah: 0 }, 'depan')).toBe('tidak_ada_wajah');
  expect(petunjukPemandu({ ...baik, jumlahWajah: 2, ukuran: 0.05 }, 'depan')).toBe('banyak_wajah');
  expect(petunjukPemandu({ ...baik, kecerahan: 20, ukuran: 0.05 }, 'depan')).toBe('terlalu_gelap');
  expect(petunjukPemandu({ ...baik, ukuran: 0.1 }, 'depan')).toBe('terlalu_jauh');
  expect(petunjukPemandu({ ...baik, ukuran: 0.95 }, 'depan')).toBe('terlalu_dekat');
  expect(petunjukPemandu({ ...baik, ketengahan: 0.5 }, 'depan')).toBe('tidak_di_tengah');
  expect(petunjukPemandu(baik, 'depan')).toBe('pas');
  expect(petunjukPemandu(baik, 'toleh_kiri')).toBe('ikuti_langkah');
  // Sigap's convention: a positive yaw is the person's own left
  expect(petunjukPemandu({ ...baik, yaw: 28 }, 'toleh_kiri')).toBe('pas');
  expect(petunjukPemandu({ ...baik, yaw: -28 }, 'toleh_kanan')).toBe('pas');
  expect(petunjukPemandu({ ...baik, pitch: 25 }, 'lihat_atas')).toBe('pas');
  expect(petunjukPemandu({ ...baik, pitch: -25 }, 'lihat_bawah')).toBe('pas');
});

test('a step is seen only beyond the guide angle, which is above the server threshold (15°)', () => {
  expect(BATAS_PEMANDU.sudutLangkah).toBeGreaterThan(15);
  fc.assert(
    fc.property(
      fc.double({ min: -60, max: 60, noNaN: true }),
      fc.double({ min: -60, max: 60, noNaN: true }),
      (yaw, pitch) => {
        const kiri = cocokSasaran({ yaw, pitch }, 'toleh_kiri');
        if (kiri) {
          expect(yaw).toBeGreaterThanOrEqual(BATAS_PEMANDU.sudutLangkah);
          expect(Math.abs(yaw)).toBeGreaterThanOrEqual(Math.abs(pitch));
        }
        const depan = cocokSasaran({ yaw, pitch }, 'depan');
        // facing the camera and any movement never hold for the same frame
        if (depan)
          for (const l of ['toleh_kiri', 'toleh_kanan', 'lihat_atas', 'lihat_bawah'] as const)
            expect(cocokSasaran({ yaw, pitch }, l)).toBe(false);
      },
    ),
  );
});
