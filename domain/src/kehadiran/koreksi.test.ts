import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  hakPutus,
  type IsianKoreksi,
  type KonteksKoreksi,
  MAKS_KOREKSI_TERTUNDA,
  periksaDinasLuar,
  periksaKoreksi,
  SEBAB_KOREKSI,
  waktuLokal,
} from './koreksi.ts';

// Today is Wednesday 2026-03-25 in Jakarta, 10:00 local (03:00 UTC). Dates below are written out by hand.
const HARI_INI = '2026-03-25';
const SEKARANG = new Date('2026-03-25T03:00:00Z');
const konteks = (x: Partial<KonteksKoreksi> = {}): KonteksKoreksi => ({
  hariIni: HARI_INI,
  sekarang: SEKARANG,
  zona: 'Asia/Jakarta',
  ketukan: [{ id: 'k1', jenis: 'masuk' }],
  tertunda: 0,
  ...x,
});
const baik: IsianKoreksi = {
  tanggal: '2026-03-24',
  jam: '16:05',
  jenis: 'pulang',
  sebab: 'lupa_pulang',
  alasan: 'lupa absen pulang, rapat sampai sore',
};
const kolom = (i: IsianKoreksi, k = konteks()) => periksaKoreksi(i, k).map((m) => m.kolom);

describe('periksaKoreksi: which corrections may be asked', () => {
  it('a forgotten check-out of yesterday is accepted', () => {
    expect(periksaKoreksi(baik, konteks())).toEqual([]);
  });

  it('31 days back is the last day accepted; 32 is refused in words', () => {
    expect(kolom({ ...baik, tanggal: '2026-02-22' })).toEqual([]);
    const m = periksaKoreksi({ ...baik, tanggal: '2026-02-21' }, konteks());
    expect(m.map((x) => x.kolom)).toEqual(['tanggal']);
    expect(m[0]!.pesan.id).toContain('lebih dari 31 hari yang lalu');
  });

  it('a future day, or a later hour of today, is refused', () => {
    expect(periksaKoreksi({ ...baik, tanggal: '2026-03-26' }, konteks())[0]!.pesan.id).toContain(
      'belum terjadi',
    );
    expect(kolom({ ...baik, tanggal: HARI_INI, jam: '10:01' })).toEqual(['jam']);
    expect(kolom({ ...baik, tanggal: HARI_INI, jam: '10:00' })).toEqual([]);
  });

  it('a bad time, kind, empty or too long reason are named field by field', () => {
    expect(kolom({ ...baik, jam: '24:00', sebab: 'malas', alasan: '   ' })).toEqual([
      'jam',
      'sebab',
      'alasan',
    ]);
    expect(kolom({ ...baik, alasan: 'x'.repeat(500) })).toEqual([]);
    expect(kolom({ ...baik, alasan: 'x'.repeat(501) })).toEqual(['alasan']);
  });

  it('a replaced punch must be one of the day`s accepted punches', () => {
    expect(kolom({ ...baik, menggantikan: 'k1' })).toEqual([]);
    expect(kolom({ ...baik, menggantikan: 'k-lain' })).toEqual(['menggantikan']);
  });

  it('at most three pending per day', () => {
    expect(kolom(baik, konteks({ tertunda: MAKS_KOREKSI_TERTUNDA - 1 }))).toEqual([]);
    expect(kolom(baik, konteks({ tertunda: MAKS_KOREKSI_TERTUNDA }))).toEqual(['tanggal']);
  });

  it('property: accepted exactly when the date is 0..31 days back, the time past, the kind known, the reason 1..500', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -5, max: 40 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.constantFrom(...SEBAB_KOREKSI, 'lain'),
        fc.string({ maxLength: 520 }),
        fc.integer({ min: 0, max: 5 }),
        (mundur, h, mnt, sebab, alasan, tertunda) => {
          const d = new Date(Date.UTC(2026, 2, 25 - mundur));
          const tanggal = d.toISOString().slice(0, 10);
          const jam = `${String(h).padStart(2, '0')}:${String(mnt).padStart(2, '0')}`;
          const m = periksaKoreksi({ ...baik, tanggal, jam, sebab, alasan }, konteks({ tertunda }));
          // Written out: today 10:00 local is the latest instant accepted.
          const lalu = mundur > 0 || (mundur === 0 && h * 60 + mnt <= 600);
          const ok =
            mundur >= 0 &&
            mundur <= 31 &&
            lalu &&
            sebab !== 'lain' &&
            alasan.trim().length >= 1 &&
            alasan.trim().length <= 500 &&
            tertunda < MAKS_KOREKSI_TERTUNDA;
          expect(m.length === 0).toBe(ok);
          for (const x of m) expect(x.pesan.id.length).toBeGreaterThan(0);
        },
      ),
    );
  });

  it('waktuLokal reads HH:MM in the Pemda`s zone (Jakarta UTC+7, Makassar UTC+8, Jayapura UTC+9)', () => {
    expect(waktuLokal('2026-03-24', '16:05', 'Asia/Jakarta').toISOString()).toBe('2026-03-24T09:05:00.000Z');
    expect(waktuLokal('2026-03-24', '16:05', 'Asia/Makassar').toISOString()).toBe('2026-03-24T08:05:00.000Z');
    expect(waktuLokal('2026-03-24', '06:30', 'Asia/Jayapura').toISOString()).toBe('2026-03-23T21:30:00.000Z');
  });
});

