import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { AppError } from '../errors.ts';
import type { ArgTugas, HasilTugas, Jawaban, NamaTugas } from './tugas.ts';

/**
 * A pool of worker threads for the heavy steps of imports and policy checks, so that the request
 * thread keeps answering while a large file is read and validated. Started on first use; threads idle
 * for a while end by themselves and never keep the process alive.
 */
let pool: Piscina | null = null;

function kolam(): Piscina {
  pool ??= new Piscina({
    filename: new URL('./tugas.worker.mjs', import.meta.url).href,
    minThreads: 0,
    maxThreads: Math.max(1, Math.min(2, availableParallelism() - 1)),
    idleTimeout: 30_000,
  });
  return pool;
}

/** Runs one task in a worker thread; an AppError thrown there is thrown here again, as itself. */
export async function diPekerja<N extends NamaTugas>(
  nama: N,
  arg: ArgTugas<N>,
  transferList?: ArrayBuffer[],
): Promise<HasilTugas<N>> {
  const j = (await kolam().run({ nama, arg }, transferList ? { transferList } : {})) as Jawaban<
    HasilTugas<N>
  >;
  if (j.ok) return j.nilai;
  throw new AppError(j.galat.code, j.galat.pesan, j.galat.issues);
}

/** A file rendered in a worker comes back as bytes; as a Buffer again for the reply. */
export function sebagaiBuffer(u: Uint8Array): Buffer {
  return Buffer.from(u.buffer, u.byteOffset, u.byteLength);
}

/** Stops the pool (shutdown, tests). */
export async function hentikanPekerja(): Promise<void> {
  const p = pool;
  pool = null;
  if (p) await p.close({ force: true });
}
