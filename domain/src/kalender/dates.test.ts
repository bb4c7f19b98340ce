import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  dateRange,
  formatTanggal,
  hariAntara,
  hariPeriode,
  isIsoDate,
  isoWeekday,
  MAKS_HARI_PERIODE,
  masalahPeriode,
  masalahTanggal,
  namaHari,
  TANGGAL_MAKS,
  TANGGAL_MIN,
  TanggalTidakSah,
} from './dates.ts';

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
      '9999-12-31',
      '0001-01-01',
      '1899-12-31',
      '2201-01-01',
      '+010000-01-01',
      '-000001-01-01',
      '0000-01-01',
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
      fc.property(isoDateArb, fc.integer({ min: -600000, max: 600000 }), (d, n) => {
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
          expect(r).toMatch(/^\d{4}-\d{2}-\d{2}$/);
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

describe('dateRange', { timeout: 30_000 }, () => {
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

// ── The whole input range: every string, every YYYY-MM-DD date 0001–9999, the edges ───────────────────

const MS_HARI = 86_400_000;
/** Day numbers (since 1970-01-01) of 0001-01-01 and 9999-12-31, from the platform's own calendar. */
const N_PERTAMA = Date.UTC(2001, 0, 1) / MS_HARI - 730_485; // 2000 years of 365.2425 days before 2001-01-01
const N_TERAKHIR = Date.UTC(9999, 11, 31) / MS_HARI;
/** The date of a day number, written by the platform (toISOString), independent of dates.ts. */
const tulis = (n: number) => new Date(n * MS_HARI).toISOString().slice(0, 10);

/** Any YYYY-MM-DD date the format can write (0001-01-01 … 9999-12-31), biased to the edges. */
const nomorArb = fc.oneof(
  fc.integer({ min: N_PERTAMA, max: N_TERAKHIR }),
  fc.integer({ min: N_PERTAMA, max: N_PERTAMA + 400 }),
  fc.integer({ min: N_TERAKHIR - 400, max: N_TERAKHIR }),
  fc.constantFrom(
    N_PERTAMA,
    N_TERAKHIR,
    Date.UTC(1900, 0, 1) / MS_HARI,
    Date.UTC(2200, 11, 31) / MS_HARI,
    Date.UTC(1899, 11, 31) / MS_HARI,
    Date.UTC(2201, 0, 1) / MS_HARI,
  ),
);
const semuaTanggalArb = nomorArb.map(tulis);
/** Strings that look like dates and strings that do not. */
const teksArb = fc.oneof(
  fc.string(),
  fc.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
  fc.constantFrom('+010000-01-01', '-000001-01-01', '0000-01-01', '0000-02-29', '10000-01-01', '2026-8-17'),
  semuaTanggalArb,
);
/** Day counts: small, large, and past the edges of the format. */
const jumlahHariArb = fc.oneof(
  fc.integer({ min: -800, max: 800 }),
  fc.integer({ min: -4_000_000, max: 4_000_000 }),
  fc.constantFrom(
    Number.MAX_SAFE_INTEGER,
    Number.MIN_SAFE_INTEGER,
    0.5,
    Number.NaN,
    Number.POSITIVE_INFINITY,
  ),
);

/** A helper either answers or throws TanggalTidakSah with a message in both languages; nothing else. */
function totalAtauTanggalTidakSah<T>(f: () => T): { ok: true; v: T } | { ok: false } {
  try {
    return { ok: true, v: f() };
  } catch (e) {
    expect(e).toBeInstanceOf(TanggalTidakSah);
    expect((e as TanggalTidakSah).pesan.id.length).toBeGreaterThan(0);
    expect((e as TanggalTidakSah).pesan.en.length).toBeGreaterThan(0);
    return { ok: false };
  }
}

// Measured: each property below takes ≤ 0.7 s of CPU alone on this 2-core machine; 30 s leaves far more
// than 2× room when the machine is shared with heavy work.
describe('the date helpers over their whole input range', { timeout: 30_000 }, () => {
  it(`accepts exactly the real dates from ${TANGGAL_MIN} to ${TANGGAL_MAKS}`, () => {
    expect(isIsoDate(TANGGAL_MIN)).toBe(true);
    expect(isIsoDate(TANGGAL_MAKS)).toBe(true);
    fc.assert(
      fc.property(teksArb, (s) => {
        const asli = /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));
        const nyata = asli && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;
        expect(isIsoDate(s)).toBe(nyata && s >= '1900-01-01' && s <= '2200-12-31');
      }),
      { numRuns: 2000 },
    );
  });

  it('addDays on 9999-12-31 + 1 refuses in words instead of writing "+010000-01-01"', () => {
    expect(() => addDays('9999-12-31', 1)).toThrow(TanggalTidakSah);
    expect(() => addDays('0001-01-01', -1)).toThrow(TanggalTidakSah);
    expect(addDays('9999-12-30', 1)).toBe('9999-12-31');
    expect(addDays('0001-01-02', -1)).toBe('0001-01-01');
    expect(addDays('2200-12-31', 1)).toBe('2201-01-01');
    expect(() => addDays('+010000-01-01', -1)).toThrow(TanggalTidakSah);
  });

  it('property: addDays on any string and any count gives a real YYYY-MM-DD date exactly n days on, or refuses in words', () => {
    fc.assert(
      fc.property(teksArb, jumlahHariArb, (d, n) => {
        const r = totalAtauTanggalTidakSah(() => addDays(d, n));
        const awal = /^\d{4}-\d{2}-\d{2}$/.test(d) ? Date.parse(`${d}T00:00:00Z`) / MS_HARI : Number.NaN;
        const sah =
          Number.isInteger(awal) && awal >= N_PERTAMA && tulis(awal) === d && Number.isSafeInteger(n);
        const tujuan = awal + n;
        expect(r.ok).toBe(sah && tujuan >= N_PERTAMA && tujuan <= N_TERAKHIR);
        if (r.ok) expect(r.v).toBe(tulis(tujuan));
      }),
      { numRuns: 3000 },
    );
  });

  it('property: isoWeekday and formatTanggal answer for every date 0001–9999 and refuse anything else', () => {
    fc.assert(
      fc.property(teksArb, (d) => {
        const w = totalAtauTanggalTidakSah(() => isoWeekday(d));
        const f = totalAtauTanggalTidakSah(() => formatTanggal(d, 'en'));
        const n = Date.parse(`${d}T00:00:00Z`) / MS_HARI;
        const sah = /^\d{4}-\d{2}-\d{2}$/.test(d) && Number.isInteger(n) && tulis(n) === d && d >= '0001';
        expect(w.ok).toBe(sah);
        expect(f.ok).toBe(sah);
        if (w.ok) expect(w.v).toBe(((new Date(n * MS_HARI).getUTCDay() + 6) % 7) + 1);
        if (f.ok) {
          expect(f.v).not.toContain('undefined');
          expect(f.v.endsWith(` ${Number(d.slice(0, 4))}`)).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('dateRange ends at the last date the format can write (9999-12-31 looped forever before)', () => {
    expect(dateRange('9999-12-31', '9999-12-31')).toEqual(['9999-12-31']);
    expect(dateRange('9999-12-29', '9999-12-31')).toEqual(['9999-12-29', '9999-12-30', '9999-12-31']);
    expect(dateRange('0001-01-01', '0001-01-02')).toEqual(['0001-01-01', '0001-01-02']);
    expect(() => dateRange('2026-01-01', '+010000-01-01')).toThrow(TanggalTidakSah);
    expect(() => dateRange('2026-02-30', '2026-03-01')).toThrow(TanggalTidakSah);
  });

  it('property: dateRange between any two dates near each other (edges included) lists each day once, in order', () => {
    fc.assert(
      fc.property(nomorArb, fc.integer({ min: -5, max: 400 }), (a, k) => {
        const b = Math.max(N_PERTAMA, Math.min(a + k, N_TERAKHIR));
        const r = dateRange(tulis(a), tulis(b));
        expect(r).toEqual(Array.from({ length: Math.max(0, b - a + 1) }, (_, i) => tulis(a + i)));
        expect(hariAntara(tulis(a), tulis(b))).toBe(b - a);
      }),
      { numRuns: 300 },
    );
  });

  it('property: dateRange over far-apart dates has exactly the days between them (no loop, no gap)', () => {
    fc.assert(
      fc.property(nomorArb, nomorArb, (a, b) => {
        fc.pre(Math.abs(b - a) < 200_000);
        const r = dateRange(tulis(a), tulis(b));
        expect(r.length).toBe(Math.max(0, b - a + 1));
        if (r.length > 0) {
          expect(r[0]).toBe(tulis(a));
          expect(r.at(-1)).toBe(tulis(b));
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('masalahTanggal, masalahPeriode and hariPeriode', { timeout: 30_000 }, () => {
  it('names the field and says what is wrong, in Indonesian and English', () => {
    expect(masalahTanggal('2026-08-17')).toBeNull();
    expect(masalahTanggal('9999-12-31', 'sampai')).toEqual({
      id: 'sampai: 9999-12-31 di luar rentang tanggal yang didukung (1900-01-01 s.d. 2200-12-31)',
      en: 'sampai: 9999-12-31 is outside the supported dates (1900-01-01 to 2200-12-31)',
    });
    expect(masalahTanggal('2026-02-30', 'dari')?.id).toBe(
      'dari: "2026-02-30" bukan tanggal yang ada; tulis TTTT-BB-HH, misalnya 2026-08-17',
    );
    expect(masalahPeriode('2026-01-01', '2026-12-31')).toBeNull(); // 365 days
    expect(masalahPeriode('2028-01-01', '2028-12-31')).toBeNull(); // 366 days, a leap year
    expect(masalahPeriode('2026-01-01', '2027-01-02')?.en).toBe(
      'The period 2026-01-01 to 2027-01-02 spans 367 days; at most 366 days per request — split it into several periods',
    );
    expect(masalahPeriode('2026-03-02', '2026-03-01')?.id).toBe(
      'sampai (2026-03-01) sebelum dari (2026-03-02); tukar kedua tanggal',
    );
    expect(masalahPeriode('0001-01-01', '0001-01-02')?.en).toContain('dari: 0001-01-01 is outside');
    expect(() => hariPeriode('9999-12-31', '9999-12-31')).toThrow(TanggalTidakSah);
    expect(hariPeriode('2026-08-17', '2026-08-19')).toEqual(['2026-08-17', '2026-08-18', '2026-08-19']);
  });

  it(`property: a period is accepted exactly when both dates are accepted, in order, at most ${MAKS_HARI_PERIODE} days`, () => {
    const sekitar = fc.oneof(
      teksArb,
      fc.integer({ min: Date.UTC(1899, 10, 1) / MS_HARI, max: Date.UTC(2201, 1, 1) / MS_HARI }).map(tulis),
    );
    fc.assert(
      fc.property(sekitar, fc.oneof(sekitar, fc.integer({ min: -3, max: 370 })), (dari, x) => {
        const a = Date.parse(`${dari}T00:00:00Z`) / MS_HARI;
        const sampai =
          typeof x === 'number' ? (Number.isInteger(a) && tulis(a) === dari ? tulis(a + x) : dari) : x;
        const diterima = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && isIsoDate(s);
        const b = Date.parse(`${sampai}T00:00:00Z`) / MS_HARI;
        const harap = diterima(dari) && diterima(sampai) && b >= a && b - a + 1 <= MAKS_HARI_PERIODE;
        const p = masalahPeriode(dari, sampai);
        expect(p === null).toBe(harap);
        if (p) expect(p.id.length * p.en.length).toBeGreaterThan(0);
        const h = totalAtauTanggalTidakSah(() => hariPeriode(dari, sampai));
        expect(h.ok).toBe(harap);
        if (h.ok) expect(h.v.length).toBe(b - a + 1);
      }),
      { numRuns: 2000 },
    );
  });
});