describe('hakPutus: who decides', () => {
  it('the supervisor decides; the OPD admin only when there is no supervisor; never the person', () => {
    const p = { pemohonId: 'a', atasanId: 's', pemutusPegawaiId: 's', adminOpd: false };
    expect(hakPutus(p)).toBe('atasan');
    expect(hakPutus({ ...p, pemutusPegawaiId: 'x', adminOpd: true })).toBeNull();
    expect(hakPutus({ ...p, atasanId: null, pemutusPegawaiId: null, adminOpd: true })).toBe('admin_opd');
    expect(hakPutus({ ...p, atasanId: null, pemutusPegawaiId: 'a', adminOpd: true })).toBeNull();
    expect(hakPutus({ ...p, atasanId: null, pemutusPegawaiId: 'x', adminOpd: false })).toBeNull();
  });

  it('property: whoever decides is not the person, and is the supervisor when there is one', () => {
    const id = fc.constantFrom('a', 'b', 'c');
    fc.assert(
      fc.property(
        id,
        fc.option(id),
        fc.option(id),
        fc.boolean(),
        (pemohonId, atasanId, pemutus, adminOpd) => {
          const h = hakPutus({ pemohonId, atasanId, pemutusPegawaiId: pemutus, adminOpd });
          if (h !== null) expect(pemutus).not.toBe(pemohonId);
          if (h === 'atasan') expect(pemutus).toBe(atasanId);
          if (h === 'admin_opd') expect([atasanId, adminOpd]).toEqual([null, true]);
          if (atasanId !== null && pemutus === atasanId && atasanId !== pemohonId) expect(h).toBe('atasan');
        },
      ),
    );
  });
});

describe('periksaDinasLuar', () => {
  const dl = { dari: '2026-03-30', sampai: '2026-04-02', nomorSurat: '800/12/2026', tujuan: 'Surabaya' };
  it('a four-day trip next week is accepted; 31 days is the longest', () => {
    expect(periksaDinasLuar(dl, HARI_INI)).toEqual([]);
    expect(periksaDinasLuar({ ...dl, sampai: '2026-04-29' }, HARI_INI)).toEqual([]);
    const m = periksaDinasLuar({ ...dl, sampai: '2026-04-30' }, HARI_INI);
    expect(m.map((x) => x.kolom)).toEqual(['sampai']);
    expect(m[0]!.pesan.id).toContain('paling lama 31 hari');
  });
  it('reversed dates, far past or far future, a missing letter number, half a place are named', () => {
    expect(periksaDinasLuar({ ...dl, sampai: '2026-03-29' }, HARI_INI).map((x) => x.kolom)).toEqual([
      'sampai',
    ]);
    expect(
      periksaDinasLuar({ ...dl, dari: '2026-02-21', sampai: '2026-02-21' }, HARI_INI).map((x) => x.kolom),
    ).toEqual(['dari']);
    expect(
      periksaDinasLuar({ ...dl, dari: '2026-06-24', sampai: '2026-06-24' }, HARI_INI).map((x) => x.kolom),
    ).toEqual(['dari']);
    expect(periksaDinasLuar({ ...dl, nomorSurat: ' ', lat: -7.2 }, HARI_INI).map((x) => x.kolom)).toEqual([
      'nomor_surat',
      'lng',
    ]);
    expect(periksaDinasLuar({ ...dl, radiusM: 500 }, HARI_INI).map((x) => x.kolom)).toEqual(['radius_m']);
  });
  it('property: the length rule holds for any start and length', () => {
    fc.assert(
      fc.property(fc.integer({ min: -31, max: 90 }), fc.integer({ min: 1, max: 40 }), (mulai, lama) => {
        const dari = new Date(Date.UTC(2026, 2, 25 + mulai)).toISOString().slice(0, 10);
        const sampai = new Date(Date.UTC(2026, 2, 25 + mulai + lama - 1)).toISOString().slice(0, 10);
        const m = periksaDinasLuar({ ...dl, dari, sampai }, HARI_INI);
        expect(m.length === 0).toBe(lama <= 31);
      }),
    );
  });
});
