import { describe, expect, it } from 'vitest';
import { jamDi, jamServer } from './kiosk-jam';

describe("the kiosk's clock", () => {
  const t = Date.parse('2026-12-04T00:31:07Z');

  it("shows the Pemda's zone, not the tablet's: 07.31 WIB, 08.31 WITA, 09.31 WIT", () => {
    expect(jamDi(t, 'Asia/Jakarta', 'id')).toEqual({
      hm: '07.31',
      detik: '07',
      tanggal: 'Jumat, 4 Desember 2026',
    });
    expect(jamDi(t, 'Asia/Makassar', 'id').hm).toBe('08.31');
    expect(jamDi(t, 'Asia/Jayapura', 'en')).toMatchObject({
      hm: '09:31',
      tanggal: 'Friday, 4 December 2026',
    });
  });

  it('midnight is 00, not 24, and the date turns with the zone', () => {
    const m = Date.parse('2026-12-03T17:00:00Z');
    expect(jamDi(m, 'Asia/Jakarta', 'id')).toMatchObject({ hm: '00.00', tanggal: 'Jumat, 4 Desember 2026' });
    expect(jamDi(m, 'Asia/Makassar', 'id').hm).toBe('01.00');
  });

  it("names the server's time of an answer with the zone's abbreviation", () => {
    expect(jamServer('2026-12-04T00:31:07Z', 'Asia/Jakarta', 'id')).toBe('07.31 WIB');
    expect(jamServer('2026-12-04T00:31:07Z', 'Asia/Jayapura', 'en')).toBe('09:31 WIT');
  });
});
