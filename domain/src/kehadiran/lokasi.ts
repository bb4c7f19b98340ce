/**
 * Where "the office" is, and whether a location fix is inside it (issue 10, item 3). Pure: no I/O.
 *
 * A place (`Tempat`) is a circle (centre and radius in metres) or a polygon (a ring of lat/lng vertices).
 * A fix (`Posisi`) is the phone's position with its accuracy radius in metres. Rules (docs/kehadiran.md):
 * - the fix's CENTRE decides inside or outside; the accuracy circle only says whether the fix is good enough;
 * - a fix is accepted in a place when its centre is inside the place and its accuracy is no larger than
 *   the place (a circle's radius; a polygon's equal-area radius), even when the accuracy circle straddles
 *   the edge (the centre is the best estimate; asking the whole circle to be inside would refuse everyone
 *   standing by the wall of a small office);
 * - `lokasi_tidak_akurat` when no place accepts the fix but a better fix could change the answer: the
 *   accuracy circle reaches a place that it is larger than;
 * - otherwise `di_luar_kantor`, with the distance to the nearest place.
 * Places are tried in the order given (the unit's office, extra places, the day's dinas luar destination);
 * the first that accepts the fix is named.
 */

import { type Pesan, pesan } from '../i18n/message.ts';
import { distanceMeters, RADIUS_GEOFENCE } from '../org/geo.ts';

/** A point on the earth, in decimal degrees (WGS 84, as phones give it). */
export interface Koordinat {
  readonly lat: number;
  readonly lng: number;
}

/** Where an allowed place comes from. */
export type AsalTempat = 'kantor' | 'tambahan' | 'dinas_luar';

interface TempatDasar {
  /** a stable id (the OPD id, the extra place's id, the dinas luar letter's id) */
  readonly id: string;
  /** a name a person recognises ("Kantor Dinas Kesehatan", "Pos piket Alun-alun") */
  readonly nama: string;
  readonly asal: AsalTempat;
}

export interface TempatLingkaran extends TempatDasar {
  readonly bentuk: 'lingkaran';
  readonly pusat: Koordinat;
  readonly radiusM: number;
}

export interface TempatPoligon extends TempatDasar {
  readonly bentuk: 'poligon';
  /** the ring, without repeating the first vertex at the end; either orientation */
  readonly titik: readonly Koordinat[];
}

export type Tempat = TempatLingkaran | TempatPoligon;

/** A location fix: its centre and the radius (metres) within which the device says it is. */
export interface Posisi extends Koordinat {
  readonly akurasiM: number;
}

/** Vertices a polygon may have (3 at least; more is an import mistake or an attack). */
export const TITIK_POLIGON = { min: 3, maks: 100 } as const;
/** The widest a polygon may be (metres from its first vertex): the planar arithmetic below is exact enough within it. */
export const RENTANG_POLIGON_MAKS_M = 20_000;

export type HasilLokasi =
  | {
      readonly hasil: 'di_dalam';
      readonly tempat: Tempat;
      /** metres from the fix's centre to the place's edge (how deep inside) */
      readonly jarakKeTepiM: number;
    }
  | {
      readonly hasil: 'di_luar_kantor';
      /** metres from the fix's centre to the nearest place's edge; null when no place is set */
      readonly jarakM: number | null;
      readonly tempatTerdekat: Tempat | null;
    }
  | {
      readonly hasil: 'lokasi_tidak_akurat';
      readonly akurasiM: number;
      /** the place the fix might be in, and its size (radius or equal-area radius) in metres */
      readonly tempat: Tempat;
      readonly ukuranM: number;
    };

/** A place or a fix that cannot be judged (not a number, out of range, a broken polygon), in words. */
export class LokasiTidakSah extends RangeError {
  constructor(readonly pesan: Pesan) {
    super(pesan.en);
    this.name = 'LokasiTidakSah';
  }
}

function periksaKoordinat(k: Koordinat, nama: Pesan): void {
  const { lat, lng } = k;
  if (typeof lat !== 'number' || !Number.isFinite(lat) || lat < -90 || lat > 90) {
    throw new LokasiTidakSah(
      pesan(
        `${nama.id}: lintang ${String(lat)} bukan angka antara -90 dan 90`,
        `${nama.en}: latitude ${String(lat)} is not a number between -90 and 90`,
      ),
    );
  }
  if (typeof lng !== 'number' || !Number.isFinite(lng) || lng < -180 || lng > 180) {
    throw new LokasiTidakSah(
      pesan(
        `${nama.id}: bujur ${String(lng)} bukan angka antara -180 dan 180`,
        `${nama.en}: longitude ${String(lng)} is not a number between -180 and 180`,
      ),
    );
  }
}

