import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ATURAN_LAPORAN_BAKU,
  lompatanMustahil,
  type RumahTerkonfirmasi,
  rumahPada,
  type TitikLaporan,
  TUNDA_TERIMA_MAKS_JAM,
  tempatLaporan,
  usulRumah,
  waktuDihitung,
} from './laporan.ts';

const A = ATURAN_LAPORAN_BAKU;
const t = (iso: string) => new Date(iso);
// Kudus alun-alun, and points a known distance north of it (1° of latitude ≈ 111,195 m)
const PUSAT = { lat: -6.8048, lng: 110.8405 };
const utara = (m: number) => ({ lat: PUSAT.lat + m / 111_195, lng: PUSAT.lng });
const titik = (id: string, iso: string, m: number, akurasiM = 10): TitikLaporan => ({
  id,
  ...utara(m),
  akurasiM,
  dihitung: t(iso),
});

describe('waktuDihitung: when a report counts', () => {
  it('sent at once: counts at receipt; a phone clock 7 minutes fast is flagged', () => {
    const r = waktuDihitung(
      { terima: t('2026-12-04T02:00:00Z'), perangkat: t('2026-12-04T02:07:00Z'), kirim: null },
      A,
    );
    expect(r).toEqual({
      dihitung: t('2026-12-04T02:00:00Z'),
      tundaMenit: 0,
      selisihJamMenit: 7,
      tanda: ['jam_perangkat_beda'],
    });
  });

  it('held offline 40 minutes by a phone whose clock is an hour behind: counts when made, by the server’s clock', () => {
    const r = waktuDihitung(
      {
        terima: t('2026-12-04T03:00:00Z'),
        perangkat: t('2026-12-04T01:20:00Z'), // made at 02:20 server time
        kirim: t('2026-12-04T02:00:00Z'), // sent at 03:00 server time
      },
      A,
    );
    expect(r.dihitung).toEqual(t('2026-12-04T02:20:00Z'));
    expect(r.tundaMenit).toBe(40);
    expect(r.selisihJamMenit).toBe(-60);
    expect(r.tanda).toEqual(['jam_perangkat_beda']); // 40 minutes is not a long delay (60)
  });

  it('held 61 minutes is flagged as delayed; held longer than three days counts at receipt', () => {
    const terima = t('2026-12-04T03:00:00Z');
    const lama = waktuDihitung(
      { terima, perangkat: t('2026-12-04T01:59:00Z'), kirim: t('2026-12-04T03:00:00Z') },
      A,
    );
    expect(lama.tanda).toEqual(['tertunda']);
    expect(lama.dihitung).toEqual(t('2026-12-04T01:59:00Z'));
    const basi = waktuDihitung(
      {
        terima,
        perangkat: new Date(terima.getTime() - (TUNDA_TERIMA_MAKS_JAM * 60 + 1) * 60_000),
        kirim: terima,
      },
      A,
    );
    expect(basi.dihitung).toEqual(terima);
    expect(basi.tanda).toContain('tertunda');
  });

  it('sent before it was made (a clock turned back while queued) counts at receipt, flagged', () => {
    const terima = t('2026-12-04T03:00:00Z');
    const r = waktuDihitung({ terima, perangkat: t('2026-12-04T03:10:00Z'), kirim: terima }, A);
    expect(r.dihitung).toEqual(terima);
    expect(r.tanda).toContain('tertunda');
  });

  it('property: a report never counts after its receipt, nor more than three days before it', () => {
    const menit = fc.integer({ min: -10_000, max: 10_000 });
    fc.assert(
      fc.property(menit, menit, fc.boolean(), (a, b, antre) => {
        const terima = t('2026-12-04T03:00:00Z');
        const perangkat = new Date(terima.getTime() + a * 60_000);
        const kirim = antre ? new Date(terima.getTime() + b * 60_000) : null;
        const r = waktuDihitung({ terima, perangkat, kirim }, A);
        expect(r.dihitung.getTime()).toBeLessThanOrEqual(terima.getTime());
        expect(terima.getTime() - r.dihitung.getTime()).toBeLessThanOrEqual(
          TUNDA_TERIMA_MAKS_JAM * 3_600_000,
        );
        // the device's clock alone never moves the counted time: sent at once, it is the receipt time
        if (!antre) expect(r.dihitung).toEqual(terima);
      }),
    );
  });
});

