import { randomUUID } from 'node:crypto';
import { type ImportIssue, pesan } from '@sigap/domain';
import { type SigapDatabase, withTenant } from '../../db/database.ts';
import { galatTabrakan } from '../../db/kunci.ts';
import { AppError } from '../../errors.ts';
import { type Actor, insertAudit, SYSTEM_ACTOR } from '../audit/audit.repository.ts';
import { listTenants } from '../pengaturan/pengaturan.repository.ts';
import * as repo from './impor.repository.ts';
import type { ImportSummary } from './impor.service.ts';
import { batasiMasalah, type MasalahTerbatas } from './masalah.ts';

/** Progress of an import running on the server, polled by the web page for its progress bar. */
export interface ImportJob {
  readonly id: string;
  readonly tenantId: string;
  readonly jenis: string;
  readonly namaBerkas: string;
  /** Who started it (a scoped admin sees only their own jobs) */
  readonly userId: string | null;
  status: 'berjalan' | 'berhasil' | 'gagal';
  fase: 'baca' | 'validasi' | 'simpan' | 'selesai';
  diproses: number;
  total: number;
  hasil: ImportSummary | null;
  /**
   * Why it failed: in words, with at most MAKS_MASALAH_IMPOR problems listed (then one MASALAH_LAIN
   * entry), their total and a count per code (masalah.ts).
   */
  galat:
    | ({ code: string; pesan: { id: string; en: string }; issues: readonly ImportIssue[] } & Partial<
        Omit<MasalahTerbatas, 'issues'>
      >)
    | null;
}

const jobs = new Map<string, ImportJob>();
const KEEP_MS = 60 * 60_000;

/**
 * Starts an import in the background and returns its job at once. The job is also recorded in the
 * import_job table with its outcome, so the history of imports outlives the process.
 */
export async function startImportJob(
  sdb: SigapDatabase,
  meta: { tenantId: string; actor: Actor; jenis: 'opd' | 'pegawai'; namaBerkas: string },
  run: (progress: (fase: ImportJob['fase'], done: number, total: number) => void) => Promise<ImportSummary>,
): Promise<ImportJob> {
  const id = randomUUID();
  const job: ImportJob = {
    id,
    tenantId: meta.tenantId,
    jenis: meta.jenis,
    namaBerkas: meta.namaBerkas,
    userId: meta.actor.userId,
    status: 'berjalan',
    fase: 'baca',
    diproses: 0,
    total: 0,
    hasil: null,
    galat: null,
  };
  jobs.set(id, job);
  await withTenant(sdb, meta.tenantId, (trx) =>
    repo.insertImportJob(trx, meta.tenantId, id, { ...meta, userId: meta.actor.userId }),
  );
  const finish = async () => {
    await withTenant(sdb, meta.tenantId, async (trx) => {
      await repo.finishImportJob(trx, id, {
        status: job.status,
        total: job.total,
        diproses: job.diproses,
        hasil: job.hasil ?? job.galat,
      });
      // One entry per run, also when it failed and changed nothing: who tried to import what.
      await insertAudit(trx, meta.tenantId, meta.actor, [
        {
          aksi: job.status === 'berhasil' ? 'impor' : 'impor_gagal',
          entitas: `impor_${meta.jenis}`,
          entitasId: id,
          ringkasan:
            job.status === 'berhasil' && job.hasil
              ? `Impor ${meta.jenis} ${meta.namaBerkas}: ${job.hasil.baris} baris, ${job.hasil.dibuat} baru, ${job.hasil.diubah} diubah, ${job.hasil.tidakBerubah} tidak berubah`
              : `Impor ${meta.jenis} ${meta.namaBerkas} gagal: ${job.galat?.jumlahMasalah ?? job.galat?.issues.length ?? 0} masalah; tidak ada data yang diubah`,
          sesudah:
            job.status === 'berhasil'
              ? job.hasil
              : { code: job.galat?.code, masalah: job.galat?.jumlahMasalah ?? job.galat?.issues.length ?? 0 },
        },
      ]);
    }).catch(() => undefined);
    setTimeout(() => jobs.delete(id), KEEP_MS).unref();
  };
  void run((fase, done, total) => {
    job.fase = fase;
    job.diproses = done;
    job.total = total;
  })
    .then((hasil) => {
      job.status = 'berhasil';
      job.fase = 'selesai';
      job.hasil = hasil;
      job.diproses = job.total;
    })
    .catch((e: unknown) => {
      job.status = 'gagal';
      job.fase = 'selesai';
      // Never the database's own text: a collision with another write in words, anything else as a
      // server error (its detail goes to the server's log).
      const a = e instanceof AppError ? e : galatTabrakan(e, { id: 'Impor ini', en: 'This import' });
      if (!a) console.error(`impor ${meta.jenis} ${id}:`, e);
      // A file with 100,000 bad rows keeps (in memory and in the table) only the first problems.
      job.galat = a
        ? { code: a.code, pesan: a.pesan, ...batasiMasalah(a.issues ?? []) }
        : {
            code: 'KESALAHAN_SERVER',
            pesan: {
              id: 'Kesalahan server saat mengimpor; tidak ada data yang diubah. Coba lagi atau hubungi admin',
              en: 'A server error occurred during the import; nothing was changed. Try again or contact the admin',
            },
            issues: [],
          };
    })
    .finally(() => void finish());
  return job;
}

