import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { composeNip, type NipErrorCode, type NipResult, validateNip } from './nip.ts';
import { JENIS_PEGAWAI, type JenisPegawai } from './types.ts';

const TODAY = '2025-06-30';

const ERROR_CODES: readonly NipErrorCode[] = [
  'NIP_KOSONG',
  'NIP_FORMAT',
  'NIP_TANGGAL_LAHIR',
  'NIP_TMT',
  'NIP_TMT_USIA',
  'NIP_TMT_MASA_DEPAN',
  'NIP_JENIS_KELAMIN',
  'NIP_NOMOR_URUT',
];

/** Expects a refusal with `code`, and a message in both languages that quotes every string in `mentions`. */
function expectError(r: NipResult, code: NipErrorCode, mentions: readonly string[] = []): void {
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.code).toBe(code);
  expect(r.message.id.trim()).not.toBe('');
  expect(r.message.en.trim()).not.toBe('');
  expect(r.message.id).not.toBe(r.message.en);
  for (const m of mentions) {
    expect(r.message.id).toContain(m);
    expect(r.message.en).toContain(m);
  }
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Birth dates the validator must accept (1930 … today − 18 years), with the parts. */
const birthArb = fc
  .record({
    y: fc.integer({ min: 1930, max: 2007 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 31 }),
  })
  .map(({ y, m, d }) => ({ y, m, d: Math.min(d, daysInMonth(y, m)) }));

/** First month index at which someone is 18 on the 1st (TMT counts from the first of its month). */
const firstAdultMonth = (b: { y: number; m: number; d: number }) =>
  (b.y + 18) * 12 + (b.m - 1) + (b.d > 1 ? 1 : 0);

/** Valid PNS parts: appointment (TMT) from age 18, not before 1950 and not after TODAY's month. */
const pnsPartsArb = birthArb
  .filter((b) => firstAdultMonth(b) <= 2025 * 12 + 5)
  .chain((b) => {
    const lo = Math.max(firstAdultMonth(b), 1950 * 12);
    const hi = 2025 * 12 + 5; // June 2025
    return fc.record({
      birth: fc.constant(b),
      tmtIndex: fc.integer({ min: lo, max: hi }),
      sex: fc.constantFrom(1 as const, 2 as const),
      urut: fc.integer({ min: 1, max: 999 }),
    });
  });

/** Valid PPPK parts: appointment year only (the marker `21` takes the month's place). */
const pppkPartsArb = birthArb
  .filter((b) => b.y + 18 <= 2025)
  .chain((b) =>
    fc.record({
      birth: fc.constant(b),
      tmtYear: fc.integer({ min: Math.max(b.y + 18, 1950), max: 2025 }),
      sex: fc.constantFrom(1 as const, 2 as const),
      urut: fc.integer({ min: 1, max: 999 }),
      jenis: fc.constantFrom<JenisPegawai>('pppk', 'pppk_paruh_waktu'),
    }),
  );

const lahirOf = (b: { y: number; m: number; d: number }) => `${pad(b.y, 4)}-${pad(b.m)}-${pad(b.d)}`;

describe('validateNip: valid numbers', () => {
  it('parses a PNS NIP into birth date, TMT, sex and serial', () => {
    const r = validateNip('198503142010011002', 'pns', TODAY);
    expect(r).toEqual({
      ok: true,
      value: { tanggalLahir: '1985-03-14', tmt: '2010-01', jenisKelamin: 'L', nomorUrut: 2 },
    });
  });

  it('reads sex digit 2 as female and keeps the serial number', () => {
    const r = validateNip('199012252015032045', 'pns', TODAY);
    expect(r.ok && r.value).toEqual({
      tanggalLahir: '1990-12-25',
      tmt: '2015-03',
      jenisKelamin: 'P',
      nomorUrut: 45,
    });
  });

  it('ignores whitespace between the digit groups', () => {
    const r = validateNip(' 19850314 201001 1 002 ', 'pns', TODAY);
    expect(r.ok).toBe(true);
    expect(r.ok && r.value.tanggalLahir).toBe('1985-03-14');
  });

  it('accepts 29 February in a leap year', () => {
    expect(validateNip('198402292010011001', 'pns', TODAY).ok).toBe(true);
  });

  it('accepts a TMT in the current month of `today`', () => {
    expect(validateNip('198503142025061002', 'pns', TODAY).ok).toBe(true);
  });

  it('accepts an appointment after the 18th birthday month', () => {
    // born March 1985, appointed April 2003: 18 years old
    expect(validateNip('198503142003041001', 'pns', TODAY).ok).toBe(true);
  });

  it('the same digits are valid for every ASN type when digits 13–14 are a real month', () => {
    for (const jenis of ['pns', 'pppk', 'pppk_paruh_waktu'] as const) {
      expect(validateNip('198503142010011002', jenis, TODAY).ok).toBe(true);
    }
  });
});

