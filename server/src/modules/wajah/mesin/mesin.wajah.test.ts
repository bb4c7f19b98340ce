// The face engine with the real model (no mocks), through its own worker pool, on the sample photos in
// server/test/wajah. Every expectation comes from the photos' labels (README there): who is in a photo,
// whether it shows one face, several or none; and, for the flipped photo, that a mirror image turns the
// other way. One model load per worker, ~0.3–0.5 s per photo.
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bacaFoto,
  cermin,
  FOLDER_WAJAH,
  labelFoto,
  protokolDaftarTiga,
  tingkatGalat,
} from '../../../../test/wajah.ts';
import { AppError } from '../../../errors.ts';
import { AMBANG, kemiripan, putusan, skorTerbaik } from './kemiripan.ts';
import { type HasilPeriksa, hentikanMesin, periksaBanyakFoto, periksaFoto } from './kolam.ts';
import { kualitasFoto } from './kualitas.ts';
import { MODEL_TERPILIH, MODEL_WAJAH } from './model.ts';
import type { Embedding } from './tipe.ts';

const jpeg = createRequire(import.meta.url)('jpeg-js') as typeof import('jpeg-js');

/** A photo changed pixel by pixel (RGBA), encoded again as JPEG at the given size. */
function ubah(
  b: Uint8Array,
  f: (src: Uint8Array, w: number, h: number) => { data: Uint8Array; w: number; h: number },
): Uint8Array {
  const img = jpeg.decode(b, { useTArray: true, formatAsRGBA: true });
  const r = f(img.data, img.width, img.height);
  return new Uint8Array(jpeg.encode({ data: Buffer.from(r.data), width: r.w, height: r.h }, 92).data);
}

/** Box blur of radius r (separable, two passes). */
function buram(r: number) {
  return (src: Uint8Array, w: number, h: number) => {
    const a = new Float32Array(src);
    const b = new Float32Array(src.length);
    for (const [dx, dy] of [
      [1, 0],
      [0, 1],
    ] as const) {
      for (let y = 0; y < h; y++)
        for (let x = 0; x < w; x++)
          for (let c = 0; c < 3; c++) {
            let s = 0;
            let n = 0;
            for (let k = -r; k <= r; k++) {
              const xx = x + k * dx;
              const yy = y + k * dy;
              if (xx < 0 || yy < 0 || xx >= w || yy >= h) continue;
              s += a[(yy * w + xx) * 4 + c] as number;
              n++;
            }
            b[(y * w + x) * 4 + c] = s / n;
          }
      a.set(b);
    }
    const out = new Uint8Array(src);
    for (let i = 0; i < a.length; i++) if (i % 4 !== 3) out[i] = a[i] as number;
    return { data: out, w, h };
  };
}

/** Every pixel times k (darker for k < 1). */
const gelap = (k: number) => (src: Uint8Array, w: number, h: number) => ({
  data: src.map((v, i) => (i % 4 === 3 ? v : Math.round(v * k))),
  w,
  h,
});

/** The photo shrunk by n (nearest pixel) in the top-left corner of a grey frame of side `sisi`. */
const kecil = (n: number, sisi: number) => (src: Uint8Array, w: number, h: number) => {
  const out = new Uint8Array(sisi * sisi * 4).fill(128);
  for (let y = 0; y < Math.floor(h / n); y++)
    for (let x = 0; x < Math.floor(w / n); x++)
      for (let c = 0; c < 4; c++) out[(y * sisi + x) * 4 + c] = src[(y * n * w + x * n) * 4 + c] as number;
  return { data: out, w: sisi, h: sisi };
};

/** Every sample photo (27 of one person, the group, the background). */
const FOTO = readdirSync(FOLDER_WAJAH)
  .filter((f) => f.endsWith('.jpg'))
  .sort();
type NamaFoto = string;
const hasil = new Map<NamaFoto, HasilPeriksa>();
let cerminA2: HasilPeriksa;
let buramA1: HasilPeriksa;
let gelapA1: HasilPeriksa;
let kecilA1: HasilPeriksa;

