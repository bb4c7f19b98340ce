import { resolveInheritance, type Sektor, scopeOf, subtreeIds } from '@sigap/domain';
import type { Caller } from '../../caller.ts';
import type { Trx } from '../../db/database.ts';
import { errors } from '../../errors.ts';
import { tenantToday } from '../pengaturan/pengaturan.service.ts';
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

/** One stored placement of a person: OPD, supervisor, from `dari` up to (not including) `sampai`. */
interface Penempatan {
  readonly opdId: string;
  readonly atasanId: string | null;
  readonly dari: string;
  readonly sampai: string | null;
}

/** The caller's scope checked against dates: see {@link lingkupTanggal}. */
export interface LingkupTanggal {
  /**
   * Whether the person lies inside the caller's scope on EVERY day from `dari` to `sampai` (inclusive):
   * each day the person must be placed in an OPD/unit that the caller's grants covered that day, in the
   * OPD tree as it stood that day. Whole-Pemda grants cover everyone; an employee's own record is theirs
   * on every date (read only).
   */
  meliputi(pegawaiId: string, dari: string, sampai?: string): Promise<boolean>;
  /** Whether `atasanId` was the person's direct supervisor on every day from `dari` to `sampai`. */
  atasanSepanjang(pegawaiId: string, atasanId: string, dari: string, sampai?: string): Promise<boolean>;
  /** Loads the placements of many people at once (before a loop of `meliputi`). */
  muat(pegawaiIds: readonly string[]): Promise<void>;
  /** The caller's scope as it stood on one date (cached). */
  pada(tanggal: string): Promise<repo.ResolvedScope>;
}

/**
 * The one scope check that takes dates. A caller may see a past placement only if it was theirs to
 * see then, and may write (leave, imports, schedule cells, decisions, employee records) only for
 * people in their scope on every date written: both are asked here, never of "today" alone.
 */
export function lingkupTanggal(trx: Trx, caller: Caller, mode: 'read' | 'write' | 'adjust'): LingkupTanggal {
  const s = scopeOf(caller.grants, caller.pegawaiId, mode);
  const perTanggal = new Map<string, Promise<repo.ResolvedScope>>();
  const penempatan = new Map<string, Penempatan[]>();
  let perubahanPohon: Promise<string[]> | undefined;
  const pada = (tanggal: string) => {
    let r = perTanggal.get(tanggal);
    if (!r) {
      r = resolveScope(trx, caller, mode, tanggal);
      perTanggal.set(tanggal, r);
    }
    return r;
  };
  async function muat(ids: readonly string[]) {
    const baru = [...new Set(ids)].filter((id) => !penempatan.has(id));
    for (let i = 0; i < baru.length; i += 5000) {
      const part = baru.slice(i, i + 5000);
      for (const id of part) penempatan.set(id, []);
      for (const r of await repo.penempatanOrang(trx, part)) {
        penempatan.get(r.pegawai_id)!.push({
          opdId: r.opd_id,
          atasanId: r.atasan_id,
          dari: r.berlaku_dari,
          sampai: r.berlaku_sampai,
        });
      }
    }
  }
  /** The days in [dari, sampai] on which the answer can change: `dari` and every change inside. */
  async function titik(ps: readonly Penempatan[], dari: string, sampai: string, pohon: boolean) {
    const out = new Set([dari]);
    for (const p of ps) {
      if (p.dari > dari && p.dari <= sampai) out.add(p.dari);
      if (p.sampai && p.sampai > dari && p.sampai <= sampai) out.add(p.sampai);
    }
    if (pohon) {
      perubahanPohon ??= repo.tanggalPerubahanOpd(trx);
      for (const t of await perubahanPohon) if (t > dari && t <= sampai) out.add(t);
    }
    return [...out].sort();
  }
  const berlakuPada = (ps: readonly Penempatan[], d: string) =>
    ps.find((p) => p.dari <= d && (p.sampai === null || p.sampai > d));
  return {
    pada,
    muat,
    async meliputi(pegawaiId, dari, sampai = dari) {
      if (s.all) return true;
      if (s.selfPegawaiId !== null && s.selfPegawaiId === pegawaiId) return true;
      if (s.opdRoots.length === 0 || sampai < dari) return false;
      await muat([pegawaiId]);
      const ps = penempatan.get(pegawaiId)!;
      for (const d of await titik(ps, dari, sampai, true)) {
        const p = berlakuPada(ps, d);
        const scope = await pada(d);
        if (!p || !(scope.opdIds === null || scope.opdIds.has(p.opdId))) return false;
      }
      return true;
    },
    async atasanSepanjang(pegawaiId, atasanId, dari, sampai = dari) {
      await muat([pegawaiId]);
      const ps = penempatan.get(pegawaiId)!;
      for (const d of await titik(ps, dari, sampai, false)) {
        if (berlakuPada(ps, d)?.atasanId !== atasanId) return false;
      }
      return true;
    },
  };
}

