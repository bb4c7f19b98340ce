import { pesan } from '@sigap/domain';
import { AppError } from '../../errors.ts';
import { bukaJson } from '../../pekerja/json.ts';
import { diPekerja } from '../../pekerja/pekerja.ts';
import type { Table } from './baca-tabel.ts';
import { batasUnggah } from './batas.ts';

// An uploaded CSV/XLSX file on the server: the request body, read in a worker thread. The reader itself
// is baca-tabel.ts (imported by the worker, so it must not import the pool: no cycle).
export type { Table } from './baca-tabel.ts';

function bad(id: string, en: string): AppError {
  return new AppError('BERKAS_TIDAK_SAH', pesan(id, en));
}

/** The body of an upload request (the file itself, CSV or XLSX); refused in words when there is none. */
export function berkasDariIsi(body: unknown): Buffer {
  if (!Buffer.isBuffer(body) || body.length === 0) {
    throw bad(
      'Kirim berkas CSV atau XLSX sebagai isi permintaan',
      'Send a CSV or XLSX file as the request body',
    );
  }
  return body;
}

/** `readTable` in a worker thread (pekerja.ts), for the server: the request thread stays free. */
export async function readTableDiPekerja(data: Buffer, fileName: string): Promise<Table> {
  const t = await diPekerja('bacaTabel', { data, nama: fileName, batas: batasUnggah() });
  return { headers: t.headers, rows: await bukaJson(t.rows) };
}
