import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buatGaleri, cariBanyak, kemiripan } from './kemiripan.ts';
import type { Embedding } from './tipe.ts';

// The kiosk's one-to-many search against the plain definition: each owner's best cosine similarity over
// their templates (kemiripan, one pair at a time), highest first.

const MODEL = 'uji@1';
const vektor = (dim: number) =>
  fc
    .array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: dim, maxLength: dim })
    .filter((xs) => xs.some((x) => Math.abs(x) > 1e-3))
    .map((xs) => {
      const n = Math.hypot(...xs);
      return { model: MODEL, vektor: Float32Array.from(xs.map((x) => x / n)) } satisfies Embedding;
    });

const kasus = fc.integer({ min: 1, max: 9 }).chain((dim) =>
  fc.record({
    isi: fc.array(fc.record({ pemilik: fc.constantFrom('a', 'b', 'c', 'd', 'e'), embedding: vektor(dim) }), {
      minLength: 1,
      maxLength: 20,
    }),
    probe: vektor(dim),
    n: fc.integer({ min: 1, max: 6 }),
  }),
);

describe('cariBanyak: the best people for a probe', () => {
  it('property: the same owners and scores as comparing every template one by one', () => {
    fc.assert(
      fc.property(kasus, ({ isi, probe, n }) => {
        const terbaik = new Map<string, number>();
        for (const x of isi) {
          const s = kemiripan(probe, x.embedding);
          terbaik.set(x.pemilik, Math.max(terbaik.get(x.pemilik) ?? -Infinity, s));
        }
        const harap = [...terbaik.values()].sort((a, b) => b - a).slice(0, n);
        const dapat = cariBanyak(buatGaleri(MODEL, isi), probe, n);
        expect(dapat.map((x) => x.skor)).toHaveLength(harap.length);
        dapat.forEach((x, i) => {
          expect(x.skor).toBeCloseTo(harap[i] as number, 5);
          // the named owner really has that best score
          expect(terbaik.get(x.pemilik)).toBeCloseTo(x.skor, 5);
        });
        expect(new Set(dapat.map((x) => x.pemilik)).size).toBe(dapat.length);
      }),
    );
  });

  it('by example: the owner of the identical template first, at 1; an empty gallery finds nobody', () => {
    const e = (xs: number[]): Embedding => {
      const n = Math.hypot(...xs);
      return { model: MODEL, vektor: Float32Array.from(xs.map((x) => x / n)) };
    };
    const g = buatGaleri(MODEL, [
      { pemilik: 'siti', embedding: e([1, 0, 0, 0, 0]) },
      { pemilik: 'budi', embedding: e([0, 1, 0, 0, 0]) },
      { pemilik: 'budi', embedding: e([0.6, 0.8, 0, 0, 0]) },
      { pemilik: 'ani', embedding: e([0, 0, 1, 0, 0]) },
    ]);
    const r = cariBanyak(g, e([1, 0, 0, 0, 0]), 2);
    expect(r.map((x) => x.pemilik)).toEqual(['siti', 'budi']);
    expect(r[0]!.skor).toBeCloseTo(1, 6);
    expect(r[1]!.skor).toBeCloseTo(0.6, 6);
    expect(cariBanyak(buatGaleri(MODEL, []), e([1, 0, 0, 0, 0]))).toEqual([]);
    expect(() => cariBanyak(g, { model: 'lain@2', vektor: e([1, 0, 0, 0, 0]).vektor })).toThrow(
      /different models/,
    );
  });
});
