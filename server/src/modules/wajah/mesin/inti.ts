import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { poseDariHuman } from '@sigap/domain/wajah/pose';
import type { Config, FaceResult, Human } from '@vladmandic/human';
import { ketajamanDanKecerahan } from './citra.ts';
import { galatDekode, periksaBerkasFoto } from './jpeg.ts';
import { MODEL_TERPILIH, MODEL_WAJAH, type ModelWajah, type NamaModel } from './model.ts';
import type { Embedding, HasilFoto, WajahTerdeteksi } from './tipe.ts';

/**
 * The face engine in the current thread: human 3.3.6 on the WASM backend, loaded by path, with the models
 * read from disk (never from the network). One instance per worker thread (kolam.ts); tests and the bench
 * may use it directly.
 */

const require = createRequire(import.meta.url);

/** The few tfjs calls the engine makes (human.tf is typed `any`). */
interface Tensor {
  shape: number[];
  data(): Promise<Float32Array | Int32Array | Uint8Array>;
  dispose(): void;
}
interface GraphModel {
  execute(x: Tensor): Tensor | Tensor[];
}
interface Tf {
  tensor3d(d: Uint8Array, shape: [number, number, number], dtype: 'int32'): Tensor;
  image: {
    resizeBilinear(x: Tensor, size: [number, number], alignCorners: boolean): Tensor;
    cropAndResize(x: Tensor, boxes: number[][], idx: number[], size: [number, number]): Tensor;
  };
  mul(a: Tensor, b: number | Tensor): Tensor;
  sub(a: Tensor, b: number | Tensor): Tensor;
  expandDims(x: Tensor, axis: number): Tensor;
  loadGraphModel(url: string): Promise<GraphModel>;
  getBackend(): string;
}

/** Node's fetch cannot read file:// URLs; human and tfjs load models and the .wasm through fetch. */
function pasangFetchBerkas(): void {
  const asli = globalThis.fetch;
  if ((asli as { berkas?: true }).berkas) return;
  const f = async (u: string | URL | Request, o?: RequestInit): Promise<Response> => {
    const s = typeof u === 'string' ? u : u instanceof URL ? u.href : u.url;
    if (s.startsWith('file:')) {
      const isi = readFileSync(fileURLToPath(s));
      const jenis = s.endsWith('.wasm') ? 'application/wasm' : 'application/octet-stream';
      return new Response(isi, { headers: { 'content-type': jenis } });
    }
    return asli(u, o);
  };
  globalThis.fetch = Object.assign(f, { berkas: true as const });
}

/** human's folder (its dist/ and models/) and tfjs-backend-wasm's dist/, wherever npm put them. */
function folderPaket(): { human: string; wasm: string } {
  const human = join(dirname(require.resolve('@vladmandic/human')), '..');
  const wasm = dirname(require.resolve('@tensorflow/tfjs-backend-wasm'));
  return { human, wasm };
}

/** server/models/ (vendored model files), found upwards from this file (source) or server/dist (built). */
export function folderVendor(): string {
  let d = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const c = join(d, 'models');
    if (existsSync(join(c, 'LICENSE-human-models.txt'))) return c;
    d = dirname(d);
  }
  throw new Error('server/models (face model files) not found');
}

function konfigurasi(human: string, wasm: string): Partial<Config> {
  return {
    backend: 'wasm',
    wasmPath: `${pathToFileURL(wasm).href}/`,
    modelBasePath: `${pathToFileURL(join(human, 'models')).href}/`,
    cacheSensitivity: 0,
    skipAllowed: false,
    debug: false,
    async: false,
    warmup: 'none',
    filter: { enabled: false },
    face: {
      enabled: true,
      detector: { rotation: true, maxDetected: 10, return: true, minConfidence: 0.5 },
      mesh: { enabled: true },
      iris: { enabled: false },
      attention: { enabled: false },
      description: { enabled: false },
      emotion: { enabled: false },
      antispoof: { enabled: true },
      liveness: { enabled: true },
    },
    body: { enabled: false },
    hand: { enabled: false },
    object: { enabled: false },
    gesture: { enabled: false },
    segmentation: { enabled: false },
  };
}

