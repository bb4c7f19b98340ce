import { Worker } from 'node:worker_threads';
import { type HasilSusun, kemasBahan, type MasukanSusun, type MasukanSusunKemas } from './susun.ts';

/**
 * The roster solver in a worker thread, so that a large Pemda's schedule (a second or two of pure
 * computation) does not hold up other requests. One long-lived worker, started on first use and
 * unref'd (it never keeps the process alive); solves queue on it in order.
 */
let worker: Worker | null = null;
let seq = 0;
const menunggu = new Map<number, { ok: (h: unknown) => void; gagal: (e: Error) => void }>();

function pekerja(): Worker {
  if (worker) return worker;
  const w = new Worker(new URL('./solver.worker.mjs', import.meta.url));
  w.unref();
  w.on('message', (m: { id: number; hasil?: unknown; galat?: string }) => {
    const p = menunggu.get(m.id);
    if (!p) return;
    menunggu.delete(m.id);
    if (menunggu.size === 0) w.unref();
    if (m.galat !== undefined) p.gagal(new Error(`Penyusun jadwal gagal: ${m.galat}`));
    else p.ok(m.hasil!);
  });
  const matikan = (e: Error) => {
    worker = null;
    for (const p of menunggu.values()) p.gagal(e);
    menunggu.clear();
  };
  w.on('error', matikan);
  w.on('exit', (code) => matikan(new Error(`Penyusun jadwal berhenti (kode ${code})`)));
  worker = w;
  return w;
}

function kirim<T>(pesan: { susun: MasukanSusunKemas }): Promise<T> {
  const w = pekerja();
  const id = ++seq;
  return new Promise((ok, gagal) => {
    menunggu.set(id, { ok: ok as (h: unknown) => void, gagal });
    w.ref(); // keep the process alive while a solve is under way
    w.postMessage({ id, ...pesan });
  });
}

/** A build's policy evaluation, solve and cell layout in the worker thread (`susun`). */
export function susunDiWorker(masukan: MasukanSusun): Promise<HasilSusun> {
  const segmen = masukan.segmen.map((s) => ({ dari: s.dari, b: kemasBahan(s.b) }));
  return kirim({ susun: { ...masukan, segmen } });
}

/** Stops the worker (tests, shutdown). */
export async function hentikanPenyusun(): Promise<void> {
  const w = worker;
  worker = null;
  if (w) await w.terminate();
}
