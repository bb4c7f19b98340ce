import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type IzinTersimpan,
  jendelaIzin,
  jendelaIzinHari,
  keadaanIzin,
  masalahBatal,
  masalahKeberatan,
  periksaIzinKeluar,
} from './izin-keluar.ts';
import { nilaiSlot, susunSlot } from './slot.ts';

// Expectations are written out from the rule (docs/wfh.md §3) in Jakarta time (UTC+7), never computed with
// the code under test.

const wib = (s: string) => new Date(`${s}+07:00`);
const Z = 'Asia/Jakarta' as const;
/** Filed at 10:00 WIB on Monday 6 April 2020. */
const SEKARANG = wib('2020-04-06T10:00:00');
const isian = (dari: string, sampai: string, lain: Partial<{ jenis: string; alasan: string }> = {}) => ({
  jenis: lain.jenis ?? 'kesehatan',
  alasan: lain.alasan ?? 'kontrol ke puskesmas',
  dari: wib(dari),
  sampai: wib(sampai),
});
const periksa = (i: ReturnType<typeof isian>, lain: IzinTersimpan[] = [], sekarang = SEKARANG) =>
  periksaIzinKeluar(i, { sekarang, zona: Z, lain }).map((m) => `${m.kolom}: ${m.pesan.id}`);

describe('periksaIzinKeluar: what a notice may be', () => {
  it('accepts a notice from now for two hours, one starting 15 minutes ago, and one 7 days ahead', () => {
    expect(periksa(isian('2020-04-06T10:00:00', '2020-04-06T12:00:00'))).toEqual([]);
    expect(periksa(isian('2020-04-06T09:45:00', '2020-04-06T10:30:00'))).toEqual([]);
    expect(periksa(isian('2020-04-13T10:00:00', '2020-04-13T11:00:00'))).toEqual([]);
    // 12 hours exactly, ending at midnight
    expect(periksa(isian('2020-04-06T12:00:00', '2020-04-07T00:00:00'))).toEqual([]);
  });

  it('refuses, naming the field: after the fact, too far ahead, too short, too long, across midnight', () => {
    expect(periksa(isian('2020-04-06T09:44:00', '2020-04-06T11:00:00'))).toEqual([
      'dari: dari: izin keluar diajukan sebelum pergi; mulai paling awal 15 menit sebelum sekarang (10.00)',
    ]);
    expect(periksa(isian('2020-04-13T10:01:00', '2020-04-13T11:00:00'))).toEqual([
      'dari: dari: paling jauh 7 hari ke depan',
    ]);
    expect(periksa(isian('2020-04-06T11:00:00', '2020-04-06T11:04:00'))).toEqual([
      'sampai: sampai: harus paling sedikit 5 menit setelah dari',
    ]);
    expect(periksa(isian('2020-04-06T11:00:00', '2020-04-06T10:00:00'))).toEqual([
      'sampai: sampai: harus paling sedikit 5 menit setelah dari',
    ]);
    expect(periksa(isian('2020-04-06T10:00:00', '2020-04-06T22:01:00'))).toEqual([
      'sampai: sampai: izin keluar paling lama 12 jam',
    ]);
    expect(periksa(isian('2020-04-06T23:00:00', '2020-04-07T00:01:00'))).toEqual([
      'sampai: sampai: izin keluar harus berakhir pada hari yang sama (paling lambat pukul 24.00)',
    ]);
  });

  it('refuses an unknown kind and an empty or over-long reason', () => {
    expect(
      periksa(isian('2020-04-06T10:00:00', '2020-04-06T11:00:00', { jenis: 'jalan_jalan', alasan: '  ' })),
    ).toEqual([
      'jenis: jenis: "jalan_jalan" tidak dikenal; pilih kesehatan, keluarga, kebutuhan_pokok, urusan_dinas, lainnya',
      'alasan: alasan: wajib diisi',
    ]);
    expect(periksa(isian('2020-04-06T10:00:00', '2020-04-06T11:00:00', { alasan: 'x'.repeat(501) }))).toEqual(
      ['alasan: alasan: 501 karakter; paling banyak 500'],
    );
    expect(periksa(isian('2020-04-06T10:00:00', '2020-04-06T11:00:00', { alasan: 'x'.repeat(500) }))).toEqual(
      [],
    );
  });

  it('refuses an overlap with another notice not withdrawn, and a fifth one that day', () => {
    const ada = { dari: wib('2020-04-06T11:00:00'), sampai: wib('2020-04-06T12:00:00'), dibatalkan: false };
    expect(periksa(isian('2020-04-06T11:59:00', '2020-04-06T13:00:00'), [ada])).toEqual([
      'dari: dari: bertumpang tindih dengan izin keluar Anda 11.00–12.00',
    ]);
    // touching ends do not overlap; a withdrawn one is no obstacle
    expect(periksa(isian('2020-04-06T12:00:00', '2020-04-06T13:00:00'), [ada])).toEqual([]);
    expect(
      periksa(isian('2020-04-06T11:30:00', '2020-04-06T13:00:00'), [{ ...ada, dibatalkan: true }]),
    ).toEqual([]);
    const empat = [13, 14, 15, 16].map((h) => ({
      dari: wib(`2020-04-06T${h}:00:00`),
      sampai: wib(`2020-04-06T${h}:30:00`),
      dibatalkan: false,
    }));
    expect(periksa(isian('2020-04-06T17:00:00', '2020-04-06T17:30:00'), empat)).toEqual([
      'dari: dari: sudah ada 4 izin keluar pada hari itu',
    ]);
    expect(periksa(isian('2020-04-07T17:00:00', '2020-04-07T17:30:00'), empat)).toEqual([]);
  });
});

