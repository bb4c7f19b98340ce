import type { Trx } from '../../db/database.ts';
import { potong } from '../../db/potong.ts';

// Corrections (koreksi_kehadiran, 0013) and dinas luar requests (dinas_luar, 0008): the SQL of
// koreksi.service.ts and dinas-luar.service.ts.

/** Locks the person's row until the transaction ends: their requests are checked and written one at a time. */
export async function kunciPegawai(trx: Trx, pegawaiId: string) {
  await trx.selectFrom('pegawai').select('id').where('id', '=', pegawaiId).forNoKeyUpdate().execute();
}

/** A person's accepted punches from `dari` (inclusive) to `sampai` (exclusive), with their source. */
export async function ketukanOrang(trx: Trx, pegawaiIds: readonly string[], dari: Date, sampai: Date) {
  const out: {
    id: string;
    pegawai_id: string | null;
    waktu: Date;
    jenis: 'masuk' | 'pulang' | null;
    sumber: string;
  }[] = [];
  for (const chunk of potong(new Set(pegawaiIds), 1000)) {
    out.push(
      ...(await trx
        .selectFrom('kehadiran')
        .select(['id', 'pegawai_id', 'waktu', 'jenis', 'sumber'])
        .where((eb) => eb('pegawai_id', '=', eb.fn.any(eb.val(chunk))))
        .where('hasil', '=', 'diterima')
        .where('waktu', '>=', dari)
        .where('waktu', '<', sampai)
        .orderBy('waktu')
        .execute()),
    );
  }
  return out;
}

// ─── Corrections ──────────────────────────────────────────────────────────────────────────────

