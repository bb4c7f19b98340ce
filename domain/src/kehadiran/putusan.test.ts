import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasilDariAlasan, KODE_ALASAN_ABSEN, PESAN_ALASAN_ABSEN, pesanAlasanAbsen } from './alasan.ts';
import { jendelaAbsen } from './jam.ts';
import type { HasilLokasi, TempatLingkaran } from './lokasi.ts';
import { type MasukanPutusan, putusanWajah, putuskanAbsen, putuskanTanpaWajah } from './putusan.ts';
import type { HasilTantangan } from './tantangan.ts';

const KANTOR: TempatLingkaran = {
  id: 'o',
  nama: 'Kantor Bappeda',
  asal: 'kantor',
  bentuk: 'lingkaran',
  pusat: { lat: -6.8, lng: 110.84 },
  radiusM: 100,
};
const DI_DALAM: HasilLokasi = { hasil: 'di_dalam', tempat: KANTOR, jarakKeTepiM: 40 };
const LULUS: HasilTantangan = { lulus: true };
const AMBANG = { cocok: 0.6, tinjau: 0.5 };
const baik: MasukanPutusan = {
  jenis: 'masuk',
  jadwal: 'WFO',
  dinasLuar: false,
  jendela: jendelaAbsen({ mulai: '07:30', selesai: '16:00', istirahatMenit: 60 }),
  menit: 7 * 60 + 20,
  zona: 'Asia/Jakarta',
  lokasi: DI_DALAM,
  tantangan: LULUS,
  dugaanPalsu: false,
  skorWajah: 0.8,
  ambang: AMBANG,
};

describe('alasan: the codes of issue 10 item 2, with words', () => {
  it('exactly the list of the issue, in order', () => {
    expect([...KODE_ALASAN_ABSEN]).toEqual([
      'diterima',
      'wajah_tidak_cocok',
      'tidak_ada_wajah',
      'banyak_wajah',
      'dugaan_palsu',
      'tantangan_gagal',
      'di_luar_kantor',
      'lokasi_tidak_akurat',
      'tidak_terjadwal_di_kantor',
      'di_luar_jendela_absen',
      'wajah_belum_terdaftar',
      'tinjau',
    ]);
  });

  it('every code has distinct Indonesian and English words, and leads to one outcome', () => {
    const id = new Set(KODE_ALASAN_ABSEN.map((k) => PESAN_ALASAN_ABSEN[k].id));
    const en = new Set(KODE_ALASAN_ABSEN.map((k) => PESAN_ALASAN_ABSEN[k].en));
    expect(id.size).toBe(KODE_ALASAN_ABSEN.length);
    expect(en.size).toBe(KODE_ALASAN_ABSEN.length);
    expect(KODE_ALASAN_ABSEN.map(hasilDariAlasan)).toEqual([
      'diterima',
      ...Array.from({ length: 10 }, () => 'ditolak'),
      'ditinjau',
    ]);
    expect(PESAN_ALASAN_ABSEN.wajah_tidak_cocok.id).toMatch(/^Wajah tidak cocok dengan data Anda/);
  });

  it('details make the words exact: distance, accuracy, window, schedule, no office set', () => {
    expect(pesanAlasanAbsen('di_luar_kantor', { jarakM: 152.4, namaTempat: 'Kantor Bappeda' }).id).toBe(
      'Anda berada 152 m di luar area kantor (Kantor Bappeda). Absen hanya dapat dilakukan di kantor atau tempat tugas yang ditetapkan.',
    );
    expect(pesanAlasanAbsen('di_luar_kantor', { jarakM: null }).en).toBe(
      "Your unit's office location has not been set. Contact your OPD admin.",
    );
    expect(pesanAlasanAbsen('lokasi_tidak_akurat', { akurasiM: 350, ukuranM: 100 }).en).toContain(
      '(±350 m, larger than the 100 m office area)',
    );
    expect(
      pesanAlasanAbsen('di_luar_jendela_absen', { jendelaDari: '05:30', jendelaSampai: '16:00', zona: 'WIB' })
        .id,
    ).toBe('Di luar waktu absen: hari ini absen masuk dapat dilakukan pukul 05.30–16.00 WIB.');
    expect(pesanAlasanAbsen('tidak_terjadwal_di_kantor', { jadwal: 'WFH' }).en).toBe(
      'According to the schedule you are not working at the office today (WFH).',
    );
  });
});

