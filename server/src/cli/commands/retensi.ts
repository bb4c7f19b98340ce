import type { Command } from 'commander';
import { t } from '../bantuan.ts';
import { withDb } from '../umum.ts';

// sigap retention run: the daily retention job by hand or from cron (the server also runs it once a day).

const mRetensi = () => import('../../modules/retensi/retensi.service.ts');

export function perintahRetensi(program: Command): void {
  const retensi = program
    .command('retention')
    .description(t('masa simpan data (docs/privacy.md)', 'data retention (docs/privacy.md)'));
  retensi
    .command('run')
    .description(
      t(
        'menghapus di semua Pemda data yang masa simpannya habis: percobaan absen yang ditolak (90 hari), gambar tinjauan, foto wajah, tantangan; server menjalankannya sekali sehari',
        'deletes in every Pemda the data whose keeping period ended: refused check-in attempts (90 days), review frames, face photos, challenges; the server runs it once a day',
      ),
    )
    .action(async (_o: unknown, cmd: Command) =>
      withDb(cmd, async (sdb) => {
        const { jalankanRetensi } = await mRetensi();
        const r = await jalankanRetensi(sdb, new Date());
        console.log(
          t(
            `Dihapus: ${r.percobaanDitolak} percobaan absen ditolak, ${r.bingkaiTinjauan} gambar tinjauan, ${r.fotoWajah} foto wajah, ${r.tantangan} tantangan, ${r.laporanLokasi} laporan lokasi WFH.`,
            `Deleted: ${r.percobaanDitolak} refused check-in attempts, ${r.bingkaiTinjauan} review frames, ${r.fotoWajah} face photos, ${r.tantangan} challenges, ${r.laporanLokasi} WFH location reports.`,
          ),
        );
      }),
    );
}
