import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dateRange, formatTanggal, isIsoDate, isoWeekday, namaHari } from './dates.ts';

/** Real calendar dates 1900–2200 as YYYY-MM-DD. */
const isoDateArb = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2200-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

/** Days from 1970-01-01, computed without Date, to check day arithmetic independently. */
function dayNumber(iso: string): number {
  const [y0, m, d] = iso.split('-').map(Number) as [number, number, number];
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

describe('isIsoDate', () => {
  it('accepts real dates, including 29 February in leap years', () => {
    for (const d of ['2020-08-18', '2020-02-29', '2000-02-29', '2024-12-31', '2021-01-01']) {
      expect(isIsoDate(d), d).toBe(true);
    }
  });

  it('rejects impossible dates and other shapes', () => {
    for (const d of [
      '2021-02-29',
      '1900-02-29',
      '2021-04-31',
      '2021-13-01',
      '2021-00-10',
      '2021-01-00',
      '2021-1-01',
      '2021-01-1',
      '20210101',
      '2021/01/01',
      '2021-01-01T00:00:00Z',
      ' 2021-01-01',
      '',
      'kemarin',
    ]) {
      expect(isIsoDate(d), d).toBe(false);
    }
  });

  it('property: every real date is accepted, and never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(isoDateArb, (d) => {
        expect(isIsoDate(d)).toBe(true);
      }),
    );
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^\d{4}-\d{2}-\d{2}$/)), (s) => {
        const ok = isIsoDate(s);
        if (ok) expect(s).toMatch(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);
      }),
    );
  });
});

describe('addDays', () => {
  it('crosses month, year and leap-day boundaries', () => {
    expect(addDays('2020-02-28', 1)).toBe('2020-02-29');
    expect(addDays('2021-02-28', 1)).toBe('2021-03-01');
    expect(addDays('2020-12-31', 1)).toBe('2021-01-01');
    expect(addDays('2021-01-01', -1)).toBe('2020-12-31');
    expect(addDays('2021-06-29', 7)).toBe('2021-07-06');
    expect(addDays('2020-08-18', 0)).toBe('2020-08-18');
    expect(addDays('2020-03-01', 365)).toBe('2021-03-01');
  });

  it('property: addDays(d, n) then −n is the identity', () => {
    fc.assert(
      fc.property(isoDateArb, fc.integer({ min: -20000, max: 20000 }), (d, n) => {
        expect(addDays(addDays(d, n), -n)).toBe(d);
      }),
    );
  });

  it('property: moves exactly n days and composes (a + b)', () => {
    fc.assert(
      fc.property(
        isoDateArb,
        fc.integer({ min: -5000, max: 5000 }),
        fc.integer({ min: -5000, max: 5000 }),
        (d, a, b) => {
          const r = addDays(d, a);
          expect(isIsoDate(r)).toBe(true);
          expect(dayNumber(r) - dayNumber(d)).toBe(a);
          expect(addDays(r, b)).toBe(addDays(d, a + b));
        },
      ),
    );
  });
});

describe('isoWeekday', () => {
  it('numbers Monday 1 … Sunday 7', () => {
    expect(isoWeekday('2020-08-17')).toBe(1); // Monday, Independence Day 2020
    expect(isoWeekday('2020-08-18')).toBe(2);
    expect(isoWeekday('2021-06-29')).toBe(2);
    expect(isoWeekday('2022-02-04')).toBe(5);
    expect(isoWeekday('2023-01-07')).toBe(6);
    expect(isoWeekday('2023-01-01')).toBe(7);
  });

  it('property: the next day is the next weekday, and a week later is the same weekday', () => {
    fc.assert(
      fc.property(isoDateArb, fc.integer({ min: -3000, max: 3000 }), (d, weeks) => {
        const w = isoWeekday(d);
        expect(w).toBeGreaterThanOrEqual(1);
        expect(w).toBeLessThanOrEqual(7);
        expect(isoWeekday(addDays(d, 1))).toBe((w % 7) + 1);
        expect(isoWeekday(addDays(d, 7 * weeks))).toBe(w);
        // 1970-01-01 was a Thursday (4)
        expect(w).toBe(((((dayNumber(d) + 3) % 7) + 7) % 7) + 1);
      }),
    );
  });
});