describe('lompatanMustahil: jumps no one could travel', () => {
  it('30 km in 10 minutes is a jump at 120 km/h; 15 km in 10 minutes is not', () => {
    const r = lompatanMustahil(
      [
        titik('a', '2026-12-04T01:00:00Z', 0),
        titik('b', '2026-12-04T01:10:00Z', 30_000),
        titik('c', '2026-12-04T01:20:00Z', 45_000),
      ],
      120,
    );
    expect([...r]).toEqual(['b']);
  });

  it('the accuracy radii are taken off the distance: two coarse fixes far apart at once are no jump', () => {
    const r = lompatanMustahil(
      [titik('a', '2026-12-04T01:00:00Z', 0, 2_000), titik('b', '2026-12-04T01:00:00Z', 3_000, 2_000)],
      120,
    );
    expect(r.size).toBe(0);
    // the same two, precise: a jump (3 km in no time)
    const tepat = lompatanMustahil(
      [titik('a', '2026-12-04T01:00:00Z', 0, 5), titik('b', '2026-12-04T01:00:00Z', 3_000, 5)],
      120,
    );
    expect([...tepat]).toEqual(['b']);
    // GPS wander: 150 m at once with 5 m fixes is no jump (TOLERANSI_LOMPATAN_M); 500 m is
    const goyang = [titik('a', '2026-12-04T01:00:00Z', 0, 5), titik('b', '2026-12-04T01:00:00Z', 150, 5)];
    expect(lompatanMustahil(goyang, 120).size).toBe(0);
    const pindah = [titik('a', '2026-12-04T01:00:00Z', 0, 5), titik('b', '2026-12-04T01:00:00Z', 500, 5)];
    expect([...lompatanMustahil(pindah, 120)]).toEqual(['b']);
  });

  it('order of arrival does not matter: reports are taken by counted time', () => {
    const xs = [
      titik('c', '2026-12-04T03:00:00Z', 40_000),
      titik('a', '2026-12-04T01:00:00Z', 0),
      titik('b', '2026-12-04T01:05:00Z', 20_000),
    ];
    expect([...lompatanMustahil(xs, 120)]).toEqual(['b']);
  });

  it('property: reports all within one another’s accuracy are never a jump; a faster limit never adds one', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ m: fc.integer({ min: 0, max: 50_000 }), menit: fc.integer({ min: 0, max: 600 }) }),
          {
            maxLength: 8,
          },
        ),
        fc.integer({ min: 5, max: 500 }),
        (xs, v) => {
          const ls = xs.map((x, i) =>
            titik(
              `r${i}`,
              new Date(Date.parse('2026-12-04T00:00:00Z') + x.menit * 60_000).toISOString(),
              x.m,
              10,
            ),
          );
          const lambat = lompatanMustahil(ls, v);
          const cepat = lompatanMustahil(ls, v * 2);
          for (const id of cepat) expect(lambat.has(id)).toBe(true);
          const dekat = ls.map((l) => ({ ...l, ...utara(0), akurasiM: 100 }));
          expect(lompatanMustahil(dekat, v).size).toBe(0);
        },
      ),
    );
  });
});