function emb(f: NamaFoto): Embedding {
  const e = hasil.get(f)?.wajah?.embedding;
  if (!e) throw new Error(`no embedding for ${f}`);
  return e;
}
const daftarA = () => [
  emb('stock-emotions-a-1.jpg'),
  emb('stock-emotions-a-2.jpg'),
  emb('stock-emotions-a-3.jpg'),
];
const daftarB = () => [
  emb('stock-emotions-b-1.jpg'),
  emb('stock-emotions-b-2.jpg'),
  emb('stock-emotions-b-3.jpg'),
];

beforeAll(async () => {
  const a1 = bacaFoto('stock-emotions-a-1.jpg');
  const semua = await periksaBanyakFoto([
    ...FOTO.map(bacaFoto),
    cermin(bacaFoto('stock-emotions-a-2.jpg')),
    ubah(a1, buram(6)),
    ubah(a1, gelap(0.2)),
    ubah(a1, kecil(6, 1600)),
  ]);
  FOTO.forEach((f, i) => {
    hasil.set(f, semua[i] as HasilPeriksa);
  });
  const tambahan = semua.slice(FOTO.length) as [HasilPeriksa, HasilPeriksa, HasilPeriksa, HasilPeriksa];
  [cerminA2, buramA1, gelapA1, kecilA1] = tambahan;
}, 120_000);
afterAll(hentikanMesin);