describe('validateNip: each error code', () => {
  it('NIP_KOSONG for an empty or blank NIP', () => {
    expectError(validateNip('', 'pns', TODAY), 'NIP_KOSONG');
    expectError(validateNip('   ', 'pppk', TODAY), 'NIP_KOSONG');
  });

  it('NIP_FORMAT for too few, too many or non-digit characters, quoting the input', () => {
    expectError(validateNip('19850314201001100', 'pns', TODAY), 'NIP_FORMAT', ['19850314201001100', '17']);
    expectError(validateNip('1985031420100110021', 'pns', TODAY), 'NIP_FORMAT', [
      '1985031420100110021',
      '19',
    ]);
    expectError(validateNip('19850314201001100X', 'pns', TODAY), 'NIP_FORMAT', ['19850314201001100X']);
    expectError(validateNip('1985-03-14-2010-01-1-002', 'pns', TODAY), 'NIP_FORMAT');
  });

  it('NIP_TANGGAL_LAHIR for an impossible birth date, naming digits 1–8', () => {
    expectError(validateNip('198502302010011002', 'pns', TODAY), 'NIP_TANGGAL_LAHIR', ['19850230']);
    expectError(validateNip('198502292010011002', 'pns', TODAY), 'NIP_TANGGAL_LAHIR', ['19850229']);
    expectError(validateNip('198513012010011002', 'pns', TODAY), 'NIP_TANGGAL_LAHIR', ['19851301']);
    expectError(validateNip('198504312010011002', 'pns', TODAY), 'NIP_TANGGAL_LAHIR', ['19850431']);
    expectError(validateNip('198503002010011002', 'pns', TODAY), 'NIP_TANGGAL_LAHIR', ['19850300']);
  });

  it('NIP_TANGGAL_LAHIR for a birth year before 1930 or after the current year', () => {
    expectError(validateNip('192001011950011001', 'pns', TODAY), 'NIP_TANGGAL_LAHIR', ['19200101']);
    expectError(validateNip('203001012010011001', 'pns', TODAY), 'NIP_TANGGAL_LAHIR', ['20300101']);
  });

  it('NIP_TMT for a month outside 01–12, naming digits 9–14', () => {
    expectError(validateNip('198503142010131002', 'pns', TODAY), 'NIP_TMT', ['201013']);
    expectError(validateNip('198503142010001002', 'pns', TODAY), 'NIP_TMT', ['201000']);
  });

  it('NIP_TMT for an appointment year before 1950', () => {
    expectError(validateNip('193001011949011001', 'pns', TODAY), 'NIP_TMT', ['194901']);
  });

  it('NIP_TMT_MASA_DEPAN for a TMT after the month of `today`', () => {
    expectError(validateNip('198503142025071002', 'pns', TODAY), 'NIP_TMT_MASA_DEPAN', ['202507']);
    expectError(validateNip('198503142030011002', 'pns', TODAY), 'NIP_TMT_MASA_DEPAN', ['203001']);
    // the same NIP is fine once `today` has reached that month
    expect(validateNip('198503142025071002', 'pns', '2025-07-01').ok).toBe(true);
  });

  it('NIP_TMT_USIA for an appointment before age 18, naming TMT and birth digits', () => {
    expectError(validateNip('198503142002011002', 'pns', TODAY), 'NIP_TMT_USIA', ['200201', '19850314']);
    // born March 1985, appointed February 2003: still 17
    expectError(validateNip('198503142003021002', 'pns', TODAY), 'NIP_TMT_USIA', ['200302', '19850314']);
    // TMT in the birth year
    expectError(validateNip('198503141985051002', 'pns', TODAY), 'NIP_TMT_USIA', ['198505']);
  });

  it('NIP_JENIS_KELAMIN when digit 15 is not 1 or 2', () => {
    for (const digit of ['0', '3', '9']) {
      expectError(validateNip(`19850314201001${digit}002`, 'pns', TODAY), 'NIP_JENIS_KELAMIN', [digit]);
    }
  });

  it('NIP_NOMOR_URUT for serial 000', () => {
    expectError(validateNip('198503142010011000', 'pns', TODAY), 'NIP_NOMOR_URUT', ['000']);
    expect(validateNip('198503142010011001', 'pns', TODAY).ok).toBe(true);
  });
});

