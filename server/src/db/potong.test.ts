import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { potong } from './potong.ts';

describe('potong', () => {
  it('cuts any list into chunks of n (the last one shorter) that join back to the list', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.integer({ min: 1, max: 20 }), (xs, n) => {
        const chunks = [...potong(xs, n)];
        expect(chunks.flat()).toEqual(xs);
        expect(chunks.length).toBe(Math.ceil(xs.length / n));
        for (const c of chunks.slice(0, -1)) expect(c.length).toBe(n);
        for (const c of chunks) expect(c.length).toBeGreaterThan(0);
      }),
    );
  });

  it('takes items from a generator only as each chunk is asked for', () => {
    let taken = 0;
    function* gen() {
      for (let i = 0; i < 10; i++) {
        taken++;
        yield i;
      }
    }
    const it = potong(gen(), 4);
    expect(it.next().value).toEqual([0, 1, 2, 3]);
    expect(taken).toBe(4);
    expect([...it]).toEqual([
      [4, 5, 6, 7],
      [8, 9],
    ]);
  });

  it('refuses a chunk size that is not a positive whole number', () => {
    expect(() => [...potong([1], 0)]).toThrow(RangeError);
    expect(() => [...potong([1], 1.5)]).toThrow(RangeError);
  });
});