describe('putuskanAbsen: examples', () => {
  it('all checks pass: accepted', () => {
    expect(putuskanAbsen(baik)).toMatchObject({ hasil: 'diterima', alasan: 'diterima', wajah: 'cocok' });
  });

  it('each failure refused with its code and words', () => {
    expect(putuskanAbsen({ ...baik, jadwal: 'WFH' })).toMatchObject({
      hasil: 'ditolak',
      alasan: 'tidak_terjadwal_di_kantor',
      pesan: { id: 'Menurut jadwal, hari ini Anda tidak bertugas di kantor (WFH).' },
    });
    expect(putuskanAbsen({ ...baik, jadwal: 'WFH', dinasLuar: true }).alasan).toBe('diterima');
    expect(putuskanAbsen({ ...baik, menit: 5 * 60 + 29 })).toMatchObject({
      alasan: 'di_luar_jendela_absen',
      pesan: { en: 'Outside the attendance hours: today you can check in from 05:30 to 16:00 WIB.' },
    });
    expect(putuskanAbsen({ ...baik, jenis: 'pulang', menit: 20 * 60 + 1 }).pesan.en).toBe(
      'Outside the attendance hours: today you can check out from 07:30 to 20:00 WIB.',
    );
    expect(putuskanAbsen({ ...baik, jendela: null }).alasan).toBe('di_luar_jendela_absen');
    expect(
      putuskanAbsen({ ...baik, lokasi: { hasil: 'di_luar_kantor', jarakM: 250, tempatTerdekat: KANTOR } })
        .pesan.id,
    ).toContain('250 m di luar area kantor (Kantor Bappeda)');
    expect(
      putuskanAbsen({
        ...baik,
        lokasi: { hasil: 'lokasi_tidak_akurat', akurasiM: 300, tempat: KANTOR, ukuranM: 100 },
      }).alasan,
    ).toBe('lokasi_tidak_akurat');
    expect(putuskanAbsen({ ...baik, lokasi: null }).alasan).toBe('diterima');
    const gagal: HasilTantangan = {
      lulus: false,
      alasan: 'tantangan_gagal',
      sebab: { id: 'diminta: A; terlihat: B', en: 'asked: A; seen: B' },
      bingkai: null,
    };
    expect(putuskanAbsen({ ...baik, tantangan: gagal }).pesan.en).toContain('(asked: A; seen: B)');
    expect(putuskanAbsen({ ...baik, dugaanPalsu: true }).alasan).toBe('dugaan_palsu');
    expect(putuskanAbsen({ ...baik, skorWajah: 0.55 })).toMatchObject({
      hasil: 'ditinjau',
      alasan: 'tinjau',
    });
    expect(putuskanAbsen({ ...baik, skorWajah: 0.3 })).toMatchObject({
      hasil: 'ditolak',
      alasan: 'wajah_tidak_cocok',
      wajah: 'tidak_cocok',
    });
  });

  it('putusanWajah: thresholds inclusive; NaN and inverted thresholds are errors', () => {
    expect(putusanWajah(0.6, AMBANG)).toBe('cocok');
    expect(putusanWajah(0.5, AMBANG)).toBe('tinjau');
    expect(putusanWajah(0.4999, AMBANG)).toBe('tidak_cocok');
    expect(() => putusanWajah(Number.NaN, AMBANG)).toThrow(RangeError);
    expect(() => putusanWajah(0.5, { cocok: 0.4, tinjau: 0.5 })).toThrow(RangeError);
  });
});

describe('putuskanAbsen: properties', () => {
  // Each check can be made to fail; the reason must be the first failing one in the documented order.
  const URUTAN = [
    'tidak_terjadwal_di_kantor',
    'di_luar_jendela_absen',
    'di_luar_kantor',
    'wajah_belum_terdaftar',
    'tantangan_gagal',
    'dugaan_palsu',
    'wajah_tidak_cocok',
  ] as const;
  const gagalPada = (gagal: readonly boolean[]): MasukanPutusan => ({
    ...baik,
    jadwal: gagal[0] ? 'CUTI' : 'PIKET',
    menit: gagal[1] ? 23 * 60 : 7 * 60,
    lokasi: gagal[2] ? { hasil: 'di_luar_kantor', jarakM: 10, tempatTerdekat: KANTOR } : DI_DALAM,
    terdaftar: !gagal[3],
    tantangan: gagal[4]
      ? { lulus: false, alasan: 'tantangan_gagal', sebab: { id: 'x', en: 'x' }, bingkai: null }
      : LULUS,
    dugaanPalsu: gagal[5]!,
    skorWajah: gagal[6] ? 0.1 : 0.9,
  });
  it('the first failing check in the documented order decides; accepted only when none fails', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 7, maxLength: 7 }), (gagal) => {
        const i = gagal.indexOf(true);
        expect(putuskanAbsen(gagalPada(gagal)).alasan).toBe(i < 0 ? 'diterima' : URUTAN[i]);
      }),
    );
  });

  it('the checks without an image refuse exactly when the full verdict is one of theirs, with the same words', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 7, maxLength: 7 }), (gagal) => {
        const m = gagalPada(gagal);
        const awal = putuskanTanpaWajah(m);
        const i = gagal.indexOf(true);
        if (i >= 0 && i <= 3) {
          expect(awal?.alasan).toBe(URUTAN[i]);
          expect(awal).toEqual(putuskanAbsen(m));
        } else {
          expect(awal).toBeNull();
        }
      }),
    );
  });

  it('the face verdict is monotone in the score', () => {
    const rank = { tidak_cocok: 0, tinjau: 1, cocok: 2 };
    fc.assert(
      fc.property(
        fc.double({ min: -1, max: 1, noNaN: true }),
        fc.double({ min: -1, max: 1, noNaN: true }),
        fc.double({ min: -1, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        (a, b, t, lebar) => {
          const ambang = { tinjau: t, cocok: t + lebar };
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          expect(rank[putusanWajah(lo, ambang)]).toBeLessThanOrEqual(rank[putusanWajah(hi, ambang)]);
        },
      ),
    );
  });
});
