import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bandingkan,
  type Deskripsi,
  kemiripanKosinus,
  MAKS_SAMPEL,
  periksaDeskripsi,
  saringKonsisten,
  skorTerbaik,
} from './sampel.ts';

const v = (...x: number[]) => new Float32Array(x);
const d = (vektor: Float32Array, model = 'm@1'): Deskripsi => ({ model, vektor });
const dot = (a: Float32Array, b: Float32Array) => a.reduce((s, x, i) => s + x * b[i]!, 0);
const en = (ps: readonly { en: string }[]) => ps.map((p) => p.en);

/** A unit vector in 8 dimensions along axis `k`, slightly moved by `e` along axis `k+1`. */
function arah(k: number, e = 0) {
  const x = new Float32Array(8);
  x[k % 8] = 1;
  x[(k + 1) % 8] = e;
  return x;
}

describe('saringKonsisten: the same person as the other photos', () => {
  it('drops the one photo of someone else among three of the same person', () => {
    const r = saringKonsisten(
      [arah(0, 0.1), arah(0, 0.2), arah(3), arah(0, 0.15)],
      [],
      kemiripanKosinus,
      0.5,
    );
    expect(r.konsisten).toEqual([true, true, false, true]);
    expect(r.rerata[2]).toBeCloseTo(0, 5);
    expect(r.rerata[0]).toBeGreaterThan(0.9);
  });

  it('checks new photos against the stored templates too, never dropping a stored one', () => {
    const r = saringKonsisten([arah(5)], [arah(0), arah(0, 0.1), arah(0, 0.2)], kemiripanKosinus, 0.5);
    expect(r.konsisten).toEqual([false]);
    const ok = saringKonsisten([arah(0, 0.05)], [arah(0), arah(0, 0.1)], kemiripanKosinus, 0.5);
    expect(ok.konsisten).toEqual([true]);
  });

  it('two people half and half: which one is meant cannot be told, so no photo is kept', () => {
    expect(saringKonsisten([arah(0), arah(0), arah(4), arah(4)], [], dot, 0.9).konsisten).toEqual([
      false,
      false,
      false,
      false,
    ]);
    expect(
      saringKonsisten([arah(0), arah(4), arah(0), arah(4), arah(0), arah(4)], [], dot, 0.9).konsisten.some(
        Boolean,
      ),
    ).toBe(false);
    // Three of one person against two of another: the three stay.
    expect(saringKonsisten([arah(0), arah(4), arah(0), arah(4), arah(0)], [], dot, 0.9).konsisten).toEqual([
      true,
      false,
      true,
      false,
      true,
    ]);
  });

  it('a lone photo (nothing to compare with) is kept', () => {
    expect(saringKonsisten([arah(1)], [], dot, 0.99).konsisten).toEqual([true]);
  });

  it('property: the photos kept each have a mean similarity ≥ threshold to the rest kept, stored ones included', () => {
    const vek = fc.float32Array({ minLength: 4, maxLength: 4, noNaN: true, min: -1, max: 1 });
    fc.assert(
      fc.property(
        fc.array(vek, { minLength: 1, maxLength: 7 }),
        fc.array(vek, { maxLength: 3 }),
        fc.double({ min: -1, max: 1, noNaN: true }),
        (baru, tetap, ambang) => {
          const r = saringKonsisten(baru, tetap, kemiripanKosinus, ambang);
          const grup = [...baru.filter((_, i) => r.konsisten[i]), ...tetap];
          baru.forEach((x, i) => {
            if (!r.konsisten[i] || grup.length < 2) return;
            // Mean over the group other than itself, computed here by hand.
            let s = 0;
            let seen = false;
            for (const y of grup) {
              if (y === x && !seen) {
                seen = true;
                continue;
              }
              s += kemiripanKosinus(x, y);
            }
            expect(s / (grup.length - 1)).toBeGreaterThanOrEqual(ambang - 1e-9);
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('property: the photos kept, with the stored ones, are none or a strict majority of the group', () => {
    const vek = fc.float32Array({ minLength: 4, maxLength: 4, noNaN: true, min: -1, max: 1 });
    fc.assert(
      fc.property(
        fc.array(vek, { minLength: 1, maxLength: 8 }),
        fc.array(vek, { maxLength: 3 }),
        fc.double({ min: -1, max: 1, noNaN: true }),
        (baru, tetap, ambang) => {
          const kept = saringKonsisten(baru, tetap, kemiripanKosinus, ambang).konsisten.filter(
            Boolean,
          ).length;
          if (kept > 0) expect(2 * (kept + tetap.length)).toBeGreaterThan(baru.length + tetap.length);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('property: copies of one vector are all kept at any threshold up to 1', () => {
    fc.assert(
      fc.property(
        fc.float32Array({ minLength: 8, maxLength: 8, min: Math.fround(0.1), max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 8 }),
        fc.double({ min: -1, max: 0.999, noNaN: true }),
        (x, n, ambang) => {
          const r = saringKonsisten(
            Array.from({ length: n }, () => x),
            [],
            kemiripanKosinus,
            ambang,
          );
          expect(r.konsisten.every(Boolean)).toBe(true);
        },
      ),
    );
  });
});

describe('periksaDeskripsi: bad descriptions are refused in words', () => {
  const ok = (n = 3) => Array.from({ length: n }, (_, i) => d(arah(i, 0.1)));

  it('accepts well-formed samples', () => {
    expect(periksaDeskripsi(ok())).toEqual([]);
    expect(periksaDeskripsi(ok(), { model: 'm@1', dimensi: 8 })).toEqual([]);
  });

  it('refuses none, too many, empty, NaN, infinite, all-zero vectors', () => {
    expect(en(periksaDeskripsi([]))).toEqual(['No face photo was sent']);
    expect(en(periksaDeskripsi(ok(MAKS_SAMPEL + 90)))).toEqual([
      `Too many photos: ${MAKS_SAMPEL + 90}; at most ${MAKS_SAMPEL} per enrolment`,
    ]);
    expect(en(periksaDeskripsi([d(v())]))).toEqual([
      'Photo 1: the face vector has 0 numbers, it should have 8–4096',
    ]);
    const nan = arah(0);
    nan[3] = Number.NaN;
    const inf = arah(0);
    inf[2] = Number.POSITIVE_INFINITY;
    expect(en(periksaDeskripsi([d(arah(1)), d(nan), d(inf), d(new Float32Array(8))]))).toEqual([
      'Photo 2: the face vector holds invalid numbers (NaN or infinity)',
      'Photo 3: the face vector holds invalid numbers (NaN or infinity)',
      'Photo 4: the face vector is all zeros',
    ]);
  });

  it('refuses mixed models, mixed sizes and a size other than the stored templates', () => {
    expect(en(periksaDeskripsi([d(arah(0), 'a@1'), d(arah(1), 'b@2')]))).toEqual([
      'The photos were described by different face models (a@1, b@2); all must come from one model',
    ]);
    expect(en(periksaDeskripsi([d(arah(0)), d(new Float32Array(16).fill(1))]))).toEqual([
      'The face vectors differ in length between photos (8, 16)',
    ]);
    expect(en(periksaDeskripsi(ok(), { model: 'm@1', dimensi: 512 }))).toEqual([
      'The face vectors have 8 numbers, while the stored templates of model m@1 have 512',
    ]);
    // Stored templates of another model do not fix the size.
    expect(periksaDeskripsi(ok(), { model: 'lain@1', dimensi: 512 })).toEqual([]);
    expect(en(periksaDeskripsi([d(arah(0), 'a b;drop')]))).toEqual(['Invalid face model name: "a b;drop"']);
  });
});

describe('bandingkan: never across models', () => {
  it('compares the same model and refuses another one in words', () => {
    expect(bandingkan(d(arah(0)), d(arah(0)), dot)).toEqual({ ok: true, skor: 1 });
    const r = bandingkan(d(arah(0), 'mobilefacenet@3'), d(arah(0), 'faceres@3'), dot);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.alasan.en).toBe(
        'A face template of model faceres@3 cannot be compared with a photo of model mobilefacenet@3; enrol the face again with the current model',
      );
    }
    expect(bandingkan(d(arah(0)), d(new Float32Array(16).fill(1)), dot).ok).toBe(false);
  });
});

describe("skorTerbaik: the best of a person's templates, never across models", () => {
  it('takes the highest similarity and refuses no template or another model in words', () => {
    const r = skorTerbaik(d(arah(0)), [d(arah(3)), d(arah(0)), d(arah(5))]);
    expect(r).toEqual({ ok: true, skor: expect.closeTo(1, 6) });
    const kosong = skorTerbaik(d(arah(0)), []);
    expect(kosong.ok ? null : kosong.alasan.en).toBe(
      'There is no face template to compare with; enrol the face first',
    );
    const lain = skorTerbaik(d(arah(0)), [d(arah(0)), d(arah(0), 'faceres@3')]);
    expect(lain.ok ? null : lain.alasan.en).toMatch(/^A face template of model faceres@3 cannot be compared/);
  });
});
