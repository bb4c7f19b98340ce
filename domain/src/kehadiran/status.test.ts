import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { liburNasional } from '../jadwal/golden/golden.ts';
import type { StatusJadwal } from '../jadwal/tipe.ts';
import { type HariLibur, JAM_KERJA_PERPRES_21_2023, type JamHari } from '../kalender/work-hours.ts';
import { evaluateDay, prepareOrg } from '../kebijakan/evaluate.ts';
import { parseKebijakan } from '../kebijakan/parse.ts';
import { ATURAN_JAM_BAKU, type AturanJam, type JenisAbsen, jamHari, type Ketukan } from './jam.ts';
import {
  type KoreksiDisetujui,
  type MasukanHariOrang,
  STATUS_KEHADIRAN,
  statusHari,
  teksAlasanHari,
} from './status.ts';

// ─── Helpers: local Jakarta times written out (UTC+7), not computed by the code under test ──────

const RABU = '2020-03-25'; // a Wednesday within Kudus' SE 800/1566/28.00/2020
const utcJakarta = (tanggal: string, jam: string) => {
  const [h, m] = jam.split(':').map(Number) as [number, number];
  return new Date(
    Date.UTC(
      Number(tanggal.slice(0, 4)),
      Number(tanggal.slice(5, 7)) - 1,
      Number(tanggal.slice(8, 10)),
      h - 7,
      m,
    ),
  );
};
let n = 0;
const ketuk = (jam: string, jenis: JenisAbsen | null, tanggal = RABU): Ketukan => {
  n += 1;
  return { id: `t${n}`, waktu: utcJakarta(tanggal, jam), jenis };
};
const JAM: JamHari = { mulai: '07:30', selesai: '16:00', istirahatMenit: 60 };
const MALAM = utcJakarta(RABU, '22:00');
const hari = (x: Partial<MasukanHariOrang>): MasukanHariOrang => ({
  tanggal: RABU,
  zona: 'Asia/Jakarta',
  jadwal: 'WFO',
  libur: null,
  jam: JAM,
  ketukan: [],
  sekarang: MALAM,
  ...x,
});

// ─── Kudus: the policy's absensi rule through the real evaluation ─────────────────────────────────

declare const URL: new (url: string, base: string) => object;
const NODE_FS = 'node:fs';
const { readFileSync } = (await import(/* @vite-ignore */ NODE_FS)) as {
  readFileSync(path: object, encoding: 'utf8'): string;
};
const r = parseKebijakan(
  readFileSync(
    new URL('../../../examples/policies/kudus-2020.yaml', (import.meta as unknown as { url: string }).url),
    'utf8',
  ),
);
if (!r.ok) throw new Error('kudus-2020.yaml does not parse');
const KUDUS = r.kebijakan;
const orgKudus = prepareOrg({
  opd: [
    {
      id: 'BAPPEDA',
      kode: 'BAPPEDA',
      jenis: 'badan',
      indukId: null,
      kelasLayanan: 'non_pelayanan',
      sektor: [],
    },
  ],
  pegawai: [
    { key: 'bappeda-staf', nama: 'Staf', jenisPegawai: 'pns', jabatanLevel: 'pelaksana', opdId: 'BAPPEDA' },
  ],
});
const evKudus = evaluateDay([KUDUS], orgKudus, RABU, {
  jamKerja: JAM_KERJA_PERPRES_21_2023,
  libur: liburNasional(),
});
const kepKudus = evKudus.orang.get('bappeda-staf')!;

