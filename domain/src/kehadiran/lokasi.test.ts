import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveInheritance } from '../org/tree.ts';
import {
  LokasiTidakSah,
  nilaiLokasi,
  type Posisi,
  posisiTerhadap,
  type Tempat,
  type TempatLingkaran,
  type TempatPoligon,
  tempatKantor,
} from './lokasi.ts';

// One degree of latitude in metres on the mean-radius sphere (2πR/360, R = 6 371 008.8 m).
const M_PER_DERAJAT = 111_195.08;

/** The point `d` metres from (lat, lng) towards bearing θ (radians, 0 = north), small distances. */
function geser(lat: number, lng: number, d: number, theta: number): { lat: number; lng: number } {
  return {
    lat: lat + (d * Math.cos(theta)) / M_PER_DERAJAT,
    lng: lng + (d * Math.sin(theta)) / (M_PER_DERAJAT * Math.cos((lat * Math.PI) / 180)),
  };
}

// Pendopo Kabupaten Kudus, roughly.
const KUDUS = { lat: -6.8048, lng: 110.8405 };
const kantor = (radiusM = 100): TempatLingkaran => ({
  id: 'opd-1',
  nama: 'Kantor Dinas Kesehatan',
  asal: 'kantor',
  bentuk: 'lingkaran',
  pusat: KUDUS,
  radiusM,
});
const posisi = (k: { lat: number; lng: number }, akurasiM: number): Posisi => ({ ...k, akurasiM });

const persegi: TempatPoligon = {
  id: 'p',
  nama: 'Kompleks Setda',
  asal: 'kantor',
  bentuk: 'poligon',
  titik: [
    { lat: -6.8, lng: 110.84 },
    { lat: -6.8, lng: 110.842 },
    { lat: -6.802, lng: 110.842 },
    { lat: -6.802, lng: 110.84 },
  ],
};

