import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bukaNetral, karakterTerlarang, netralkanSel, teksBiasa } from './teks.ts';

describe('netralkanSel / bukaNetral (OWASP CSV injection)', () => {
  it('examples', () => {
    expect(netralkanSel('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
    expect(netralkanSel('@SUM(A1)')).toBe(`'@SUM(A1)`);
    expect(netralkanSel('+628123')).toBe('+628123');
    expect(netralkanSel('-7.875')).toBe('-7.875');
    expect(netralkanSel('-1+2')).toBe(`'-1+2`);
    expect(netralkanSel('\tx')).toBe(`'\tx`);
    expect(netralkanSel("'=x")).toBe("''=x");
    expect(netralkanSel('Budi')).toBe('Budi');
    expect(bukaNetral("'=x")).toBe('=x');
    expect(bukaNetral("'Budi")).toBe("'Budi");
  });

  const cell = fc.string({
    unit: fc.constantFrom("'", '=', '+', '-', '@', '\t', '\r', '1', '.', 'a', ' '),
    maxLength: 8,
  });

  it('property: the import restores exactly what the export wrote', () => {
    fc.assert(
      fc.property(fc.oneof(cell, fc.string()), (v) => {
        expect(bukaNetral(netralkanSel(v))).toBe(v);
      }),
    );
  });

  it('property: no exported cell starts a formula (unless it is a plain number)', () => {
    fc.assert(
      fc.property(fc.oneof(cell, fc.string()), (v) => {
        const out = netralkanSel(v);
        expect(/^[=+\-@\t\r]/.test(out) && !/^[+-]?\d+(\.\d+)?$/.test(out)).toBe(false);
      }),
    );
  });
});

describe('teksBiasa / karakterTerlarang', () => {
  it('refuses NUL, other controls and bidi overrides; allows ordinary names', () => {
    expect(karakterTerlarang('Budi\u0000')?.id).toContain('U+0000');
    expect(karakterTerlarang('a\u202Eb')?.id).toContain('pembalik arah');
    expect(karakterTerlarang('a\u2069')).not.toBeNull();
    expect(karakterTerlarang('Dra. Siti Nur’aini, S.Kom. — Çelik')).toBeNull();
    expect(karakterTerlarang('baris\nbaru', true)).toBeNull();
    expect(karakterTerlarang('baris\nbaru')).not.toBeNull();
    expect(teksBiasa().safeParse('x\u202Dy').success).toBe(false);
    expect(teksBiasa().max(3).safeParse('abcd').success).toBe(false);
    expect(teksBiasa().safeParse('Budi').success).toBe(true);
  });

  it('property: a text is refused exactly when it holds a forbidden code point', () => {
    const forbidden = (cp: number) =>
      cp < 0x20 ||
      (cp >= 0x7f && cp <= 0x9f) ||
      (cp >= 0x202a && cp <= 0x202e) ||
      (cp >= 0x2066 && cp <= 0x2069);
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 10 }),
        fc.integer({ min: 0, max: 0x206f }),
        (s, cp) => {
          const v = s + String.fromCodePoint(cp);
          const expected = [...v].some((c) => forbidden(c.codePointAt(0)!));
          expect(karakterTerlarang(v) !== null).toBe(expected);
        },
      ),
    );
  });
});
