import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BATAS_KUALITAS as B, kualitasFoto } from './kualitas.ts';
import type { HasilFoto } from './tipe.ts';

/** A photo result with one face and the given measures (the rest neutral). */
function foto(m: {
  jumlah: number;
  ukuran: number;
  yaw: number;
  pitch: number;
  ketajaman: number;
  kecerahan: number;
}): HasilFoto {
  const wajah = {
    kotak: { x: 0.3, y: 0.3, lebar: m.ukuran, tinggi: m.ukuran },
    ukuran: m.ukuran,
    ketengahan: 0,
    pose: { yaw: m.yaw, pitch: m.pitch, roll: 0 },
    arahHidung: 0,
    skorDeteksi: 1,
    skorMesh: 1,
    antispoof: null,
    liveness: null,
    ketajaman: m.ketajaman,
    kecerahan: m.kecerahan,
    embedding: null,
    embeddingLain: [],
  };
  return {
    lebar: 1000,
    tinggi: 1000,
    jumlahWajah: m.jumlah,
    wajah: m.jumlah ? wajah : null,
    semuaWajah: [],
    waktuMs: { dekode: 0, deteksi: 0, deskripsi: 0, total: 0 },
  };
}

const ukuran = fc.record({
  jumlah: fc.integer({ min: 0, max: 5 }),
  ukuran: fc.double({ min: 0.01, max: 1, noNaN: true }),
  yaw: fc.double({ min: -90, max: 90, noNaN: true }),
  pitch: fc.double({ min: -90, max: 90, noNaN: true }),
  ketajaman: fc.double({ min: 0, max: 1, noNaN: true }),
  kecerahan: fc.double({ min: 0, max: 255, noNaN: true }),
});

describe('kualitasFoto', () => {
  it('passes exactly the photos with one face and every measure within its bound, else names the first problem', () => {
    fc.assert(
      fc.property(ukuran, (m) => {
        const k = kualitasFoto(foto(m))?.kode ?? null;
        // the expected code, in the documented order of the checks
        const harap =
          m.jumlah === 0
            ? 'TIDAK_ADA_WAJAH'
            : m.jumlah > 1
              ? 'BANYAK_WAJAH'
              : m.ukuran < B.ukuranMin || m.ukuran * 1000 < B.pikselMin
                ? 'WAJAH_KECIL'
                : Math.abs(m.yaw) > B.yawMaks || Math.abs(m.pitch) > B.pitchMaks
                  ? 'WAJAH_BERPALING'
                  : m.ketajaman < B.ketajamanMin
                    ? 'FOTO_BURAM'
                    : m.kecerahan < B.kecerahanMin
                      ? 'FOTO_GELAP'
                      : null;
        expect(k).toBe(harap);
      }),
    );
  });

  it('says why in Indonesian and English', () => {
    const p = kualitasFoto(
      foto({ jumlah: 1, ukuran: 0.5, yaw: 50, pitch: 0, ketajaman: 0.1, kecerahan: 100 }),
    );
    expect(p?.kode).toBe('WAJAH_BERPALING');
    expect(p?.pesan.id).toContain('menghadap kamera');
    expect(p?.pesan.en).toContain('turned away');
  });
});
