import { resolveInheritance, type Sektor, scopeOf, subtreeIds } from '@sigap/domain';
import type { Trx } from '../../db/database.ts';
import type { Caller } from '../../http/context.ts';
import { errors } from '../../http/errors.ts';
import { tenantToday } from '../tenant/tenant.service.ts';
import * as repo from './org.repository.ts';

export { tenantToday };

/** Turns the caller's role grants into the OPD ids whose people they may read or write. */
export async function resolveScope(
  trx: Trx,
  caller: Caller,
  mode: 'read' | 'write' | 'adjust',
  asOf: string,
): Promise<repo.ResolvedScope> {
  const s = scopeOf(caller.grants, caller.pegawaiId, mode);
  if (s.all) return { opdIds: null, selfPegawaiId: null };
  const nodes = (await repo.listOpd(trx, asOf)).map((o) => ({ id: o.id, indukId: o.induk_id }));
  const ids = new Set<string>();
  for (const root of s.opdRoots) for (const id of subtreeIds(nodes, root)) ids.add(id);
  return { opdIds: ids, selfPegawaiId: s.selfPegawaiId };
}

/** The OPD tree as of a date, with inherited attributes and head counts. */
export async function opdTree(trx: Trx, asOf: string) {
  const rows = await repo.listOpd(trx, asOf);
  const eff = resolveInheritance(
    rows.map((r) => ({
      id: r.id,
      kode: r.kode,
      indukId: r.induk_id,
      kelasLayanan: r.kelas_layanan as 'pelayanan' | 'non_pelayanan' | null,
      sektor: r.sektor as Sektor[],
      lat: r.lat,
      lng: r.lng,
      radiusM: r.radius_m,
    })),
  );
  const counts = await repo.countPegawaiPerOpd(trx, asOf);
  const kodeOf = new Map(rows.map((r) => [r.id, r.kode]));
  return rows.map((r) => {
    const e = eff.get(r.id)!;
    return {
      id: r.id,
      kode: r.kode,
      nama: r.nama,
      jenis: r.jenis,
      indukKode: r.induk_id ? (kodeOf.get(r.induk_id) ?? null) : null,
      kelasLayanan: r.kelas_layanan,
      sektor: r.sektor,
      lat: r.lat,
      lng: r.lng,
      radiusM: r.radius_m,
      efektif: {
        kelasLayanan: e.kelasLayanan,
        sektor: [...e.sektor],
        lat: e.lat,
        lng: e.lng,
        radiusM: e.radiusM,
        opdIndukKode: e.opdIndukKode,
      },
      jumlahPegawai: counts.get(r.id) ?? 0,
    };
  });
}

/** One OPD/unit with its history and its direct children. */
export async function opdDetail(trx: Trx, kode: string, asOf: string) {
  const tree = await opdTree(trx, asOf);
  const node = tree.find((n) => n.kode.toUpperCase() === kode.toUpperCase());
  if (!node) throw errors.notFound(`OPD ${kode}`, `OPD ${kode}`);
  const subtree = subtreeIds(
    tree.map((n) => ({
      id: n.id,
      indukId: n.indukKode ? (tree.find((m) => m.kode === n.indukKode)?.id ?? null) : null,
    })),
    node.id,
  );
  return {
    ...node,
    anak: tree.filter((n) => n.indukKode === node.kode),
    jumlahPegawaiSubtree: tree.filter((n) => subtree.has(n.id)).reduce((s, n) => s + n.jumlahPegawai, 0),
    riwayat: await repo.opdHistory(trx, node.id),
  };
}

/** A page of employees within scope; `opdKode` filters to an OPD and its units. */
export async function listPegawai(
  trx: Trx,
  caller: Caller,
  asOf: string,
  f: {
    q?: string | undefined;
    opdKode?: string | undefined;
    level?: string | undefined;
    jenis?: string | undefined;
    limit: number;
    offset: number;
  },
) {
  const scope = await resolveScope(trx, caller, 'read', asOf);
  let opdIds: string[] | undefined;
  if (f.opdKode) {
    const nodes = await repo.listOpd(trx, asOf);
    const root = nodes.find((n) => n.kode.toUpperCase() === f.opdKode!.toUpperCase());
    opdIds = root
      ? [
          ...subtreeIds(
            nodes.map((n) => ({ id: n.id, indukId: n.induk_id })),
            root.id,
          ),
        ]
      : [];
  }
  return repo.listPegawai(trx, asOf, scope, { ...f, opdIds });
}

/** One employee, if within the caller's scope. */
/** Whether a scope covers an employee placed in `opdId`. */
export function inScope(scope: repo.ResolvedScope, opdId: string | null, pegawaiId: string): boolean {
  return (
    scope.opdIds === null || (opdId !== null && scope.opdIds.has(opdId)) || scope.selfPegawaiId === pegawaiId
  );
}

/**
 * One employee, if within the caller's scope. The home location is personal data needed only by
 * those who keep the record (admins over the person's OPD) and the person themselves; others get null.
 */
export async function pegawaiDetail(trx: Trx, caller: Caller, id: string, asOf: string) {
  const p = await repo.getPegawai(trx, id, asOf);
  if (!p) throw errors.notFound('Pegawai', 'Employee');
  if (!inScope(await resolveScope(trx, caller, 'read', asOf), p.opd_id, p.id)) throw errors.outOfScope();
  const seesHome =
    caller.pegawaiId === p.id || inScope(await resolveScope(trx, caller, 'write', asOf), p.opd_id, '');
  return {
    ...p,
    rumah_lat: seesHome ? p.rumah_lat : null,
    rumah_lng: seesHome ? p.rumah_lng : null,
    rumahDisembunyikan: !seesHome && p.rumah_lat !== null,
    riwayat: await repo.pegawaiHistory(trx, id),
    bawahan: await repo.bawahan(trx, id, asOf),
  };
}