describe('tempatLaporan: the home fence', () => {
  const rumah = utara(0);
  it('inside the radius with a fine fix: at home; outside: away, with the distance', () => {
    expect(tempatLaporan({ ...utara(100), akurasiM: 20 }, rumah, 150)).toEqual({
      tempat: 'di_rumah',
      jarakM: 100,
    });
    expect(tempatLaporan({ ...utara(149), akurasiM: 20 }, rumah, 150).tempat).toBe('di_rumah');
    expect(tempatLaporan({ ...utara(152), akurasiM: 20 }, rumah, 150)).toEqual({
      tempat: 'di_luar_rumah',
      jarakM: 152,
    });
  });
  it('a fix coarser than the fence that reaches it is inaccurate; one that cannot reach it is away', () => {
    expect(tempatLaporan({ ...utara(50), akurasiM: 400 }, rumah, 150).tempat).toBe('tidak_akurat');
    expect(tempatLaporan({ ...utara(500), akurasiM: 400 }, rumah, 150).tempat).toBe('tidak_akurat');
    expect(tempatLaporan({ ...utara(600), akurasiM: 400 }, rumah, 150).tempat).toBe('di_luar_rumah');
    // coarse but no larger than the fence, centre outside: away
    expect(tempatLaporan({ ...utara(200), akurasiM: 150 }, rumah, 150).tempat).toBe('di_luar_rumah');
  });
  it('no confirmed home: the report waits for one', () => {
    expect(tempatLaporan({ ...utara(0), akurasiM: 5 }, null, 150)).toEqual({
      tempat: 'rumah_belum_dikenal',
      jarakM: null,
    });
  });
});

describe('rumahPada: the home a report is judged against', () => {
  const r1: RumahTerkonfirmasi = { ...utara(0), berlakuSejak: t('2026-12-01T00:00:00Z') };
  const r2: RumahTerkonfirmasi = { ...utara(5_000), berlakuSejak: t('2026-12-10T00:00:00Z') };
  it('the latest in effect; before the first, the first; none confirmed, none', () => {
    expect(rumahPada([r2, r1], t('2026-12-05T00:00:00Z'))).toBe(r1);
    expect(rumahPada([r2, r1], t('2026-12-10T00:00:00Z'))).toBe(r2);
    expect(rumahPada([r1, r2], t('2026-11-20T00:00:00Z'))).toBe(r1);
    expect(rumahPada([], t('2026-12-05T00:00:00Z'))).toBeNull();
  });
});

describe('usulRumah: a home proposed from the first reports', () => {
  it('three reports within the radius propose their centre; a report across town is left out', () => {
    const u = usulRumah(
      [
        titik('a', '2026-12-04T01:00:00Z', 0),
        titik('jauh', '2026-12-04T02:00:00Z', 5_000),
        titik('b', '2026-12-04T03:00:00Z', 30),
        titik('c', '2026-12-04T05:00:00Z', 60),
      ],
      150,
      3,
    );
    expect(u?.dasar).toEqual(['a', 'b', 'c']);
    const tengah = utara(30);
    expect(u?.lat).toBeCloseTo(tengah.lat, 6);
    expect(u?.lng).toBeCloseTo(tengah.lng, 6);
  });
  it('too few, or too coarse, propose nothing', () => {
    expect(
      usulRumah([titik('a', '2026-12-04T01:00:00Z', 0), titik('b', '2026-12-04T02:00:00Z', 10)], 150, 3),
    ).toBe(null);
    expect(
      usulRumah(
        [
          titik('a', '2026-12-04T01:00:00Z', 0, 500),
          titik('b', '2026-12-04T02:00:00Z', 10, 500),
          titik('c', '2026-12-04T03:00:00Z', 20, 500),
        ],
        150,
        3,
      ),
    ).toBeNull();
  });
  it('property: a proposal rests on at least `minimal` accurate reports, each within the radius of one of them', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ m: fc.integer({ min: 0, max: 1_000 }), akurasi: fc.integer({ min: 1, max: 300 }) }),
          {
            maxLength: 10,
          },
        ),
        fc.integer({ min: 1, max: 5 }),
        (xs, minimal) => {
          const ls = xs.map((x, i) => titik(`r${i}`, '2026-12-04T01:00:00Z', x.m, x.akurasi));
          const u = usulRumah(ls, 150, minimal);
          if (!u) return;
          expect(u.dasar.length).toBeGreaterThanOrEqual(minimal);
          const dasar = ls.filter((l) => u.dasar.includes(l.id));
          for (const l of dasar) expect(l.akurasiM).toBeLessThanOrEqual(150);
          // every pair of the group is within twice the radius (all within the radius of one member)
          const ms = dasar.map((l) => xs[Number(l.id.slice(1))]!.m);
          expect(Math.max(...ms) - Math.min(...ms)).toBeLessThanOrEqual(300);
        },
      ),
    );
  });
});
