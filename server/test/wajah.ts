// Test and bench helpers for the face engine: the sample photos copied from /work/shared/data/faces (human's
// samples/in, MIT: server/test/wajah/LICENSE-human.txt), their labels as the README there gives them, and the
// verification metrics (pairs, the enrol-three protocol, false-accept / false-reject rates per threshold).
// The labels come from the photos' README, never from the engine.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

export const FOLDER_WAJAH = join(import.meta.dirname, 'wajah');

const jpeg = createRequire(import.meta.url)('jpeg-js') as typeof import('jpeg-js');

/** A photo's mirror image (left and right swapped), encoded again as JPEG: the head turns the other way. */
export function cermin(b: Uint8Array): Uint8Array {
  const img = jpeg.decode(b, { useTArray: true, formatAsRGBA: true });
  const out = Buffer.alloc(img.data.length);
  for (let y = 0; y < img.height; y++)
    for (let x = 0; x < img.width; x++) {
      const s = (y * img.width + (img.width - 1 - x)) * 4;
      const d = (y * img.width + x) * 4;
      for (let c = 0; c < 4; c++) out[d + c] = img.data[s + c] as number;
    }
  return new Uint8Array(jpeg.encode({ data: out, width: img.width, height: img.height }, 95).data);
}

/** Who is in a photo, from its file name (README.md in the folder): a person's letter/name, or a kind. */
export function labelFoto(berkas: string): { orang: string } | { jenis: 'kelompok' | 'latar' } {
  const b = berkas.replace(/\.jpg$/, '');
  if (b.startsWith('stock-emotions-a-')) return { orang: 'A' };
  if (b.startsWith('stock-emotions-b-')) return { orang: 'B' };
  if (b.startsWith('person-vlado')) return { orang: 'C' };
  if (b.startsWith('person-')) return { orang: b.slice('person-'.length) };
  if (b.startsWith('group-')) return { jenis: 'kelompok' };
  if (b === 'background') return { jenis: 'latar' };
  throw new Error(`unlabelled photo ${berkas}`);
}

export interface FotoBerlabel {
  berkas: string;
  orang: string;
  bytes: Uint8Array;
}

/** Every photo of one person (faces only), sorted by file name. */
export function fotoOrang(): FotoBerlabel[] {
  const out: FotoBerlabel[] = [];
  for (const f of readdirSync(FOLDER_WAJAH).sort()) {
    if (!f.endsWith('.jpg')) continue;
    const l = labelFoto(f);
    if ('orang' in l)
      out.push({ berkas: f, orang: l.orang, bytes: new Uint8Array(readFileSync(join(FOLDER_WAJAH, f))) });
  }
  return out;
}

export function bacaFoto(berkas: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FOLDER_WAJAH, berkas)));
}

/** Cosine of two L2-normalised vectors. */
export function kosinus(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] as number) * (b[i] as number);
  return s;
}

export interface Percobaan {
  /** genuine attempts' best scores (same person, photo not among the enrolled) */
  asli: number[];
  /** impostor attempts' best scores (another person's photo against an enrolment) */
  palsu: number[];
}

function kombinasi<T>(xs: readonly T[], k: number): T[][] {
  if (k === 0) return [[]];
  const out: T[][] = [];
  xs.forEach((x, i) => {
    for (const r of kombinasi(xs.slice(i + 1), k - 1)) out.push([x, ...r]);
  });
  return out;
}

/**
 * Enrol three photos of a person, take the best of the three scores. For every person with at least three
 * photos and every set of three of them: each remaining photo of that person is a genuine attempt; each photo
 * of every other person is an impostor attempt.
 */
export function protokolDaftarTiga(
  foto: readonly { orang: string; vektor: Float32Array }[],
  skor: (a: Float32Array, b: Float32Array) => number = kosinus,
): Percobaan {
  const asli: number[] = [];
  const palsu: number[] = [];
  const orang = [...new Set(foto.map((f) => f.orang))];
  for (const o of orang) {
    const milik = foto.filter((f) => f.orang === o);
    if (milik.length < 3) continue;
    for (const daftar of kombinasi(milik, 3)) {
      const terbaik = (v: Float32Array) => Math.max(...daftar.map((d) => skor(d.vektor, v)));
      for (const f of milik) if (!daftar.includes(f)) asli.push(terbaik(f.vektor));
      for (const f of foto) if (f.orang !== o) palsu.push(terbaik(f.vektor));
    }
  }
  return { asli, palsu };
}

/** Every pair of photos: same person or different people. */
export function pasangan(
  foto: readonly { orang: string; vektor: Float32Array }[],
  skor: (a: Float32Array, b: Float32Array) => number = kosinus,
): Percobaan {
  const asli: number[] = [];
  const palsu: number[] = [];
  for (let i = 0; i < foto.length; i++)
    for (let j = i + 1; j < foto.length; j++) {
      const a = foto[i] as { orang: string; vektor: Float32Array };
      const b = foto[j] as { orang: string; vektor: Float32Array };
      (a.orang === b.orang ? asli : palsu).push(skor(a.vektor, b.vektor));
    }
  return { asli, palsu };
}

/** False-accept rate (impostors at or above t) and false-reject rate (genuine below t). */
export function tingkatGalat(p: Percobaan, t: number): { far: number; frr: number } {
  const far = p.palsu.filter((s) => s >= t).length / Math.max(1, p.palsu.length);
  const frr = p.asli.filter((s) => s < t).length / Math.max(1, p.asli.length);
  return { far, frr };
}

export function kuantil(xs: readonly number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return Number.NaN;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] as number;
}
