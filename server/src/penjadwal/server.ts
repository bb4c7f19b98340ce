import type { SigapDatabase } from '../db/database.ts';
import { daftarTugasDorong, siapkanKunciDorong } from '../modules/dorong/kirim.service.ts';
import { daftarRetensiHarian } from '../modules/retensi/jadwal-harian.ts';
import { daftarTugasWfh } from '../modules/wfh/pengingat.service.ts';
import { buatPenjadwal, hapusKunciLama, type Penjadwal } from './penjadwal.ts';

/**
 * The server's scheduler with every task of the app registered, started; and the Web Push keys made if this
 * is the installation's first start. Add a task here (or in the function its module exports, called from here).
 */
export async function mulaiPenjadwalServer(
  sdb: SigapDatabase,
  log: (pesan: string) => void,
): Promise<Penjadwal> {
  const p = buatPenjadwal(sdb, { log });
  daftarRetensiHarian(p);
  daftarTugasDorong(p);
  daftarTugasWfh(p);
  p.daftarTugas('penjadwal_bersih', async (_d, k) => {
    await hapusKunciLama(k.sdb);
  });
  p.jadwalkan('penjadwal_bersih', '30 2 * * *', { zona: 'Asia/Jakarta', susulanMenit: 24 * 60 });
  await p.mulai();
  await siapkanKunciDorong(sdb, log);
  return p;
}
