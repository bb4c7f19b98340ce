import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bukaJson, kemasJson } from './json.ts';

describe('kemasJson / bukaJson', () => {
  it('gives back every JSON-safe list as it was, in order, whatever the chunk size', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.parse(JSON.stringify(v)) as unknown)),
        fc.integer({ min: 1, max: 7 }),
        async (xs, n) => {
          const k = kemasJson(xs, n);
          expect(k.potongan.length).toBe(Math.ceil(xs.length / n));
          expect(k.potongan.every((s) => typeof s === 'string')).toBe(true);
          expect(await bukaJson(structuredClone(k))).toEqual(xs);
        },
      ),
    );
  });

  it('lets other work run between chunks', async () => {
    const k = kemasJson(
      Array.from({ length: 10 }, (_, i) => i),
      2,
    );
    let antara = 0;
    let selesai = false;
    const giliran = () => {
      antara++;
      if (!selesai) setImmediate(giliran);
    };
    setImmediate(giliran);
    const hasil = await bukaJson(k);
    selesai = true;
    expect(hasil).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(antara).toBeGreaterThan(0);
  });
});
