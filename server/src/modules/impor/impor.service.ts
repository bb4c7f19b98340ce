import {
  formatTanggal,
  type ImportIssue,
  OPD_COLUMNS,
  PEGAWAI_COLUMNS,
  pesan,
  type RawRow,
} from '@sigap/domain';
import { type SigapDatabase, type Trx, withTenant } from '../../db/database.ts';
import { kunciImpor } from '../../db/kunci.ts';
import { AppError } from '../../errors.ts';
import { jeda } from '../../pekerja/jeda.ts';
import { bukaJson } from '../../pekerja/json.ts';
import { diPekerja } from '../../pekerja/pekerja.ts';
import { type Actor, insertAudit } from '../audit/audit.repository.ts';
import type { LingkupTanggal } from '../org/org.service.ts';
import { tenantToday } from '../pengaturan/pengaturan.service.ts';
import { exportOpdRows, exportPegawaiRows } from './ekspor.service.ts';
import * as repo from './impor.repository.ts';
import { lengkapiKolom, periksaKolom } from './kolom.ts';

export type JenisImpor = 'opd' | 'pegawai';

/** What an import did. A failed import did nothing and lists every bad row instead. */
export interface ImportSummary {
  readonly jenis: JenisImpor;
  readonly baris: number;
  readonly dibuat: number;
  readonly diubah: number;
  readonly tidakBerubah: number;
}

export interface ImportOptions {
  readonly actor: Actor;
  /** OPD ids the caller may write to (null = the whole Pemda). */
  readonly writableOpdIds: ReadonlySet<string> | null;
  /** Date the new placements take effect (default: today in the Pemda's zone). */
  readonly berlakuMulai?: string | undefined;
  /**
   * The importer's scope by date, for a scoped importer: a placement rewritten from an earlier date
   * must find the person in their scope on every day from then to today.
   */
  readonly lingkupPada?: ((trx: Trx) => LingkupTanggal) | undefined;
  readonly onProgress?: ((phase: 'validasi' | 'simpan', done: number, total: number) => void) | undefined;
}

function failed(issues: ImportIssue[]): AppError {
  return new AppError(
    'IMPOR_GAGAL',
    pesan(
      `Impor dibatalkan: ${issues.length} masalah ditemukan; tidak ada data yang diubah`,
      `Import cancelled: ${issues.length} problems found; nothing was changed`,
    ),
    issues,
  );
}

/**
 * Refuses the rows whose change would start before the latest dated change already stored for them
 * (a move, a rename, a departure): history is not rewritten backwards, and versions never overlap.
 */
async function tolakBerlakuMundur(
  trx: Trx,
  jenis: JenisImpor,
  day: string,
  changes: readonly { id: string; key: string }[],
  barisOf: ReadonlyMap<string, number>,
) {
  if (changes.length === 0) return;
  const terakhir = await (jenis === 'opd'
    ? repo.hariVersiTerakhir(trx, 'opd_versi', 'opd_id')
    : repo.hariVersiTerakhir(trx, 'pegawai_versi', 'pegawai_id'));
  const issues: ImportIssue[] = [];
  for (const c of changes) {
    const hari = terakhir.get(c.id);
    if (hari === undefined || hari <= day) continue;
    const apa =
      jenis === 'opd'
        ? { id: `OPD ${c.key}`, en: `OPD ${c.key}` }
        : { id: `Penempatan pegawai ${c.key}`, en: `The placement of employee ${c.key}` };
    issues.push({
      baris: barisOf.get(c.key) ?? 0,
      kolom: null,
      kode: 'BERLAKU_MUNDUR',
      pesan: pesan(
        `${apa.id} terakhir berubah pada ${formatTanggal(hari)}, sesudah tanggal berlaku impor ${formatTanggal(day)}; riwayat tidak dapat diubah mundur — impor dengan tanggal berlaku ${formatTanggal(hari)} atau sesudahnya`,
        `${apa.en} last changed on ${formatTanggal(hari, 'en')}, after the import's effective date ${formatTanggal(day, 'en')}; history cannot be rewritten backwards — import with an effective date of ${formatTanggal(hari, 'en')} or later`,
      ),
    });
  }
  if (issues.length > 0) throw failed(issues.sort((a, b) => a.baris - b.baris));
}

