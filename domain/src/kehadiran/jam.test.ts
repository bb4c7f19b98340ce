import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JAM_KERJA_PERPRES_21_2023, type JamHari } from '../kalender/work-hours.ts';
import { DEFAULT_ABSENSI, type KeputusanOrang } from '../kebijakan/evaluate/umum.ts';
import {
  ATURAN_JAM_BAKU,
  type AturanJam,
  dalamJendela,
  hitungJam,
  type JenisAbsen,
  jamHari,
  jamTampil,
  jendelaAbsen,
  type Ketukan,
  perluAbsenKantor,
} from './jam.ts';

const SENIN = '2024-03-04';
const JUMAT = '2024-03-08';
const SENIN_JAM: JamHari = { mulai: '07:30', selesai: '16:00', istirahatMenit: 60 };

/** A punch at local Jakarta time "HH:MM[:SS]" on a date (UTC+7, written out, not computed by the code). */
let n = 0;
function ketuk(jam: string, jenis: JenisAbsen | null, tanggal = SENIN): Ketukan {
  const [h, m, s] = jam.split(':').map(Number) as [number, number, number?];
  const utc = Date.UTC(
    Number(tanggal.slice(0, 4)),
    Number(tanggal.slice(5, 7)) - 1,
    Number(tanggal.slice(8, 10)),
    h - 7,
    m,
    s ?? 0,
  );
  n += 1;
  return { id: `k${n}`, waktu: new Date(utc), jenis };
}
const hitung = (k: Ketukan[], aturan: Partial<AturanJam> = {}, jam = SENIN_JAM, tanggal = SENIN) =>
  hitungJam(k, jam, tanggal, 'Asia/Jakarta', { ...ATURAN_JAM_BAKU, ...aturan });

describe('jamHari: which hours apply', () => {
  it("the Pemda's hours for the weekday; none on Saturday", () => {
    expect(jamHari(JUMAT, JAM_KERJA_PERPRES_21_2023)).toMatchObject({
      mulai: '07:30',
      selesai: '16:30',
      sumber: 'pemda',
    });
    expect(jamHari('2024-03-09', JAM_KERJA_PERPRES_21_2023)).toBeNull();
  });

  it("the policy's jam_kerja for the unit wins over the Pemda's; a piket shift wins over both", () => {
    const rujukan = {
      kebijakanId: 'batu-2020',
      versi: 2,
      nomor: '1',
      judulKebijakan: 'Batu',
      aturanId: 'jam-pendek',
      judulAturan: 'Jam kerja pendek',
    };
    const kep: Pick<KeputusanOrang, 'jamKerja'> = {
      jamKerja: { mulai: '08:00', selesai: '13:00', istirahatMenit: 0, sumber: rujukan },
    };
    expect(jamHari(SENIN, JAM_KERJA_PERPRES_21_2023, kep)).toMatchObject({
      mulai: '08:00',
      sumber: 'kebijakan',
      aturan: { aturanId: 'jam-pendek' },
    });
    const shift = { mulai: '22:00', selesai: '06:00', istirahatMenit: 0 };
    expect(jamHari(SENIN, JAM_KERJA_PERPRES_21_2023, kep, shift)).toMatchObject({
      mulai: '22:00',
      sumber: 'shift',
    });
  });

  it('Kudus: WFO and piket record office attendance (elektronik), WFH records none (lokasi_berkala)', () => {
    const kudus: KeputusanOrang['absensi'] = {
      WFO: { metode: 'elektronik', sumber: null },
      PIKET: { metode: 'elektronik', sumber: null },
      WFH: { metode: 'lokasi_berkala', setiapJam: 2, sumber: null },
    };
    expect(perluAbsenKantor('WFO', kudus)).toBe(true);
    expect(perluAbsenKantor('PIKET', kudus)).toBe(true);
    expect(perluAbsenKantor('WFH', kudus)).toBe(false);
    expect(perluAbsenKantor('CUTI', kudus)).toBe(false);
    // without a policy: WFO elektronik, WFH catatan admin
    const baku = {
      WFO: DEFAULT_ABSENSI('WFO'),
      WFH: DEFAULT_ABSENSI('WFH'),
      PIKET: DEFAULT_ABSENSI('PIKET'),
    };
    expect(perluAbsenKantor('WFO', baku)).toBe(true);
    expect(perluAbsenKantor('WFH', baku)).toBe(false);
  });
});

