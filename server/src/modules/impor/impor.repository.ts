import { randomUUID } from 'node:crypto';
import type { OpdRecord, PegawaiRecord } from '@sigap/domain';
import { sql } from 'kysely';
import type { Db, Trx } from '../../db/database.ts';
import { potong } from '../../db/potong.ts';
import { jeda } from '../../pekerja/jeda.ts';
import { KOLOM_PEGAWAI } from '../org/org.repository.ts';

// Rows per statement: small enough that one statement holds PGlite (and so the server) only briefly.
const CHUNK = 500;

async function inChunks<T>(items: Iterable<T>, fn: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (const chunk of potong(items, CHUNK)) {
    await fn(chunk);
    await jeda(); // other requests get their turn between chunks (PGlite runs in this thread)
  }
}

/** Current OPD state, keyed by upper-case kode. */
export async function loadCurrentOpd(trx: Trx) {
  const rows = await trx
    .selectFrom('opd as o')
    .leftJoin('opd_versi as ov', (j) =>
      j
        .onRef('ov.tenant_id', '=', 'o.tenant_id')
        .onRef('ov.opd_id', '=', 'o.id')
        .on('ov.berlaku_sampai', 'is', null),
    )
    .select([
      'o.id',
      'o.kode',
      'ov.berlaku_dari',
      'ov.nama',
      'ov.jenis',
      'ov.induk_id',
      'ov.kelas_layanan',
      'ov.sektor',
      'ov.lat',
      'ov.lng',
      'ov.radius_m',
    ])
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return new Map(
    rows.map((r) => [
      r.kode.toUpperCase(),
      { ...r, indukKode: r.induk_id ? (byId.get(r.induk_id)?.kode ?? null) : null },
    ]),
  );
}
export type CurrentOpd = Awaited<ReturnType<typeof loadCurrentOpd>>;

/** Current employees with their placement, keyed by NIP or id_pegawai. */
export async function loadCurrentPegawai(trx: Trx) {
  const rows = await pegawaiKiniKueri(trx).execute();
  const keyById = new Map(rows.map((r) => [r.id, (r.nip ?? r.id_pegawai)!]));
  return new Map(
    rows.map((r) => [
      (r.nip ?? r.id_pegawai)!,
      { ...r, atasanKey: r.atasan_id ? (keyById.get(r.atasan_id) ?? null) : null },
    ]),
  );
}

/** The query of `loadCurrentPegawai` (its SQL is pinned in impor.sql.test.ts). */
export function pegawaiKiniKueri(db: Db) {
  return db
    .selectFrom('pegawai as p')
    .leftJoin('pegawai_versi as v', (j) =>
      j
        .onRef('v.tenant_id', '=', 'p.tenant_id')
        .onRef('v.pegawai_id', '=', 'p.id')
        .on('v.berlaku_sampai', 'is', null),
    )
    .select([
      ...KOLOM_PEGAWAI,
      'v.berlaku_dari',
      'v.jenis_pegawai',
      'v.jabatan_level',
      'v.jabatan',
      'v.opd_id',
      'v.atasan_id',
    ]);
}

export type CurrentPegawai = Awaited<ReturnType<typeof loadCurrentPegawai>>;

/**
 * For every person (or OPD) with a stored version: the latest day on which one of its versions starts
 * or ends. A new version may start on that day or later, never before it (history is not rewritten
 * backwards, and versions never overlap).
 */
export async function hariVersiTerakhir(
  trx: Trx,
  table: 'pegawai_versi' | 'opd_versi',
  idCol: 'pegawai_id' | 'opd_id',
): Promise<Map<string, string>> {
  const r = await sql<{ id: string; hari: string }>`
    SELECT ${sql.ref(idCol)} AS id,
           max(greatest(berlaku_dari, coalesce(berlaku_sampai, berlaku_dari)))::text AS hari
    FROM ${sql.table(table)} GROUP BY ${sql.ref(idCol)}`.execute(trx);
  return new Map(r.rows.map((x) => [x.id, x.hari]));
}

export interface Change<T> {
  readonly id: string;
  readonly key: string;
  readonly before: T | null;
  readonly after: T;
}

export interface OpdState {
  nama: string;
  jenis: string;
  induk_id: string | null;
  kelas_layanan: string | null;
  sektor: string[];
  lat: number | null;
  lng: number | null;
  radius_m: number | null;
}