/** Checks a fix; throws `LokasiTidakSah` in words. */
export function periksaPosisi(p: Posisi): void {
  periksaKoordinat(p, pesan('Lokasi perangkat', 'Device location'));
  if (typeof p.akurasiM !== 'number' || !Number.isFinite(p.akurasiM) || p.akurasiM < 0) {
    throw new LokasiTidakSah(
      pesan(
        `Akurasi lokasi ${String(p.akurasiM)} bukan angka meter yang sah (0 atau lebih)`,
        `Location accuracy ${String(p.akurasiM)} is not a valid number of metres (0 or more)`,
      ),
    );
  }
}

// ─── Planar geometry around a point (fences are at most a few km: the error is far below a metre) ──

const R_BUMI = 6371008.8;
const RAD = Math.PI / 180;

/** x/y in metres of `k` on the plane tangent at `asal` (equirectangular). */
function proyeksi(asal: Koordinat, k: Koordinat): [number, number] {
  let dLng = k.lng - asal.lng;
  if (dLng > 180) dLng -= 360;
  if (dLng < -180) dLng += 360;
  const cos = Math.cos(((asal.lat + k.lat) / 2) * RAD);
  return [dLng * RAD * R_BUMI * cos, (k.lat - asal.lat) * RAD * R_BUMI];
}

function jarakKeRuas(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const l2 = dx * dx + dy * dy;
  const t = l2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / l2));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Twice the signed area of a planar ring. */
function luas2(xy: readonly [number, number][]): number {
  let s = 0;
  for (let i = 0; i < xy.length; i++) {
    const [x1, y1] = xy[i]!;
    const [x2, y2] = xy[(i + 1) % xy.length]!;
    s += x1 * y2 - x2 * y1;
  }
  return s;
}

function orientasi(a: [number, number], b: [number, number], c: [number, number]): number {
  const v = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
  return Math.abs(v) < 1e-9 ? 0 : Math.sign(v);
}

function ruasBerpotongan(
  a: [number, number],
  b: [number, number],
  c: [number, number],
  d: [number, number],
): boolean {
  const o1 = orientasi(a, b, c);
  const o2 = orientasi(a, b, d);
  const o3 = orientasi(c, d, a);
  const o4 = orientasi(c, d, b);
  if (o1 !== o2 && o3 !== o4) return true;
  const pada = (p: [number, number], q: [number, number], r: [number, number]) =>
    Math.min(p[0], r[0]) <= q[0] &&
    q[0] <= Math.max(p[0], r[0]) &&
    Math.min(p[1], r[1]) <= q[1] &&
    q[1] <= Math.max(p[1], r[1]);
  return (
    (o1 === 0 && pada(a, c, b)) ||
    (o2 === 0 && pada(a, d, b)) ||
    (o3 === 0 && pada(c, a, d)) ||
    (o4 === 0 && pada(c, b, d))
  );
}

/** Checks a place; throws `LokasiTidakSah` naming the place. */
export function periksaTempat(t: Tempat): void {
  const nama = pesan(`Tempat "${t.nama}"`, `Place "${t.nama}"`);
  if (t.bentuk === 'lingkaran') {
    periksaKoordinat(t.pusat, nama);
    const r = t.radiusM;
    if (typeof r !== 'number' || !Number.isFinite(r) || r < RADIUS_GEOFENCE.min || r > RADIUS_GEOFENCE.max) {
      throw new LokasiTidakSah(
        pesan(
          `${nama.id}: radius ${String(r)} m harus antara ${RADIUS_GEOFENCE.min} dan ${RADIUS_GEOFENCE.max} m`,
          `${nama.en}: radius ${String(r)} m must be between ${RADIUS_GEOFENCE.min} and ${RADIUS_GEOFENCE.max} m`,
        ),
      );
    }
    return;
  }
  const n = t.titik.length;
  if (n < TITIK_POLIGON.min || n > TITIK_POLIGON.maks) {
    throw new LokasiTidakSah(
      pesan(
        `${nama.id}: poligon harus punya ${TITIK_POLIGON.min} sampai ${TITIK_POLIGON.maks} titik, bukan ${n}`,
        `${nama.en}: a polygon must have ${TITIK_POLIGON.min} to ${TITIK_POLIGON.maks} vertices, not ${n}`,
      ),
    );
  }
  t.titik.forEach((k, i) => {
    periksaKoordinat(k, pesan(`${nama.id}, titik ${i + 1}`, `${nama.en}, vertex ${i + 1}`));
  });
  const asal = t.titik[0]!;
  if (t.titik.some((k) => distanceMeters(asal, k) > RENTANG_POLIGON_MAKS_M)) {
    throw new LokasiTidakSah(
      pesan(
        `${nama.id}: poligon lebih lebar dari ${RENTANG_POLIGON_MAKS_M / 1000} km`,
        `${nama.en}: the polygon is wider than ${RENTANG_POLIGON_MAKS_M / 1000} km`,
      ),
    );
  }
  const xy = t.titik.map((k) => proyeksi(asal, k));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const bertetangga = j === i + 1 || (i === 0 && j === n - 1);
      if (bertetangga) continue;
      if (ruasBerpotongan(xy[i]!, xy[(i + 1) % n]!, xy[j]!, xy[(j + 1) % n]!)) {
        throw new LokasiTidakSah(
          pesan(
            `${nama.id}: sisi poligon saling berpotongan (sisi ${i + 1} dan ${j + 1})`,
            `${nama.en}: the polygon's edges cross (edges ${i + 1} and ${j + 1})`,
          ),
        );
      }
    }
  }
  if (Math.abs(luas2(xy)) / 2 < 1) {
    throw new LokasiTidakSah(
      pesan(`${nama.id}: poligon tidak punya luas`, `${nama.en}: the polygon has no area`),
    );
  }
}

