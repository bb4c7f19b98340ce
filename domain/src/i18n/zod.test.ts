import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { galatZod, pesanIsuZod } from './zod.ts';

const pesanDari = (schema: z.ZodType, input: unknown, lang: 'id' | 'en' = 'id') => {
  const r = schema.safeParse(input, { error: galatZod(lang) });
  return r.success ? [] : r.error.issues.map((i) => i.message);
};

describe('zod problems in words', () => {
  it('names the limit in words, never zod jargon', () => {
    expect(pesanDari(z.number().max(100), 150)).toEqual(['paling besar 100']);
    expect(pesanDari(z.number().max(100), 150, 'en')).toEqual(['at most 100']);
    expect(pesanDari(z.number().min(1), 0)).toEqual(['paling kecil 1']);
    expect(pesanDari(z.string().min(1), '')).toEqual(['wajib diisi']);
    expect(pesanDari(z.string().max(3), 'abcd')).toEqual(['paling panjang 3 karakter']);
    expect(pesanDari(z.object({ a: z.string() }), {})).toEqual(['wajib diisi']);
    expect(pesanDari(z.number(), 'x')).toEqual(['harus berupa angka']);
    expect(pesanDari(z.enum(['wfo', 'wfh']), 'kantor')).toEqual(['harus salah satu dari: wfo, wfh']);
    expect(pesanDari(z.iso.date(), '17-08-2020')).toEqual(['harus tanggal TTTT-BB-HH (mis. 2026-08-17)']);
    expect(pesanDari(z.uuid(), 'abc', 'en')).toEqual(['must be a valid identifier (UUID)']);
    expect(pesanDari(z.strictObject({}), { x: 1 })).toEqual(['isian tidak dikenal: x']);
  });

  it('keeps a message the schema wrote itself', () => {
    expect(pesanDari(z.string().min(3, 'Nama 3–200 karakter'), 'ab')).toEqual(['Nama 3–200 karakter']);
  });

  it('no message of any issue carries zod words (expected, received, <=, >=, Input)', () => {
    const skema = z.object({
      n: z.number().int().min(-5).max(100).multipleOf(5),
      s: z.string().min(2).max(10),
      d: z.iso.date(),
      e: z.enum(['a', 'b']),
      l: z.array(z.number()).min(1).max(3),
      b: z.boolean(),
    });
    fc.assert(
      fc.property(
        fc.anything(),
        fc.anything(),
        fc.anything(),
        fc.anything(),
        fc.anything(),
        (n, s, d, e, l) => {
          const r = skema.safeParse({ n, s, d, e, l }, { error: galatZod('id') });
          if (r.success) return;
          for (const i of r.error.issues) {
            expect(i.message).not.toMatch(/expected|received|diharapkan|diterima|<=|>=|Input|undefined/);
            expect(pesanIsuZod({ ...i, input: undefined } as never).en.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
