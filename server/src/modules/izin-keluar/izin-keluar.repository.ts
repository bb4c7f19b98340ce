import type { Db, Trx } from '../../db/database.ts';
import { potong } from '../../db/potong.ts';

// Going-out notices (izin_keluar, 0018): the SQL of izin-keluar.service.ts.

/** Locks the person's row until the transaction ends: their notices are checked and written one at a time. */
export async function kunciPegawai(trx: Trx, pegawaiId: string) {
  await trx.selectFrom('pegawai').select('id').where('id', '=', pegawaiId).forNoKeyUpdate().execute();
}

export function izinByIdKlien(trx: Trx, idKlien: string) {
  return trx.selectFrom('izin_keluar').selectAll().where('id_klien', '=', idKlien).executeTakeFirst();
}

export function izinById(trx: Trx, id: string) {
  return trx.selectFrom('izin_keluar').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A person's notices whose local date lies in [dari, sampai] (withdrawn ones too). */
export function izinOrangPada(trx: Trx, pegawaiId: string, dari: string, sampai: string) {
  return trx
    .selectFrom('izin_keluar')
    .select(['id', 'dari', 'sampai', 'dibatalkan_pada'])
    .where('pegawai_id', '=', pegawaiId)
    .where('tanggal', '>=', dari)
    .where('tanggal', '<=', sampai)
    .execute();
}

/** Inserts a notice; with its client key already stored, inserts nothing and returns undefined. */
export function insertIzin(
  trx: Trx,
  tenantId: string,
  v: {
    pegawai_id: string;
    tanggal: string;
    jenis: string;
    alasan: string;
    dari: Date;
    sampai: Date;
    id_klien: string;
    hash_isi: string;
    diajukan_oleh: string;
  },
) {
  return trx
    .insertInto('izin_keluar')
    .values({ tenant_id: tenantId, ...v })
    .onConflict((oc) => oc.columns(['tenant_id', 'id_klien']).doNothing())
    .returningAll()
    .executeTakeFirst();
}

/**
 * Records the objection only while there is none and the notice is not withdrawn: returns the row, or
 * undefined when either happened meanwhile (on PostgreSQL a concurrent one waits for the first, then finds nothing).
 */
export function simpanKeberatan(
  trx: Trx,
  id: string,
  v: { oleh: string; sebagai: 'atasan' | 'admin_opd'; catatan: string },
) {
  return trx
    .updateTable('izin_keluar')
    .set({
      keberatan_oleh: v.oleh,
      keberatan_pada: new Date(),
      keberatan_sebagai: v.sebagai,
      keberatan_catatan: v.catatan,
    })
    .where('id', '=', id)
    .where('keberatan_pada', 'is', null)
    .where('dibatalkan_pada', 'is', null)
    .returning(['id'])
    .executeTakeFirst();
}

/** Withdraws the notice only while it is not withdrawn and has not started at `sekarang`. */
export function simpanBatal(trx: Trx, id: string, oleh: string, sekarang: Date) {
  return trx
    .updateTable('izin_keluar')
    .set({ dibatalkan_oleh: oleh, dibatalkan_pada: sekarang })
    .where('id', '=', id)
    .where('dibatalkan_pada', 'is', null)
    .where('dari', '>', sekarang)
    .returning(['id'])
    .executeTakeFirst();
}

/**
 * Notices with the person and their placement on the notice's date, newest first: a person's own
 * (`pegawaiId`), or those of the people whose supervisor that day is `atasanId` or whose OPD/unit that day
 * is one of `opdIds`, with a local date in [dari, sampai].
 */
export function daftarIzinKueri(
  db: Db | Trx,
  f: {
    pegawaiId?: string;
    atasanId?: string | null;
    opdIds?: readonly string[];
    dari?: string;
    sampai?: string;
    batas: number;
  },
) {
  let q = db
    .selectFrom('izin_keluar as z')
    .innerJoin('pegawai as p', (j) =>
      j.onRef('p.tenant_id', '=', 'z.tenant_id').onRef('p.id', '=', 'z.pegawai_id'),
    )
    .leftJoin('pegawai_versi as v', (j) =>
      j
        .onRef('v.tenant_id', '=', 'z.tenant_id')
        .onRef('v.pegawai_id', '=', 'z.pegawai_id')
        .onRef('v.berlaku_dari', '<=', 'z.tanggal')
        .on((eb) =>
          eb.or([eb('v.berlaku_sampai', 'is', null), eb('v.berlaku_sampai', '>', eb.ref('z.tanggal'))]),
        ),
    )
    .leftJoin('opd as o', (j) => j.onRef('o.tenant_id', '=', 'v.tenant_id').onRef('o.id', '=', 'v.opd_id'))
    .selectAll('z')
    .select(['p.nip', 'p.id_pegawai', 'p.nama', 'v.atasan_id', 'v.opd_id', 'o.kode as opd_kode']);
  if (f.pegawaiId !== undefined) q = q.where('z.pegawai_id', '=', f.pegawaiId);
  if (f.atasanId !== undefined || f.opdIds !== undefined) {
    const atasan = f.atasanId ?? null;
    const opd = [...(f.opdIds ?? [])];
    q = q.where((eb) => {
      const atau = [];
      if (atasan !== null) atau.push(eb('v.atasan_id', '=', atasan));
      if (opd.length > 0) atau.push(eb('v.opd_id', 'in', opd));
      return atau.length > 0 ? eb.or(atau) : eb.val(false);
    });
  }
  if (f.dari !== undefined) q = q.where('z.tanggal', '>=', f.dari);
  if (f.sampai !== undefined) q = q.where('z.tanggal', '<=', f.sampai);
  return q.orderBy('z.dari', 'desc').orderBy('z.diajukan_pada', 'desc').limit(f.batas);
}

/** The rows of {@link daftarIzinKueri}. */
export function daftarIzin(trx: Trx, f: Parameters<typeof daftarIzinKueri>[1]) {
  return daftarIzinKueri(trx, f).execute();
}

/** The query of {@link izinOrangAntara} for one chunk of people. */
export function izinOrangKueri(db: Db | Trx, pegawaiIds: readonly string[], dari: string, sampai: string) {
  return db
    .selectFrom('izin_keluar')
    .select([
      'id',
      'pegawai_id',
      'tanggal',
      'jenis',
      'alasan',
      'dari',
      'sampai',
      'keberatan_pada',
      'keberatan_catatan',
    ])
    .where((eb) => eb('pegawai_id', '=', eb.fn.any(eb.val(pegawaiIds))))
    .where('dibatalkan_pada', 'is', null)
    .where('tanggal', '>=', dari)
    .where('tanggal', '<=', sampai)
    .orderBy('dari');
}

/** Notices (not withdrawn) of some people whose local date lies in [dari, sampai], oldest first. */
export async function izinOrangAntara(trx: Trx, pegawaiIds: readonly string[], dari: string, sampai: string) {
  const out: {
    id: string;
    pegawai_id: string;
    tanggal: string;
    jenis: string;
    alasan: string;
    dari: Date;
    sampai: Date;
    keberatan_pada: Date | null;
    keberatan_catatan: string | null;
  }[] = [];
  for (const chunk of potong(new Set(pegawaiIds), 1000)) {
    out.push(...(await izinOrangKueri(trx, chunk, dari, sampai).execute()));
  }
  return out;
}