/** Plans the OPD changes an import makes: only rows that differ from the stored state. */
export function planOpd(records: readonly OpdRecord[], current: CurrentOpd): Change<OpdState>[] {
  const idOf = new Map([...current].map(([k, v]) => [k, v.id]));
  for (const r of records) if (!idOf.has(r.kode.toUpperCase())) idOf.set(r.kode.toUpperCase(), randomUUID());
  const out: Change<OpdState>[] = [];
  for (const r of records) {
    const key = r.kode.toUpperCase();
    const cur = current.get(key);
    const after: OpdState = {
      nama: r.nama,
      jenis: r.jenis,
      induk_id: r.indukKode ? idOf.get(r.indukKode.toUpperCase())! : null,
      kelas_layanan: r.kelasLayanan,
      sektor: [...r.sektor],
      lat: r.lat,
      lng: r.lng,
      radius_m: r.radiusM,
    };
    const before: OpdState | null =
      cur && cur.nama !== null
        ? {
            nama: cur.nama,
            jenis: cur.jenis!,
            induk_id: cur.induk_id,
            kelas_layanan: cur.kelas_layanan,
            sektor: cur.sektor ?? [],
            lat: cur.lat,
            lng: cur.lng,
            radius_m: cur.radius_m,
          }
        : null;
    if (before && JSON.stringify(before) === JSON.stringify(after)) continue;
    out.push({ id: idOf.get(key)!, key: r.kode, before, after });
  }
  return out;
}

/**
 * Writes planned OPD changes: new identities, then a new version from `today` (closing the current
 * one), or the current version amended in place when it started today.
 */
export async function applyOpd(
  trx: Trx,
  tenantId: string,
  today: string,
  changes: readonly Change<OpdState>[],
  current: CurrentOpd,
) {
  const known = new Set([...current.values()].map((c) => c.id));
  const fresh = changes.filter((c) => !known.has(c.id));
  await inChunks(fresh, (chunk) =>
    trx
      .insertInto('opd')
      .values(chunk.map((c) => ({ tenant_id: tenantId, id: c.id, kode: c.key })))
      .execute(),
  );
  const curById = new Map([...current.values()].map((c) => [c.id, c]));
  await closeOrReplace(
    trx,
    'opd_versi',
    'opd_id',
    today,
    changes.map((c) => ({ id: c.id, since: curById.get(c.id)?.berlaku_dari ?? null })),
  );
  await inChunks(changes, (chunk) =>
    trx
      .insertInto('opd_versi')
      .values(
        chunk.map((c) => ({
          tenant_id: tenantId,
          opd_id: c.id,
          berlaku_dari: today,
          berlaku_sampai: null,
          ...c.after,
        })),
      )
      .execute(),
  );
}

/** Closes current versions that started before today and deletes those that started today (replaced). */
async function closeOrReplace(
  trx: Trx,
  table: 'opd_versi' | 'pegawai_versi',
  idCol: 'opd_id' | 'pegawai_id',
  today: string,
  items: readonly { id: string; since: string | null }[],
) {
  const toClose = items.filter((i) => i.since !== null && i.since < today).map((i) => i.id);
  const toReplace = items.filter((i) => i.since === today).map((i) => i.id);
  await inChunks(toClose, (ids) =>
    trx
      .updateTable(table)
      .set({ berlaku_sampai: today })
      .where(sql.ref(idCol), 'in', ids)
      .where('berlaku_sampai', 'is', null)
      .execute(),
  );
  await inChunks(toReplace, (ids) =>
    trx.deleteFrom(table).where(sql.ref(idCol), 'in', ids).where('berlaku_dari', '=', today).execute(),
  );
}

export interface PegawaiIdentity {
  nip: string | null;
  id_pegawai: string | null;
  nama: string;
  email: string | null;
  telepon: string | null;
  rumah_lat: number | null;
  rumah_lng: number | null;
}
export interface PegawaiPlacement {
  jenis_pegawai: string;
  jabatan_level: string;
  jabatan: string;
  opd_id: string;
  atasan_id: string | null;
}

export interface PegawaiPlan {
  readonly identity: Change<PegawaiIdentity>[];
  readonly placement: Change<PegawaiPlacement>[];
}

