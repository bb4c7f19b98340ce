import type { SigapDatabase } from '../../db/database.ts';
import { withTenant } from '../../db/database.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import { listTenants } from '../pengaturan/pengaturan.repository.ts';
import { hapusKedaluwarsa } from '../wajah/wajah.service.ts';
import * as repo from './retensi.repository.ts';

/*
 * The daily retention job (issue 10 item 9; docs/privacy.md "Retention"): in every Pemda, deletes what has
 * been kept as long as its documented period allows, and writes one audit row per Pemda that lost anything.
 * The server runs it once a day on its scheduler (jadwal-harian.ts); `sigap retention run` runs it by hand or from cron.
 * What is the attendance record itself (accepted events, corrections, dinas luar) is not deleted by it.
 */

/** The documented periods (docs/privacy.md). */
export const RETENSI = {
  /** refused check-in attempts (with their location): long enough for a person to ask about one */
  percobaanDitolakHari: 90,
  /** liveness challenges, used or expired */
  tantanganHari: 1,
} as const;

export interface HasilRetensi {
  readonly fotoWajah: number;
  readonly bingkaiTinjauan: number;
  readonly percobaanDitolak: number;
  readonly tantangan: number;
  /** location reports from home older than the Pemda's `wfh_simpan_lokasi_hari` (docs/wfh.md §5) */
  readonly laporanLokasi: number;
}

const HARI = 86_400_000;

/** Runs every retention rule once at `now`; safe to run twice (the second run deletes nothing). */
export async function jalankanRetensi(sdb: SigapDatabase, now: Date = new Date()): Promise<HasilRetensi> {
  const { foto } = await hapusKedaluwarsa(sdb, now);
  let bingkaiTinjauan = 0;
  let percobaanDitolak = 0;
  let tantangan = 0;
  let laporanLokasi = 0;
  for (const t of await listTenants(sdb.db)) {
    await withTenant(sdb, t.id, async (trx) => {
      const b = await repo.hapusBingkaiKedaluwarsa(trx, now);
      const p = await repo.hapusPercobaanDitolak(
        trx,
        new Date(now.getTime() - RETENSI.percobaanDitolakHari * HARI),
      );
      const c = await repo.hapusTantanganLama(trx, new Date(now.getTime() - RETENSI.tantanganHari * HARI));
      const hariLokasi = await repo.simpanLokasiHari(trx, t.id);
      const l = await repo.hapusLaporanLokasi(trx, new Date(now.getTime() - hariLokasi * HARI));
      bingkaiTinjauan += b;
      percobaanDitolak += p;
      tantangan += c;
      laporanLokasi += l;
      if (l > 0)
        await insertAudit(trx, t.id, { userId: null, nama: 'sistem' }, [
          {
            aksi: 'retensi',
            entitas: 'laporan_lokasi',
            entitasId: null,
            ringkasan: `Retensi harian: ${l} laporan lokasi WFH yang lebih dari ${hariLokasi} hari dihapus`,
            sesudah: { laporan_lokasi: l },
          },
        ]);
      if (b + p > 0) {
        await insertAudit(trx, t.id, { userId: null, nama: 'sistem' }, [
          {
            aksi: 'retensi',
            entitas: 'kehadiran',
            entitasId: null,
            ringkasan: `Retensi harian: ${p} percobaan absen yang ditolak (lebih dari ${RETENSI.percobaanDitolakHari} hari) dan ${b} gambar tinjauan yang masa simpannya habis dihapus`,
            sesudah: { percobaan_ditolak: p, gambar_tinjauan: b },
          },
        ]);
      }
    });
  }
  return { fotoWajah: foto, bingkaiTinjauan, percobaanDitolak, tantangan, laporanLokasi };
}
