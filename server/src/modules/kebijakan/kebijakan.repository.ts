import type { Trx } from '../../db/database.ts';

// Reading the stored versions and the regional context belongs to the period read model (evaluasi),
// which the policy module builds on; re-exported for the callers that read them from here.
export { type KebijakanRow, listKebijakan, listKonteks } from '../evaluasi/evaluasi.repository.ts';

export function findVersi(trx: Trx, id: string, versi: number) {
  return trx
    .selectFrom('kebijakan')
    .selectAll()
    .where('id', '=', id)
    .where('versi', '=', versi)
    .executeTakeFirst();
}

export function insertVersi(
  trx: Trx,
  tenantId: string,
  v: {
    id: string;
    versi: number;
    status: string;
    judul: string;
    nomor: string;
    tanggal: string;
    dokumen: unknown;
    sumber: string;
    oleh: string;
  },
) {
  return trx
    .insertInto('kebijakan')
    .values({
      tenant_id: tenantId,
      id: v.id,
      versi: v.versi,
      status: v.status,
      judul: v.judul,
      nomor: v.nomor,
      tanggal: v.tanggal,
      dokumen: JSON.stringify(v.dokumen),
      sumber: v.sumber,
      dibuat_oleh: v.oleh,
      status_oleh: v.status === 'draft' ? null : v.oleh,
      status_pada: v.status === 'draft' ? null : new Date(),
    })
    .execute();
}

export function setStatus(trx: Trx, id: string, versi: number, status: string, oleh: string) {
  return trx
    .updateTable('kebijakan')
    .set({ status, status_oleh: oleh, status_pada: new Date() })
    .where('id', '=', id)
    .where('versi', '=', versi)
    .execute();
}

/** Marks every other active version of a policy as superseded; returns the versions changed. */
export async function supersedeOthers(
  trx: Trx,
  id: string,
  keepVersi: number,
  oleh: string,
): Promise<number[]> {
  const rows = await trx
    .updateTable('kebijakan')
    .set({ status: 'diganti', status_oleh: oleh, status_pada: new Date() })
    .where('id', '=', id)
    .where('versi', '!=', keepVersi)
    .where('status', '=', 'aktif')
    .returning('versi')
    .execute();
  return rows.map((r) => r.versi);
}

export function upsertKonteks(
  trx: Trx,
  tenantId: string,
  k: { dari: string; zona: string | null; levelPpkm: number | null; dasar: string; oleh: string },
) {
  return trx
    .insertInto('konteks_wilayah')
    .values({
      tenant_id: tenantId,
      dari: k.dari,
      zona: k.zona,
      level_ppkm: k.levelPpkm,
      dasar: k.dasar,
      dicatat_oleh: k.oleh,
    })
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'dari']).doUpdateSet({
        zona: k.zona,
        level_ppkm: k.levelPpkm,
        dasar: k.dasar,
        dicatat_oleh: k.oleh,
        dicatat_pada: new Date(),
      }),
    )
    .execute();
}