/**
 * Who may see a person's CURRENT personal data (many people at once, e.g. an export): contact data to
 * those whose read scope covers the person's placement today, the home location to those whose write
 * scope does (the record keepers), both to the person themselves. A placement on another date that was
 * in scope never opens it.
 */
export async function pribadiKini(trx: Trx, caller: Caller) {
  const hariIni = await tenantToday(trx, caller.tenantId);
  const [baca, tulis, kini] = await Promise.all([
    resolveScope(trx, caller, 'read', hariIni),
    resolveScope(trx, caller, 'write', hariIni),
    repo.listPenempatan(trx, hariIni),
  ]);
  const opdKini = new Map(kini.map((p) => [p.id, p.opd_id]));
  const diri = (id: string) => caller.pegawaiId !== null && caller.pegawaiId === id;
  return {
    kontak: (id: string) => diri(id) || inScope(baca, opdKini.get(id) ?? null, id),
    rumah: (id: string) => diri(id) || inScope(tulis, opdKini.get(id) ?? null, ''),
  };
}

/** The OPDs and units as of a date, with what each inherits (location, service class, sectors). */
export async function opdEfektif(trx: Trx, asOf: string) {
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
  return { rows, eff };
}

/** The OPD tree as of a date, with inherited attributes and head counts. */
export async function opdTree(trx: Trx, asOf: string) {
  const { rows, eff } = await opdEfektif(trx, asOf);
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
 * One employee, if the placement asked for (`asOf`) was within the caller's scope on that date. The
 * contact data (e-mail, phone) and the home location are the person's CURRENT personal data: they are
 * shown only to the person and to those whose scope covers the person today (contact: readers of the
 * person's OPD; home location: the record keepers, i.e. admins over the person's OPD), never because a
 * past or future placement was once in scope. The placement history shows only the placements that
 * were the caller's to see, each on its own dates.
 */
export async function pegawaiDetail(trx: Trx, caller: Caller, id: string, asOf: string) {
  const p = await repo.getPegawai(trx, id, asOf);
  if (!p) throw errors.notFound('Pegawai', 'Employee');
  const baca = lingkupTanggal(trx, caller, 'read');
  if (!(await baca.meliputi(p.id, asOf))) throw errors.outOfScope();
  const hariIni = await tenantToday(trx, caller.tenantId);
  const diriSendiri = caller.pegawaiId === p.id;
  const seesKontak = diriSendiri || (await baca.meliputi(p.id, hariIni));
  const seesHome = diriSendiri || (await lingkupTanggal(trx, caller, 'write').meliputi(p.id, hariIni));
  const riwayat = [];
  for (const r of await repo.pegawaiHistory(trx, id)) {
    // A placement is shown when it was in scope on its first day, or on the date asked about.
    const dilihat =
      diriSendiri ||
      (await baca.meliputi(p.id, r.berlaku_dari)) ||
      (r.berlaku_dari <= asOf && (r.berlaku_sampai === null || r.berlaku_sampai > asOf));
    if (!dilihat) continue;
    const { opd_id: _opd, ...row } = r;
    riwayat.push(row);
  }
  return {
    ...p,
    email: seesKontak ? p.email : null,
    telepon: seesKontak ? p.telepon : null,
    rumah_lat: seesHome ? p.rumah_lat : null,
    rumah_lng: seesHome ? p.rumah_lng : null,
    rumahDisembunyikan: !seesHome && p.rumah_lat !== null,
    kontakDisembunyikan: !seesKontak && (p.email !== null || p.telepon !== null),
    riwayat,
    bawahan: await repo.bawahan(trx, id, asOf),
  };
}