describe('nilaiLokasi: examples', () => {
  it('a fix 60 m from the centre of a 100 m office with 20 m accuracy is inside', () => {
    const r = nilaiLokasi(posisi(geser(KUDUS.lat, KUDUS.lng, 60, 1), 20), [kantor()]);
    expect(r.hasil).toBe('di_dalam');
    if (r.hasil === 'di_dalam') expect(r.jarakKeTepiM).toBeCloseTo(40, 0);
  });

  it('a fix 250 m away with 20 m accuracy is outside, 150 m from the fence', () => {
    const r = nilaiLokasi(posisi(geser(KUDUS.lat, KUDUS.lng, 250, 2), 20), [kantor()]);
    expect(r).toMatchObject({ hasil: 'di_luar_kantor', tempatTerdekat: { id: 'opd-1' } });
    if (r.hasil === 'di_luar_kantor') expect(r.jarakM).toBeCloseTo(150, 0);
  });

  it('a fix at the centre whose accuracy circle (300 m) is larger than the fence (100 m) is refused as inaccurate', () => {
    const r = nilaiLokasi(posisi(KUDUS, 300), [kantor()]);
    expect(r).toMatchObject({ hasil: 'lokasi_tidak_akurat', akurasiM: 300, ukuranM: 100 });
  });

  it('straddling the edge: centre inside (95 m) with 50 m accuracy is accepted; centre outside (105 m) is refused', () => {
    expect(nilaiLokasi(posisi(geser(KUDUS.lat, KUDUS.lng, 95, 0), 50), [kantor()]).hasil).toBe('di_dalam');
    expect(nilaiLokasi(posisi(geser(KUDUS.lat, KUDUS.lng, 105, 0), 50), [kantor()]).hasil).toBe(
      'di_luar_kantor',
    );
  });

  it('a coarse fix far away (3 km, accuracy 500 m) is outside, not inaccurate: a better fix cannot bring it in', () => {
    const r = nilaiLokasi(posisi(geser(KUDUS.lat, KUDUS.lng, 3000, 0), 500), [kantor()]);
    expect(r.hasil).toBe('di_luar_kantor');
  });

  it('a coarse fix whose circle reaches a smaller fence is inaccurate', () => {
    const r = nilaiLokasi(posisi(geser(KUDUS.lat, KUDUS.lng, 300, 0), 400), [kantor()]);
    expect(r.hasil).toBe('lokasi_tidak_akurat');
  });

  it('an extra place (piket post) and a dinas luar destination are allowed too; the first that accepts is named', () => {
    const pos = geser(KUDUS.lat, KUDUS.lng, 2000, 0);
    const piket: Tempat = { ...kantor(50), id: 'pos', nama: 'Pos piket', asal: 'tambahan', pusat: pos };
    const dl: Tempat = {
      ...kantor(300),
      id: 'dl',
      nama: 'Tujuan dinas luar',
      asal: 'dinas_luar',
      pusat: pos,
    };
    expect(nilaiLokasi(posisi(pos, 10), [kantor(), piket, dl])).toMatchObject({ tempat: { id: 'pos' } });
    // accuracy 120 m is too coarse for the 50 m post but fine for the 300 m destination
    expect(nilaiLokasi(posisi(pos, 120), [kantor(), piket, dl])).toMatchObject({
      hasil: 'di_dalam',
      tempat: { id: 'dl' },
    });
  });

  it('no place set: outside, with no distance', () => {
    expect(nilaiLokasi(posisi(KUDUS, 5), [])).toEqual({
      hasil: 'di_luar_kantor',
      jarakM: null,
      tempatTerdekat: null,
    });
  });

  it('polygon: a point inside the square is inside, one east of it is outside by the right distance', () => {
    expect(nilaiLokasi(posisi({ lat: -6.801, lng: 110.841 }, 10), [persegi]).hasil).toBe('di_dalam');
    const r = nilaiLokasi(posisi({ lat: -6.801, lng: 110.843 }, 10), [persegi]);
    expect(r.hasil).toBe('di_luar_kantor');
    // 0.001° of longitude at 6.8°S
    const harap = 0.001 * M_PER_DERAJAT * Math.cos((6.801 * Math.PI) / 180);
    if (r.hasil === 'di_luar_kantor') expect(r.jarakM).toBeCloseTo(harap, 0);
  });

  it('refuses in words what cannot be judged: NaN, out of range, negative accuracy, bad radius, broken polygons', () => {
    const salah = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(LokasiTidakSah);
        return (e as LokasiTidakSah).pesan;
      }
      throw new Error('no error');
    };
    expect(salah(() => nilaiLokasi(posisi({ lat: Number.NaN, lng: 110 }, 5), [kantor()])).id).toMatch(
      /lintang NaN/,
    );
    expect(salah(() => nilaiLokasi(posisi({ lat: 91, lng: 110 }, 5), [kantor()])).en).toMatch(/latitude 91/);
    expect(salah(() => nilaiLokasi(posisi({ lat: -6, lng: 181 }, 5), [kantor()])).en).toMatch(/longitude/);
    expect(salah(() => nilaiLokasi(posisi(KUDUS, -1), [kantor()])).id).toMatch(/Akurasi/);
    expect(salah(() => nilaiLokasi(posisi(KUDUS, Number.POSITIVE_INFINITY), [kantor()])).id).toMatch(
      /Akurasi/,
    );
    expect(salah(() => nilaiLokasi(posisi(KUDUS, 5), [kantor(Number.NaN)])).id).toMatch(/radius/);
    expect(
      salah(() => nilaiLokasi(posisi(KUDUS, 5), [{ ...persegi, titik: persegi.titik.slice(0, 2) }])).id,
    ).toMatch(/3 sampai 100 titik/);
    const dasi = [persegi.titik[0]!, persegi.titik[2]!, persegi.titik[1]!, persegi.titik[3]!];
    expect(salah(() => nilaiLokasi(posisi(KUDUS, 5), [{ ...persegi, titik: dasi }])).en).toMatch(
      /edges cross/,
    );
    const garis = [
      { lat: -6.8, lng: 110.84 },
      { lat: -6.8, lng: 110.841 },
      { lat: -6.8, lng: 110.842 },
    ];
    expect(salah(() => nilaiLokasi(posisi(KUDUS, 5), [{ ...persegi, titik: garis }])).en).toMatch(/no area/);
  });
});

describe('tempatKantor: the unit office inherited from the OPD', () => {
  it('a unit without coordinates uses its OPD office; radius defaults to 100 m; none set: null', () => {
    const eff = resolveInheritance([
      {
        id: 'DINKES',
        kode: 'DINKES',
        indukId: null,
        kelasLayanan: null,
        sektor: [],
        ...KUDUS,
        radiusM: null,
      },
      {
        id: 'PKM',
        kode: 'PKM',
        indukId: 'DINKES',
        kelasLayanan: null,
        sektor: [],
        lat: null,
        lng: null,
        radiusM: null,
      },
      {
        id: 'X',
        kode: 'X',
        indukId: null,
        kelasLayanan: null,
        sektor: [],
        lat: null,
        lng: null,
        radiusM: null,
      },
    ]);
    expect(tempatKantor('PKM', 'UPT Puskesmas', eff.get('PKM')!)).toEqual({
      id: 'PKM',
      nama: 'UPT Puskesmas',
      asal: 'kantor',
      bentuk: 'lingkaran',
      pusat: KUDUS,
      radiusM: 100,
    });
    expect(tempatKantor('X', 'X', eff.get('X')!)).toBeNull();
  });
});