export interface OpsiMesin {
  /** description models to run on each face (the first is the one `periksa` reports); default the chosen one.
   * The bench passes its own entries to compare input scalings. */
  model?: readonly (NamaModel | ModelWajah)[];
  /** folder of the vendored models (default: server/models found from here) */
  folderVendor?: string;
}

export interface Mesin {
  /** The description models this instance runs, in order. */
  readonly model: readonly ModelWajah[];
  /** Milliseconds spent loading human and the models. */
  readonly waktuMuatMs: number;
  /** Checks a photo's bytes (bounded, JPEG) and describes every face; the main face carries the embedding(s). */
  periksa(bytes: Uint8Array): Promise<HasilFoto>;
  /** Same, on an RGB image already decoded (bench, tests: flipped images). */
  periksaRgb(rgb: Uint8Array, lebar: number, tinggi: number): Promise<HasilFoto>;
}

/** Loads human and the description models once; returns the engine. */
export async function muatMesin(opsi: OpsiMesin = {}): Promise<Mesin> {
  const t0 = performance.now();
  pasangFetchBerkas();
  const { human: dirHuman, wasm } = folderPaket();
  const backend = require('@tensorflow/tfjs-backend-wasm') as { setThreadsCount(n: number): void };
  backend.setThreadsCount(1);
  const H = require(join(dirHuman, 'dist/human.node-wasm.js')) as {
    Human: new (c: Partial<Config>) => Human;
  };
  const human = new H.Human(konfigurasi(dirHuman, wasm));
  await human.load();
  const tf = human.tf as Tf;
  const pilihan = (opsi.model ?? [MODEL_TERPILIH]).map((n) =>
    typeof n === 'string' ? (MODEL_WAJAH[n] as ModelWajah) : n,
  );
  const vendor = pilihan.some((m) => m.asal === 'vendor') ? (opsi.folderVendor ?? folderVendor()) : '';
  const graf: GraphModel[] = [];
  for (const m of pilihan) {
    const folder = m.asal === 'human' ? join(dirHuman, 'models') : vendor;
    graf.push(await tf.loadGraphModel(pathToFileURL(join(folder, m.berkas)).href));
  }
  const jpeg = require('jpeg-js') as typeof import('jpeg-js');

  async function jalankanModel(m: ModelWajah, g: GraphModel, crop: Tensor): Promise<Embedding> {
    const c4 = crop.shape.length === 3 ? tf.expandDims(crop, 0) : crop;
    const p = m.potong ?? 0;
    const r = tf.image.cropAndResize(c4, [[p, p, 1 - p, 1 - p]], [0], [m.masukan, m.masukan]);
    if (c4 !== crop) c4.dispose();
    const x =
      m.skala === 'nol-255' ? tf.mul(r, 255) : m.skala === 'min-satu-satu' ? tf.sub(tf.mul(r, 2), 1) : r;
    const keluar = g.execute(x);
    const daftar = Array.isArray(keluar) ? keluar : [keluar];
    const emb = daftar.find((t) => t.shape.length === 2 && (t.shape[1] ?? 0) >= 128);
    if (!emb) throw new Error(`model ${m.nama}: no embedding output`);
    const vektor = normalisasi(new Float32Array(await emb.data()));
    for (const t of daftar) t.dispose();
    if (x !== r) x.dispose();
    r.dispose();
    return { model: m.nama, vektor };
  }

  async function uraikan(rgb: Uint8Array, lebar: number, tinggi: number): Promise<HasilFoto> {
    const t1 = performance.now();
    const t = tf.tensor3d(rgb, [tinggi, lebar, 3], 'int32');
    let hasil: { face: FaceResult[] };
    try {
      hasil = await human.detect(t as never);
    } finally {
      t.dispose();
    }
    const t2 = performance.now();
    const wajah: WajahTerdeteksi[] = hasil.face.map((f) => ringkas(f, lebar, tinggi));
    // the main face: the largest box
    let utama = -1;
    for (let i = 0; i < wajah.length; i++)
      if (utama < 0 || (wajah[i]?.ukuran ?? 0) > (wajah[utama]?.ukuran ?? 0)) utama = i;
    let embeddings: Embedding[] = [];
    const f = hasil.face[utama];
    const w = wajah[utama];
    if (f?.tensor && w) {
      const crop = f.tensor as unknown as Tensor;
      const data = await crop.data();
      Object.assign(w, ketajamanDanKecerahan(data, crop.shape[1] ?? 0, crop.shape[0] ?? 0));
      for (let i = 0; i < pilihan.length; i++)
        embeddings.push(await jalankanModel(pilihan[i] as ModelWajah, graf[i] as GraphModel, crop));
    } else embeddings = [];
    for (const x of hasil.face) (x.tensor as unknown as Tensor | undefined)?.dispose();
    const t3 = performance.now();
    return {
      lebar,
      tinggi,
      jumlahWajah: wajah.length,
      wajah: w ? { ...w, embedding: embeddings[0] ?? null, embeddingLain: embeddings.slice(1) } : null,
      semuaWajah: wajah.map((x) => ({ kotak: x.kotak, ukuran: x.ukuran })),
      waktuMs: { dekode: 0, deteksi: t2 - t1, deskripsi: t3 - t2, total: t3 - t1 },
    };
  }

  const mesin: Mesin = {
    model: pilihan,
    waktuMuatMs: performance.now() - t0,
    async periksa(bytes) {
      const t0 = performance.now();
      periksaBerkasFoto(bytes);
      let img: { width: number; height: number; data: Uint8Array };
      try {
        img = jpeg.decode(bytes, {
          useTArray: true,
          formatAsRGBA: false,
          maxResolutionInMP: 17,
          maxMemoryUsageInMB: 256,
        });
      } catch {
        throw galatDekode();
      }
      const dekode = performance.now() - t0;
      const h = await uraikan(img.data, img.width, img.height);
      h.waktuMs.dekode = dekode;
      h.waktuMs.total += dekode;
      return h;
    },
    periksaRgb: uraikan,
  };
  return mesin;
}

