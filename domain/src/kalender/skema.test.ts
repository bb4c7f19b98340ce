import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isIsoDate, masalahPeriode } from './dates.ts';
import { denganPeriode, PeriodeSchema, TanggalSchema } from './skema.ts';

const pesanDari = (r: { success: boolean; error?: z.ZodError }) =>
  r.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

describe('TanggalSchema and PeriodeSchema', () => {
  it('accepts a date in the supported range and refuses the rest in both languages', () => {
    expect(TanggalSchema.safeParse('2026-08-17').success).toBe(true);
    expect(pesanDari(TanggalSchema.safeParse('9999-12-31'))).toEqual([
      ': 9999-12-31 di luar rentang tanggal yang didukung (1900-01-01 s.d. 2200-12-31) ‖ 9999-12-31 is outside the supported dates (1900-01-01 to 2200-12-31)',
    ]);
    expect(pesanDari(TanggalSchema.safeParse('0001-01-01'))[0]).toContain('di luar rentang');
    expect(pesanDari(TanggalSchema.safeParse('2026-02-30'))[0]).toContain('bukan tanggal yang ada');
    expect(pesanDari(TanggalSchema.safeParse(20260817))[0]).toContain('wajib diisi dengan tanggal');
    expect(TanggalSchema.optional().safeParse(undefined).success).toBe(true);
  });

  it('refuses a reversed period, one of 367 days, and a period from 9999-12-31, naming "sampai"', () => {
    expect(PeriodeSchema.safeParse({ dari: '2028-01-01', sampai: '2028-12-31' }).success).toBe(true);
    expect(pesanDari(PeriodeSchema.safeParse({ dari: '2026-03-02', sampai: '2026-03-01' }))).toEqual([
      'sampai: sampai (2026-03-01) sebelum dari (2026-03-02); tukar kedua tanggal ‖ sampai (2026-03-01) comes before dari (2026-03-02); swap the two dates',
    ]);
    expect(pesanDari(PeriodeSchema.safeParse({ dari: '2026-01-01', sampai: '2027-01-02' }))[0]).toContain(
      '367 hari',
    );
    const r = pesanDari(PeriodeSchema.safeParse({ dari: '9999-12-31', sampai: '9999-12-31' }));
    expect(r).toHaveLength(2);
    expect(r.every((m) => m.includes('di luar rentang'))).toBe(true);
  });

  it('checks the period only when both ends are given, and keeps the other fields', () => {
    const S = denganPeriode(
      z.object({
        dari: TanggalSchema.optional(),
        sampai: TanggalSchema.optional(),
        opd: z.string().optional(),
      }),
    );
    expect(S.safeParse({}).success).toBe(true);
    expect(S.safeParse({ sampai: '2026-01-01' }).success).toBe(true);
    expect(S.parse({ dari: '2026-01-01', sampai: '2026-01-31', opd: 'X' })).toEqual({
      dari: '2026-01-01',
      sampai: '2026-01-31',
      opd: 'X',
    });
    expect(S.safeParse({ dari: '2026-02-01', sampai: '2026-01-31' }).success).toBe(false);
  });

  it('property: the schemas accept exactly what isIsoDate and masalahPeriode accept', () => {
    const t = fc.oneof(
      fc.string(),
      fc
        .integer({ min: -80000, max: 120000 })
        .map((n) => new Date(n * 86_400_000).toISOString().slice(0, 10)),
      fc.constantFrom('9999-12-31', '0001-01-01', '1900-01-01', '2200-12-31', '2201-01-01'),
    );
    fc.assert(
      fc.property(t, t, (a, b) => {
        expect(TanggalSchema.safeParse(a).success).toBe(isIsoDate(a));
        expect(PeriodeSchema.safeParse({ dari: a, sampai: b }).success).toBe(masalahPeriode(a, b) === null);
      }),
      { numRuns: 500 },
    );
  });
});