describe('nilaiLokasi: properties', () => {
  const lat = fc.double({ min: -11, max: 6, noNaN: true });
  const lng = fc.double({ min: 95, max: 141, noNaN: true });
  const radius = fc.integer({ min: 10, max: 5000 });
  const sudut = fc.double({ min: 0, max: 2 * Math.PI, noNaN: true });

  it('a fix at the centre with accuracy no larger than the radius is inside', () => {
    fc.assert(
      fc.property(lat, lng, radius, fc.double({ min: 0, max: 1, noNaN: true }), (la, ln, r, f) => {
        const t: Tempat = { ...kantor(r), pusat: { lat: la, lng: ln } };
        expect(nilaiLokasi(posisi({ lat: la, lng: ln }, f * r), [t]).hasil).toBe('di_dalam');
      }),
    );
  });

  it('a fix moved beyond radius + accuracy in any direction is outside (never inside, never inaccurate)', () => {
    fc.assert(
      fc.property(
        lat,
        lng,
        radius,
        fc.double({ min: 0, max: 3000, noNaN: true }),
        sudut,
        fc.double({ min: 1.01, max: 3, noNaN: true }),
        (la, ln, r, a, th, k) => {
          const t: Tempat = { ...kantor(r), pusat: { lat: la, lng: ln } };
          const d = (r + a) * k + 1;
          const res = nilaiLokasi(posisi(geser(la, ln, d, th), a), [t]);
          expect(res.hasil).toBe('di_luar_kantor');
          if (res.hasil === 'di_luar_kantor') expect(res.jarakM!).toBeGreaterThan(d - r - 0.01 * d);
        },
      ),
    );
  });

  it('inside-ness is monotone in accuracy: a fix accepted stays accepted with a finer accuracy', () => {
    fc.assert(
      fc.property(
        lat,
        lng,
        radius,
        fc.double({ min: 0, max: 6000, noNaN: true }),
        sudut,
        fc.nat(10_000),
        (la, ln, r, d, th, a) => {
          const t: Tempat = { ...kantor(r), pusat: { lat: la, lng: ln } };
          const p = geser(la, ln, d, th);
          if (nilaiLokasi(posisi(p, a), [t]).hasil === 'di_dalam') {
            expect(nilaiLokasi(posisi(p, a / 2), [t]).hasil).toBe('di_dalam');
          }
        },
      ),
    );
  });

  // A rectangle aligned with lat/lng: inside iff the point lies within its bounds (an oracle that does
  // not use the code under test), whatever vertex the ring starts at and whichever way it runs.
  const persegiAcak = fc.record({
    la: lat,
    ln: lng,
    tinggi: fc.double({ min: 0.001, max: 0.01, noNaN: true }),
    lebar: fc.double({ min: 0.001, max: 0.01, noNaN: true }),
    putar: fc.nat(3),
    balik: fc.boolean(),
  });

  it('polygon: inside iff within the rectangle, invariant under vertex rotation and reversal', () => {
    fc.assert(
      fc.property(
        persegiAcak,
        fc.integer({ min: -500, max: 1499 }),
        fc.integer({ min: -500, max: 1499 }),
        ({ la, ln, tinggi, lebar, putar, balik }, ny, nx) => {
          // fractions of the rectangle's height and width, never within 0.05% of an edge
          const fy = (ny + 0.5) / 1000;
          const fx = (nx + 0.5) / 1000;
          const ring = [
            { lat: la, lng: ln },
            { lat: la, lng: ln + lebar },
            { lat: la + tinggi, lng: ln + lebar },
            { lat: la + tinggi, lng: ln },
          ];
          const diputar = [...ring.slice(putar), ...ring.slice(0, putar)];
          if (balik) diputar.reverse();
          const p = { lat: la + fy * tinggi, lng: ln + fx * lebar };
          const harap = fy > 0 && fy < 1 && fx > 0 && fx < 1;
          const a: Tempat = { ...persegi, titik: ring };
          const b: Tempat = { ...persegi, titik: diputar };
          const pa = posisiTerhadap(p, a);
          const pb = posisiTerhadap(p, b);
          expect(pa.di_dalam).toBe(harap);
          expect(pb.di_dalam).toBe(harap);
          expect(pb.jarakTepiM).toBeCloseTo(pa.jarakTepiM, 6);
          const ra = nilaiLokasi(posisi(p, 5), [a]);
          const rb = nilaiLokasi(posisi(p, 5), [b]);
          expect(rb.hasil).toBe(ra.hasil);
        },
      ),
    );
  });

  it('the order of places never changes whether a fix is accepted', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ d: fc.nat(3000), th: sudut, r: radius }), { minLength: 1, maxLength: 4 }),
        fc.nat(2000),
        fc.nat(500),
        sudut,
        (ts, d, a, th) => {
          const tempat: Tempat[] = ts.map((x, i) => ({
            ...kantor(x.r),
            id: `t${i}`,
            pusat: geser(KUDUS.lat, KUDUS.lng, x.d, x.th),
          }));
          const p = posisi(geser(KUDUS.lat, KUDUS.lng, d, th), a);
          const maju = nilaiLokasi(p, tempat);
          const mundur = nilaiLokasi(p, [...tempat].reverse());
          expect(mundur.hasil === 'di_dalam').toBe(maju.hasil === 'di_dalam');
          if (maju.hasil === 'di_luar_kantor' && mundur.hasil === 'di_luar_kantor') {
            expect(mundur.jarakM).toBeCloseTo(maju.jarakM!, 6);
          }
        },
      ),
    );
  });
});
