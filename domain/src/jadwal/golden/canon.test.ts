import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canon } from './golden.ts';

/** A copy of a JSON value with every object's keys inserted in reverse order. */
function reversed(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(reversed);
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.keys(v)
        .reverse()
        .map((k) => [k, reversed((v as Record<string, unknown>)[k])]),
    );
  return v;
}

describe('canon, the canonical text of the golden tests', () => {
  it('does not depend on the order in which an object’s fields were written, and reads back as the same value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const c = canon(v);
        expect(canon(reversed(v))).toBe(c);
        expect(JSON.parse(c)).toEqual(JSON.parse(JSON.stringify(v)));
      }),
    );
  });

  it('keeps Map and Set entries in their order and leaves out undefined fields', () => {
    expect(
      canon({
        b: new Map([
          ['y', 1],
          ['x', 2],
        ]),
        a: new Set([3, 1]),
        c: undefined,
      }),
    ).toBe('{"a":{"<Set>":[3,1]},"b":{"<Map>":[["y",1],["x",2]]}}');
  });
});
