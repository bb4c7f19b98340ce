import { addDays } from '@sigap/domain';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  barisKelompok,
  cekPeriode,
  geserBulan,
  hitungHarian,
  labelPeriode,
  melanggar,
  mingguPeriode,
  periodeBawaan,
  periodeBulan,
  periodeTerdekat,
  tingkatOkupansi,
} from './jadwal';
import type { KelompokGrid, VersiJadwal } from './types';

const versi = (jenis: string, dari: string, sampai: string): VersiJadwal => ({
  id: `${jenis}-${dari}`,
  dari,
  sampai,
  opd_kode: null,
  status: 'terbit',
  jenis,
  keterangan: '',
  dibuat_oleh: 'uji',
  dibuat_pada: '2026-01-01T00:00:00Z',
  boleh_terbit: false,
  diterbitkan_oleh: null,
  diterbitkan_pada: null,
  pelanggaran: 0,
  sel: 0,
});

const kelompok = (
  grupKode: string,
  jenis: KelompokGrid['jenis'],
  hadir: number,
  batas: number,
): KelompokGrid => ({
  id: `${jenis}:${grupKode}`,
  jenis,
  grup_kode: grupKode,
  anggota: 10,
  batas,
  dasar: jenis === 'batas_kantor' ? '50%' : null,
  hadir,
  aturan: `k/${jenis}`,
  penjelasan: { id: '', en: '' },
});

describe('schedule periods', () => {
  test('months: first and last day, leap years, moving across years', () => {
    expect(periodeBulan('2020-02')).toEqual({ dari: '2020-02-01', sampai: '2020-02-29' });
    expect(periodeBulan('2020-12')).toEqual({ dari: '2020-12-01', sampai: '2020-12-31' });
    expect(geserBulan('2020-12', 1)).toBe('2021-01');
    expect(geserBulan('2020-01', -1)).toBe('2019-12');
  });

  test('labels read like the printed recap; a whole month is named as such', () => {
    expect(labelPeriode('2020-08-17', '2020-08-28', 'id')).toBe('17–28 Agustus 2020');
    expect(labelPeriode('2020-08-01', '2020-08-31', 'id')).toBe('Agustus 2020');
    expect(labelPeriode('2020-02-28', '2020-03-06', 'en')).toBe('28 February – 6 March 2020');
    expect(labelPeriode('2020-12-28', '2021-01-03', 'id')).toBe('28 Desember 2020 – 3 Januari 2021');
    expect(labelPeriode('2020-08-18', '2020-08-18', 'id')).toBe('18 Agustus 2020');
  });

  test('a typed period is checked as the server would', () => {
    expect(cekPeriode('2020-08-17', '2020-08-28')).toBeNull();
    expect(cekPeriode('2020-01-01', '2020-04-02')).toBeNull(); // 93 days, the most
    expect(cekPeriode('2020-08-28', '2020-08-17')).toBe('jd.periodeTerbalik');
    expect(cekPeriode('2020-01-01', '2020-04-03')).toBe('jd.periodeTerlaluPanjang');
    expect(cekPeriode('2020-02-30', '2020-03-01')).toBe('valid.tanggalSalah');
  });

  test('pages open on the newest full build, not on a one-day change or a leave entry', () => {
    const list = [
      versi('cuti', '2020-08-27', '2020-08-28'),
      versi('ubah', '2020-08-18', '2020-08-18'),
      versi('buat', '2020-08-17', '2020-08-28'),
    ];
    expect(periodeBawaan(list, '2026-11-23')).toEqual({ dari: '2020-08-17', sampai: '2020-08-28' });
    expect(periodeBawaan([list[0]!], '2026-11-23')).toEqual({ dari: '2020-08-27', sampai: '2020-08-28' });
    expect(periodeBawaan([], '2026-11-23')).toEqual({ dari: '2026-11-01', sampai: '2026-11-30' });
  });

  test('weeks run Monday to Sunday around the period', () => {
    const w = mingguPeriode('2020-08-17', '2020-08-28');
    expect(w).toHaveLength(2);
    expect(w[0]![0]).toBe('2020-08-17');
    expect(w[1]![6]).toBe('2020-08-30');
    expect(mingguPeriode('2020-08-01', '2020-08-31').flat()[0]).toBe('2020-07-27');
  });
});

