import { sql } from 'kysely';
import type { Db, Trx } from '../../db/database.ts';
import { potong } from '../../db/potong.ts';
import { jeda } from '../../pekerja/jeda.ts';

// Rows per statement: small enough that one statement holds PGlite (and so the server) only briefly.
const CHUNK = 500;

export type JenisVersi = 'buat' | 'ubah' | 'impor' | 'cuti';

export function insertJadwal(
  trx: Trx,
  tenantId: string,
  j: {
    dari: string;
    sampai: string;
    cakupanOpd: string | null;
    pelanggaran: unknown;
    oleh: string;
    jenis?: JenisVersi;
    keterangan?: string;
    /** 'terbit' for a change to a published schedule: it is published as it is made */
    status?: 'draft' | 'terbit';
  },
) {
  const terbit = j.status === 'terbit';
  return trx
    .insertInto('jadwal')
    .values({
      tenant_id: tenantId,
      dari: j.dari,
      sampai: j.sampai,
      cakupan_opd: j.cakupanOpd,
      status: j.status ?? 'draft',
      pelanggaran: JSON.stringify(j.pelanggaran),
      dibuat_oleh: j.oleh,
      jenis: j.jenis ?? 'buat',
      keterangan: j.keterangan ?? '',
      diterbitkan_oleh: terbit ? j.oleh : null,
      diterbitkan_pada: terbit ? new Date() : null,
    })
    .returning(['id', 'dibuat_pada'])
    .executeTakeFirstOrThrow();
}

export interface SelBaru {
  pegawai_id: string;
  tanggal: string;
  status: string;
  kebijakan_id: string | null;
  kebijakan_versi: number | null;
  aturan_id: string | null;
  alasan: string;
}

/** Stores cells in chunks; `sel` may be a generator, run one chunk at a time (see `potong`). */
export async function insertSel(trx: Trx, tenantId: string, jadwalId: string, sel: Iterable<SelBaru>) {
  for (const chunk of potong(sel, CHUNK)) {
    await trx
      .insertInto('jadwal_sel')
      .values(chunk.map((c) => ({ tenant_id: tenantId, jadwal_id: jadwalId, ...c })))
      .execute();
    await jeda(); // other requests get their turn between chunks (PGlite runs in this thread)
  }
}

/** Which cells `selBerlaku` reads: only published ones, one person's, or those of a list of people. */
export interface OpsiSelBerlaku {
  readonly hanyaTerbit?: boolean;
  readonly pegawaiId?: string;
  readonly pegawaiIds?: readonly string[];
}

/**
 * The schedule in force for a date range: for each person and day, the cell of the newest schedule
 * version that covers it.
 */
export async function selBerlaku(trx: Trx, dari: string, sampai: string, opsi: OpsiSelBerlaku = {}) {
  if (opsi.pegawaiIds?.length === 0) return [];
  return kueriSelBerlaku(trx, dari, sampai, opsi).execute();
}

/**
 * The cells of the schedule in force over a period, before choosing columns: per person and day the cell
 * of the newest version (DISTINCT ON with the newest first).
 */
function selTerbaru(db: Db, dari: string, sampai: string) {
  return db
    .selectFrom('jadwal_sel as s')
    .innerJoin('jadwal as j', (x) =>
      x.onRef('j.tenant_id', '=', 's.tenant_id').onRef('j.id', '=', 's.jadwal_id'),
    )
    .distinctOn(['s.pegawai_id', 's.tanggal'])
    .where('s.tanggal', '>=', dari)
    .where('s.tanggal', '<=', sampai)
    .orderBy('s.pegawai_id')
    .orderBy('s.tanggal')
    .orderBy('j.dibuat_pada', 'desc');
}