/** Plans employee changes: identity fields and placement separately (placement is versioned). */
export function planPegawai(
  records: readonly PegawaiRecord[],
  current: CurrentPegawai,
  opdIdOf: ReadonlyMap<string, string>,
): PegawaiPlan {
  const idOf = new Map([...current].map(([k, v]) => [k, v.id]));
  for (const r of records) {
    const k = (r.nip ?? r.idPegawai)!;
    if (!idOf.has(k)) idOf.set(k, randomUUID());
  }
  const identity: Change<PegawaiIdentity>[] = [];
  const placement: Change<PegawaiPlacement>[] = [];
  for (const r of records) {
    const key = (r.nip ?? r.idPegawai)!;
    const id = idOf.get(key)!;
    const cur = current.get(key);
    const idAfter: PegawaiIdentity = {
      nip: r.nip,
      id_pegawai: r.idPegawai ?? cur?.id_pegawai ?? null,
      nama: r.nama,
      email: r.email,
      telepon: r.telepon,
      rumah_lat: r.rumahLat,
      rumah_lng: r.rumahLng,
    };
    const idBefore: PegawaiIdentity | null = cur
      ? {
          nip: cur.nip,
          id_pegawai: cur.id_pegawai,
          nama: cur.nama,
          email: cur.email,
          telepon: cur.telepon,
          rumah_lat: cur.rumah_lat,
          rumah_lng: cur.rumah_lng,
        }
      : null;
    if (!idBefore || JSON.stringify(idBefore) !== JSON.stringify(idAfter)) {
      identity.push({ id, key, before: idBefore, after: idAfter });
    }
    const plAfter: PegawaiPlacement = {
      jenis_pegawai: r.jenisPegawai,
      jabatan_level: r.jabatanLevel,
      jabatan: r.jabatan,
      opd_id: opdIdOf.get(r.opdKode.toUpperCase())!,
      atasan_id: r.atasanKey ? idOf.get(r.atasanKey)! : null,
    };
    const plBefore: PegawaiPlacement | null = cur?.opd_id
      ? {
          jenis_pegawai: cur.jenis_pegawai!,
          jabatan_level: cur.jabatan_level!,
          jabatan: cur.jabatan!,
          opd_id: cur.opd_id,
          atasan_id: cur.atasan_id,
        }
      : null;
    if (!plBefore || JSON.stringify(plBefore) !== JSON.stringify(plAfter)) {
      placement.push({ id, key, before: plBefore, after: plAfter });
    }
  }
  return { identity, placement };
}

/** Writes planned employee changes in bulk. */
export async function applyPegawai(
  trx: Trx,
  tenantId: string,
  today: string,
  plan: PegawaiPlan,
  current: CurrentPegawai,
  onProgress?: (done: number) => void,
) {
  const known = new Set([...current.values()].map((c) => c.id));
  const fresh = plan.identity.filter((c) => !known.has(c.id));
  const updated = plan.identity.filter((c) => known.has(c.id));
  let done = 0;
  await inChunks(fresh, async (chunk) => {
    await trx
      .insertInto('pegawai')
      .values(chunk.map((c) => ({ tenant_id: tenantId, id: c.id, ...c.after })))
      .execute();
    done += chunk.length;
    onProgress?.(done);
  });
  for (const c of updated) {
    await trx
      .updateTable('pegawai')
      .set({ ...c.after, updated_at: new Date() })
      .where('id', '=', c.id)
      .execute();
    if (++done % 200 === 0) await jeda();
    onProgress?.(done);
  }
  const since = new Map([...current.values()].map((c) => [c.id, c.berlaku_dari]));
  await closeOrReplace(
    trx,
    'pegawai_versi',
    'pegawai_id',
    today,
    plan.placement.map((c) => ({ id: c.id, since: since.get(c.id) ?? null })),
  );
  await inChunks(plan.placement, async (chunk) => {
    await trx
      .insertInto('pegawai_versi')
      .values(
        chunk.map((c) => ({
          tenant_id: tenantId,
          pegawai_id: c.id,
          berlaku_dari: today,
          berlaku_sampai: null,
          ...c.after,
        })),
      )
      .execute();
  });
}

export function insertImportJob(
  trx: Trx,
  tenantId: string,
  id: string,
  m: { jenis: string; namaBerkas: string; userId: string | null },
) {
  return trx
    .insertInto('import_job')
    .values({
      tenant_id: tenantId,
      id,
      jenis: m.jenis,
      nama_berkas: m.namaBerkas,
      user_id: m.userId,
      status: 'berjalan',
      total: 0,
      diproses: 0,
      hasil: null,
    })
    .execute();
}

export function finishImportJob(
  trx: Trx,
  id: string,
  j: { status: string; total: number; diproses: number; hasil: unknown },
) {
  return trx
    .updateTable('import_job')
    .set({
      status: j.status,
      total: j.total,
      diproses: j.diproses,
      hasil: JSON.stringify(j.hasil),
      finished_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
}

export function findImportJob(trx: Trx, id: string) {
  return trx.selectFrom('import_job').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The imports marked running (a server restart leaves them so). */
export function importJobBerjalan(trx: Trx) {
  return trx
    .selectFrom('import_job')
    .select(['id', 'jenis', 'nama_berkas'])
    .where('status', '=', 'berjalan')
    .execute();
}

/** Marks one running import failed with its reason (only while it is still running). */
export function gagalkanImportJob(trx: Trx, id: string, hasil: unknown) {
  return trx
    .updateTable('import_job')
    .set({ status: 'gagal', hasil: JSON.stringify(hasil), finished_at: new Date() })
    .where('id', '=', id)
    .where('status', '=', 'berjalan')
    .execute();
}
