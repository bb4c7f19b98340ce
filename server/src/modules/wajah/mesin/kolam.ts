import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { AppError } from '../../../errors.ts';
import type { JawabanMesin } from './mesin.worker.ts';
import type { HasilFoto } from './tipe.ts';

/**
 * The face engine's own pool of worker threads (not the import pool: a model check must not wait behind a
 * large import, nor the other way round). One engine per worker, models loaded once per worker on its first
 * photo; threads = min(2, cores − 1), at least 1; a worker idle for 2 minutes ends (the next photo loads the
 * models again, ~0.5–1 s). Never on the request thread.
 */
let pool: Piscina | null = null;

export const UKURAN_KOLAM = Math.max(1, Math.min(2, availableParallelism() - 1));

function kolam(): Piscina {
  pool ??= new Piscina({
    filename: new URL('./mesin.worker.mjs', import.meta.url).href,
    minThreads: 0,
    maxThreads: UKURAN_KOLAM,
    idleTimeout: 120_000,
  });
  return pool;
}

export interface HasilPeriksa extends HasilFoto {
  /** ms the worker spent loading the models before this photo (first photo of a worker), else null */
  muatMs: number | null;
  /** ms from the call to the answer, queueing included */
  antreMs: number;
}

/**
 * Checks one photo in a worker: bounds (JPEG, ≤ 2 MB, sides 160…4096 px, refused in words as AppError),
 * faces, the main face's box, pose, sharpness, brightness, anti-spoof score and embedding. The bytes are
 * copied to the worker (the caller keeps its buffer).
 */
export async function periksaFoto(bytes: Uint8Array): Promise<HasilPeriksa> {
  const t0 = performance.now();
  const j = (await kolam().run(bytes)) as JawabanMesin;
  if (!j.ok) throw new AppError(j.galat.code, j.galat.pesan);
  return { ...j.hasil, muatMs: j.muatMs, antreMs: performance.now() - t0 };
}

/** Several photos (a check-in's challenge frames, an enrolment's three photos), in parallel on the pool. */
export function periksaBanyakFoto(daftar: readonly Uint8Array[]): Promise<HasilPeriksa[]> {
  return Promise.all(daftar.map((b) => periksaFoto(b)));
}

/** Stops the pool (shutdown, tests). */
export async function hentikanMesin(): Promise<void> {
  const p = pool;
  pool = null;
  if (p) await p.close({ force: true });
}