describe('validateNip: the PPPK marker', () => {
  const pppkNip = '199001012022211001';

  it('accepts "21" in digits 13–14 for pppk and pppk_paruh_waktu, with a year-only TMT', () => {
    for (const jenis of ['pppk', 'pppk_paruh_waktu'] as const) {
      const r = validateNip(pppkNip, jenis, TODAY);
      expect(r).toEqual({
        ok: true,
        value: { tanggalLahir: '1990-01-01', tmt: '2022', jenisKelamin: 'L', nomorUrut: 1 },
      });
    }
  });

  it('refuses the marker for pns and non-month digits for PPPK, with a hint for PPPK', () => {
    expectError(validateNip(pppkNip, 'pns', TODAY), 'NIP_TMT', ['202221']);
    const r = validateNip('199001012022221001', 'pppk', TODAY);
    expectError(r, 'NIP_TMT', ['202222']);
    if (!r.ok) {
      expect(r.message.id).toContain('"21"');
      expect(r.message.en).toContain('"21"');
    }
  });

  it('still refuses a PPPK appointment year in the future', () => {
    expectError(validateNip('199001012026211001', 'pppk', TODAY), 'NIP_TMT_MASA_DEPAN', ['202621']);
    expect(validateNip('199001012025211001', 'pppk', TODAY).ok).toBe(true);
  });

  it('still checks age 18 against the PPPK appointment year', () => {
    expectError(validateNip('201001012025211001', 'pppk', TODAY), 'NIP_TMT_USIA', ['202521', '20100101']);
  });
});