/** The size of a place in metres: a circle's radius; a polygon's equal-area radius √(area/π). */
export function ukuranTempat(t: Tempat): number {
  if (t.bentuk === 'lingkaran') return t.radiusM;
  const asal = t.titik[0]!;
  const luas = Math.abs(luas2(t.titik.map((k) => proyeksi(asal, k)))) / 2;
  return Math.sqrt(luas / Math.PI);
}

/**
 * Where a point lies relative to a place: `di_dalam` whether the point is inside (the edge counts as
 * inside), `jarakTepiM` the distance in metres to the edge.
 */
export function posisiTerhadap(k: Koordinat, t: Tempat): { di_dalam: boolean; jarakTepiM: number } {
  if (t.bentuk === 'lingkaran') {
    const d = distanceMeters(k, t.pusat);
    return { di_dalam: d <= t.radiusM, jarakTepiM: Math.abs(d - t.radiusM) };
  }
  const xy = t.titik.map((v) => proyeksi(k, v));
  let dalam = false;
  let tepi = Number.POSITIVE_INFINITY;
  for (let i = 0, j = xy.length - 1; i < xy.length; j = i++) {
    const [xi, yi] = xy[i]!;
    const [xj, yj] = xy[j]!;
    // ray casting from the point (origin) along +x
    if (yi > 0 !== yj > 0 && 0 < ((xj - xi) * (0 - yi)) / (yj - yi) + xi) dalam = !dalam;
    tepi = Math.min(tepi, jarakKeRuas(0, 0, xi, yi, xj, yj));
  }
  // On the edge (within a centimetre) counts as inside, whichever way the ray fell.
  return { di_dalam: dalam || tepi < 0.01, jarakTepiM: tepi };
}

/**
 * Judges a fix against the allowed places (rules at the top of this file). Throws `LokasiTidakSah` when
 * the fix or a place is not valid: a wrong input is an error, never a wrong answer.
 */
export function nilaiLokasi(posisi: Posisi, tempat: readonly Tempat[]): HasilLokasi {
  periksaPosisi(posisi);
  for (const t of tempat) periksaTempat(t);
  let terdekat: { t: Tempat; d: number } | null = null;
  let kabur: { t: Tempat; ukuran: number } | null = null;
  for (const t of tempat) {
    const pos = posisiTerhadap(posisi, t);
    const ukuran = ukuranTempat(t);
    if (pos.di_dalam) {
      if (posisi.akurasiM <= ukuran) return { hasil: 'di_dalam', tempat: t, jarakKeTepiM: pos.jarakTepiM };
      kabur ??= { t, ukuran };
      continue;
    }
    if (posisi.akurasiM >= pos.jarakTepiM && posisi.akurasiM > ukuran) kabur ??= { t, ukuran };
    if (!terdekat || pos.jarakTepiM < terdekat.d) terdekat = { t, d: pos.jarakTepiM };
  }
  if (kabur) {
    return {
      hasil: 'lokasi_tidak_akurat',
      akurasiM: posisi.akurasiM,
      tempat: kabur.t,
      ukuranM: kabur.ukuran,
    };
  }
  return { hasil: 'di_luar_kantor', jarakM: terdekat?.d ?? null, tempatTerdekat: terdekat?.t ?? null };
}

/** The radius an office gets when its coordinates are set without one (as the OPD import does). */
export const RADIUS_KANTOR_BAKU_M = 100;

/**
 * The unit's office as a place, from its effective location (`resolveInheritance`: its own, or inherited
 * from the OPD above it); null when no coordinates are set anywhere up the tree.
 */
export function tempatKantor(
  id: string,
  nama: string,
  efektif: { readonly lat: number | null; readonly lng: number | null; readonly radiusM: number | null },
): TempatLingkaran | null {
  if (efektif.lat === null || efektif.lng === null) return null;
  return {
    id,
    nama,
    asal: 'kantor',
    bentuk: 'lingkaran',
    pusat: { lat: efektif.lat, lng: efektif.lng },
    radiusM: efektif.radiusM ?? RADIUS_KANTOR_BAKU_M,
  };
}
