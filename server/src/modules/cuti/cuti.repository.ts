import type { Trx } from '../../db/database.ts';

/** Approved or pending absences (the ones a new entry may not overlap). */
export function aktif(trx: Trx, pegawaiId?: string) {
  let q = trx
    .selectFrom('ketidakhadiran')
    .select(['id', 'pegawai_id', 'jenis', 'dari', 'sampai', 'status'])
    .where('status', 'in', ['diajukan', 'disetujui']);
  if (pegawaiId) q = q.where('pegawai_id', '=', pegawaiId);
  return q.execute();
}

export interface CutiBaru {
  pegawai_id: string;
  jenis: string;
  dari: string;
  sampai: string;
  keterangan: string;
  status: 'diajukan' | 'disetujui';
  sumber: 'pengajuan' | 'admin' | 'impor';
  diajukan_oleh: string;
}

export async function insert(trx: Trx, tenantId: string, rows: readonly CutiBaru[]) {
  const out: { id: string }[] = [];
  for (let i = 0; i < rows.length; i += 1000) {
    const now = new Date();
    out.push(
      ...(await trx
        .insertInto('ketidakhadiran')
        .values(
          rows.slice(i, i + 1000).map((r) => ({
            tenant_id: tenantId,
            ...r,
            diputus_oleh: r.status === 'disetujui' ? r.diajukan_oleh : null,
            diputus_pada: r.status === 'disetujui' ? now : null,
          })),
        )
        .returning('id')
        .execute()),
    );
  }
  return out;
}

export function byId(trx: Trx, id: string) {
  return trx.selectFrom('ketidakhadiran').selectAll().where('id', '=', id).executeTakeFirst();
}

export function putuskan(
  trx: Trx,
  id: string,
  status: 'disetujui' | 'ditolak' | 'dibatalkan',
  oleh: string,
  catatan: string,
) {
  return trx
    .updateTable('ketidakhadiran')
    .set({ status, diputus_oleh: oleh, diputus_pada: new Date(), catatan_putusan: catatan })
    .where('id', '=', id)
    .where('status', '=', 'diajukan')
    .executeTakeFirst();
}

/** Entries with the person's name, NIP and placement (as of the entry's first day) and their supervisor. */
export function list(
  trx: Trx,
  f: { dari?: string; sampai?: string; status?: string; pegawaiIds?: readonly string[]; batas?: number },
) {
  let q = trx
    .selectFrom('ketidakhadiran as k')
    .innerJoin('pegawai as p', (j) =>
      j.onRef('p.tenant_id', '=', 'k.tenant_id').onRef('p.id', '=', 'k.pegawai_id'),
    )
    .leftJoin('pegawai_versi as v', (j) =>
      j
        .onRef('v.tenant_id', '=', 'k.tenant_id')
        .onRef('v.pegawai_id', '=', 'k.pegawai_id')
        .onRef('v.berlaku_dari', '<=', 'k.dari')
        .on((eb) =>
          eb.or([eb('v.berlaku_sampai', 'is', null), eb('v.berlaku_sampai', '>', eb.ref('k.dari'))]),
        ),
    )
    .leftJoin('opd as o', (j) => j.onRef('o.tenant_id', '=', 'v.tenant_id').onRef('o.id', '=', 'v.opd_id'))
    .select([
      'k.id',
      'k.pegawai_id',
      'p.nip',
      'p.id_pegawai',
      'p.nama',
      'v.opd_id',
      'v.atasan_id',
      'o.kode as opd_kode',
      'k.jenis',
      'k.dari',
      'k.sampai',
      'k.keterangan',
      'k.status',
      'k.sumber',
      'k.diajukan_oleh',
      'k.diajukan_pada',
      'k.diputus_oleh',
      'k.diputus_pada',
      'k.catatan_putusan',
    ]);
  if (f.dari) q = q.where('k.sampai', '>=', f.dari);
  if (f.sampai) q = q.where('k.dari', '<=', f.sampai);
  if (f.status) q = q.where('k.status', '=', f.status);
  if (f.pegawaiIds) {
    if (f.pegawaiIds.length === 0) return Promise.resolve([]);
    q = q.where('k.pegawai_id', 'in', [...f.pegawaiIds]);
  }
  return q
    .orderBy('k.dari', 'desc')
    .orderBy('k.diajukan_pada', 'desc')
    .limit(f.batas ?? 500)
    .execute();
}