/** The query of `selBerlaku` (its SQL is pinned in kueri.test.ts, as that of every kueriX here). */
export function kueriSelBerlaku(db: Db, dari: string, sampai: string, opsi: OpsiSelBerlaku = {}) {
  let q = selTerbaru(db, dari, sampai).select([
    's.pegawai_id',
    's.tanggal',
    's.status',
    's.kebijakan_id',
    's.kebijakan_versi',
    's.aturan_id',
    's.alasan',
    'j.id as jadwal_id',
    'j.status as jadwal_status',
  ]);
  if (opsi.hanyaTerbit) q = q.where('j.status', '=', 'terbit');
  if (opsi.pegawaiId) q = q.where('s.pegawai_id', '=', opsi.pegawaiId);
  // One array parameter, however many people (an OPD's grid, a leave import): `= any($n)`.
  if (opsi.pegawaiIds) q = q.where((eb) => eb('s.pegawai_id', '=', eb.fn.any(eb.val([...opsi.pegawaiIds!]))));
  return q;
}

/**
 * The status only of the schedule in force, for the whole Pemda over a period, one row per person:
 * `hari` lists "offset:STATUS" (days after `dari`), comma-separated. The occupancy overview reads every
 * cell of the Pemda (36,000 on the demo's month); one row per person with a short text moves about a
 * tenth of the rows through the driver, and sorting three narrow columns fits in memory.
 */
export async function statusBerlaku(trx: Trx, dari: string, sampai: string) {
  const rows = await kueriStatusBerlaku(trx, dari, sampai).execute();
  return rows.map((r) => ({ pegawai_id: r.pegawai_id, hari: r.hari ?? '' }));
}

export function kueriStatusBerlaku(db: Db, dari: string, sampai: string) {
  return db
    .selectFrom(selTerbaru(db, dari, sampai).select(['s.pegawai_id', 's.tanggal', 's.status']).as('b'))
    .select([
      'b.pegawai_id',
      sql<string | null>`string_agg((b.tanggal - ${dari}::date)::text || ':' || b.status, ',')`.as('hari'),
    ])
    .groupBy('b.pegawai_id');
}

/**
 * The published schedules that hold days of one person: per schedule the first and last of those
 * days, oldest first (for "Jadwal saya" to open on the nearest one).
 */
export function periodeTerbitPegawai(trx: Trx, pegawaiId: string) {
  return kueriPeriodeTerbitPegawai(trx, pegawaiId).execute();
}

export function kueriPeriodeTerbitPegawai(db: Db, pegawaiId: string) {
  return db
    .selectFrom('jadwal_sel as s')
    .innerJoin('jadwal as j', (x) =>
      x.onRef('j.tenant_id', '=', 's.tenant_id').onRef('j.id', '=', 's.jadwal_id'),
    )
    .select((eb) => [eb.fn.min('s.tanggal').as('dari'), eb.fn.max('s.tanggal').as('sampai')])
    .where('j.status', '=', 'terbit')
    .where('s.pegawai_id', '=', pegawaiId)
    .groupBy('j.id')
    .orderBy('dari');
}

export function jadwalById(trx: Trx, id: string) {
  return trx.selectFrom('jadwal').selectAll().where('id', '=', id).executeTakeFirst();
}

export function pegawaiDalamJadwal(trx: Trx, jadwalId: string) {
  return trx
    .selectFrom('jadwal_sel')
    .select('pegawai_id')
    .distinct()
    .where('jadwal_id', '=', jadwalId)
    .execute();
}

/** Draft → published, once: whether this call made the transition (false when it was already published). */
export async function terbitkan(trx: Trx, id: string, oleh: string): Promise<boolean> {
  const r = await trx
    .updateTable('jadwal')
    .set({ status: 'terbit', diterbitkan_oleh: oleh, diterbitkan_pada: new Date() })
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .returning('id')
    .executeTakeFirst();
  return r !== undefined;
}

/**
 * Publishes, with a version, the unit heads' draft adjustments (jenis 'ubah') made after it to its own
 * cells: they were made on top of it, so they go out with it. Returns how many.
 */
