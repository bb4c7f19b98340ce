import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bandingTeks } from './urutan.ts';

describe('bandingTeks', () => {
  it('orders by code unit, whatever the locale: upper case before lower, "AA" before "AB" before "Z"', () => {
    expect(['b', 'C', 'a', 'B'].sort(bandingTeks)).toEqual(['B', 'C', 'a', 'b']);
    expect(['Z', 'AB', 'AA'].sort(bandingTeks)).toEqual(['AA', 'AB', 'Z']);
    expect(['k@1:x_y:A', 'k@1:x:A', 'k@1:x-y:A'].sort(bandingTeks)).toEqual([
      'k@1:x-y:A',
      'k@1:x:A',
      'k@1:x_y:A',
    ]);
  });

  it('is a total order consistent with equality', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (a, b, c) => {
        expect(Math.sign(bandingTeks(a, b)) + Math.sign(bandingTeks(b, a))).toBe(0);
        expect(bandingTeks(a, b) === 0).toBe(a === b);
        if (bandingTeks(a, b) <= 0 && bandingTeks(b, c) <= 0)
          expect(bandingTeks(a, c)).toBeLessThanOrEqual(0);
      }),
    );
  });
});
