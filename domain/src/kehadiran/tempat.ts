/**
 * The extra places where people may check in (table tempat_absen: piket posts, field units, a second
 * office), as an admin enters them. Pure: no I/O. docs/kehadiran.md §1.
 *
 * A place is accepted only if the check-in judge (`periksaTempat` in lokasi.ts) would accept it, and in
 * addition: every point within Indonesia's extent (the table's CHECK ranges), a name of 1–200 characters,
 * and a polygon no larger than `LUAS_TEMPAT_MAKS_M2` (a bigger fence is a mistake, not a piket post).
 */

import { type Pesan, pesan } from '../i18n/message.ts';
import { BATAS_INDONESIA, inIndonesia } from '../org/geo.ts';
import { type Koordinat, LokasiTidakSah, periksaTempat, type Tempat, ukuranTempat } from './lokasi.ts';

/** What an extra place is for (the table's CHECK list). */
export const JENIS_TEMPAT = ['kantor', 'pos_piket', 'lapangan'] as const;
export type JenisTempat = (typeof JENIS_TEMPAT)[number];

/** The largest area a polygon place may cover: 25 km². */
export const LUAS_TEMPAT_MAKS_M2 = 25_000_000;
/** The longest name of a place. */
export const PANJANG_NAMA_TEMPAT_MAKS = 200;

/** A place as an admin enters it: exactly one shape, a circle or a polygon. */
export interface TempatAbsenMasukan {
  readonly nama: string;
  readonly jenis: JenisTempat;
  readonly lat?: number | null;
  readonly lng?: number | null;
  readonly radiusM?: number | null;
  /** the ring as [lat, lng] pairs */
  readonly poligon?: readonly (readonly [number, number])[] | null;
}

/** The place as the judge sees it (`Tempat`), for a stored or entered row. */
export function tempatDariMasukan(id: string, m: TempatAbsenMasukan): Tempat {
  if (m.poligon != null)
    return {
      id,
      nama: m.nama,
      asal: 'tambahan',
      bentuk: 'poligon',
      titik: m.poligon.map(([lat, lng]) => ({ lat, lng })),
    };
  return {
    id,
    nama: m.nama,
    asal: 'tambahan',
    bentuk: 'lingkaran',
    pusat: { lat: m.lat ?? Number.NaN, lng: m.lng ?? Number.NaN },
    radiusM: m.radiusM ?? Number.NaN,
  };
}

function periksaDiIndonesia(k: Koordinat, nama: Pesan): void {
  const angka = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
  // not a number: left to `periksaTempat`, which says so
  if (angka(k.lat) && angka(k.lng) && !inIndonesia(k.lat, k.lng)) {
    const b = BATAS_INDONESIA;
    throw new LokasiTidakSah(
      pesan(
        `${nama.id}: (${k.lat}, ${k.lng}) di luar wilayah Indonesia (lintang ${b.latMin} sampai ${b.latMax}, bujur ${b.lngMin} sampai ${b.lngMax}); lintang dan bujur tertukar?`,
        `${nama.en}: (${k.lat}, ${k.lng}) is outside Indonesia (latitude ${b.latMin} to ${b.latMax}, longitude ${b.lngMin} to ${b.lngMax}); latitude and longitude swapped?`,
      ),
    );
  }
}

/**
 * Checks a place an admin entered; returns it as the judge sees it, or throws `LokasiTidakSah` in words
 * naming the field or the polygon's point.
 */
export function periksaTempatAbsen(id: string, m: TempatAbsenMasukan): Tempat {
  const nama = typeof m.nama === 'string' ? m.nama.trim() : '';
  if (nama.length < 1 || nama.length > PANJANG_NAMA_TEMPAT_MAKS)
    throw new LokasiTidakSah(
      pesan(
        `nama: nama tempat harus 1–${PANJANG_NAMA_TEMPAT_MAKS} karakter`,
        `nama: the place's name must be 1–${PANJANG_NAMA_TEMPAT_MAKS} characters`,
      ),
    );
  if (!(JENIS_TEMPAT as readonly string[]).includes(m.jenis))
    throw new LokasiTidakSah(
      pesan(
        `jenis: "${String(m.jenis)}" bukan salah satu dari ${JENIS_TEMPAT.join(', ')}`,
        `jenis: "${String(m.jenis)}" is not one of ${JENIS_TEMPAT.join(', ')}`,
      ),
    );
  const adaLingkaran = m.lat != null || m.lng != null || m.radiusM != null;
  if (m.poligon != null && adaLingkaran)
    throw new LokasiTidakSah(
      pesan(
        'Isi lingkaran (lat, lng, radius_m) atau poligon, tidak keduanya',
        'Give a circle (lat, lng, radius_m) or a polygon, not both',
      ),
    );
  if (m.poligon == null && (m.lat == null || m.lng == null || m.radiusM == null))
    throw new LokasiTidakSah(
      pesan(
        'Isi lingkaran lengkap (lat, lng dan radius_m) atau sebuah poligon',
        'Give a whole circle (lat, lng and radius_m) or a polygon',
      ),
    );
  if (m.radiusM != null && !Number.isInteger(m.radiusM))
    throw new LokasiTidakSah(
      pesan(
        `radius_m: ${m.radiusM} harus bilangan bulat meter`,
        `radius_m: ${m.radiusM} must be a whole number of metres`,
      ),
    );
  const t = tempatDariMasukan(id, { ...m, nama });
  const label = pesan(`Tempat "${nama}"`, `Place "${nama}"`);
  // Indonesia's extent first: a point in another country is named as such, not as a polygon too wide.
  if (t.bentuk === 'lingkaran') periksaDiIndonesia(t.pusat, label);
  else
    t.titik.forEach((k, i) => {
      periksaDiIndonesia(k, pesan(`${label.id}, titik ${i + 1}`, `${label.en}, vertex ${i + 1}`));
    });
  periksaTempat(t);
  if (t.bentuk === 'poligon') {
    const luas = Math.PI * ukuranTempat(t) ** 2;
    if (luas > LUAS_TEMPAT_MAKS_M2)
      throw new LokasiTidakSah(
        pesan(
          `${label.id}: luas poligon ${(luas / 1e6).toFixed(1)} km² melebihi ${LUAS_TEMPAT_MAKS_M2 / 1e6} km²`,
          `${label.en}: the polygon's area ${(luas / 1e6).toFixed(1)} km² exceeds ${LUAS_TEMPAT_MAKS_M2 / 1e6} km²`,
        ),
      );
  }
  return t;
}

/**
 * Reads a polygon typed as one "lat,lng" per line (blank lines ignored; a closing point equal to the
 * first is dropped). Throws `LokasiTidakSah` naming the line.
 */
export function bacaTitikPoligon(teks: string): [number, number][] {
  const titik: [number, number][] = [];
  teks.split(/\r?\n/).forEach((baris, i) => {
    const s = baris.trim();
    if (s === '') return;
    const m = /^(-?\d+(?:\.\d+)?)\s*[,;\s]\s*(-?\d+(?:\.\d+)?)$/.exec(s);
    if (!m)
      throw new LokasiTidakSah(
        pesan(
          `Baris ${i + 1}: "${s}" bukan "lintang,bujur" (misalnya -6.8048,110.8405)`,
          `Line ${i + 1}: "${s}" is not "latitude,longitude" (e.g. -6.8048,110.8405)`,
        ),
      );
    titik.push([Number(m[1]), Number(m[2])]);
  });
  const a = titik[0];
  const z = titik[titik.length - 1];
  if (titik.length > 1 && a && z && a[0] === z[0] && a[1] === z[1]) titik.pop();
  return titik;
}
