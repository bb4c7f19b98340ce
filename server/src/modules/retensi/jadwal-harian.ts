import type { Penjadwal } from '../../penjadwal/penjadwal.ts';
import { jalankanRetensi } from './retensi.service.ts';

/** The daily retention's task name on the scheduler. */
export const TUGAS_RETENSI = 'retensi_harian';

/**
 * Registers the retention as a daily task on the scheduler (server/src/penjadwal): at 02:00 Jakarta time,
 * off the request path, once per day however many servers share the database; a start catches up the day's
 * run when the server was down at 02:00 (window 24 hours). Its work is a few deletes per Pemda, idempotent.
 * A failure is retried by the queue (backoff); `sigap retention run` still runs it by hand.
 */
export function daftarRetensiHarian(p: Penjadwal) {
  p.daftarTugas(
    TUGAS_RETENSI,
    async (_data, k) => {
      const r = await jalankanRetensi(k.sdb, new Date());
      const n = r.fotoWajah + r.bingkaiTinjauan + r.percobaanDitolak + r.tantangan + r.laporanLokasi;
      if (n > 0)
        k.log(
          `Retensi harian / daily retention: ${r.percobaanDitolak} percobaan ditolak, ${r.bingkaiTinjauan} gambar tinjauan, ${r.fotoWajah} foto wajah, ${r.tantangan} tantangan, ${r.laporanLokasi} laporan lokasi dihapus`,
        );
    },
    { ulang: 3, jedaDetik: 600 },
  );
  p.jadwalkan(TUGAS_RETENSI, '0 2 * * *', { zona: 'Asia/Jakarta', susulanMenit: 24 * 60 });
}
