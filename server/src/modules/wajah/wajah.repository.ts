import { sql } from 'kysely';
import type { Db, Trx } from '../../db/database.ts';
import { validOn } from '../org/org.repository.ts';

// SQL of face enrolment (0009_wajah.sql). Every query runs inside withTenant: row-level security keeps
// it to one Pemda. Vectors leave this file only encrypted (sandi/iv/kunci_id); wajah.service decrypts.

// ─── Consent ──────────────────────────────────────────────────────────────────────────────────────

export function persetujuanAktif(trx: Trx, pegawaiId: string) {
  return trx
    .selectFrom('wajah_persetujuan')
    .selectAll()
    .where('pegawai_id', '=', pegawaiId)
    .where('dicabut_pada', 'is', null)
    .executeTakeFirst();
}

/** A person's consent history, newest first. */
export function riwayatPersetujuan(trx: Trx, pegawaiId: string) {
  return trx
    .selectFrom('wajah_persetujuan')
    .selectAll()
    .where('pegawai_id', '=', pegawaiId)
    .orderBy('diberikan_pada', 'desc')
    .orderBy('id')
    .execute();
}

export function insertPersetujuan(
  trx: Trx,
  tenantId: string,
  r: {
    pegawai_id: string;
    dicatat_oleh: string | null;
    dicatat_nama: string;
    cara: string;
    tujuan: string;
    dasar: string;
    keterangan: string;
  },
) {
  return trx
    .insertInto('wajah_persetujuan')
    .values({ tenant_id: tenantId, ...r })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Marks the person's consent in force as withdrawn; returns whether there was one. */
export async function cabutPersetujuan(trx: Trx, pegawaiId: string, oleh: string): Promise<boolean> {
  const r = await trx
    .updateTable('wajah_persetujuan')
    .set({ dicabut_pada: sql<Date>`clock_timestamp()`, dicabut_oleh: oleh })
    .where('pegawai_id', '=', pegawaiId)
    .where('dicabut_pada', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

// ─── Templates ────────────────────────────────────────────────────────────────────────────────────

export interface BarisTemplat {
  id: string;
  pegawai_id: string;
  model: string;
  dimensi: number;
  sandi: Uint8Array;
  iv: Uint8Array;
  kunci_id: string;
  kualitas: string;
  sumber: string;
}

export function insertTemplat(trx: Trx, tenantId: string, rows: readonly BarisTemplat[]) {
  if (rows.length === 0) return Promise.resolve([]);
  return trx
    .insertInto('wajah_template')
    .values(rows.map((r) => ({ tenant_id: tenantId, ...r })))
    .execute();
}

/** The encrypted templates of some people (all models), oldest first. */
export function templatOrang(trx: Trx, pegawaiIds: readonly string[]) {
  if (pegawaiIds.length === 0) return Promise.resolve([]);
  return trx
    .selectFrom('wajah_template')
    .select(['id', 'pegawai_id', 'model', 'dimensi', 'sandi', 'iv', 'kunci_id', 'dibuat_pada'])
    .where('pegawai_id', 'in', [...pegawaiIds])
    .orderBy('pegawai_id')
    .orderBy('dibuat_pada')
    .orderBy('id')
    .execute();
}

/** Per model: how many templates a person has, their length, first and last dates (no vectors). */
export function ringkasTemplat(trx: Trx, pegawaiId: string) {
  return trx
    .selectFrom('wajah_template')
    .select((eb) => [
      'model',
      eb.fn.max('dimensi').as('dimensi'),
      eb.fn.countAll<string>().as('jumlah'),
      eb.fn.min('dibuat_pada').as('pertama'),
      eb.fn.max('dibuat_pada').as('terakhir'),
    ])
    .where('pegawai_id', '=', pegawaiId)
    .groupBy('model')
    .orderBy('model')
    .execute();
}

export async function hapusTemplat(trx: Trx, pegawaiId: string): Promise<number> {
  const r = await trx.deleteFrom('wajah_template').where('pegawai_id', '=', pegawaiId).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Deletes the person's templates of models other than `model` (superseded by a new enrolment). */
export async function hapusTemplatModelLain(trx: Trx, pegawaiId: string, model: string): Promise<number> {
  const r = await trx
    .deleteFrom('wajah_template')
    .where('pegawai_id', '=', pegawaiId)
    .where('model', '<>', model)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Keeps only the newest `sisa` templates of one model for a person; returns how many went. */
export async function pangkasTemplat(trx: Trx, pegawaiId: string, model: string, sisa: number) {
  const lama = await trx
    .selectFrom('wajah_template')
    .select('id')
    .where('pegawai_id', '=', pegawaiId)
    .where('model', '=', model)
    .orderBy('dibuat_pada', 'desc')
    .orderBy('id', 'desc')
    .offset(sisa)
    .limit(1_000)
    .execute();
  if (lama.length === 0) return 0;
  const r = await trx
    .deleteFrom('wajah_template')
    .where(
      'id',
      'in',
      lama.map((x) => x.id),
    )
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Templates not under key `kini`, a batch at a time (key rotation). */
export function templatKunciLain(trx: Trx, kini: string, batas: number) {
  return trx
    .selectFrom('wajah_template')
    .select(['tenant_id', 'id', 'model', 'dimensi', 'sandi', 'iv', 'kunci_id'])
    .where('kunci_id', '<>', kini)
    .orderBy('id')
    .limit(batas)
    .execute();
}

export function fotoKunciLain(trx: Trx, kini: string, batas: number) {
  return trx
    .selectFrom('wajah_foto')
    .select(['tenant_id', 'id', 'jenis', 'sandi', 'iv', 'kunci_id'])
    .where('kunci_id', '<>', kini)
    .orderBy('id')
    .limit(batas)
    .execute();
}

/** Review frames of borderline check-ins (0012_tinjau.sql) not under key `kini`. */
export function bingkaiKunciLain(trx: Trx, kini: string, batas: number) {
  return trx
    .selectFrom('tinjau_bingkai')
    .select(['tenant_id', 'id', 'kehadiran_id', 'urutan', 'sandi', 'iv', 'kunci_id'])
    .where('kunci_id', '<>', kini)
    .orderBy('id')
    .limit(batas)
    .execute();
}

export function gantiSandi(
  trx: Trx,
  tabel: 'wajah_template' | 'wajah_foto' | 'tinjau_bingkai',
  id: string,
  t: { sandi: Uint8Array; iv: Uint8Array; kunci_id: string; lama: string },
) {
  return trx
    .updateTable(tabel)
    .set({ sandi: t.sandi, iv: t.iv, kunci_id: t.kunci_id })
    .where('id', '=', id)
    .where('kunci_id', '=', t.lama)
    .executeTakeFirst();
}

/** How many templates, photos and review frames each key id holds in this Pemda. */
export async function hitungPerKunci(trx: Trx) {
  const t = await trx
    .selectFrom('wajah_template')
    .select((eb) => ['kunci_id', eb.fn.countAll<string>().as('n')])
    .groupBy('kunci_id')
    .execute();
  const f = await trx
    .selectFrom('wajah_foto')
    .select((eb) => ['kunci_id', eb.fn.countAll<string>().as('n')])
    .groupBy('kunci_id')
    .execute();
  const b = await trx
    .selectFrom('tinjau_bingkai')
    .select((eb) => ['kunci_id', eb.fn.countAll<string>().as('n')])
    .groupBy('kunci_id')
    .execute();
  const out = new Map<string, number>();
  for (const r of [...t, ...f, ...b]) out.set(r.kunci_id, (out.get(r.kunci_id) ?? 0) + Number(r.n));
  return out;
}

// ─── Photos ───────────────────────────────────────────────────────────────────────────────────────

export function insertFoto(
  trx: Trx,
  tenantId: string,
  rows: readonly {
    id: string;
    pegawai_id: string;
    jenis: string;
    sandi: Uint8Array;
    iv: Uint8Array;
    kunci_id: string;
    dibuat_pada: Date;
    simpan_sampai: Date;
  }[],
) {
  if (rows.length === 0) return Promise.resolve([]);
  return trx
    .insertInto('wajah_foto')
    .values(rows.map((r) => ({ tenant_id: tenantId, ...r })))
    .execute();
}

export function ringkasFoto(trx: Trx, pegawaiId: string) {
  return trx
    .selectFrom('wajah_foto')
    .select((eb) => [eb.fn.countAll<string>().as('jumlah'), eb.fn.max('simpan_sampai').as('sampai')])
    .where('pegawai_id', '=', pegawaiId)
    .executeTakeFirstOrThrow();
}

export async function hapusFoto(trx: Trx, pegawaiId: string): Promise<number> {
  const r = await trx.deleteFrom('wajah_foto').where('pegawai_id', '=', pegawaiId).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Deletes every kept photo of this Pemda (keeping turned off). */
export async function hapusSemuaFoto(trx: Trx): Promise<number> {
  const r = await trx.deleteFrom('wajah_foto').executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Deletes the photos whose keeping period ended at `now`. */
export async function hapusFotoKedaluwarsa(trx: Trx, now: Date): Promise<number> {
  const r = await trx.deleteFrom('wajah_foto').where('simpan_sampai', '<=', now).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Shortens kept photos to the Pemda's new (shorter) keeping period, counted from when each was taken. */
export async function pendekkanFoto(trx: Trx, hari: number): Promise<number> {
  const r = await trx
    .updateTable('wajah_foto')
    .set({
      simpan_sampai: sql<Date>`least(simpan_sampai, dibuat_pada + make_interval(days => ${hari}::int))`,
    })
    .where(sql<boolean>`simpan_sampai > dibuat_pada + make_interval(days => ${hari}::int)`)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

// ─── Setting and people ───────────────────────────────────────────────────────────────────────────

export async function simpanFotoHari(db: Db | Trx, tenantId: string): Promise<number> {
  const r = await db
    .selectFrom('tenant')
    .select('simpan_foto_hari')
    .where('id', '=', tenantId)
    .executeTakeFirstOrThrow();
  return r.simpan_foto_hari;
}

export function setSimpanFotoHari(trx: Trx, tenantId: string, hari: number) {
  return trx.updateTable('tenant').set({ simpan_foto_hari: hari }).where('id', '=', tenantId).execute();
}

/**
 * The people placed on `hari` in one of `opdIds` (null: everyone), with their consent and template
 * counts per model: the admin's enrolment overview, counts only.
 */
export function statusOrang(trx: Trx, hari: string, opdIds: readonly string[] | null) {
  let q = trx
    .selectFrom('pegawai as p')
    .innerJoin('pegawai_versi as v', (j) =>
      j.onRef('v.tenant_id', '=', 'p.tenant_id').onRef('v.pegawai_id', '=', 'p.id').on(validOn('v', hari)),
    )
    .innerJoin('opd as o', (j) => j.onRef('o.tenant_id', '=', 'v.tenant_id').onRef('o.id', '=', 'v.opd_id'))
    .select((eb) => [
      'p.id',
      'p.nip',
      'p.id_pegawai',
      'p.nama',
      'o.kode as opd_kode',
      eb
        .exists(
          eb
            .selectFrom('wajah_persetujuan as w')
            .select('w.id')
            .whereRef('w.pegawai_id', '=', 'p.id')
            .where('w.dicabut_pada', 'is', null),
        )
        .as('persetujuan'),
      sql<{ model: string; n: number }[] | null>`(
        SELECT json_agg(json_build_object('model', t.model, 'n', t.n) ORDER BY t.model)
        FROM (SELECT model, count(*)::int AS n FROM wajah_template wt
              WHERE wt.tenant_id = p.tenant_id AND wt.pegawai_id = p.id GROUP BY model) t)`.as('templat'),
    ])
    .orderBy('o.kode')
    .orderBy('p.nama')
    .orderBy('p.id');
  if (opdIds !== null) {
    if (opdIds.length === 0) return Promise.resolve([]);
    q = q.where('v.opd_id', 'in', [...opdIds]);
  }
  return q.execute();
}

/** The people placed on `hari` in one of `opdIds`. */
export async function orangDiOpd(trx: Trx, hari: string, opdIds: readonly string[]): Promise<string[]> {
  if (opdIds.length === 0) return [];
  const r = await trx
    .selectFrom('pegawai_versi as v')
    .select('v.pegawai_id')
    .where(validOn('v', hari))
    .where('v.opd_id', 'in', [...opdIds])
    .execute();
  return r.map((x) => x.pegawai_id);
}

/**
 * What a kiosk's gallery depends on, as one value: the Pemda's revision of the organisation (who is placed
 * where; 0007_revisi.sql) and the count and newest date of the templates of `model`. Enrolling adds a
 * template (a newer date), withdrawing deletes them (a smaller count), moving a person adds a revision.
 */
export async function stempelGaleri(trx: Trx, model: string): Promise<string> {
  const r = await sql<{ revisi: string; n: string; akhir: Date | null }>`
    SELECT (SELECT count(*) FROM revisi_data) AS revisi, count(*) AS n, max(dibuat_pada) AS akhir
      FROM wajah_template WHERE model = ${model}`.execute(trx);
  const x = r.rows[0]!;
  return `${x.revisi}|${x.n}|${x.akhir ? new Date(x.akhir).toISOString() : '-'}`;
}
