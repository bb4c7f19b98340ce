import { sql } from 'kysely';
import type { Db, Trx } from '../../db/database.ts';
import { bacaBertahap } from '../../db/kursor.ts';

/** An employee's identity and contact columns (table alias `p`), selected the same way everywhere. */
export const KOLOM_PEGAWAI = [
  'p.id',
  'p.nip',
  'p.id_pegawai',
  'p.nama',
  'p.email',
  'p.telepon',
  'p.rumah_lat',
  'p.rumah_lng',
] as const;

/** Rows of a versioned table (by alias) valid on `asOf`. */
export function validOn(alias: string, asOf: string) {
  const dari = sql.ref(`${alias}.berlaku_dari`);
  const sampai = sql.ref(`${alias}.berlaku_sampai`);
  return sql<boolean>`(${dari} <= ${asOf} AND (${sampai} IS NULL OR ${sampai} > ${asOf}))`;
}

export interface OpdRow {
  id: string;
  kode: string;
  nama: string;
  jenis: string;
  induk_id: string | null;
  kelas_layanan: string | null;
  sektor: string[];
  lat: number | null;
  lng: number | null;
  radius_m: number | null;
  berlaku_dari: string;
}

/** Every OPD and unit as it stood on `asOf`. */
export function listOpd(trx: Trx, asOf: string): Promise<OpdRow[]> {
  return opdKueri(trx, asOf).execute();
}

/** The query of `listOpd` (its SQL is pinned in org.sql.test.ts). */
export function opdKueri(db: Db, asOf: string) {
  return db
    .selectFrom('opd as o')
    .innerJoin('opd_versi as ov', (j) =>
      j.onRef('ov.tenant_id', '=', 'o.tenant_id').onRef('ov.opd_id', '=', 'o.id'),
    )
    .where(validOn('ov', asOf))
    .select([
      'o.id',
      'o.kode',
      'ov.nama',
      'ov.jenis',
      'ov.induk_id',
      'ov.kelas_layanan',
      'ov.sektor',
      'ov.lat',
      'ov.lng',
      'ov.radius_m',
      'ov.berlaku_dari',
    ])
    .orderBy('o.kode');
}

