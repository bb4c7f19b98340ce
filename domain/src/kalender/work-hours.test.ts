import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, isoWeekday } from './dates.ts';
import {
  isHariKerja,
  JAM_KERJA_PERPRES_21_2023,
  type JamKerja,
  menitKerjaHari,
  menitKerjaMingguan,
  validateJamKerja,
} from './work-hours.ts';

const isoDateArb = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('Perpres 21/2023 working hours', () => {
  it('total 37.5 hours (2250 minutes) a week excluding breaks', () => {
    expect(menitKerjaMingguan(JAM_KERJA_PERPRES_21_2023)).toBe(2250);
  });

  it('run Monday–Friday from 07.30, with a 60-minute break and 90 minutes on Friday', () => {
    expect(Object.keys(JAM_KERJA_PERPRES_21_2023).sort()).toEqual(['1', '2', '3', '4', '5']);
    for (const day of ['1', '2', '3', '4', '5'] as const) {
      const j = JAM_KERJA_PERPRES_21_2023[day]!;
      expect(j.mulai).toBe('07:30');
      expect(j.istirahatMenit).toBe(day === '5' ? 90 : 60);
      expect(menitKerjaHari(j)).toBe(450);
    }
    expect(validateJamKerja(JAM_KERJA_PERPRES_21_2023)).toEqual([]);
  });
});

describe('menitKerjaHari / menitKerjaMingguan', () => {
  it('is the span less the break', () => {
    expect(menitKerjaHari({ mulai: '08:00', selesai: '15:00', istirahatMenit: 30 })).toBe(390);
    expect(menitKerjaHari({ mulai: '00:00', selesai: '23:59', istirahatMenit: 0 })).toBe(1439);
  });

  it('Ramadan hours of 32.5 hours (1950 minutes) a week add up', () => {
    const ramadan: JamKerja = {
      '1': { mulai: '08:00', selesai: '15:00', istirahatMenit: 30 },
      '2': { mulai: '08:00', selesai: '15:00', istirahatMenit: 30 },
      '3': { mulai: '08:00', selesai: '15:00', istirahatMenit: 30 },
      '4': { mulai: '08:00', selesai: '15:00', istirahatMenit: 30 },
      '5': { mulai: '08:00', selesai: '15:30', istirahatMenit: 60 },
    };
    expect(menitKerjaMingguan(ramadan)).toBe(1950);
  });

  it('is zero for an empty week', () => {
    expect(menitKerjaMingguan({})).toBe(0);
  });

  it('property: the weekly total is the sum of the days', () => {
    const hhmm = fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
      .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
    const dayArb = fc.record({
      mulai: hhmm,
      selesai: hhmm,
      istirahatMenit: fc.integer({ min: 0, max: 120 }),
    });
    const weekArb = fc.dictionary(
      fc.constantFrom('1', '2', '3', '4', '5', '6', '7'),
      dayArb,
    ) as fc.Arbitrary<JamKerja>;
    fc.assert(
      fc.property(weekArb, (jk) => {
        let sum = 0;
        for (const j of Object.values(jk)) {
          if (!j) continue;
          const [h1, m1] = j.mulai.split(':').map(Number) as [number, number];
          const [h2, m2] = j.selesai.split(':').map(Number) as [number, number];
          sum += h2 * 60 + m2 - (h1 * 60 + m1) - j.istirahatMenit;
        }
        expect(menitKerjaMingguan(jk)).toBe(sum);
        // validateJamKerja flags exactly the days with no positive net time
        const bad = Object.values(jk).filter((j) => j && menitKerjaHari(j) <= 0).length;
        expect(validateJamKerja(jk)).toHaveLength(bad);
      }),
    );
  });
});

describe('validateJamKerja', () => {
  it('flags a badly written time, in Indonesian and English, naming the day', () => {
    for (const mulai of ['7:30', '24:00', '07:60', '0730', '']) {
      const out = validateJamKerja({ '3': { mulai, selesai: '16:00', istirahatMenit: 60 } });
      expect(out, mulai).toHaveLength(1);
      expect(out[0]?.id).toContain('3');
      expect(out[0]?.en).toContain('HH:MM');
    }
  });

  it('flags an end before the start plus the break', () => {
    expect(validateJamKerja({ '1': { mulai: '16:00', selesai: '07:30', istirahatMenit: 60 } })).toHaveLength(
      1,
    );
    expect(validateJamKerja({ '1': { mulai: '07:30', selesai: '08:30', istirahatMenit: 60 } })).toHaveLength(
      1,
    );
    expect(validateJamKerja({ '1': { mulai: '07:30', selesai: '08:31', istirahatMenit: 60 } })).toEqual([]);
  });
});

describe('isHariKerja', () => {
  const libur = new Set(['2020-08-17', '2020-08-21', '2025-03-28']);

  it('is true on an ordinary weekday', () => {
    expect(isHariKerja('2020-08-18', JAM_KERJA_PERPRES_21_2023, libur)).toBe(true);
    expect(isHariKerja('2020-08-17', JAM_KERJA_PERPRES_21_2023, new Set())).toBe(true);
  });

  it('is false on Saturday and Sunday', () => {
    expect(isHariKerja('2020-08-22', JAM_KERJA_PERPRES_21_2023, new Set())).toBe(false);
    expect(isHariKerja('2020-08-23', JAM_KERJA_PERPRES_21_2023, new Set())).toBe(false);
  });

  it('is false on a holiday or cuti bersama that falls on a weekday', () => {
    expect(isHariKerja('2020-08-17', JAM_KERJA_PERPRES_21_2023, libur)).toBe(false); // Monday, HUT RI
    expect(isHariKerja('2020-08-21', JAM_KERJA_PERPRES_21_2023, libur)).toBe(false); // Friday
    expect(isHariKerja('2025-03-28', JAM_KERJA_PERPRES_21_2023, libur)).toBe(false);
  });

  it('follows the configured days: a Saturday shift makes Saturday a working day', () => {
    const sixDays: JamKerja = {
      ...JAM_KERJA_PERPRES_21_2023,
      '6': { mulai: '08:00', selesai: '12:00', istirahatMenit: 0 },
    };
    expect(isHariKerja('2020-08-22', sixDays, new Set())).toBe(true);
    expect(isHariKerja('2020-08-23', sixDays, new Set())).toBe(false);
  });

  it('property: under Perpres 21/2023 a day is a working day iff it is Monday–Friday and not a holiday', () => {
    fc.assert(
      fc.property(isoDateArb, fc.array(fc.integer({ min: -3, max: 3 })), (d, offsets) => {
        const holidays = new Set(offsets.map((o) => addDays(d, o)));
        expect(isHariKerja(d, JAM_KERJA_PERPRES_21_2023, new Set())).toBe(isoWeekday(d) <= 5);
        expect(isHariKerja(d, JAM_KERJA_PERPRES_21_2023, holidays)).toBe(
          isoWeekday(d) <= 5 && !holidays.has(d),
        );
        expect(isHariKerja(d, JAM_KERJA_PERPRES_21_2023, new Set([d]))).toBe(false);
      }),
    );
  });

  it('property: a week of Perpres hours has exactly five working days when no holiday falls in it', () => {
    fc.assert(
      fc.property(isoDateArb, (d) => {
        const week = [0, 1, 2, 3, 4, 5, 6].map((i) => addDays(d, i));
        expect(week.filter((x) => isHariKerja(x, JAM_KERJA_PERPRES_21_2023, new Set()))).toHaveLength(5);
      }),
    );
  });
});
