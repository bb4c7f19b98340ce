import { type Compilable, CompiledQuery } from 'kysely';
import { jeda } from '../pekerja/jeda.ts';
import type { Trx } from './database.ts';

let nomor = 0;

/**
 * Runs a query once and reads its rows in pages of `halaman` through a cursor (DECLARE … FETCH), with a
 * pause between pages. On PGlite every statement runs on the server's own thread: one statement
 * returning 50,000 rows held every other request for seconds (the rows are parsed into objects inside
 * it), while each FETCH is short. The query is planned and sorted once, unlike LIMIT/OFFSET or keyset
 * pages, which re-run the join for every page. Must run inside a transaction (`withTenant` is one).
 */
export async function bacaBertahap<O>(trx: Trx, query: Compilable<O>, halaman = 1_000): Promise<O[]> {
  if (!Number.isInteger(halaman) || halaman < 1) throw new RangeError(`halaman ${halaman}`);
  const q = query.compile();
  const kursor = `sigap_kursor_${++nomor}`;
  await trx.executeQuery(
    CompiledQuery.raw(`DECLARE ${kursor} NO SCROLL CURSOR FOR ${q.sql}`, [...q.parameters]),
  );
  const out: O[] = [];
  try {
    for (;;) {
      const r = await trx.executeQuery<O>(CompiledQuery.raw(`FETCH ${halaman} FROM ${kursor}`));
      for (const row of r.rows) out.push(row);
      if (r.rows.length < halaman) break;
      await jeda();
    }
  } finally {
    await trx.executeQuery(CompiledQuery.raw(`CLOSE ${kursor}`)).catch(() => undefined);
  }
  return out;
}