/** L2-normalised copy semantics: the vector is scaled in place and returned. */
function normalisasi(v: Float32Array): Float32Array {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += (v[i] as number) * (v[i] as number);
  const n = Math.sqrt(s) || 1;
  for (let i = 0; i < v.length; i++) v[i] = (v[i] as number) / n;
  return v;
}

/** One detected face in the frame's terms (no embedding yet). */
function ringkas(f: FaceResult, lebar: number, tinggi: number): WajahTerdeteksi {
  const [x, y, w, h] = f.boxRaw;
  const cx = x + w / 2;
  const cy = y + h / 2;
  // centredness: 0 at the frame's centre, 1 at a corner (distance over the half-diagonal, in pixels)
  const dx = (cx - 0.5) * lebar;
  const dy = (cy - 0.5) * tinggi;
  const ketengahan = Math.hypot(dx, dy) / Math.hypot(lebar / 2, tinggi / 2);
  const a = f.rotation?.angle;
  const hidung = f.mesh[1]?.[0];
  const kanan = f.mesh[234]?.[0]; // the person's right cheek edge: the photo's left side
  const kiri = f.mesh[454]?.[0];
  const arahHidung =
    hidung !== undefined && kanan !== undefined && kiri !== undefined && kiri !== kanan
      ? (2 * (hidung - kanan)) / (kiri - kanan) - 1
      : 0;
  return {
    arahHidung,
    kotak: { x, y, lebar: w, tinggi: h },
    // relative size: the face box's height over the frame's shorter side... in pixels of both
    ukuran: Math.max(w * lebar, h * tinggi) / Math.min(lebar, tinggi),
    ketengahan,
    // human's yaw is negative when the person turns to their left (measured: the nose then sits towards the
    // photo's right, arahHidung > 0); Sigap's convention is the person's point of view: left = positive.
    // The browser's guide converts through the same function.
    pose: { ...poseDariHuman(a) },
    skorDeteksi: f.boxScore,
    skorMesh: f.faceScore,
    antispoof: f.real ?? null,
    liveness: f.live ?? null,
    ketajaman: 0,
    kecerahan: 0,
  };
}