/** A job of this tenant, from memory while recent, otherwise from the table. */
export async function getImportJob(
  sdb: SigapDatabase,
  tenantId: string,
  id: string,
): Promise<ImportJob | null> {
  const j = jobs.get(id);
  if (j && j.tenantId === tenantId) return j;
  const row = await withTenant(sdb, tenantId, (trx) => repo.findImportJob(trx, id));
  if (!row) return null;
  const hasil = row.hasil as Record<string, unknown> | null;
  return {
    id: row.id,
    tenantId,
    jenis: row.jenis,
    namaBerkas: row.nama_berkas,
    userId: row.user_id,
    status: row.status as ImportJob['status'],
    fase: row.status === 'berjalan' ? 'simpan' : 'selesai',
    diproses: row.diproses,
    total: row.total,
    hasil: row.status === 'berhasil' ? (hasil as unknown as ImportSummary) : null,
    galat: row.status === 'gagal' ? (hasil as unknown as ImportJob['galat']) : null,
  };
}

/**
 * Marks the imports a previous run of the server left "berjalan" as failed: the process that ran them
 * is gone (a crash, a restart), and their transaction was rolled back with it, so nothing was changed.
 * Runs when the server starts; the page then shows the job failed in words instead of running forever.
 */
export async function tandaiImporTerhenti(sdb: SigapDatabase): Promise<number> {
  const tenants = await listTenants(sdb.db);
  let n = 0;
  for (const t of tenants) {
    n += await withTenant(sdb, t.id, async (trx) => {
      const rows = await repo.importJobBerjalan(trx);
      let ditandai = 0;
      for (const r of rows) {
        if (jobs.has(r.id)) continue; // running in this process (a second app on one database in tests)
        const galat: NonNullable<ImportJob['galat']> = {
          code: 'IMPOR_TERHENTI',
          pesan: pesan(
            `Impor ${r.nama_berkas} terhenti karena server dimulai ulang; tidak ada data yang diubah — unggah berkasnya lagi`,
            `Import of ${r.nama_berkas} stopped because the server was restarted; nothing was changed — upload the file again`,
          ),
          issues: [],
        };
        await repo.gagalkanImportJob(trx, r.id, galat);
        await insertAudit(trx, t.id, SYSTEM_ACTOR, [
          {
            aksi: 'impor_gagal',
            entitas: `impor_${r.jenis}`,
            entitasId: r.id,
            ringkasan: galat.pesan.id,
            sesudah: { code: galat.code },
          },
        ]);
        ditandai++;
      }
      return ditandai;
    });
  }
  return n;
}
