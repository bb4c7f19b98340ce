import type { SigapDatabase } from '../../db/database.ts';
import { jalankanRetensi } from './retensi.service.ts';

/**
 * Runs the retention job once a minute after the server starts and then every 24 hours, off the request
 * path (a timer; its work is a few deletes per Pemda). Two servers on one PostgreSQL may both run it: the
 * deletes are idempotent, the second finds nothing left. A failure is logged and retried the next day.
 */
export function mulaiRetensiHarian(
  sdb: SigapDatabase,
  log: (pesan: string) => void,
  opsi: { awalMs?: number; selangMs?: number } = {},
): () => void {
  let timer: NodeJS.Timeout | null = null;
  let berhenti = false;
  const jalan = async () => {
    try {
      const r = await jalankanRetensi(sdb, new Date());
      const n = r.fotoWajah + r.bingkaiTinjauan + r.percobaanDitolak + r.tantangan + r.laporanLokasi;
      if (n > 0)
        log(
          `Retensi harian / daily retention: ${r.percobaanDitolak} percobaan ditolak, ${r.bingkaiTinjauan} gambar tinjauan, ${r.fotoWajah} foto wajah, ${r.tantangan} tantangan, ${r.laporanLokasi} laporan lokasi dihapus`,
        );
    } catch (e) {
      log(`Retensi harian gagal, dicoba lagi besok / daily retention failed, retried tomorrow: ${String(e)}`);
    } finally {
      if (!berhenti) timer = setTimeout(() => void jalan(), opsi.selangMs ?? 86_400_000).unref();
    }
  };
  timer = setTimeout(() => void jalan(), opsi.awalMs ?? 60_000).unref();
  return () => {
    berhenti = true;
    if (timer) clearTimeout(timer);
  };
}
