import { potong } from '../db/potong.ts';
import { jeda } from './jeda.ts';

/**
 * Large lists returned by a worker thread cross as JSON text in chunks, and are parsed back a chunk at
 * a time with a pause between. Structured cloning a 50,000-row import plan (some 200,000 small objects)
 * held the server's thread for about half a second in one piece when the message arrived; strings
 * clone as a copy of their bytes, and each chunk's parse is a few milliseconds.
 * Only for JSON-safe values (strings, numbers, booleans, null, arrays and plain objects).
 */
export interface JsonBertahap<T> {
  readonly potongan: readonly string[];
  /** The element type, for the compiler only. */
  readonly _jenis?: T;
}

/** In the worker: `items` as JSON text, `n` at a time. */
export function kemasJson<T>(items: Iterable<T>, n = 1_000): JsonBertahap<T> {
  return { potongan: [...potong(items, n)].map((c) => JSON.stringify(c)) };
}

/** On the server's thread: the list again, one chunk parsed per turn of the event loop. */
export async function bukaJson<T>(k: JsonBertahap<T>): Promise<T[]> {
  const out: T[] = [];
  for (const [i, teks] of k.potongan.entries()) {
    if (i > 0) await jeda();
    for (const x of JSON.parse(teks) as T[]) out.push(x);
  }
  return out;
}