export async function terbitkanPenyesuaian(trx: Trx, id: string, oleh: string) {
  const r = await trx
    .updateTable('jadwal as u')
    .set({ status: 'terbit', diterbitkan_oleh: oleh, diterbitkan_pada: new Date() })
    .where('u.status', '=', 'draft')
    .where('u.jenis', '=', 'ubah')
    .where('u.id', '<>', id)
    .where('u.dibuat_pada', '>', (eb) => eb.selectFrom('jadwal').select('dibuat_pada').where('id', '=', id))
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('jadwal_sel as a')
          .innerJoin('jadwal_sel as v', (j) =>
            j
              .onRef('v.tenant_id', '=', 'a.tenant_id')
              .onRef('v.pegawai_id', '=', 'a.pegawai_id')
              .onRef('v.tanggal', '=', 'a.tanggal'),
          )
          .select(sql`1`.as('x'))
          .whereRef('a.tenant_id', '=', 'u.tenant_id')
          .whereRef('a.jadwal_id', '=', 'u.id')
          .where('v.jadwal_id', '=', id),
      ),
    )
    .returning('u.id')
    .execute();
  return r.length;
}

/**
 * Unit heads' locks on a version's cells that the published schedule in force does not show (at most
 * `batas` of them, with the person), and how many there are.
 */
export async function kunciTidakTerbit(trx: Trx, id: string, batas = 5) {
  const r = await sql<{
    nama: string;
    nip: string | null;
    id_pegawai: string | null;
    tanggal: string;
    kunci: string;
    jadwal: string | null;
    n: number;
  }>`
    SELECT p.nama, p.nip, p.id_pegawai, k.tanggal::text AS tanggal, k.status AS kunci, t.status AS jadwal,
           count(*) OVER ()::int AS n
    FROM jadwal jv
    JOIN jadwal_kunci k ON k.tenant_id = jv.tenant_id AND k.tanggal BETWEEN jv.dari AND jv.sampai
    JOIN jadwal_sel v ON v.tenant_id = k.tenant_id AND v.jadwal_id = ${id}
                     AND v.pegawai_id = k.pegawai_id AND v.tanggal = k.tanggal
    JOIN pegawai p ON p.tenant_id = k.tenant_id AND p.id = k.pegawai_id
    LEFT JOIN LATERAL (
      SELECT s.status FROM jadwal_sel s
      JOIN jadwal j ON j.tenant_id = s.tenant_id AND j.id = s.jadwal_id
      WHERE s.tenant_id = k.tenant_id AND s.pegawai_id = k.pegawai_id AND s.tanggal = k.tanggal
        AND j.status = 'terbit'
      ORDER BY j.dibuat_pada DESC LIMIT 1
    ) t ON true
    WHERE jv.id = ${id} AND t.status IS DISTINCT FROM k.status
    ORDER BY k.tanggal, p.nama
    LIMIT ${batas}`.execute(trx);
  return { jumlah: r.rows[0]?.n ?? 0, contoh: r.rows };
}

export function listKunci(trx: Trx, dari: string, sampai: string) {
  return kueriListKunci(trx, dari, sampai).execute();
}

export function kueriListKunci(db: Db, dari: string, sampai: string) {
  return db
    .selectFrom('jadwal_kunci')
    .select(['pegawai_id', 'tanggal', 'status', 'oleh', 'pada'])
    .where('tanggal', '>=', dari)
    .where('tanggal', '<=', sampai);
}

export async function simpanKunci(
  trx: Trx,
  tenantId: string,
  k: { pegawai_id: string; tanggal: string; status: string; oleh: string },
) {
  await trx
    .insertInto('jadwal_kunci')
    .values({ tenant_id: tenantId, ...k })
    .onConflict((oc) =>
      oc
        .columns(['tenant_id', 'pegawai_id', 'tanggal'])
        .doUpdateSet({ status: k.status, oleh: k.oleh, pada: new Date() }),
    )
    .execute();
}

export function hapusKunci(trx: Trx, pegawaiId: string, tanggal: string) {
  return trx
    .deleteFrom('jadwal_kunci')
    .where('pegawai_id', '=', pegawaiId)
    .where('tanggal', '=', tanggal)
    .executeTakeFirst();
}

export function listJadwal(trx: Trx, f: { dari?: string; sampai?: string; batas?: number } = {}) {
  return kueriListJadwal(trx, f).execute();
}

