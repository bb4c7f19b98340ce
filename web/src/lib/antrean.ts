import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import { useEffect, useState } from 'react';
import { z } from 'zod';
import { type ApiError, api, keApiError } from './api';

// The offline queue (issue 11, item 5; docs/wfh.md §5). What a person does without a connection — a location
// report, a going-out notice — is kept in IndexedDB with its idempotency key (`id_klien`) and sent when the
// connection returns: on the `online` event, when the page is shown again, and every 30 s while something
// waits. The server answers each key once (the same key again gets the first answer), so sending twice is
// harmless. An answer of 4xx is final (the person sees the server's words and may discard it); a network
// failure, 429 or 5xx leaves it waiting.

/** Kinds of work the queue carries, each a JSON POST. */
export type JenisKiriman = 'lokasi' | 'izin_keluar';

export interface Kiriman {
  /** the idempotency key, also the queue's key */
  readonly id: string;
  /** whose it is ("<pemda>/<username>"): sent only under that account's session, shown only to it */
  readonly pemilik: string;
  readonly jenis: JenisKiriman;
  readonly url: string;
  readonly isi: Record<string, unknown>;
  /** when it was made (the device's clock, ISO) */
  readonly dibuat: string;
  /** a field to set to the device's clock at each sending (`waktu_kirim` for reports), if any */
  readonly isianWaktuKirim?: string;
  readonly percobaan: number;
  /** menunggu: waits to be sent; ditolak: the server refused it (its words in `galat`) */
  readonly status: 'menunggu' | 'ditolak';
  readonly galat: string | null;
}

interface SkemaAntrean extends DBSchema {
  kiriman: { key: string; value: Kiriman };
}

const NAMA_DB = 'sigap-antrean';
let dbJanji: Promise<IDBPDatabase<SkemaAntrean>> | null = null;
const db = () => {
  dbJanji ??= openDB<SkemaAntrean>(NAMA_DB, 1, {
    upgrade(d) {
      d.createObjectStore('kiriman', { keyPath: 'id' });
    },
  });
  return dbJanji;
};

/** The signed-in account ("<pemda>/<username>"), set by the session; null when nobody is signed in. */
let pemilikKini: string | null = null;

/**
 * Tells the queue who is signed in. A phone may be shared: what one person queued is never sent under
 * another's session (the server would take it as theirs), and waits until its owner signs in again.
 */
export function aturPemilikAntrean(pemilik: string | null): void {
  pemilikKini = pemilik;
  kabari();
  if (pemilik) void kirimAntrean().catch(() => undefined);
}

type Pendengar = (hasil?: { kiriman: Kiriman; jawaban: unknown }) => void;
const pendengar = new Set<Pendengar>();
const kabari = (h?: { kiriman: Kiriman; jawaban: unknown }) => {
  for (const p of pendengar) p(h);
};

/** The signed-in account's part of the queue, oldest first. */
export async function daftarAntrean(): Promise<Kiriman[]> {
  const xs = await (await db()).getAll('kiriman');
  return xs.filter((x) => x.pemilik === pemilikKini).sort((a, b) => a.dibuat.localeCompare(b.dibuat));
}

/** Removes one (sent, or discarded by the person after a refusal). */
export async function buang(id: string): Promise<void> {
  await (await db()).delete('kiriman', id);
  kabari();
}

/**
 * Keeps a piece of work and tries to send it at once. Resolves with the server's answer when it was sent,
 * or null when it waits in the queue (no connection); throws the server's refusal (4xx) as an ApiError.
 */
export async function kirimAtauAntrekan(
  k: Omit<Kiriman, 'percobaan' | 'status' | 'galat' | 'dibuat' | 'pemilik'>,
): Promise<unknown> {
  if (!pemilikKini) throw new Error('antrean: nobody is signed in');
  const item: Kiriman = {
    ...k,
    pemilik: pemilikKini,
    dibuat: new Date().toISOString(),
    percobaan: 0,
    status: 'menunggu',
    galat: null,
  };
  await (await db()).put('kiriman', item);
  kabari();
  const r = await kirimSatu(item);
  if (r.ok) return r.jawaban;
  if (r.final) throw r.galat;
  return null;
}

type HasilKirim = { ok: true; jawaban: unknown } | { ok: false; final: boolean; galat: ApiError };

let sedangKirim: Promise<void> | null = null;

async function kirimSatu(k: Kiriman): Promise<HasilKirim> {
  const isi = k.isianWaktuKirim ? { ...k.isi, [k.isianWaktuKirim]: new Date().toISOString() } : k.isi;
  try {
    const jawaban = await api.post(k.url, isi, { schema: z.unknown() });
    await (await db()).delete('kiriman', k.id);
    kabari({ kiriman: k, jawaban });
    return { ok: true, jawaban };
  } catch (e) {
    const galat = keApiError(e);
    const final = galat.status >= 400 && galat.status < 500 && galat.status !== 429 && galat.status !== 401;
    const d = await db();
    const ada = await d.get('kiriman', k.id);
    if (ada)
      await d.put('kiriman', {
        ...ada,
        percobaan: ada.percobaan + 1,
        status: final ? 'ditolak' : 'menunggu',
        galat: galat.message,
      });
    kabari();
    return { ok: false, final, galat };
  }
}

/** Sends what waits, oldest first, one at a time (a second call while one runs joins it). */
export function kirimAntrean(): Promise<void> {
  sedangKirim ??= (async () => {
    try {
      for (const k of await daftarAntrean()) {
        if (k.status !== 'menunggu') continue;
        const r = await kirimSatu(k);
        if (!r.ok && !r.final) break; // still offline: try again later
      }
    } finally {
      sedangKirim = null;
    }
  })();
  return sedangKirim;
}

let dipasang = false;
/** Sends the queue when the connection returns, when the page is shown again, and every 30 s. */
export function pasangPengirimAntrean(): void {
  if (dipasang || typeof window === 'undefined' || !('indexedDB' in window)) return;
  dipasang = true;
  const coba = () => void kirimAntrean().catch(() => undefined);
  window.addEventListener('online', coba);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') coba();
  });
  setInterval(coba, 30_000);
  coba();
}

/** The queue as the page shows it, kept current; `onTerkirim` hears each piece sent from the queue. */
export function useAntrean(onTerkirim?: (k: Kiriman, jawaban: unknown) => void): Kiriman[] {
  const [xs, setXs] = useState<Kiriman[]>([]);
  useEffect(() => {
    let hidup = true;
    const muat: Pendengar = (h) => {
      if (h && onTerkirim) onTerkirim(h.kiriman, h.jawaban);
      void daftarAntrean().then((v) => {
        if (hidup) setXs(v);
      });
    };
    pendengar.add(muat);
    muat();
    return () => {
      hidup = false;
      pendengar.delete(muat);
    };
  }, [onTerkirim]);
  return xs;
}
