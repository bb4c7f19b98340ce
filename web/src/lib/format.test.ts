import { describe, expect, test } from 'vitest';
import { fmtAngka, fmtTanggal, fmtWaktu } from './format';

describe('format', () => {
  test('dates read the Indonesian way by default', () => {
    expect(fmtTanggal('2020-08-18', 'id')).toBe('18 Agustus 2020');
    expect(fmtTanggal('2020-08-18', 'en')).toBe('18 August 2020');
    expect(fmtTanggal('2020-08-18T10:00:00Z', 'id', true)).toBe('Selasa, 18 Agustus 2020');
  });

  test('times carry the Pemda zone abbreviation', () => {
    expect(fmtWaktu('2020-08-18T00:30:00Z', 'Asia/Jakarta', 'id')).toBe('18 Agustus 2020 07.30 WIB');
    expect(fmtWaktu('2020-08-18T00:30:00Z', 'Asia/Makassar', 'en')).toBe('18 August 2020 08:30 WITA');
    // Late UTC evening is already the next day in Jayapura.
    expect(fmtWaktu('2020-08-18T20:00:00Z', 'Asia/Jayapura', 'id')).toBe('19 Agustus 2020 05.00 WIT');
  });

  test('numbers use the language grouping', () => {
    expect(fmtAngka(15000, 'id')).toBe('15.000');
    expect(fmtAngka(15000, 'en')).toBe('15,000');
  });
});