describe('a notice over time: state, withdrawal, objection', () => {
  const z = { dari: wib('2020-04-06T11:00:00'), sampai: wib('2020-04-06T12:00:00'), dibatalkan: false };
  it('upcoming before its start, current in [dari, sampai), over after; withdrawn whatever the time', () => {
    expect(keadaanIzin(z, wib('2020-04-06T10:59:59'))).toBe('akan_datang');
    expect(keadaanIzin(z, wib('2020-04-06T11:00:00'))).toBe('berlangsung');
    expect(keadaanIzin(z, wib('2020-04-06T11:59:59'))).toBe('berlangsung');
    expect(keadaanIzin(z, wib('2020-04-06T12:00:00'))).toBe('selesai');
    expect(keadaanIzin({ ...z, dibatalkan: true }, wib('2020-04-06T11:30:00'))).toBe('dibatalkan');
  });
  it('withdrawn only before it starts, and once', () => {
    expect(masalahBatal(z, wib('2020-04-06T10:59:59'))).toBeNull();
    expect(masalahBatal(z, wib('2020-04-06T11:00:00'))?.id).toMatch(/sudah dimulai/);
    expect(masalahBatal({ ...z, dibatalkan: true }, wib('2020-04-06T10:00:00'))?.id).toMatch(
      /sudah dibatalkan/,
    );
  });
  it('objected once, not to a withdrawn notice, and until 7 days after it ended', () => {
    const k = { ...z, keberatan: false };
    expect(masalahKeberatan(k, wib('2020-04-13T12:00:00'))).toBeNull();
    expect(masalahKeberatan(k, wib('2020-04-13T12:00:01'))?.kode).toBe('VALIDASI');
    expect(masalahKeberatan({ ...k, keberatan: true }, wib('2020-04-06T10:00:00'))?.kode).toBe('KONFLIK');
    expect(masalahKeberatan({ ...k, dibatalkan: true }, wib('2020-04-06T10:00:00'))?.kode).toBe('KONFLIK');
  });
});

describe('jendelaIzin: the window for the slot rule', () => {
  it('minutes since local midnight; seconds round up; a notice ending at midnight gives 1440', () => {
    expect(
      jendelaIzin({ dari: wib('2020-04-06T09:00:00'), sampai: wib('2020-04-06T12:00:00') }, '2020-04-06', Z),
    ).toEqual({
      dari: 540,
      sampai: 720,
    });
    expect(
      jendelaIzin({ dari: wib('2020-04-06T09:29:30'), sampai: wib('2020-04-06T09:30:01') }, '2020-04-06', Z),
    ).toEqual({
      dari: 570,
      sampai: 571,
    });
    expect(
      jendelaIzin({ dari: wib('2020-04-06T12:00:00'), sampai: wib('2020-04-07T00:00:00') }, '2020-04-06', Z),
    ).toEqual({
      dari: 720,
      sampai: 1440,
    });
    // another day: nothing
    expect(
      jendelaIzin({ dari: wib('2020-04-06T09:00:00'), sampai: wib('2020-04-06T12:00:00') }, '2020-04-07', Z),
    ).toBeNull();
    // Makassar (UTC+8): 09:00 WIB is 10:00 WITA
    expect(
      jendelaIzin(
        { dari: wib('2020-04-06T09:00:00'), sampai: wib('2020-04-06T12:00:00') },
        '2020-04-06',
        'Asia/Makassar',
      ),
    ).toEqual({ dari: 600, sampai: 780 });
  });

  it('Kudus slots with a notice 09:00–12:00: slots opening 09:30 and 11:30 excused; withdrawn or (if asked) objected ones give none', () => {
    const slots = susunSlot({ setiapJam: 2, dari: '07:30', sampai: '16:00' });
    const z = { dari: wib('2020-04-06T09:00:00'), sampai: wib('2020-04-06T12:00:00') };
    const st = (izin: Parameters<typeof jendelaIzinHari>[0], opsi = {}) =>
      nilaiSlot(slots, [], jendelaIzinHari(izin, '2020-04-06', Z, opsi), null).map((x) => x.status);
    expect(st([z])).toEqual(['terlewat', 'izin_keluar', 'izin_keluar', 'terlewat', 'terlewat']);
    expect(st([{ ...z, dibatalkan: true }])).toEqual([
      'terlewat',
      'terlewat',
      'terlewat',
      'terlewat',
      'terlewat',
    ]);
    expect(st([{ ...z, keberatan: true }])).toEqual([
      'terlewat',
      'izin_keluar',
      'izin_keluar',
      'terlewat',
      'terlewat',
    ]);
    expect(st([{ ...z, keberatan: true }], { tanpaKeberatan: true })).toEqual([
      'terlewat',
      'terlewat',
      'terlewat',
      'terlewat',
      'terlewat',
    ]);
  });
});

