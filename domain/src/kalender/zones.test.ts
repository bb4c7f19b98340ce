import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from './dates.ts';
import {
  formatWaktu,
  localDate,
  localTime,
  offsetJam,
  singkatanZona,
  ZONA_WAKTU,
  type ZonaWaktu,
} from './zones.ts';

const at = (iso: string) => new Date(iso);

describe('zones', () => {
  it('maps each IANA zone to WIB, WITA or WIT and its offset', () => {
    const table: [ZonaWaktu, string, number][] = [
      ['Asia/Jakarta', 'WIB', 7],
      ['Asia/Pontianak', 'WIB', 7],
      ['Asia/Makassar', 'WITA', 8],
      ['Asia/Jayapura', 'WIT', 9],
    ];
    for (const [z, abbr, off] of table) {
      expect(singkatanZona(z)).toBe(abbr);
      expect(offsetJam(z)).toBe(off);
    }
  });

  it('localDate around midnight: 2020-08-17T17:30Z is already 18 August in WIB, WITA and WIT', () => {
    const t = at('2020-08-17T17:30:00Z');
    expect(localDate(t, 'Asia/Jakarta')).toBe('2020-08-18'); // 00:30 WIB
    expect(localDate(t, 'Asia/Pontianak')).toBe('2020-08-18');
    expect(localDate(t, 'Asia/Makassar')).toBe('2020-08-18'); // 01:30 WITA
    expect(localDate(t, 'Asia/Jayapura')).toBe('2020-08-18'); // 02:30 WIT
    expect(localTime(t, 'Asia/Jakarta')).toBe('00:30');
    expect(localTime(t, 'Asia/Makassar')).toBe('01:30');
    expect(localTime(t, 'Asia/Jayapura')).toBe('02:30');
  });

  it('localDate differs between zones just before local midnights', () => {
    const t1 = at('2020-08-17T16:59:00Z'); // 23:59 WIB, 00:59 WITA, 01:59 WIT
    expect(localDate(t1, 'Asia/Jakarta')).toBe('2020-08-17');
    expect(localDate(t1, 'Asia/Makassar')).toBe('2020-08-18');
    expect(localDate(t1, 'Asia/Jayapura')).toBe('2020-08-18');
    const t2 = at('2020-08-17T15:30:00Z'); // 22:30 WIB, 23:30 WITA, 00:30 WIT
    expect(localDate(t2, 'Asia/Jakarta')).toBe('2020-08-17');
    expect(localDate(t2, 'Asia/Makassar')).toBe('2020-08-17');
    expect(localDate(t2, 'Asia/Jayapura')).toBe('2020-08-18');
    expect(localTime(t2, 'Asia/Jayapura')).toBe('00:30');
    const t3 = at('2020-08-17T17:00:00Z'); // exactly midnight WIB
    expect(localDate(t3, 'Asia/Jakarta')).toBe('2020-08-18');
    expect(localTime(t3, 'Asia/Jakarta')).toBe('00:00');
  });

  it('crosses the year boundary', () => {
    const t = at('2020-12-31T16:00:00Z');
    expect(localDate(t, 'Asia/Jakarta')).toBe('2020-12-31');
    expect(localDate(t, 'Asia/Makassar')).toBe('2021-01-01');
    expect(localDate(t, 'Asia/Jayapura')).toBe('2021-01-01');
  });

  it('formats an instant the Indonesian way (dot in the time) and in English', () => {
    const t = at('2020-08-18T00:30:00Z');
    expect(formatWaktu(t, 'Asia/Jakarta')).toBe('18/08/2020 07.30 WIB');
    expect(formatWaktu(t, 'Asia/Makassar')).toBe('18/08/2020 08.30 WITA');
    expect(formatWaktu(t, 'Asia/Jayapura', 'en')).toBe('2020-08-18 09:30 WIT');
    expect(formatWaktu(at('2020-08-17T17:30:00Z'), 'Asia/Jakarta')).toBe('18/08/2020 00.30 WIB');
  });

  const instantArb = fc.date({
    min: new Date('2000-01-01T00:00:00Z'),
    max: new Date('2100-01-01T00:00:00Z'),
    noInvalidDate: true,
  });

  it('property: WIB ≤ WITA ≤ WIT dates, at most one day apart; the clock is the UTC clock shifted by the offset', () => {
    fc.assert(
      fc.property(instantArb, (t) => {
        const wib = localDate(t, 'Asia/Jakarta');
        const wita = localDate(t, 'Asia/Makassar');
        const wit = localDate(t, 'Asia/Jayapura');
        expect(wib <= wita && wita <= wit).toBe(true);
        expect([wib, addDays(wib, 1)]).toContain(wit);
        const utcMin = t.getUTCHours() * 60 + t.getUTCMinutes();
        for (const z of ZONA_WAKTU) {
          const [h, m] = localTime(t, z).split(':').map(Number) as [number, number];
          expect((h * 60 + m - utcMin + 1440) % 1440).toBe(offsetJam(z) * 60);
          // the local date is the UTC date, or the next one exactly when the shifted clock wrapped
          const utcDate = t.toISOString().slice(0, 10);
          expect(localDate(t, z)).toBe(utcMin + offsetJam(z) * 60 >= 1440 ? addDays(utcDate, 1) : utcDate);
        }
      }),
    );
  });

  it('property: formatWaktu ends with the zone abbreviation and carries the local date and time', () => {
    fc.assert(
      fc.property(instantArb, fc.constantFrom(...ZONA_WAKTU), (t, z) => {
        const [y, m, d] = localDate(t, z).split('-');
        const s = formatWaktu(t, z);
        expect(s).toBe(`${d}/${m}/${y} ${localTime(t, z).replace(':', '.')} ${singkatanZona(z)}`);
        expect(s).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}\.\d{2} WI(B|TA|T)$/);
      }),
    );
  });
});
