import type { ImportIssue } from '@sigap/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { batasiMasalah, KODE_MASALAH_LAIN } from './masalah.ts';

const masalah = fc.record({
  baris: fc.integer({ min: 1, max: 100_000 }),
  kolom: fc.option(fc.constantFrom('nip', 'opd_kode', 'email'), { nil: null }),
  kode: fc.constantFrom('NIP_FORMAT', 'OPD_TIDAK_DIKENAL', 'EMAIL_TIDAK_SAH', 'WAJIB_DIISI'),
  pesan: fc.constant({ id: 'x', en: 'x' }),
}) as fc.Arbitrary<ImportIssue>;

describe('batasiMasalah', () => {
  it('keeps the first `maks` in order, then one closing entry; the total and the counts cover all', () => {
    fc.assert(
      fc.property(fc.array(masalah, { maxLength: 60 }), fc.integer({ min: 1, max: 40 }), (semua, maks) => {
        const b = batasiMasalah(semua, maks);
        expect(b.jumlahMasalah).toBe(semua.length);
        expect(b.issues.slice(0, maks)).toEqual(semua.slice(0, maks));
        const lebih = semua.length > maks;
        expect(b.issues).toHaveLength(lebih ? maks + 1 : semua.length);
        expect(b.issues.at(-1)?.kode === KODE_MASALAH_LAIN).toBe(lebih);
        if (lebih) expect(b.issues.at(-1)!.pesan.id).toContain(`dan ${semua.length - maks} masalah lain`);
        for (const k of new Set(semua.map((i) => i.kode)))
          expect(b.perKode[k]).toBe(semua.filter((i) => i.kode === k).length);
        expect(Object.values(b.perKode).reduce((a, n) => a + n, 0)).toBe(semua.length);
      }),
    );
  });
});