describe('properties', () => {
  const HARI = '2020-04-06';
  const AWAL = Date.parse('2020-04-05T17:00:00Z'); // 2020-04-06 00:00 WIB
  // instants around the day, to the second, often exactly on a whole minute
  const detik = fc.oneof(
    fc.integer({ min: -3600, max: 90_000 }),
    fc.integer({ min: -60, max: 1500 }).map((m) => m * 60),
  );
  const aturan = fc.record({
    setiapJam: fc.constantFrom(0.5, 1, 1.5, 2, 3),
    dari: fc.constantFrom('00:00', '06:00', '07:30', '08:15'),
    sampai: fc.constantFrom('16:00', '17:30', '23:59'),
  });

  // and often within 90 seconds of one of the rule's slot openings (where rounding mistakes live)
  const tepiAturan = aturan.chain((a) => {
    const buka = susunSlot(a).map((s) => s.buka * 60);
    const dekat = fc
      .tuple(fc.constantFrom(...buka), fc.integer({ min: -90, max: 90 }))
      .map(([b, d]) => b + d);
    const t = fc.oneof(detik, dekat);
    return fc.tuple(fc.constant(a), t, t);
  });

  it('a notice marks izin_keluar exactly the slots whose opening instant lies in [dari, sampai)', () => {
    fc.assert(
      fc.property(tepiAturan, ([a, x, y]) => {
        const z = {
          dari: new Date(AWAL + Math.min(x, y) * 1000),
          sampai: new Date(AWAL + Math.max(x, y) * 1000),
        };
        const slots = susunSlot(a);
        const r = nilaiSlot(slots, [], jendelaIzinHari([z], HARI, Z), null);
        for (const s of r) {
          const buka = AWAL + s.slot.buka * 60_000;
          const dalam = z.dari.getTime() <= buka && buka < z.sampai.getTime();
          expect(s.status).toBe(dalam ? 'izin_keluar' : 'terlewat');
        }
      }),
    );
  });

  const menitDepan = fc.integer({ min: -30, max: 8 * 1440 });
  it('an accepted notice keeps every bound; a notice keeping every bound is accepted', () => {
    fc.assert(
      fc.property(menitDepan, fc.integer({ min: -10, max: 13 * 60 }), (mulai, lama) => {
        const dari = new Date(SEKARANG.getTime() + mulai * 60_000);
        const sampai = new Date(dari.getTime() + lama * 60_000);
        const ok =
          periksaIzinKeluar(
            { jenis: 'keluarga', alasan: 'antar anak', dari, sampai },
            { sekarang: SEKARANG, zona: Z, lain: [] },
          ).length === 0;
        const hariDari = new Date(dari.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
        const hariAkhir = new Date(sampai.getTime() - 1 + 7 * 3600_000).toISOString().slice(0, 10);
        const patuh = mulai >= -15 && mulai <= 7 * 1440 && lama >= 5 && lama <= 720 && hariDari === hariAkhir;
        expect(ok).toBe(patuh);
      }),
    );
  });

  it('an accepted notice never overlaps another one that is not withdrawn', () => {
    const arbIzin = fc
      .tuple(fc.integer({ min: 0, max: 600 }), fc.integer({ min: 5, max: 240 }), fc.boolean())
      .map(([m, l, b]) => ({
        dari: new Date(SEKARANG.getTime() + m * 60_000),
        sampai: new Date(SEKARANG.getTime() + (m + l) * 60_000),
        dibatalkan: b,
      }));
    fc.assert(
      fc.property(fc.array(arbIzin, { maxLength: 4 }), arbIzin, (lain, baru) => {
        const ok =
          periksaIzinKeluar({ jenis: 'lainnya', alasan: 'x', ...baru }, { sekarang: SEKARANG, zona: Z, lain })
            .length === 0;
        if (!ok) return;
        for (const z of lain)
          if (!z.dibatalkan) expect(z.sampai <= baru.dari || baru.sampai <= z.dari).toBe(true);
      }),
    );
  });
});