export function kueriListJadwal(db: Db, f: { dari?: string; sampai?: string; batas?: number } = {}) {
  let q = db
    .selectFrom('jadwal as j')
    .select((eb) => [
      'j.id',
      'j.dari',
      'j.sampai',
      'j.cakupan_opd',
      'j.status',
      'j.jenis',
      'j.keterangan',
      'j.dibuat_oleh',
      'j.dibuat_pada',
      'j.diterbitkan_oleh',
      'j.diterbitkan_pada',
      sql<number>`jsonb_array_length(j.pelanggaran)`.as('jumlah_pelanggaran'),
      eb
        .selectFrom('jadwal_sel as s')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('s.tenant_id', '=', 'j.tenant_id')
        .whereRef('s.jadwal_id', '=', 'j.id')
        .as('jumlah_sel'),
    ]);
  if (f.dari) q = q.where('j.sampai', '>=', f.dari);
  if (f.sampai) q = q.where('j.dari', '<=', f.sampai);
  return q.orderBy('j.dibuat_pada', 'desc').limit(f.batas ?? 200);
}

/** What people asked for over a period (WFO / WFH on given days). */
export function listPermintaan(trx: Trx, dari: string, sampai: string) {
  return kueriListPermintaan(trx, dari, sampai).execute();
}

export function kueriListPermintaan(db: Db, dari: string, sampai: string) {
  return db
    .selectFrom('permintaan_jadwal')
    .select(['pegawai_id', 'tanggal', 'lokasi'])
    .where('tanggal', '>=', dari)
    .where('tanggal', '<=', sampai);
}

/** One person's requests over a period, by date. */
export function permintaanPegawai(trx: Trx, pegawaiId: string, dari: string, sampai: string) {
  return trx
    .selectFrom('permintaan_jadwal')
    .select(['tanggal', 'lokasi', 'alasan'])
    .where('pegawai_id', '=', pegawaiId)
    .where('tanggal', '>=', dari)
    .where('tanggal', '<=', sampai)
    .orderBy('tanggal')
    .execute();
}

export async function hapusPermintaan(trx: Trx, pegawaiId: string, tanggal: string) {
  await trx
    .deleteFrom('permintaan_jadwal')
    .where('pegawai_id', '=', pegawaiId)
    .where('tanggal', '=', tanggal)
    .execute();
}

/** Sets one person's request for a day (replacing the one they made before). */
export async function simpanPermintaan(
  trx: Trx,
  tenantId: string,
  v: { pegawai_id: string; tanggal: string; lokasi: string; alasan: string },
) {
  await trx
    .insertInto('permintaan_jadwal')
    .values({ tenant_id: tenantId, ...v })
    .onConflict((oc) =>
      oc
        .columns(['tenant_id', 'pegawai_id', 'tanggal'])
        .doUpdateSet({ lokasi: v.lokasi, alasan: v.alasan, dibuat_pada: new Date() }),
    )
    .execute();
}

/** Releases one person's locks over a range of days. */
export async function hapusKunciRentang(trx: Trx, pegawaiId: string, dari: string, sampai: string) {
  await trx
    .deleteFrom('jadwal_kunci')
    .where('pegawai_id', '=', pegawaiId)
    .where('tanggal', '>=', dari)
    .where('tanggal', '<=', sampai)
    .execute();
}

/** The id of the OPD/unit with this kode (exactly as stored), if any. */
export function opdDenganKode(trx: Trx, kode: string) {
  return trx.selectFrom('opd').select('id').where('kode', '=', kode).executeTakeFirst();
}

/** The id of the OPD/unit with this kode, whatever its letter case. */
export function opdDenganKodeAbaikanHuruf(trx: Trx, kode: string) {
  return trx
    .selectFrom('opd')
    .select('id')
    .where(sql<boolean>`upper(kode) = ${kode.toUpperCase()}`)
    .executeTakeFirst();
}

/** Everyone's position (jabatan and its level) as of a date. */
export function jabatanPada(trx: Trx, tanggal: string) {
  return kueriJabatanPada(trx, tanggal).execute();
}

export function kueriJabatanPada(db: Db, tanggal: string) {
  return db
    .selectFrom('pegawai_versi')
    .select(['pegawai_id', 'jabatan', 'jabatan_level'])
    .where('berlaku_dari', '<=', tanggal)
    .where((eb) => eb.or([eb('berlaku_sampai', 'is', null), eb('berlaku_sampai', '>', tanggal)]));
}