describe('dateRange', () => {
  it('includes both ends', () => {
    expect(dateRange('2020-08-18', '2020-08-21')).toEqual([
      '2020-08-18',
      '2020-08-19',
      '2020-08-20',
      '2020-08-21',
    ]);
    expect(dateRange('2021-06-29', '2021-07-06')).toHaveLength(8);
    expect(dateRange('2020-02-28', '2020-03-01')).toEqual(['2020-02-28', '2020-02-29', '2020-03-01']);
  });

  it('is a single day when from = to, and empty when from > to', () => {
    expect(dateRange('2020-08-18', '2020-08-18')).toEqual(['2020-08-18']);
    expect(dateRange('2020-08-19', '2020-08-18')).toEqual([]);
  });

  it('property: n + 1 consecutive days from d to addDays(d, n)', () => {
    fc.assert(
      fc.property(isoDateArb, fc.integer({ min: 0, max: 800 }), (d, n) => {
        const r = dateRange(d, addDays(d, n));
        expect(r).toHaveLength(n + 1);
        expect(r[0]).toBe(d);
        expect(r[n]).toBe(addDays(d, n));
        for (let i = 1; i < r.length; i++) expect(r[i]).toBe(addDays(r[i - 1]!, 1));
      }),
    );
  });

  it('property: empty whenever from is after to', () => {
    fc.assert(
      fc.property(isoDateArb, fc.integer({ min: 1, max: 800 }), (d, n) => {
        expect(dateRange(addDays(d, n), d)).toEqual([]);
      }),
    );
  });
});

describe('namaHari and formatTanggal', () => {
  it('names the weekdays', () => {
    expect(namaHari(1)).toBe('Senin');
    expect(namaHari(5)).toBe('Jumat');
    expect(namaHari(7)).toBe('Minggu');
    expect(namaHari(1, 'en')).toBe('Monday');
    expect(namaHari(7, 'en')).toBe('Sunday');
    expect(namaHari(0)).toBe('');
    expect(namaHari(8)).toBe('');
  });

  it("formats '2020-08-18' as 'Selasa, 18 Agustus 2020'", () => {
    expect(formatTanggal('2020-08-18')).toBe('Selasa, 18 Agustus 2020');
    expect(formatTanggal('2020-08-18', 'en')).toBe('Tuesday, 18 August 2020');
    expect(formatTanggal('2020-08-18', 'id', false)).toBe('18 Agustus 2020');
  });

  it('writes the day without a leading zero and names every month', () => {
    expect(formatTanggal('2021-07-06')).toBe('Selasa, 6 Juli 2021');
    expect(formatTanggal('2020-03-24')).toBe('Selasa, 24 Maret 2020');
    expect(formatTanggal('2022-02-01', 'en')).toBe('Tuesday, 1 February 2022');
    expect(formatTanggal('2025-05-13', 'id', false)).toBe('13 Mei 2025');
    expect(formatTanggal('2025-12-26', 'id', false)).toBe('26 Desember 2025');
  });

  it('property: the formatted date starts with the weekday name and ends with day, month and year', () => {
    fc.assert(
      fc.property(isoDateArb, (d) => {
        const [y, m, day] = d.split('-').map(Number) as [number, number, number];
        const s = formatTanggal(d);
        expect(s.startsWith(`${namaHari(isoWeekday(d))}, ${day} `)).toBe(true);
        expect(s.endsWith(` ${y}`)).toBe(true);
        expect(s).not.toContain('undefined');
        expect(formatTanggal(d, 'en', false)).toMatch(new RegExp(`^${day} [A-Z][a-z]+ ${y}$`));
        expect(m).toBeGreaterThanOrEqual(1);
      }),
    );
  });
});