describe('statusHari: Kudus 2020 (WFO and piket by terminal, WFH none)', () => {
  const jam = jamHari(RABU, JAM_KERJA_PERPRES_21_2023, kepKudus);

  it('WFO with a check-in at 07:42 and a check-out at 16:03: present, 12 minutes late', () => {
    const s = statusHari(
      hari({ jam, absensi: kepKudus.absensi, ketukan: [ketuk('07:42', 'masuk'), ketuk('16:03', 'pulang')] }),
    );
    expect(s).toMatchObject({
      jadwal: 'WFO',
      status: 'HADIR',
      masuk: '07:42',
      pulang: '16:03',
      terlambatMenit: 12,
      pulangCepatMenit: 0,
      asli: null,
    });
    expect(teksAlasanHari(s.alasan)).toBe('terlambat 12 menit');
    expect(teksAlasanHari(s.alasan, 'en')).toBe('late by 12 minutes');
  });

  it('PIKET without a check-out: present, missing check-out; without any punch: absent', () => {
    const s = statusHari(
      hari({ jadwal: 'PIKET', jam, absensi: kepKudus.absensi, ketukan: [ketuk('07:10', null)] }),
    );
    expect(s).toMatchObject({ status: 'HADIR', masuk: '07:10', pulang: null });
    expect(s.alasan.map((x) => x.kode)).toEqual(['tanpa_pulang']);
    expect(statusHari(hari({ jadwal: 'PIKET', jam, absensi: kepKudus.absensi })).status).toBe('TIDAK_HADIR');
  });

  it('WFH: not yet assessed; punches at the office are not counted', () => {
    const s = statusHari(
      hari({ jadwal: 'WFH', jam, absensi: kepKudus.absensi, ketukan: [ketuk('07:30', 'masuk')] }),
    );
    expect(s).toMatchObject({ status: 'WFH_BELUM_DINILAI', masuk: null, pulang: null });
    expect(teksAlasanHari(s.alasan)).toBe('WFH, belum dinilai; 1 absen kantor pada hari WFH, tidak dihitung');
  });

  it('WFH assessed: the assessment’s status and reasons, office punches still noted; leave still wins', () => {
    const wfh = {
      status: 'WFH_TIDAK_PATUH' as const,
      alasan: [
        { kode: 'wfh_slot_terlewat' as const, pesan: { id: 'slot 13:30 terlewat', en: 'slot 13:30 missed' } },
      ],
    };
    const s = statusHari(
      hari({ jadwal: 'WFH', jam, absensi: kepKudus.absensi, ketukan: [ketuk('07:30', 'masuk')], wfh }),
    );
    expect(s).toMatchObject({ status: 'WFH_TIDAK_PATUH', masuk: null, pulang: null });
    expect(teksAlasanHari(s.alasan)).toBe(
      'slot 13:30 terlewat; 1 absen kantor pada hari WFH, tidak dihitung',
    );
    const cuti = statusHari(hari({ jadwal: 'WFH', jam, wfh, tidakHadir: 'CUTI' }));
    expect(cuti.status).toBe('CUTI');
  });
});

