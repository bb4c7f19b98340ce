import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jendelaAbsen } from './jam.ts';
import {
  type CalonKiosk,
  kioskBolehMenyebut,
  kioskRagu,
  type MasukanKiosk,
  putuskanKiosk,
  SELISIH_MIRIP,
} from './kiosk.ts';
import { putuskanAbsen } from './putusan.ts';
import type { HasilTantangan } from './tantangan.ts';

const AMBANG = { cocok: 0.64, tinjau: 0.55 };
const LULUS: HasilTantangan = { lulus: true };
const hari = {
  jadwal: 'WFO' as const,
  dinasLuar: false,
  jendela: jendelaAbsen({ mulai: '07:30', selesai: '16:00', istirahatMenit: 60 }),
};
const baik: MasukanKiosk = {
  jenis: 'masuk',
  menit: 7 * 60 + 20,
  zona: 'Asia/Jakarta',
  tantangan: LULUS,
  dugaanPalsu: false,
  ambang: AMBANG,
  calon: { skor: 0.8, skorKedua: 0.3 },
  hari,
};
const gagal = (alasan: 'tidak_ada_wajah' | 'banyak_wajah' | 'tantangan_gagal'): HasilTantangan => ({
  lulus: false,
  alasan,
  sebab: { id: 'x', en: 'x' },
  bingkai: 1,
});

describe('putuskanKiosk: the kiosk recognises first, then judges the day', () => {
  it('a sure match on a WFO day within the window is accepted', () => {
    expect(putuskanKiosk(baik)).toMatchObject({ hasil: 'diterima', alasan: 'diterima', wajah: 'cocok' });
  });

  it('no face or several faces are refused for that, before anyone is recognised', () => {
    expect(putuskanKiosk({ ...baik, tantangan: gagal('tidak_ada_wajah') }).alasan).toBe('tidak_ada_wajah');
    expect(putuskanKiosk({ ...baik, hari: null, tantangan: gagal('banyak_wajah') }).alasan).toBe(
      'banyak_wajah',
    );
  });

  it('nobody at the review bound: not recognised at this kiosk, in words that say so', () => {
    const p = putuskanKiosk({ ...baik, hari: null, calon: { skor: 0.2, skorKedua: 0.1 } });
    expect(p).toMatchObject({ hasil: 'ditolak', alasan: 'wajah_tidak_cocok' });
    expect(p.pesan.id).toMatch(/^Wajah tidak dikenali di kios ini/);
    expect(p.pesan.en).toMatch(/^Face not recognised at this kiosk/);
    // a day given but a score under the bound is still "not recognised"
    expect(putuskanKiosk({ ...baik, calon: { skor: 0.54, skorKedua: null } }).pesan.id).toMatch(/kios ini/);
  });

  it('the recognised person is judged on their own day: not scheduled, outside the window', () => {
    expect(putuskanKiosk({ ...baik, hari: { ...hari, jadwal: 'WFH' } }).alasan).toBe(
      'tidak_terjadwal_di_kantor',
    );
    expect(putuskanKiosk({ ...baik, menit: 23 * 60 }).alasan).toBe('di_luar_jendela_absen');
    expect(putuskanKiosk({ ...baik, tantangan: gagal('tantangan_gagal') }).alasan).toBe('tantangan_gagal');
  });

  it('a score between the bounds goes to review; a close second sends a sure match to review too', () => {
    expect(putuskanKiosk({ ...baik, calon: { skor: 0.6, skorKedua: null } }).hasil).toBe('ditinjau');
    const ragu = putuskanKiosk({ ...baik, calon: { skor: 0.8, skorKedua: 0.78 } });
    expect(ragu).toMatchObject({ hasil: 'ditinjau', alasan: 'tinjau' });
    expect(ragu.pesan.id).toMatch(/mirip lebih dari satu pegawai/);
    // a second below the review bound is no doubt, however close
    expect(kioskRagu({ skor: 0.56, skorKedua: 0.54 }, AMBANG)).toBe(false);
    expect(kioskRagu({ skor: 0.8, skorKedua: 0.8 - SELISIH_MIRIP }, AMBANG)).toBe(false);
    expect(kioskRagu({ skor: 0.8, skorKedua: 0.76 }, AMBANG)).toBe(true);
  });

  it('the name is shown only for a sure match without a close second', () => {
    expect(kioskBolehMenyebut({ skor: 0.7, skorKedua: null }, AMBANG)).toBe(true);
    expect(kioskBolehMenyebut({ skor: 0.63, skorKedua: null }, AMBANG)).toBe(false);
    expect(kioskBolehMenyebut({ skor: 0.7, skorKedua: 0.68 }, AMBANG)).toBe(false);
  });

  const calon = fc
    .record({
      skor: fc.double({ min: 0, max: 1, noNaN: true }),
      kedua: fc.double({ min: 0, max: 1, noNaN: true }),
    })
    .map(
      ({ skor, kedua }): CalonKiosk => ({ skor: Math.max(skor, kedua), skorKedua: Math.min(skor, kedua) }),
    );
  const masukan = fc.record({
    calon,
    dikenal: fc.boolean(),
    jadwal: fc.constantFrom('WFO', 'WFH', 'PIKET', 'CUTI', null),
    menit: fc.integer({ min: 0, max: 1439 }),
    tantangan: fc.constantFrom<HasilTantangan>(
      LULUS,
      gagal('tidak_ada_wajah'),
      gagal('banyak_wajah'),
      gagal('tantangan_gagal'),
    ),
  });

  it('property: accepted only for a recognised, unambiguous person whom the phone rules would accept', () => {
    fc.assert(
      fc.property(masukan, (x) => {
        const m: MasukanKiosk = {
          ...baik,
          calon: x.calon,
          menit: x.menit,
          tantangan: x.tantangan,
          hari: x.dikenal ? { ...hari, jadwal: x.jadwal } : null,
        };
        const p = putuskanKiosk(m);
        if (p.hasil === 'diterima') {
          expect(m.hari).not.toBeNull();
          expect(x.calon.skor).toBeGreaterThanOrEqual(AMBANG.cocok);
          expect(kioskRagu(x.calon, AMBANG)).toBe(false);
          expect(x.tantangan.lulus).toBe(true);
        }
        // when a person is recognised and the frames hold one face each, the kiosk agrees with the phone
        // rules except that a close second turns acceptance into review
        if (
          m.hari &&
          x.calon.skor >= AMBANG.tinjau &&
          (x.tantangan.lulus || x.tantangan.alasan === 'tantangan_gagal')
        ) {
          const telepon = putuskanAbsen({
            ...m.hari,
            jenis: m.jenis,
            menit: m.menit,
            zona: m.zona,
            lokasi: null,
            tantangan: m.tantangan,
            dugaanPalsu: false,
            skorWajah: x.calon.skor,
            ambang: AMBANG,
          });
          if (telepon.alasan === 'diterima' && kioskRagu(x.calon, AMBANG)) expect(p.alasan).toBe('tinjau');
          else expect(p).toEqual(telepon);
        }
        // nobody recognised never names a reason about a person's day
        if (!m.hari || x.calon.skor < AMBANG.tinjau)
          expect(['wajah_tidak_cocok', 'tidak_ada_wajah', 'banyak_wajah']).toContain(p.alasan);
      }),
    );
  });
});