/** Head counts per OPD/unit on `asOf` (only the unit itself, not its subtree). */
export async function countPegawaiPerOpd(trx: Trx, asOf: string): Promise<Map<string, number>> {
  const rows = await trx
    .selectFrom('pegawai_versi as v')
    .where(validOn('v', asOf))
    .select(['v.opd_id', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('v.opd_id')
    .execute();
  return new Map(rows.map((r) => [r.opd_id, Number(r.n)]));
}

/** History of one OPD, newest first. */
export function opdHistory(trx: Trx, opdId: string) {
  return trx
    .selectFrom('opd_versi as ov')
    .leftJoin('opd as i', (j) =>
      j.onRef('i.tenant_id', '=', 'ov.tenant_id').onRef('i.id', '=', 'ov.induk_id'),
    )
    .select([
      'ov.berlaku_dari',
      'ov.berlaku_sampai',
      'ov.nama',
      'ov.jenis',
      'i.kode as induk_kode',
      'ov.kelas_layanan',
      'ov.sektor',
      'ov.lat',
      'ov.lng',
      'ov.radius_m',
    ])
    .where('ov.opd_id', '=', opdId)
    .orderBy('ov.berlaku_dari', 'desc')
    .execute();
}

export interface PegawaiFilter {
  readonly q?: string | undefined;
  readonly opdIds?: readonly string[] | undefined;
  readonly level?: string | undefined;
  readonly jenis?: string | undefined;
  readonly limit: number;
  readonly offset: number;
}

/** The part of the organisation an account may see, as OPD ids (null = everything). */
export interface ResolvedScope {
  readonly opdIds: ReadonlySet<string> | null;
  readonly selfPegawaiId: string | null;
}

function pegawaiBase(
  trx: Db,
  asOf: string,
  scope: ResolvedScope,
  f: Omit<PegawaiFilter, 'limit' | 'offset'>,
) {
  let q = trx
    .selectFrom('pegawai as p')
    .innerJoin('pegawai_versi as v', (j) =>
      j.onRef('v.tenant_id', '=', 'p.tenant_id').onRef('v.pegawai_id', '=', 'p.id'),
    )
    .innerJoin('opd as o', (j) => j.onRef('o.tenant_id', '=', 'v.tenant_id').onRef('o.id', '=', 'v.opd_id'))
    .where(validOn('v', asOf));
  if (scope.opdIds !== null) {
    const ids = [...scope.opdIds];
    const self = scope.selfPegawaiId;
    q = q.where((eb) => {
      const parts = [];
      if (ids.length > 0) parts.push(eb('v.opd_id', 'in', ids));
      if (self) parts.push(eb('p.id', '=', self));
      return parts.length > 0 ? eb.or(parts) : eb.val(false);
    });
  }
  if (f.q) {
    const term = f.q.trim();
    q = q.where((eb) =>
      eb.or([
        eb(sql<string>`lower(p.nama)`, 'like', `%${term.toLowerCase()}%`),
        eb('p.nip', 'like', `${term}%`),
        eb('p.id_pegawai', '=', term),
      ]),
    );
  }
  if (f.opdIds)
    q = q.where(
      'v.opd_id',
      'in',
      f.opdIds.length > 0 ? [...f.opdIds] : ['00000000-0000-0000-0000-000000000000'],
    );
  if (f.level) q = q.where('v.jabatan_level', '=', f.level);
  if (f.jenis) q = q.where('v.jenis_pegawai', '=', f.jenis);
  return q;
}

/** A page of employees as of a date, within the caller's scope. */
export async function listPegawai(trx: Trx, asOf: string, scope: ResolvedScope, f: PegawaiFilter) {
  const q = pegawaiHalamanKueri(trx, asOf, scope, f);
  const [rows, total] = await Promise.all([q.rows.execute(), q.total.executeTakeFirstOrThrow()]);
  return { rows, total: Number(total.n) };
}

/** The two queries of `listPegawai`: the page and the count (their SQL is pinned in org.sql.test.ts). */
export function pegawaiHalamanKueri(db: Db, asOf: string, scope: ResolvedScope, f: PegawaiFilter) {
  const base = pegawaiBase(db, asOf, scope, f);
  return {
    rows: base
      .select([
        'p.id',
        'p.nip',
        'p.id_pegawai',
        'p.nama',
        'v.jenis_pegawai',
        'v.jabatan_level',
        'v.jabatan',
        'o.kode as opd_kode',
      ])
      .orderBy(sql`lower(p.nama)`)
      .orderBy('p.id')
      .limit(f.limit)
      .offset(f.offset),
    total: base.select((eb) => eb.fn.countAll<number>().as('n')),
  };
}

/** One employee with placement as of a date, or undefined. */
export function getPegawai(trx: Trx, id: string, asOf: string) {
  return trx
    .selectFrom('pegawai as p')
    .leftJoin('pegawai_versi as v', (j) =>
      j.onRef('v.tenant_id', '=', 'p.tenant_id').onRef('v.pegawai_id', '=', 'p.id').on(validOn('v', asOf)),
    )
    .leftJoin('opd as o', (j) => j.onRef('o.tenant_id', '=', 'v.tenant_id').onRef('o.id', '=', 'v.opd_id'))
    .leftJoin('pegawai as a', (j) =>
      j.onRef('a.tenant_id', '=', 'v.tenant_id').onRef('a.id', '=', 'v.atasan_id'),
    )
    .select([
      ...KOLOM_PEGAWAI,
      'v.jenis_pegawai',
      'v.jabatan_level',
      'v.jabatan',
      'v.opd_id',
      'o.kode as opd_kode',
      'v.atasan_id',
      'a.nama as atasan_nama',
      'a.nip as atasan_nip',
      'v.berlaku_dari',
    ])
    .where('p.id', '=', id)
    .executeTakeFirst();
}

/** Every stored placement of some people (oldest first): for scope checks over a span of dates. */
export function penempatanOrang(trx: Trx, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return trx
    .selectFrom('pegawai_versi as v')
    .select(['v.pegawai_id', 'v.opd_id', 'v.atasan_id', 'v.berlaku_dari', 'v.berlaku_sampai'])
    .where('v.pegawai_id', 'in', [...ids])
    .orderBy('v.berlaku_dari')
    .execute();
}

/** The dates on which the OPD tree changed (a version of some OPD/unit began or ended). */
export async function tanggalPerubahanOpd(trx: Trx): Promise<string[]> {
  const rows = await trx
    .selectFrom('opd_versi as ov')
    .select(['ov.berlaku_dari', 'ov.berlaku_sampai'])
    .execute();
  const out = new Set<string>();
  for (const r of rows) {
    out.add(r.berlaku_dari);
    if (r.berlaku_sampai) out.add(r.berlaku_sampai);
  }
  return [...out].sort();
}

/** Placement history of one employee, newest first. */
export function pegawaiHistory(trx: Trx, id: string) {
  return trx
    .selectFrom('pegawai_versi as v')
    .innerJoin('opd as o', (j) => j.onRef('o.tenant_id', '=', 'v.tenant_id').onRef('o.id', '=', 'v.opd_id'))
    .leftJoin('pegawai as a', (j) =>
      j.onRef('a.tenant_id', '=', 'v.tenant_id').onRef('a.id', '=', 'v.atasan_id'),
    )
    .select([
      'v.berlaku_dari',
      'v.berlaku_sampai',
      'v.jenis_pegawai',
      'v.jabatan_level',
      'v.jabatan',
      'v.opd_id',
      'o.kode as opd_kode',
      'a.nama as atasan_nama',
    ])
    .where('v.pegawai_id', '=', id)
    .orderBy('v.berlaku_dari', 'desc')
    .execute();
}

/** Direct reports of an employee on a date. */
export function bawahan(trx: Trx, id: string, asOf: string) {
  return trx
    .selectFrom('pegawai_versi as v')
    .innerJoin('pegawai as p', (j) =>
      j.onRef('p.tenant_id', '=', 'v.tenant_id').onRef('p.id', '=', 'v.pegawai_id'),
    )
    .select(['p.id', 'p.nama', 'p.nip', 'v.jabatan'])
    .where('v.atasan_id', '=', id)
    .where(validOn('v', asOf))
    .orderBy('p.nama')
    .execute();
}

/** Employees with placement and supervisor key as of a date, within scope, in a stable order (export). */
export function listPegawaiForExport(trx: Trx, asOf: string, scope: ResolvedScope) {
  return pegawaiEksporKueri(trx, asOf, scope).execute();
}

/** The query of `listPegawaiForExport` (its SQL is pinned in org.sql.test.ts). */
export function pegawaiEksporKueri(db: Db, asOf: string, scope: ResolvedScope) {
  return pegawaiBase(db, asOf, scope, {})
    .leftJoin('pegawai as a', (j) =>
      j.onRef('a.tenant_id', '=', 'v.tenant_id').onRef('a.id', '=', 'v.atasan_id'),
    )
    .select([
      ...KOLOM_PEGAWAI,
      'v.opd_id',
      'v.jenis_pegawai',
      'v.jabatan_level',
      'v.jabatan',
      'o.kode as opd_kode',
      'a.nip as atasan_nip',
      'a.id_pegawai as atasan_id_pegawai',
    ])
    .orderBy('o.kode')
    .orderBy('p.nip')
    .orderBy('p.id_pegawai');
}

/**
 * Every employee's placement as of a date (for policy evaluation): key, type, level, unit; ordered by
 * NIP, then (those without one) by employee id. Read through a cursor in pages (`bacaBertahap`): a
 * 50,000-person Pemda read in one PGlite statement held every other request for seconds at the start
 * of each build.
 */
export function listPenempatan(trx: Trx, asOf: string, halaman?: number) {
  return bacaBertahap(trx, penempatanKueri(trx, asOf), halaman);
}

/** The query of `listPenempatan`, read through a cursor (its SQL is pinned in org.sql.test.ts). */
export function penempatanKueri(db: Db, asOf: string) {
  return db
    .selectFrom('pegawai as p')
    .innerJoin('pegawai_versi as v', (j) =>
      j.onRef('v.tenant_id', '=', 'p.tenant_id').onRef('v.pegawai_id', '=', 'p.id'),
    )
    .where(validOn('v', asOf))
    .select(['p.id', 'p.nip', 'p.id_pegawai', 'p.nama', 'v.jenis_pegawai', 'v.jabatan_level', 'v.opd_id'])
    .orderBy('p.nip')
    .orderBy('p.id_pegawai');
}

/** An employee's id by NIP or id_pegawai. */
export function pegawaiIdMenurutKunci(trx: Trx, key: string) {
  return trx
    .selectFrom('pegawai')
    .select('id')
    .where((eb) => eb.or([eb('nip', '=', key), eb('id_pegawai', '=', key)]))
    .executeTakeFirst();
}

/** Every employee's id with the keys a file names them by (NIP, id_pegawai). */
export function kunciSemuaPegawai(trx: Trx) {
  return trx.selectFrom('pegawai').select(['id', 'nip', 'id_pegawai']).execute();
}