describe('statusHari: examples', () => {
  it('before the check-out window closes (20:00) the day is not over, lateness already shown', () => {
    const s = statusHari(hari({ ketukan: [ketuk('07:45', 'masuk')], sekarang: utcJakarta(RABU, '19:59') }));
    expect(s).toMatchObject({ status: 'BELUM_SELESAI', masuk: '07:45', terlambatMenit: 15 });
    expect(s.alasan[0]).toMatchObject({
      kode: 'belum_selesai',
      pesan: { id: 'hari belum selesai (absen pulang sampai 20.00)' },
    });
    expect(
      statusHari(hari({ ketukan: [ketuk('07:45', 'masuk')], sekarang: utcJakarta(RABU, '20:00') })).status,
    ).toBe('HADIR');
  });

  it('leave, sickness and isolation approved after publication win over a WFO schedule', () => {
    expect(statusHari(hari({ tidakHadir: 'CUTI' })).status).toBe('CUTI');
    expect(statusHari(hari({ jadwal: 'SAKIT' })).status).toBe('SAKIT');
    expect(statusHari(hari({ tidakHadir: 'ISOLASI', ketukan: [ketuk('07:00', 'masuk')] })).status).toBe(
      'ISOLASI',
    );
  });

  it('a holiday is LIBUR with its name, unless the person is on piket', () => {
    const libur: HariLibur = {
      tanggal: RABU,
      jenis: 'libur_nasional',
      nama: 'Hari Suci Nyepi',
      dasar: 'SKB',
    };
    const s = statusHari(hari({ libur }));
    expect(s.status).toBe('LIBUR');
    expect(teksAlasanHari(s.alasan)).toBe('hari libur: Hari Suci Nyepi');
    expect(statusHari(hari({ libur, jadwal: 'PIKET', ketukan: [ketuk('07:20', 'masuk')] })).status).toBe(
      'HADIR',
    );
  });

  it('dinas luar: DINAS_LUAR with the letter and destination; punches shown, not judged', () => {
    const s = statusHari(
      hari({
        dinasLuar: { nomorSurat: '094/123/2020', tujuan: 'Semarang' },
        ketukan: [ketuk('09:00', 'masuk')],
      }),
    );
    expect(s).toMatchObject({ status: 'DINAS_LUAR', masuk: '09:00', terlambatMenit: 0 });
    expect(teksAlasanHari(s.alasan)).toBe('dinas luar ke Semarang (surat No. 094/123/2020)');
  });

  it('only a check-out: absent, "missing check-in"', () => {
    const s = statusHari(hari({ ketukan: [ketuk('16:10', 'pulang')] }));
    expect(s).toMatchObject({ status: 'TIDAK_HADIR', masuk: null, pulang: '16:10' });
    expect(s.alasan.map((x) => x.kode)).toEqual(['tanpa_masuk']);
  });

  it('an approved correction adds the forgotten check-out; the original is kept and the reason says so', () => {
    const masuk = ketuk('07:25', 'masuk');
    const koreksi: KoreksiDisetujui = {
      id: 'k1',
      jenis: 'pulang',
      waktu: utcJakarta(RABU, '16:05'),
      menggantikan: null,
      alasan: 'lupa absen pulang',
    };
    const s = statusHari(hari({ ketukan: [masuk], koreksi: [koreksi] }));
    expect(s).toMatchObject({
      status: 'HADIR',
      masuk: '07:25',
      pulang: '16:05',
      koreksi: ['k1'],
      asli: { masuk: '07:25', pulang: null, terlambatMenit: 0, pulangCepatMenit: 0 },
    });
    expect(teksAlasanHari(s.alasan)).toBe('koreksi disetujui: pulang 16:05 (semula -) — lupa absen pulang');
    expect(teksAlasanHari(s.alasan, 'en')).toBe(
      'correction approved: check-out 16:05 (was -) — lupa absen pulang',
    );
  });

  it('a correction replacing a wrong check-in (terminal clock fault) turns late into on time', () => {
    const salah = ketuk('08:40', 'masuk');
    const s = statusHari(
      hari({
        ketukan: [salah, ketuk('16:00', 'pulang')],
        koreksi: [
          {
            id: 'k2',
            jenis: 'masuk',
            waktu: utcJakarta(RABU, '07:28'),
            menggantikan: salah.id,
            alasan: 'jam mesin salah',
          },
        ],
      }),
    );
    expect(s).toMatchObject({
      status: 'HADIR',
      masuk: '07:28',
      terlambatMenit: 0,
      asli: { masuk: '08:40', terlambatMenit: 70 },
    });
  });

  it('no published schedule on a working day: judged as WFO, and says so', () => {
    const s = statusHari(
      hari({ jadwal: null, ketukan: [ketuk('07:30', 'masuk'), ketuk('16:00', 'pulang')] }),
    );
    expect(s.status).toBe('HADIR');
    expect(s.alasan.map((x) => x.kode)).toEqual(['tanpa_jadwal']);
    expect(statusHari(hari({ jadwal: null, jam: null })).status).toBe('LIBUR');
  });
});

// ─── Properties over random days ─────────────────────────────────────────────────────────────────

const JADWAL: (StatusJadwal | null)[] = ['WFO', 'WFH', 'PIKET', 'CUTI', 'SAKIT', 'ISOLASI', 'LIBUR', null];
const hhmm = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
/** 2020-03-25 00:00 WIB = 2020-03-24 17:00 UTC */
const HARI0 = Date.UTC(2020, 2, 24, 17);
const punch = fc.record({
  menit: fc.integer({ min: 0, max: 1439 }),
  jenis: fc.constantFrom<JenisAbsen | null>('masuk', 'pulang', null),
});
const jadiKetukan = (ps: { menit: number; jenis: JenisAbsen | null }[], awal = 'p') =>
  ps.map((p, i) => ({ id: `${awal}${i}`, waktu: new Date(HARI0 + p.menit * 60_000), jenis: p.jenis }));

/** null four times in five */
const jarang = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | null> =>
  fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: arb });
