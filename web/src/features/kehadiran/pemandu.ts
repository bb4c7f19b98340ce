import { poseDariHuman } from '@sigap/domain/wajah/pose';
import type { Config, Human } from '@vladmandic/human';
import type { Pengamatan } from './pemandu-aturan';

// The browser's face guide (docs/kehadiran.md §6): human's face detector and mesh, the same model files and
// version the server runs, loaded from the server (/wajah-model/, never a CDN) only on the check-in and
// enrolment pages. WASM backend (the server's too). It only guides: the server checks every frame again.

const ALAMAT = '/wajah-model/';

const KONFIGURASI: Partial<Config> = {
  backend: 'wasm',
  wasmPath: `${ALAMAT}wasm/`,
  modelBasePath: ALAMAT,
  cacheSensitivity: 0,
  debug: false,
  async: true,
  warmup: 'none',
  filter: { enabled: false },
  face: {
    enabled: true,
    detector: { rotation: true, maxDetected: 3, minConfidence: 0.5, modelPath: 'blazeface.json' },
    mesh: { enabled: true, modelPath: 'facemesh.json' },
    iris: { enabled: false },
    attention: { enabled: false },
    description: { enabled: false },
    emotion: { enabled: false },
    antispoof: { enabled: false },
    liveness: { enabled: false },
  },
  body: { enabled: false },
  hand: { enabled: false },
  object: { enabled: false },
  gesture: { enabled: false },
  segmentation: { enabled: false },
};

let muat: Promise<Human> | null = null;

/** Loads the guide once per page life (a few MB: the library, two small models, the WASM binary). */
export function muatPemandu(): Promise<Human> {
  muat ??= (async () => {
    const { Human } = await import('@vladmandic/human');
    const h = new Human(KONFIGURASI);
    await h.load();
    return h;
  })().catch((e: unknown) => {
    muat = null;
    throw e;
  });
  return muat;
}

/** Mean grey level of a frame drawn on a small canvas (0..255). */
function kecerahan(ctx: CanvasRenderingContext2D, w: number, h: number): number {
  const d = ctx.getImageData(0, 0, w, h).data;
  let s = 0;
  for (let i = 0; i < d.length; i += 16) s += 0.299 * d[i]! + 0.587 * d[i + 1]! + 0.114 * d[i + 2]!;
  return s / (d.length / 16);
}

/** Looks at the current video frame: faces, the main face's size, place and pose, and the light. */
export async function amati(
  h: Human,
  video: HTMLVideoElement,
  kanvas: HTMLCanvasElement,
): Promise<Pengamatan> {
  const w = video.videoWidth;
  const t = video.videoHeight;
  kanvas.width = 64;
  kanvas.height = Math.max(1, Math.round((64 * t) / Math.max(1, w)));
  const ctx = kanvas.getContext('2d', { willReadFrequently: true });
  if (ctx) ctx.drawImage(video, 0, 0, kanvas.width, kanvas.height);
  const terang = ctx ? kecerahan(ctx, kanvas.width, kanvas.height) : 128;
  const r = await h.detect(video);
  const wajah = [...r.face].sort((a, b) => b.boxRaw[2] * b.boxRaw[3] - a.boxRaw[2] * a.boxRaw[3]);
  const f = wajah[0];
  if (!f) return { jumlahWajah: 0, ukuran: 0, ketengahan: 1, yaw: 0, pitch: 0, kecerahan: terang };
  const [x, y, bw, bh] = f.boxRaw;
  const dx = (x + bw / 2 - 0.5) * w;
  const dy = (y + bh / 2 - 0.5) * t;
  const pose = poseDariHuman(f.rotation?.angle);
  return {
    jumlahWajah: wajah.length,
    ukuran: Math.max(bw * w, bh * t) / Math.max(1, Math.min(w, t)),
    ketengahan: Math.hypot(dx, dy) / Math.hypot(w / 2, t / 2),
    yaw: pose.yaw,
    pitch: pose.pitch,
    kecerahan: terang,
  };
}

/** The current video frame as a JPEG (the camera's own orientation, never mirrored). */
export function ambilBingkai(video: HTMLVideoElement, kanvas: HTMLCanvasElement): Promise<Blob> {
  kanvas.width = video.videoWidth;
  kanvas.height = video.videoHeight;
  const ctx = kanvas.getContext('2d');
  if (!ctx) return Promise.reject(new Error('canvas 2d unavailable'));
  ctx.drawImage(video, 0, 0);
  return new Promise((resolve, reject) =>
    kanvas.toBlob((b) => (b ? resolve(b) : reject(new Error('toBlob failed'))), 'image/jpeg', 0.92),
  );
}

/** Opens the front camera (640×480 asked; the phone may give another size). */
export function bukaKamera(): Promise<MediaStream> {
  return navigator.mediaDevices.getUserMedia({
    video: { facingMode: 'user', width: { ideal: 640 }, height: { ideal: 480 } },
    audio: false,
  });
}

export interface Posisi {
  readonly lat: number;
  readonly lng: number;
  readonly akurasiM: number;
}

/** One high-accuracy location fix (at most 20 s old is not accepted: a fresh one is asked). */
export function ambilLokasi(): Promise<Posisi> {
  return new Promise((resolve, reject) =>
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ lat: p.coords.latitude, lng: p.coords.longitude, akurasiM: p.coords.accuracy }),
      reject,
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 0 },
    ),
  );
}