describe('hitungJam: examples (Monday 07:30–16:00 WIB)', () => {
  it('on time in and out', () => {
    const r = hitung([ketuk('07:25', 'masuk'), ketuk('16:05', 'pulang')]);
    expect(r).toMatchObject({ terlambatMenit: 0, pulangCepatMenit: 0, tanpaPulang: false });
    expect(jamTampil(r.masuk!.waktu, 'Asia/Jakarta')).toBe('07:25');
    expect(jamTampil(r.pulang!.waktu, 'Asia/Jakarta')).toBe('16:05');
  });

  it('15 minutes late, left 30 minutes early', () => {
    const r = hitung([ketuk('07:45', 'masuk'), ketuk('15:30', 'pulang')]);
    expect(r).toMatchObject({ terlambatMenit: 15, pulangCepatMenit: 30 });
  });

  it('07:30:59 is not late (the recap shows 07:30); 07:31 is 1 minute late', () => {
    expect(hitung([ketuk('07:30:59', 'masuk')]).terlambatMenit).toBe(0);
    expect(hitung([ketuk('07:31:00', 'masuk')]).terlambatMenit).toBe(1);
  });

  it('grace of 15 minutes: 07:45 is not late, 07:46 is 16 minutes late (counted from the start)', () => {
    expect(hitung([ketuk('07:45', 'masuk')], { toleransiMasukMenit: 15 }).terlambatMenit).toBe(0);
    expect(hitung([ketuk('07:46', 'masuk')], { toleransiMasukMenit: 15 }).terlambatMenit).toBe(16);
    expect(
      hitung([ketuk('07:30', 'masuk'), ketuk('15:50', 'pulang')], { toleransiPulangMenit: 10 })
        .pulangCepatMenit,
    ).toBe(0);
    expect(
      hitung([ketuk('07:30', 'masuk'), ketuk('15:49', 'pulang')], { toleransiPulangMenit: 10 })
        .pulangCepatMenit,
    ).toBe(11);
  });

  it('no check-out: missing', () => {
    const r = hitung([ketuk('07:20', 'masuk'), ketuk('07:21', 'masuk')]);
    expect(r).toMatchObject({ tanpaPulang: true, pulang: null, pulangCepatMenit: 0 });
    expect(jamTampil(r.masuk!.waktu, 'Asia/Jakarta')).toBe('07:20');
  });

  it('unknown kinds: first punch is masuk; last is pulang only when at least 60 minutes later', () => {
    const a = hitung([ketuk('07:21', null), ketuk('07:20', null), ketuk('16:10', null)]);
    expect(jamTampil(a.masuk!.waktu, 'Asia/Jakarta')).toBe('07:20');
    expect(jamTampil(a.pulang!.waktu, 'Asia/Jakarta')).toBe('16:10');
    const b = hitung([ketuk('07:20', null), ketuk('08:19', null)]);
    expect(b).toMatchObject({ pulang: null, tanpaPulang: true });
    const c = hitung([ketuk('16:05', null)]);
    expect(c).toMatchObject({ terlambatMenit: 515, tanpaPulang: true });
  });

  it('several check-outs: the last one counts', () => {
    const r = hitung([ketuk('07:20', 'masuk'), ketuk('15:00', 'pulang'), ketuk('16:05', 'pulang')]);
    expect(jamTampil(r.pulang!.waktu, 'Asia/Jakarta')).toBe('16:05');
    expect(r.pulangCepatMenit).toBe(0);
  });

  it('only a check-out: no masuk, flagged', () => {
    const r = hitung([ketuk('16:02', 'pulang')]);
    expect(r).toMatchObject({ masuk: null, tanpaMasuk: true, tanpaPulang: false });
  });

  it('punches outside the window (before 05:30, after 20:00) are listed, not used', () => {
    const pagi = ketuk('05:29', 'masuk');
    const malam = ketuk('20:01', 'pulang');
    const r = hitung([pagi, ketuk('07:00', 'masuk'), ketuk('16:00', 'pulang'), malam]);
    expect(r.diLuarJendela).toEqual([pagi, malam]);
    expect(jamTampil(r.pulang!.waktu, 'Asia/Jakarta')).toBe('16:00');
  });

  it('a night piket shift 22:00–06:00 runs past midnight', () => {
    const shift = { mulai: '22:00', selesai: '06:00', istirahatMenit: 0 };
    const r = hitung([ketuk('21:55', 'masuk'), ketuk('06:02', 'pulang', '2024-03-05')], {}, shift);
    expect(r).toMatchObject({ terlambatMenit: 0, pulangCepatMenit: 0, tanpaPulang: false });
    const s = hitung([ketuk('22:10', 'masuk'), ketuk('05:00', 'pulang', '2024-03-05')], {}, shift);
    expect(s).toMatchObject({ terlambatMenit: 10, pulangCepatMenit: 60 });
  });

  it('check-in window: opens 2 h before the start, closes at the end; check-out until 4 h after the end', () => {
    const j = jendelaAbsen(SENIN_JAM);
    expect(j).toEqual({ masuk: { dari: 330, sampai: 960 }, pulang: { dari: 450, sampai: 1200 } });
    expect(dalamJendela('masuk', 329, j)).toBe(false);
    expect(dalamJendela('masuk', 330, j)).toBe(true);
    expect(dalamJendela('masuk', 961, j)).toBe(false);
    expect(dalamJendela('pulang', 1200, j)).toBe(true);
  });
});