const masukan = fc.record({
  jadwal: fc.constantFrom(...JADWAL),
  libur: jarang(fc.constantFrom<HariLibur['jenis']>('libur_nasional', 'cuti_bersama', 'libur_daerah')),
  mulai: fc.integer({ min: 360, max: 540 }),
  panjang: fc.integer({ min: 240, max: 600 }),
  adaJam: fc.boolean(),
  tidakHadir: jarang(fc.constantFrom<'CUTI' | 'SAKIT' | 'ISOLASI'>('CUTI', 'SAKIT', 'ISOLASI')),
  dinasLuar: jarang(fc.constant({ nomorSurat: '1', tujuan: 'Semarang' })),
  ketukan: fc.array(punch, { maxLength: 6 }),
  koreksi: fc.array(
    fc.record({
      menit: fc.integer({ min: 0, max: 1439 }),
      jenis: fc.constantFrom<JenisAbsen>('masuk', 'pulang'),
      ganti: fc.option(fc.nat(5)),
    }),
    { maxLength: 2 },
  ),
  aturan: fc.record({
    toleransiMasukMenit: fc.integer({ min: 0, max: 30 }),
    toleransiPulangMenit: fc.integer({ min: 0, max: 30 }),
    bukaMasukSebelumMenit: fc.integer({ min: 0, max: 180 }),
    tutupPulangSetelahMenit: fc.integer({ min: 0, max: 180 }),
    selangPulangMinimalMenit: fc.integer({ min: 0, max: 120 }),
  }),
  sekarangMenit: fc.integer({ min: -600, max: 2400 }),
});
type Acak = typeof masukan extends fc.Arbitrary<infer T> ? T : never;

function bangun(x: Acak): MasukanHariOrang {
  const ketukan = jadiKetukan(x.ketukan);
  const koreksi: KoreksiDisetujui[] = x.koreksi.map((k, i) => ({
    id: `k${i}`,
    jenis: k.jenis,
    waktu: new Date(HARI0 + k.menit * 60_000),
    menggantikan: k.ganti !== null && ketukan[k.ganti] ? ketukan[k.ganti]!.id : null,
    alasan: 'uji',
  }));
  return {
    tanggal: RABU,
    zona: 'Asia/Jakarta',
    jadwal: x.jadwal,
    libur: x.libur ? { tanggal: RABU, jenis: x.libur, nama: 'Libur uji', dasar: 'uji' } : null,
    jam: x.adaJam ? { mulai: hhmm(x.mulai), selesai: hhmm(x.mulai + x.panjang), istirahatMenit: 0 } : null,
    tidakHadir: x.tidakHadir,
    dinasLuar: x.dinasLuar,
    ketukan,
    koreksi,
    aturan: x.aturan satisfies AturanJam,
    sekarang: new Date(HARI0 + x.sekarangMenit * 60_000),
  };
}
const menit = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));