describe('face engine on the sample photos', () => {
  it('describes the main face with the chosen model and a unit-length vector', () => {
    const e = emb('stock-emotions-a-4.jpg');
    expect(e.model).toBe(MODEL_WAJAH[MODEL_TERPILIH].nama);
    expect(e.vektor.length).toBe(1024);
    expect(kemiripan(e, e)).toBeCloseTo(1, 5);
  });

  const sisaA = FOTO.filter((f) => /-a-[4-8]/.test(f));
  const sisaB = FOTO.filter((f) => /-b-[4-8]/.test(f));

  it('accepts the same person after enrolling three other photos of them: never tidak_cocok', () => {
    // A's photos 4–8 against A's 1–3, B's 4–8 against B's 1–3: the same person by the labels. Expected: not
    // tidak_cocok for every one (cocok, or tinjau = the OPD admin confirms); B's are all cocok. A's strong
    // expressions (the README: "eight expressions") may land in tinjau: the bench shows ~14% of genuine
    // attempts on these photos between AMBANG.tinjau and AMBANG.cocok, 7.5% below.
    for (const f of sisaA)
      expect([f, putusan(skorTerbaik(emb(f), daftarA()))]).not.toEqual([f, 'tidak_cocok']);
    for (const f of sisaB) expect([f, putusan(skorTerbaik(emb(f), daftarB()))]).toEqual([f, 'cocok']);
    // and most of A's are accepted outright
    const cocokA = sisaA.filter((f) => putusan(skorTerbaik(emb(f), daftarA())) === 'cocok');
    expect(cocokA.length).toBeGreaterThanOrEqual(3);
  });

  it('never accepts another person (no cocok), and refuses clear cases (tidak_cocok)', () => {
    // B and Celeste are other people than A; A is not B (labels). No impostor reaches cocok; some reach
    // tinjau (12.7% of impostor attempts in the bench) and go to review, not to acceptance.
    for (const f of [...sisaB, 'person-celeste.jpg'])
      expect([f, putusan(skorTerbaik(emb(f), daftarA()))]).not.toEqual([f, 'cocok']);
    for (const f of [...sisaA, 'person-celeste.jpg'])
      expect([f, putusan(skorTerbaik(emb(f), daftarB()))]).not.toEqual([f, 'cocok']);
    expect(putusan(skorTerbaik(emb('stock-emotions-b-4.jpg'), daftarA()))).toBe('tidak_cocok');
    expect(putusan(skorTerbaik(emb('person-celeste.jpg'), daftarA()))).toBe('tidak_cocok');
    expect(putusan(skorTerbaik(emb('person-celeste.jpg'), daftarB()))).toBe('tidak_cocok');
  });

  it('refuses a blurred, a dark and a too-small copy of a photo that passes', () => {
    // stock-emotions-a-1 passes (test above); the same photo blurred (box blur, radius 6), darkened to a
    // fifth, and shrunk six times into a corner of a 1600×1600 frame (the face then spans under a tenth of
    // the frame) fails for that reason.
    expect(kualitasFoto(buramA1)?.kode).toBe('FOTO_BURAM');
    expect(kualitasFoto(gelapA1)?.kode).toBe('FOTO_GELAP');
    expect(kualitasFoto(kecilA1)?.kode).toBe('WAJAH_KECIL');
  });

  it('the chosen model and thresholds: enrol three, best of three, on every sample photo', () => {
    // The protocol of the bench (bench:wajah): no impostor attempt reaches cocok; few genuine attempts fall
    // below tinjau. Bounds from the measured table with some room: 23.2% below cocok, 7.5% below tinjau.
    const foto = FOTO.flatMap((f) => {
      const l = labelFoto(f);
      const v = hasil.get(f)?.wajah?.embedding?.vektor;
      return 'orang' in l && v ? [{ orang: l.orang, vektor: v }] : [];
    });
    expect(foto.length).toBe(27);
    const p = protokolDaftarTiga(foto);
    expect(tingkatGalat(p, AMBANG.cocok).far).toBe(0);
    expect(tingkatGalat(p, AMBANG.cocok).frr).toBeLessThan(0.3);
    expect(tingkatGalat(p, AMBANG.tinjau).frr).toBeLessThan(0.1);
  });

  it('refuses the background photo: no face', () => {
    const h = hasil.get('background.jpg') as HasilPeriksa;
    expect(h.jumlahWajah).toBe(0);
    expect(kualitasFoto(h)?.kode).toBe('TIDAK_ADA_WAJAH');
  });

  it('refuses the group photo: several faces', () => {
    const h = hasil.get('group-1.jpg') as HasilPeriksa;
    expect(h.jumlahWajah).toBeGreaterThan(1);
    expect(kualitasFoto(h)?.kode).toBe('BANYAK_WAJAH');
    expect(kualitasFoto(h)?.pesan.id).toContain('hanya satu orang');
  });

  it('passes a photo of one person facing the camera', () => {
    for (const f of FOTO.filter((x) => x.startsWith('stock') || x.startsWith('person')))
      expect([f, kualitasFoto(hasil.get(f) as HasilPeriksa)]).toEqual([f, null]);
  });

  it('a mirror image turns the head the other way: the yaw sign flips', () => {
    // stock-emotions-a-2 shows the head clearly turned (≈28°); its mirror image is turned as far the other way.
    const asli = hasil.get('stock-emotions-a-2.jpg')?.wajah?.pose.yaw as number;
    const cerm = cerminA2.wajah?.pose.yaw as number;
    expect(Math.abs(asli)).toBeGreaterThan(15);
    expect(Math.sign(cerm)).toBe(-Math.sign(asli));
    expect(Math.abs(cerm + asli)).toBeLessThan(5);
  });

  it("yaw is positive when the person turns to their left: the nose sits towards the photo's right", () => {
    // Independent of human's angle: the nose tip's place between the two cheek edges of the mesh. Every
    // clearly turned face (|yaw| > 10°) among the photos, and the mirrored one, must agree in sign.
    const turned = [...hasil.values(), cerminA2]
      .map((h) => h.wajah)
      .filter((w) => w !== null && Math.abs(w.pose.yaw) > 10);
    expect(turned.length).toBeGreaterThanOrEqual(4);
    for (const w of turned) expect(Math.sign(w?.arahHidung ?? 0)).toBe(Math.sign(w?.pose.yaw ?? 0));
  });

  it('refuses a PNG through the pool in words, as an AppError', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Array(500).fill(0)]);
    const e = await periksaFoto(png).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('BERKAS_TIDAK_SAH');
  });

  it('refuses to compare templates of different models', () => {
    const a = emb('stock-emotions-a-1.jpg');
    const lain: Embedding = { model: 'mobilefacenet@human-models-3.0.4', vektor: a.vektor };
    expect(() => kemiripan(a, lain)).toThrow(/model/);
  });

  it('reports timings', () => {
    const h = hasil.get('stock-emotions-a-1.jpg') as HasilPeriksa;
    expect(h.waktuMs.total).toBeGreaterThan(0);
    expect(AMBANG.cocok).toBeGreaterThan(AMBANG.tinjau);
  });
});