describe('hitungJam: properties', () => {
  // punches as minute + second offsets into the day, with a kind; the oracle reads the minute directly
  const punch = fc.record({
    menit: fc.integer({ min: 0, max: 1439 }),
    detik: fc.integer({ min: 0, max: 59 }),
    jenis: fc.constantFrom<JenisAbsen | null>('masuk', 'pulang', null),
  });
  const aturan = fc.record({
    toleransiMasukMenit: fc.integer({ min: 0, max: 60 }),
    toleransiPulangMenit: fc.integer({ min: 0, max: 60 }),
    bukaMasukSebelumMenit: fc.integer({ min: 0, max: 240 }),
    tutupPulangSetelahMenit: fc.integer({ min: 0, max: 240 }),
    selangPulangMinimalMenit: fc.integer({ min: 0, max: 180 }),
  });
  const jadi = (ps: { menit: number; detik: number; jenis: JenisAbsen | null }[]): Ketukan[] =>
    ps.map((p, i) => ({
      id: `p${String(i).padStart(3, '0')}`,
      // 2024-03-04 00:00 WIB is 2024-03-03 17:00 UTC
      waktu: new Date(Date.UTC(2024, 2, 3, 17, 0, 0) + p.menit * 60_000 + p.detik * 1000),
      jenis: p.jenis,
    }));
  const MULAI = 450;
  const SELESAI = 960;

  it('lateness is 0 iff masuk ≤ start + grace, otherwise the minutes since the start', () => {
    fc.assert(
      fc.property(fc.array(punch, { maxLength: 8 }), aturan, (ps, a) => {
        const r = hitungJam(jadi(ps), SENIN_JAM, SENIN, 'Asia/Jakarta', a);
        if (r.masukMenit === null) {
          expect(r.terlambatMenit).toBe(0);
          return;
        }
        const m = r.masukMenit;
        expect(r.terlambatMenit === 0).toBe(m <= MULAI + a.toleransiMasukMenit);
        if (r.terlambatMenit > 0) expect(r.terlambatMenit).toBe(m - MULAI);
      }),
    );
  });

  it('masuk is the earliest check-in or unknown punch inside the window', () => {
    fc.assert(
      fc.property(fc.array(punch, { maxLength: 8 }), aturan, (ps, a) => {
        const r = hitungJam(jadi(ps), SENIN_JAM, SENIN, 'Asia/Jakarta', a);
        const calon = ps
          .filter((p) => p.jenis !== 'pulang')
          .filter(
            (p) =>
              p.menit >= MULAI - a.bukaMasukSebelumMenit && p.menit <= SELESAI + a.tutupPulangSetelahMenit,
          )
          .map((p) => p.menit * 60 + p.detik);
        const harap = calon.length ? Math.floor(Math.min(...calon) / 60) : null;
        expect(r.masukMenit).toBe(harap);
      }),
    );
  });

  it('pulang is the latest check-out, or unknown punch at least the minimum gap after masuk, not before masuk', () => {
    fc.assert(
      fc.property(fc.array(punch, { maxLength: 8 }), aturan, (ps, a) => {
        const r = hitungJam(jadi(ps), SENIN_JAM, SENIN, 'Asia/Jakarta', a);
        const dalam = ps
          .map((p, i) => ({ ...p, i, t: p.menit * 60 + p.detik }))
          .filter(
            (p) =>
              p.menit >= MULAI - a.bukaMasukSebelumMenit && p.menit <= SELESAI + a.tutupPulangSetelahMenit,
          );
        const urut = [...dalam].sort((x, y) => x.t - y.t || x.i - y.i);
        const m = urut.find((p) => p.jenis !== 'pulang');
        const calon = urut.filter(
          (p) =>
            p !== m &&
            (!m || p.t >= m.t) &&
            (p.jenis === 'pulang' ||
              (p.jenis === null && m !== undefined && p.menit - m.menit >= a.selangPulangMinimalMenit)),
        );
        const harap = calon.length ? `p${String(calon[calon.length - 1]!.i).padStart(3, '0')}` : null;
        expect(r.pulang?.id ?? null).toBe(harap);
      }),
    );
  });

  it('adding a later check-out never increases early departure, and pulang is never before masuk', () => {
    fc.assert(
      fc.property(
        fc.array(punch, { maxLength: 8 }),
        aturan,
        fc.integer({ min: 1, max: 600 }),
        (ps, a, tambah) => {
          const k = jadi(ps);
          const r = hitungJam(k, SENIN_JAM, SENIN, 'Asia/Jakarta', a);
          const akhir = Math.max(0, ...k.map((x) => x.waktu.getTime()));
          const lagi: Ketukan = {
            id: 'zz',
            waktu: new Date(Math.max(akhir, Date.UTC(2024, 2, 3, 17)) + tambah * 1000),
            jenis: 'pulang',
          };
          const r2 = hitungJam([...k, lagi], SENIN_JAM, SENIN, 'Asia/Jakarta', a);
          if (r.pulang) expect(r2.pulangCepatMenit).toBeLessThanOrEqual(r.pulangCepatMenit);
          for (const x of [r, r2]) {
            if (x.masuk && x.pulang)
              expect(x.pulang.waktu.getTime()).toBeGreaterThanOrEqual(x.masuk.waktu.getTime());
            expect(x.tanpaPulang).toBe(x.masuk !== null && x.pulang === null);
          }
        },
      ),
    );
  });

  it('the order punches arrive in does not matter', () => {
    fc.assert(
      fc.property(fc.array(punch, { maxLength: 8 }), aturan, fc.integer(), (ps, a, seed) => {
        const k = jadi(ps);
        const acak = [...k].sort(
          (x, y) => ((x.id.charCodeAt(3) * seed) % 7) - ((y.id.charCodeAt(3) * seed) % 7),
        );
        const r1 = hitungJam(k, SENIN_JAM, SENIN, 'Asia/Jakarta', a);
        const r2 = hitungJam(acak, SENIN_JAM, SENIN, 'Asia/Jakarta', a);
        expect(r2.masuk?.id).toBe(r1.masuk?.id);
        expect(r2.pulang?.id).toBe(r1.pulang?.id);
      }),
    );
  });
});