export async function jumlahKoreksiTertunda(trx: Trx, pegawaiId: string, tanggal: string) {
  const r = await trx
    .selectFrom('koreksi_kehadiran')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('pegawai_id', '=', pegawaiId)
    .where('tanggal', '=', tanggal)
    .where('status', '=', 'diajukan')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function insertKoreksi(
  trx: Trx,
  tenantId: string,
  v: {
    pegawai_id: string;
    tanggal: string;
    jenis: 'masuk' | 'pulang';
    waktu: Date;
    menggantikan: string | null;
    sebab: string;
    alasan: string;
    diajukan_oleh: string;
  },
) {
  return trx
    .insertInto('koreksi_kehadiran')
    .values({ tenant_id: tenantId, ...v })
    .returning(['id', 'status'])
    .executeTakeFirstOrThrow();
}

export function koreksiById(trx: Trx, id: string) {
  return trx.selectFrom('koreksi_kehadiran').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Decides (or withdraws) a correction only while it is pending: returns the row, or undefined when it
 * was decided meanwhile (on PostgreSQL a concurrent decision waits for the first and then finds nothing).
 */
export function putuskanKoreksi(trx: Trx, id: string, status: string, oleh: string, catatan: string) {
  return trx
    .updateTable('koreksi_kehadiran')
    .set({ status, diputus_oleh: oleh, diputus_pada: new Date(), catatan_putusan: catatan })
    .where('id', '=', id)
    .where('status', '=', 'diajukan')
    .returning(['id', 'status'])
    .executeTakeFirst();
}

/**
 * Corrections with the person and their placement on the corrected day: a person's own (`pegawaiId`),
 * or the pending ones a caller may be asked to decide (`atasanAtauTanpa`: the person's supervisor that
 * day is this id, or they have none).
 */
export function daftarKoreksi(
  trx: Trx,
  f: { pegawaiId?: string; atasanAtauTanpa?: string | null; status?: string; batas?: number },
) {
  let q = trx
    .selectFrom('koreksi_kehadiran as k')
    .innerJoin('pegawai as p', (j) =>
      j.onRef('p.tenant_id', '=', 'k.tenant_id').onRef('p.id', '=', 'k.pegawai_id'),
    )
    .leftJoin('pegawai_versi as v', (j) =>
      j
        .onRef('v.tenant_id', '=', 'k.tenant_id')
        .onRef('v.pegawai_id', '=', 'k.pegawai_id')
        .onRef('v.berlaku_dari', '<=', 'k.tanggal')
        .on((eb) =>
          eb.or([eb('v.berlaku_sampai', 'is', null), eb('v.berlaku_sampai', '>', eb.ref('k.tanggal'))]),
        ),
    )
    .leftJoin('opd as o', (j) => j.onRef('o.tenant_id', '=', 'v.tenant_id').onRef('o.id', '=', 'v.opd_id'))
    .selectAll('k')
    .select(['p.nip', 'p.id_pegawai', 'p.nama', 'v.atasan_id', 'o.kode as opd_kode']);
  if (f.pegawaiId !== undefined) q = q.where('k.pegawai_id', '=', f.pegawaiId);
  if (f.atasanAtauTanpa !== undefined) {
    const a = f.atasanAtauTanpa;
    q = q.where((eb) =>
      a === null
        ? eb('v.atasan_id', 'is', null)
        : eb.or([eb('v.atasan_id', '=', a), eb('v.atasan_id', 'is', null)]),
    );
  }
  if (f.status) q = q.where('k.status', '=', f.status);
  return q
    .orderBy('k.tanggal', 'desc')
    .orderBy('k.diajukan_pada', 'desc')
    .limit(f.batas ?? 500)
    .execute();
}

/** Approved corrections of some people whose day lies in [dari, sampai]. */
export async function koreksiDisetujui(
  trx: Trx,
  pegawaiIds: readonly string[],
  dari: string,
  sampai: string,
) {
  const out: {
    id: string;
    pegawai_id: string;
    tanggal: string;
    jenis: 'masuk' | 'pulang';
    waktu: Date;
    menggantikan: string | null;
    sebab: string;
    alasan: string;
  }[] = [];
  for (const chunk of potong(new Set(pegawaiIds), 1000)) {
    out.push(
      ...(await trx
        .selectFrom('koreksi_kehadiran')
        .select(['id', 'pegawai_id', 'tanggal', 'jenis', 'waktu', 'menggantikan', 'sebab', 'alasan'])
        .where((eb) => eb('pegawai_id', '=', eb.fn.any(eb.val(chunk))))
        .where('status', '=', 'disetujui')
        .where('tanggal', '>=', dari)
        .where('tanggal', '<=', sampai)
        .orderBy('diputus_pada')
        .execute()),
    );
  }
  return out;
}

// ─── Dinas luar ───────────────────────────────────────────────────────────────────────────────

/** The person's pending or approved dinas luar overlapping [dari, sampai]. */
export function dinasLuarBertumpang(trx: Trx, pegawaiId: string, dari: string, sampai: string) {
  return trx
    .selectFrom('dinas_luar')
    .select(['id', 'dari', 'sampai', 'status', 'nomor_surat'])
    .where('pegawai_id', '=', pegawaiId)
    .where('status', 'in', ['diajukan', 'disetujui'])
    .where('dari', '<=', sampai)
    .where('sampai', '>=', dari)
    .executeTakeFirst();
}

export function insertDinasLuar(
  trx: Trx,
  tenantId: string,
  v: {
    pegawai_id: string;
    dari: string;
    sampai: string;
    nomor_surat: string;
    tujuan: string;
    lat: number | null;
    lng: number | null;
    radius_m: number | null;
    diajukan_oleh: string;
  },
) {
  return trx
    .insertInto('dinas_luar')
    .values({ tenant_id: tenantId, ...v, status: 'diajukan' })
    .returning(['id', 'status'])
    .executeTakeFirstOrThrow();
}

export function dinasLuarById(trx: Trx, id: string) {
  return trx.selectFrom('dinas_luar').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Decides (or withdraws) a dinas luar only while it is pending (see `putuskanKoreksi`). */
export function putuskanDinasLuar(trx: Trx, id: string, status: string, oleh: string, catatan: string) {
  return trx
    .updateTable('dinas_luar')
    .set({ status, diputus_oleh: oleh, diputus_pada: new Date(), catatan_putusan: catatan })
    .where('id', '=', id)
    .where('status', '=', 'diajukan')
    .returning(['id', 'status'])
    .executeTakeFirst();
}

/** Dinas luar requests with the person and their placement on the first day (as `daftarKoreksi`). */
export function daftarDinasLuar(
  trx: Trx,
  f: { pegawaiId?: string; atasanAtauTanpa?: string | null; status?: string; batas?: number },
) {
  let q = trx
    .selectFrom('dinas_luar as d')
    .innerJoin('pegawai as p', (j) =>
      j.onRef('p.tenant_id', '=', 'd.tenant_id').onRef('p.id', '=', 'd.pegawai_id'),
    )
    .leftJoin('pegawai_versi as v', (j) =>
      j
        .onRef('v.tenant_id', '=', 'd.tenant_id')
        .onRef('v.pegawai_id', '=', 'd.pegawai_id')
        .onRef('v.berlaku_dari', '<=', 'd.dari')
        .on((eb) =>
          eb.or([eb('v.berlaku_sampai', 'is', null), eb('v.berlaku_sampai', '>', eb.ref('d.dari'))]),
        ),
    )
    .leftJoin('opd as o', (j) => j.onRef('o.tenant_id', '=', 'v.tenant_id').onRef('o.id', '=', 'v.opd_id'))
    .selectAll('d')
    .select(['p.nip', 'p.id_pegawai', 'p.nama', 'v.atasan_id', 'o.kode as opd_kode']);
  if (f.pegawaiId !== undefined) q = q.where('d.pegawai_id', '=', f.pegawaiId);
  if (f.atasanAtauTanpa !== undefined) {
    const a = f.atasanAtauTanpa;
    q = q.where((eb) =>
      a === null
        ? eb('v.atasan_id', 'is', null)
        : eb.or([eb('v.atasan_id', '=', a), eb('v.atasan_id', 'is', null)]),
    );
  }
  if (f.status) q = q.where('d.status', '=', f.status);
  return q
    .orderBy('d.dari', 'desc')
    .orderBy('d.diajukan_pada', 'desc')
    .limit(f.batas ?? 500)
    .execute();
}