describe('statusHari: properties', () => {
  it('every person-day gets exactly one status of the contract; never HADIR without a masuk', () => {
    fc.assert(
      fc.property(masukan, (x) => {
        const s = statusHari(bangun(x));
        expect(STATUS_KEHADIRAN.filter((k) => k === s.status)).toHaveLength(1);
        if (s.status === 'HADIR') expect(s.masuk).not.toBeNull();
        expect(s.alasan.length).toBeGreaterThan(s.status === 'HADIR' ? -1 : 0);
      }),
    );
  });

  it('a holiday (off piket), leave, sickness, isolation or a LIBUR schedule is never TIDAK_HADIR', () => {
    fc.assert(
      fc.property(masukan, (x) => {
        const s = statusHari(bangun(x));
        const bebas =
          (x.libur !== null && x.jadwal !== 'PIKET') ||
          x.tidakHadir !== null ||
          x.jadwal === 'CUTI' ||
          x.jadwal === 'SAKIT' ||
          x.jadwal === 'ISOLASI' ||
          x.jadwal === 'LIBUR';
        if (bebas) expect(s.status).not.toBe('TIDAK_HADIR');
        if (x.tidakHadir) expect(s.status).toBe(x.tidakHadir);
      }),
    );
  });

  it('on a holiday every day but PIKET is LIBUR, whatever the punches and the hour', () => {
    fc.assert(
      fc.property(
        masukan,
        fc.constantFrom<HariLibur['jenis']>('libur_nasional', 'cuti_bersama', 'libur_daerah'),
        (x0, libur) => {
          const x = { ...x0, libur };
          const s = statusHari(bangun(x));
          if (x.tidakHadir) expect(s.status).toBe(x.tidakHadir);
          else if (x.jadwal === 'CUTI' || x.jadwal === 'SAKIT' || x.jadwal === 'ISOLASI')
            expect(s.status).toBe(x.jadwal);
          else if (x.jadwal !== 'PIKET') expect(s.status).toBe('LIBUR');
          else expect(s.status).not.toBe(x.adaJam ? 'LIBUR' : '-');
        },
      ),
    );
  });

  it('when present, lateness is 0 iff masuk ≤ start + grace', () => {
    fc.assert(
      fc.property(masukan, (x) => {
        const s = statusHari(bangun(x));
        if (s.status !== 'HADIR' && s.status !== 'BELUM_SELESAI') return;
        if (s.masuk === null) return;
        expect(s.terlambatMenit === 0).toBe(menit(s.masuk) <= x.mulai + x.aturan.toleransiMasukMenit);
      }),
    );
  });

  it('BELUM_SELESAI only, and always, when an office day is judged before its end + check-out window', () => {
    fc.assert(
      fc.property(masukan, (x) => {
        const s = statusHari(bangun(x));
        const akhir = x.mulai + x.panjang + x.aturan.tutupPulangSetelahMenit;
        const belum = x.sekarangMenit < akhir;
        if (s.status === 'BELUM_SELESAI') expect(belum).toBe(true);
        const kantorBiasa =
          x.adaJam &&
          x.tidakHadir === null &&
          x.dinasLuar === null &&
          (x.jadwal === 'WFO' || x.jadwal === 'PIKET' || x.jadwal === null) &&
          (x.libur === null || x.jadwal === 'PIKET');
        if (kantorBiasa) expect(s.status === 'BELUM_SELESAI').toBe(belum);
      }),
    );
  });

  it('adding a later check-out never increases early departure', () => {
    fc.assert(
      fc.property(masukan, fc.integer({ min: 1, max: 300 }), (x, tambah) => {
        const m = bangun(x);
        const s = statusHari(m);
        fc.pre(s.pulang !== null);
        const terakhir = Math.max(...[...m.ketukan, ...(m.koreksi ?? [])].map((k) => k.waktu.getTime()));
        const lagi = { id: 'zz', waktu: new Date(terakhir + tambah * 60_000), jenis: 'pulang' as const };
        const s2 = statusHari({ ...m, ketukan: [...m.ketukan, lagi] });
        expect(s2.pulangCepatMenit).toBeLessThanOrEqual(s.pulangCepatMenit);
      }),
    );
  });

  it('with corrections, the original values are exactly the day computed without them', () => {
    fc.assert(
      fc.property(masukan, (x) => {
        const m = bangun(x);
        fc.pre((m.koreksi ?? []).length > 0);
        const s = statusHari(m);
        const tanpa = statusHari({ ...m, koreksi: [] });
        if (s.asli) {
          expect(s.asli).toEqual({
            masuk: tanpa.masuk,
            pulang: tanpa.pulang,
            terlambatMenit: tanpa.terlambatMenit,
            pulangCepatMenit: tanpa.pulangCepatMenit,
          });
          expect(s.alasan.some((a) => a.kode === 'koreksi_disetujui')).toBe(true);
        }
      }),
    );
  });

  it('WFH days are WFH_BELUM_DINILAI with no office times, unless leave or a holiday says otherwise', () => {
    fc.assert(
      fc.property(masukan, (x0) => {
        const x = { ...x0, jadwal: 'WFH' as const, tidakHadir: null, libur: null, dinasLuar: null };
        const s = statusHari(bangun(x));
        expect(s).toMatchObject({ status: 'WFH_BELUM_DINILAI', masuk: null, pulang: null });
      }),
    );
  });
});

// the default rules, named so a change to them shows up here
it('ATURAN_JAM_BAKU: no grace, check in from 2 h before, check out until 4 h after', () => {
  expect(ATURAN_JAM_BAKU).toEqual({
    toleransiMasukMenit: 0,
    toleransiPulangMenit: 0,
    bukaMasukSebelumMenit: 120,
    tutupPulangSetelahMenit: 240,
    selangPulangMinimalMenit: 60,
  });
});