// Measured: each property here takes ≤ 1.6 s of CPU alone (vitest per-test CPU time on this 2-core machine);
// 30 s leaves far more than 2× room when the machine is shared with heavy work (up to ~9× slower).
describe('validateNip: properties', { timeout: 30_000 }, () => {
  it('composeNip of valid PNS parts validates and round-trips', () => {
    fc.assert(
      fc.property(pnsPartsArb, ({ birth, tmtIndex, sex, urut }) => {
        const tmtYear = Math.floor(tmtIndex / 12);
        const tmtMonth = (tmtIndex % 12) + 1;
        const nip = composeNip({ lahir: lahirOf(birth), tmtYear, tmtMonth, sex, urut });
        expect(nip).toMatch(/^\d{18}$/);
        const r = validateNip(nip, 'pns', TODAY);
        expect(r).toEqual({
          ok: true,
          value: {
            tanggalLahir: lahirOf(birth),
            tmt: `${tmtYear}-${pad(tmtMonth)}`,
            jenisKelamin: sex === 1 ? 'L' : 'P',
            nomorUrut: urut,
          },
        });
      }),
    );
  });

  it('composeNip of valid PPPK parts validates with the marker and round-trips', () => {
    fc.assert(
      fc.property(pppkPartsArb, ({ birth, tmtYear, sex, urut, jenis }) => {
        const nip = composeNip({ lahir: lahirOf(birth), tmtYear, tmtMonth: 'pppk', sex, urut });
        expect(nip.slice(12, 14)).toBe('21');
        const r = validateNip(nip, jenis, TODAY);
        expect(r).toEqual({
          ok: true,
          value: {
            tanggalLahir: lahirOf(birth),
            tmt: String(tmtYear),
            jenisKelamin: sex === 1 ? 'L' : 'P',
            nomorUrut: urut,
          },
        });
        // a PNS NIP cannot carry the marker
        expect(validateNip(nip, 'pns', TODAY)).toMatchObject({ ok: false, code: 'NIP_TMT' });
      }),
    );
  });

  it('any 18-digit string it accepts is rebuilt exactly by composeNip from the parsed parts', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{18}$/), fc.constantFrom(...JENIS_PEGAWAI), (nip, jenis) => {
        const r = validateNip(nip, jenis, TODAY);
        if (!r.ok) return;
        const [ty, tm] = r.value.tmt.split('-').map(Number) as [number, number | undefined];
        const rebuilt = composeNip({
          lahir: r.value.tanggalLahir,
          tmtYear: ty,
          tmtMonth: tm ?? 'pppk',
          sex: r.value.jenisKelamin === 'L' ? 1 : 2,
          urut: r.value.nomorUrut,
        });
        expect(rebuilt).toBe(nip);
      }),
      { numRuns: 500 },
    );
  });

  it('a string that is not 18 digits (once spaces are removed) is refused with NIP_FORMAT', () => {
    const notEighteenDigits = fc.oneof(
      fc.string({ minLength: 1 }),
      fc.stringMatching(/^\d{1,17}$/),
      fc.stringMatching(/^\d{19,40}$/),
      fc.stringMatching(/^\d{0,17}[^\d\s]\d{0,17}$/),
    );
    fc.assert(
      fc.property(notEighteenDigits, fc.constantFrom(...JENIS_PEGAWAI), (raw, jenis) => {
        const compact = raw.replace(/\s+/g, '');
        fc.pre(compact !== '' && !/^\d{18}$/.test(compact));
        const r = validateNip(raw, jenis, TODAY);
        expectError(r, 'NIP_FORMAT', [String(compact.length)]);
      }),
    );
  });

  it('never throws, and answers ok or one of the documented codes, on arbitrary strings', () => {
    const anyString = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.string({ unit: fc.constantFrom('0', '1', '2', '9', ' ', '\t', 'a', '-') }),
      fc.stringMatching(/^\d{18}$/),
    );
    fc.assert(
      fc.property(anyString, fc.constantFrom(...JENIS_PEGAWAI), (raw, jenis) => {
        const r = validateNip(raw, jenis, TODAY);
        if (r.ok) {
          expect(raw.replace(/\s+/g, '')).toMatch(/^\d{18}$/);
        } else {
          expect(ERROR_CODES).toContain(r.code);
          expect(r.message.id.length).toBeGreaterThan(0);
          expect(r.message.en.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('a NIP whose TMT lies after `today` is never accepted', () => {
    fc.assert(
      fc.property(
        pnsPartsArb,
        fc.integer({ min: 1, max: 120 }),
        ({ birth, tmtIndex, sex, urut }, monthsEarlier) => {
          const tmtYear = Math.floor(tmtIndex / 12);
          const tmtMonth = (tmtIndex % 12) + 1;
          const nip = composeNip({ lahir: lahirOf(birth), tmtYear, tmtMonth, sex, urut });
          // move `today` to the month before the TMT (or earlier)
          const todayIndex = tmtIndex - monthsEarlier;
          const today = `${Math.floor(todayIndex / 12)}-${pad((todayIndex % 12) + 1)}-28`;
          const r = validateNip(nip, 'pns', today);
          expect(r.ok).toBe(false);
          // a birth year after `today`'s year is caught first; otherwise the TMT is in the future
          const expected = birth.y > Math.floor(todayIndex / 12) ? 'NIP_TANGGAL_LAHIR' : 'NIP_TMT_MASA_DEPAN';
          expect(!r.ok && r.code).toBe(expected);
        },
      ),
    );
  });
});
