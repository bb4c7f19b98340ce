import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LokasiTidakSah, periksaTempat } from './lokasi.ts';
import { bacaTitikPoligon, periksaTempatAbsen, type TempatAbsenMasukan } from './tempat.ts';

// One degree of latitude in metres on the mean-radius sphere.
const M_PER_DERAJAT = 111_195.08;
const KUDUS = { lat: -6.8048, lng: 110.8405 };

/** A square of side `sisiM` metres with its south-west corner at Kudus. */
function persegi(sisiM: number): [number, number][] {
  const dLat = sisiM / M_PER_DERAJAT;
  const dLng = sisiM / (M_PER_DERAJAT * Math.cos((KUDUS.lat * Math.PI) / 180));
  return [
    [KUDUS.lat, KUDUS.lng],
    [KUDUS.lat, KUDUS.lng + dLng],
    [KUDUS.lat + dLat, KUDUS.lng + dLng],
    [KUDUS.lat + dLat, KUDUS.lng],
  ];
}

const pesanDari = (m: TempatAbsenMasukan): string | null => {
  try {
    periksaTempatAbsen('x', m);
    return null;
  } catch (e) {
    if (e instanceof LokasiTidakSah) return e.pesan.id;
    throw e;
  }
};

describe('periksaTempatAbsen', () => {
  it('caps a polygon at 25 km²: a 4.9 km square passes, a 5.1 km square is refused in words', () => {
    expect(pesanDari({ nama: 'Lapangan', jenis: 'lapangan', poligon: persegi(4900) })).toBeNull();
    expect(pesanDari({ nama: 'Lapangan', jenis: 'lapangan', poligon: persegi(5100) })).toMatch(
      /^Tempat "Lapangan": luas poligon 26\.0 km² melebihi 25 km²$/,
    );
  });

  it('names the polygon point outside Indonesia', () => {
    const p = persegi(100);
    p[2] = [8, 110.84];
    expect(pesanDari({ nama: 'Pos', jenis: 'pos_piket', poligon: p })).toContain('titik 3');
  });

  it('a circle passes exactly when its radius is a whole 10–5000 m and its centre is within Indonesia', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -20, max: 20, noNaN: true }),
        fc.double({ min: 90, max: 145, noNaN: true }),
        fc.oneof(fc.integer({ min: -10, max: 6000 }), fc.double({ min: 0, max: 6000, noNaN: true })),
        (lat, lng, r) => {
          const sah =
            lat >= -11.5 &&
            lat <= 6.5 &&
            lng >= 94.5 &&
            lng <= 141.5 &&
            Number.isInteger(r) &&
            r >= 10 &&
            r <= 5000;
          expect(pesanDari({ nama: 'Pos', jenis: 'pos_piket', lat, lng, radiusM: r }) === null).toBe(sah);
        },
      ),
    );
  });

  it('never accepts a place the check-in judge would refuse', () => {
    const titik = fc.tuple(
      fc.double({ min: KUDUS.lat - 0.02, max: KUDUS.lat + 0.02, noNaN: true }),
      fc.double({ min: KUDUS.lng - 0.02, max: KUDUS.lng + 0.02, noNaN: true }),
    );
    fc.assert(
      fc.property(fc.array(titik, { minLength: 0, maxLength: 8 }), (poligon) => {
        const m: TempatAbsenMasukan = { nama: 'Lapangan', jenis: 'lapangan', poligon };
        if (pesanDari(m) !== null) return;
        expect(() =>
          periksaTempat({
            id: 'x',
            nama: 'Lapangan',
            asal: 'tambahan',
            bentuk: 'poligon',
            titik: poligon.map(([lat, lng]) => ({ lat, lng })),
          }),
        ).not.toThrow();
      }),
    );
  });

  it('refuses a shape given twice or half a circle, and an empty name', () => {
    expect(pesanDari({ nama: 'Pos', jenis: 'pos_piket', lat: -6.8, lng: 110.8 })).toContain(
      'lingkaran lengkap',
    );
    expect(
      pesanDari({
        nama: 'Pos',
        jenis: 'pos_piket',
        lat: -6.8,
        lng: 110.8,
        radiusM: 50,
        poligon: persegi(100),
      }),
    ).toContain('tidak keduanya');
    expect(pesanDari({ nama: ' ', jenis: 'pos_piket', lat: -6.8, lng: 110.8, radiusM: 50 })).toMatch(
      /^nama:/,
    );
  });
});

describe('bacaTitikPoligon', () => {
  it('reads back the points it is given as "lat,lng" lines, a closing repeat dropped', () => {
    const koordinat = fc.tuple(
      fc.integer({ min: -115_000, max: 65_000 }).map((v) => v / 10_000),
      fc.integer({ min: 945_000, max: 1_415_000 }).map((v) => v / 10_000),
    );
    fc.assert(
      fc.property(fc.array(koordinat, { minLength: 2, maxLength: 20 }), fc.boolean(), (pts, tutup) => {
        fc.pre(pts[0]![0] !== pts.at(-1)![0] || pts[0]![1] !== pts.at(-1)![1]);
        const baris = pts.map(([a, b]) => `${a},${b}`);
        if (tutup) baris.push(baris[0]!);
        expect(bacaTitikPoligon(`\n${baris.join('\n')}\n`)).toEqual(pts);
      }),
    );
  });

  it('names the line it cannot read', () => {
    expect(() => bacaTitikPoligon('-6.8,110.8\n-6.8 ; x')).toThrow(/Line 2/);
  });
});