/** Refreshes planner statistics after a large import (PGlite has no autovacuum to do it). */
async function analyzeAfter(sdb: SigapDatabase, changed: number, tables: string[]) {
  if (changed < 200) return;
  // One table per statement, with a pause between: other requests are answered in between. On
  // PGlite the statement runs on the server's thread: a sample of 6,000 rows (statistics target 20)
  // instead of PostgreSQL's 30,000 keeps each one short and is plenty for these tables' plans.
  const target = sdb.kind === 'pglite' ? 'SET LOCAL default_statistics_target = 20; ' : '';
  for (const t of tables) {
    await sdb.runScript(`BEGIN; ${target}ANALYZE ${t}; COMMIT;`);
    await jeda();
  }
}

/**
 * Imports OPDs and units, all-or-nothing: validates every row first, then writes only what differs
 * from the stored registry, in one transaction, with an audit entry per change.
 */
export async function importOpd(
  sdb: SigapDatabase,
  tenantId: string,
  table: { headers: string[]; rows: RawRow[] },
  opts: ImportOptions,
): Promise<ImportSummary> {
  const headerIssues = periksaKolom(table.headers, 'opd');
  if (headerIssues.length > 0) throw failed(headerIssues);
  if (opts.writableOpdIds !== null) {
    throw new AppError(
      'DILARANG',
      pesan('Impor OPD hanya untuk admin Pemda atau BKPSDM', 'Only Pemda or BKPSDM admins may import OPDs'),
    );
  }
  const summary = await withTenant(sdb, tenantId, async (trx): Promise<ImportSummary> => {
    // One registry import per Pemda at a time; what is read below is what the previous one left.
    await kunciImpor(trx, tenantId, 'registri');
    const current = await repo.loadCurrentOpd(trx);
    opts.onProgress?.('validasi', 0, table.rows.length);
    const existing = new Map([...current.values()].map((c) => [c.kode, { indukKode: c.indukKode }]));
    // Columns left out keep what is stored for the OPDs already registered.
    const rows = await lengkapiKolom(
      table.rows,
      table.headers,
      OPD_COLUMNS,
      async () => exportOpdRows(trx, await tenantToday(trx, tenantId)),
      (v) => (v.kode ?? '').trim(),
    );
    const v = await diPekerja('validasiOpd', { rows, existing });
    if (!v.ok) throw failed(v.issues);
    opts.onProgress?.('validasi', table.rows.length, table.rows.length);
    const day = opts.berlakuMulai ?? (await tenantToday(trx, tenantId));
    const changes = repo.planOpd(v.records, current);
    await tolakBerlakuMundur(trx, 'opd', day, changes, new Map(v.records.map((r) => [r.kode, r.baris])));
    await repo.applyOpd(trx, tenantId, day, changes, current);
    const dibuat = changes.filter((c) => c.before === null).length;
    await insertAudit(
      trx,
      tenantId,
      opts.actor,
      changes.map((c) => ({
        aksi: c.before ? 'ubah' : 'buat',
        entitas: 'opd',
        entitasId: c.key,
        ringkasan: `${c.before ? 'Mengubah' : 'Menambah'} OPD ${c.key} (${c.after.nama}) lewat impor`,
        sebelum: c.before ?? undefined,
        sesudah: c.after,
      })),
    );
    opts.onProgress?.('simpan', table.rows.length, table.rows.length);
    return {
      jenis: 'opd',
      baris: table.rows.length,
      dibuat,
      diubah: changes.length - dibuat,
      tidakBerubah: table.rows.length - changes.length,
    };
  });
  await analyzeAfter(sdb, summary.dibuat + summary.diubah, ['opd', 'opd_versi']);
  return summary;
}