describe('totals against the limits', () => {
  test('a cap is broken when over it; a minimum or piket count when short of it', () => {
    expect(melanggar(kelompok('A', 'batas_kantor', 5, 4))).toBe(true);
    expect(melanggar(kelompok('A', 'batas_kantor', 4, 4))).toBe(false);
    expect(melanggar(kelompok('A', 'minimum_kantor', 1, 2))).toBe(true);
    expect(melanggar(kelompok('A', 'piket', 2, 2))).toBe(false);
  });

  test('groups become rows over the days: caps first, by unit; days they do not apply stay empty', () => {
    const rows = barisKelompok({
      hari: [
        { tanggal: '2020-08-18', hari_kerja: true, keterangan: { id: '', en: '' } },
        { tanggal: '2020-08-24', hari_kerja: true, keterangan: { id: '', en: '' } },
      ],
      kelompok: [
        [
          kelompok('B', 'piket', 1, 2),
          kelompok('B', 'batas_kantor', 5, 4),
          kelompok('A', 'batas_kantor', 2, 4),
        ],
        [],
      ],
    });
    expect(rows.map((r) => `${r.jenis}:${r.grupKode}`)).toEqual([
      'batas_kantor:A',
      'batas_kantor:B',
      'piket:B',
    ]);
    expect(rows[1]!.dilanggar).toBe(1);
    expect(rows[0]!.hari[1]).toBeNull();
  });

  test('per-day counts: office is WFO and piket; leave, sick and isolation are away; days off count nowhere', () => {
    const h = hitungHarian({
      hari: [{ tanggal: '2020-08-18', hari_kerja: true, keterangan: { id: '', en: '' } }],
      orang: ['WFO', 'PIKET', 'WFH', 'CUTI', 'ISOLASI', 'LIBUR', null].map((s, i) => ({
        id: String(i),
        key: String(i),
        nama: '',
        jabatan: '',
        jabatan_level: '',
        unit_kode: '',
        unit_nama: '',
        opd_kode: '',
        sel: [s ? { s: s as 'WFO', a: -1, r: 'batas' } : null],
      })),
    });
    expect(h).toEqual([{ kantor: 2, rumah: 1, tidakHadir: 2, kosong: 1 }]);
  });

  test('occupancy shades by the share of the cap used', () => {
    expect(tingkatOkupansi(3, null)).toBeUndefined();
    expect(tingkatOkupansi(1, 10)).toBe('rendah');
    expect(tingkatOkupansi(5, 10)).toBe('sedang');
    expect(tingkatOkupansi(9, 10)).toBe('tinggi');
    expect(tingkatOkupansi(10, 10)).toBe('penuh');
    expect(tingkatOkupansi(0, 0)).toBe('penuh');
    expect(tingkatOkupansi(11, 10)).toBe('lewat');
  });
});

describe('where Jadwal saya opens', () => {
  const P = (dari: string, sampai: string) => ({ dari, sampai });
  const demo = P('2020-08-17', '2020-08-28');

  test('the period holding today, else the latest past one, else the earliest future one', () => {
    expect(periodeTerdekat([demo], '2026-12-03')).toEqual(demo);
    expect(periodeTerdekat([demo], '2020-08-20')).toEqual(demo);
    expect(periodeTerdekat([demo, P('2027-01-04', '2027-01-15')], '2026-12-03')).toEqual(demo);
    expect(
      periodeTerdekat([P('2027-01-04', '2027-01-15'), P('2027-02-01', '2027-02-12')], '2026-12-03'),
    ).toEqual(P('2027-01-04', '2027-01-15'));
    expect(periodeTerdekat([], '2026-12-03')).toBeNull();
  });

  test('property: the answer is one of the periods, and no period is nearer by the rule', () => {
    const tanggal = fc.integer({ min: 0, max: 3000 }).map((n) => addDays('2020-01-01', n));
    const periode = fc.tuple(tanggal, fc.integer({ min: 0, max: 40 })).map(([d, n]) => P(d, addDays(d, n)));
    fc.assert(
      fc.property(fc.array(periode, { maxLength: 8 }), tanggal, (ps, hari) => {
        const r = periodeTerdekat(ps, hari);
        if (ps.length === 0) {
          expect(r).toBeNull();
          return;
        }
        expect(ps).toContainEqual(r);
        const memuat = ps.filter((p) => p.dari <= hari && hari <= p.sampai);
        const lalu = ps.filter((p) => p.sampai < hari);
        if (memuat.length > 0) expect(r!.dari <= hari && hari <= r!.sampai).toBe(true);
        else if (lalu.length > 0) {
          expect(r!.sampai < hari).toBe(true);
          for (const p of lalu) expect(p.sampai <= r!.sampai).toBe(true);
        } else for (const p of ps) expect(r!.dari <= p.dari).toBe(true);
      }),
    );
  });
});
