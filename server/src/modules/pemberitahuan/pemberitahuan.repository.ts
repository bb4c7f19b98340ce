import type { Trx } from '../../db/database.ts';

/** One notice row as stored (both languages). */
export interface BarisPemberitahuan {
  readonly tenant_id: string;
  readonly pegawai_id: string;
  readonly jenis: string;
  readonly judul: string;
  readonly judul_en: string;
  readonly isi: string;
  readonly isi_en: string;
  readonly tautan: string | null;
}

/** Stores notices, one multi-row statement; their ids and people. */
export async function simpanPemberitahuan(trx: Trx, rows: readonly BarisPemberitahuan[]) {
  if (rows.length === 0) return [];
  return trx
    .insertInto('pemberitahuan')
    .values([...rows])
    .returning(['id', 'pegawai_id'])
    .execute();
}

/** The newest notices of one person. */
export function pemberitahuanTerbaru(trx: Trx, pegawaiId: string, batas: number) {
  return trx
    .selectFrom('pemberitahuan')
    .selectAll()
    .where('pegawai_id', '=', pegawaiId)
    .orderBy('dibuat_pada', 'desc')
    .orderBy('id', 'desc')
    .limit(batas)
    .execute();
}

/** How many of one person's notices are unread. */
export async function jumlahBelumDibaca(trx: Trx, pegawaiId: string): Promise<number> {
  const r = await trx
    .selectFrom('pemberitahuan')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('pegawai_id', '=', pegawaiId)
    .where('dibaca_pada', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Marks one notice (or, without id, all) of the person read; how many changed. */
export async function tandaiPemberitahuanDibaca(trx: Trx, pegawaiId: string, id?: string) {
  let q = trx
    .updateTable('pemberitahuan')
    .set({ dibaca_pada: new Date() })
    .where('pegawai_id', '=', pegawaiId)
    .where('dibaca_pada', 'is', null);
  if (id) q = q.where('id', '=', id);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows);
}