/** Imports employees, all-or-nothing, like importOpd; an OPD admin may only touch their own subtree. */
export async function importPegawai(
  sdb: SigapDatabase,
  tenantId: string,
  table: { headers: string[]; rows: RawRow[] },
  opts: ImportOptions,
): Promise<ImportSummary> {
  const headerIssues = periksaKolom(table.headers, 'pegawai');
  if (headerIssues.length > 0) throw failed(headerIssues);
  const total = table.rows.length;
  const summary = await withTenant(sdb, tenantId, async (trx): Promise<ImportSummary> => {
    // One registry import per Pemda at a time: the "before" values audited below are read after the
    // previous import has committed, so they are what this one replaces.
    await kunciImpor(trx, tenantId, 'registri');
    const opd = await repo.loadCurrentOpd(trx);
    const current = await repo.loadCurrentPegawai(trx);
    opts.onProgress?.('validasi', 0, total);
    const now = await tenantToday(trx, tenantId);
    const day = opts.berlakuMulai ?? now;
    // Columns left out keep what is stored (home locations included: this is the record keeper).
    const rows = await lengkapiKolom(
      table.rows,
      table.headers,
      [...PEGAWAI_COLUMNS, 'id_pegawai'],
      () => exportPegawaiRows(trx, now, { opdIds: null, selfPegawaiId: null }),
      (v) => (v.nip ?? '').replace(/\s+/g, '') || (v.id_pegawai ?? '').trim(),
    );
    // Validation and planning run in a worker thread: the server keeps answering meanwhile.
    const v = await diPekerja('validasiPegawai', {
      rows,
      opdKodes: new Set([...opd.values()].map((o) => o.kode)),
      existing: new Map([...current].map(([k, c]) => [k, { atasanKey: c.atasanKey }])),
      today: now, // an appointment (TMT) cannot lie after today, whatever date the placement takes effect
    });
    if (!v.ok) throw failed(v.issues);
    const opdIdOf = new Map([...opd].map(([k, o]) => [k, o.id]));
    if (opts.writableOpdIds !== null) {
      const scopeIssues: ImportIssue[] = [];
      const lingkup = day < now ? opts.lingkupPada?.(trx) : undefined;
      await lingkup?.muat(v.records.flatMap((r) => current.get((r.nip ?? r.idPegawai)!)?.id ?? []));
      for (const r of v.records) {
        const target = opdIdOf.get(r.opdKode.toUpperCase())!;
        const cur = current.get((r.nip ?? r.idPegawai)!);
        const outside =
          !opts.writableOpdIds.has(target) ||
          (cur?.opd_id && !opts.writableOpdIds.has(cur.opd_id)) ||
          (cur && lingkup && !(await lingkup.meliputi(cur.id, day, now)));
        if (outside) {
          scopeIssues.push({
            baris: r.baris,
            kolom: 'opd_kode',
            kode: 'DI_LUAR_CAKUPAN',
            pesan: pesan(
              `Pegawai ini (atau OPD ${r.opdKode}) di luar OPD yang Anda kelola, hari ini atau sejak tanggal berlaku ${formatTanggal(day)}`,
              `This employee (or OPD ${r.opdKode}) lies outside the OPDs you manage, today or since the effective date ${formatTanggal(day, 'en')}`,
            ),
          });
        }
      }
      if (scopeIssues.length > 0) throw failed(scopeIssues);
    }
    opts.onProgress?.('validasi', total, total);
    const k = await diPekerja('planPegawai', { records: v.records, current, opdIdOf });
    const plan: repo.PegawaiPlan = {
      identity: await bukaJson(k.identity),
      placement: await bukaJson(k.placement),
    };
    await tolakBerlakuMundur(
      trx,
      'pegawai',
      day,
      plan.placement,
      new Map(v.records.map((r) => [(r.nip ?? r.idPegawai)!, r.baris])),
    );
    await repo.applyPegawai(trx, tenantId, day, plan, current, (done) =>
      opts.onProgress?.('simpan', done, total),
    );
    const byKey = new Map<
      string,
      { identity?: repo.Change<repo.PegawaiIdentity>; placement?: repo.Change<repo.PegawaiPlacement> }
    >();
    for (const c of plan.identity) byKey.set(c.key, { ...byKey.get(c.key), identity: c });
    for (const c of plan.placement) byKey.set(c.key, { ...byKey.get(c.key), placement: c });
    const created = new Set(plan.identity.filter((c) => c.before === null).map((c) => c.key));
    // A generator: the entries are built 500 at a time as they are written (insertAudit).
    function* entri() {
      for (const [key, c] of byKey)
        yield {
          aksi: created.has(key) ? 'buat' : 'ubah',
          entitas: 'pegawai',
          entitasId: key,
          ringkasan: `${created.has(key) ? 'Menambah' : 'Mengubah'} pegawai ${key} (${c.identity?.after.nama ?? current.get(key)?.nama ?? ''}) lewat impor`,
          sebelum: created.has(key)
            ? undefined
            : { ...(c.identity?.before ?? {}), ...(c.placement?.before ?? {}) },
          sesudah: { ...(c.identity?.after ?? {}), ...(c.placement?.after ?? {}) },
        };
    }
    await insertAudit(trx, tenantId, opts.actor, entri());
    opts.onProgress?.('simpan', total, total);
    return {
      jenis: 'pegawai',
      baris: total,
      dibuat: created.size,
      diubah: byKey.size - created.size,
      tidakBerubah: total - byKey.size,
    };
  });
  await analyzeAfter(sdb, summary.dibuat + summary.diubah, ['pegawai', 'pegawai_versi', 'audit_log']);
  return summary;
}
