import { JENIS_CUTI } from '@sigap/domain';
import type { Command } from 'commander';
import { t } from '../bantuan.ts';
import { bacaTabel, denganMasalahBerkas, mAktor, mCuti, mDb, tenantOf, withDb } from '../umum.ts';

// sigap leave: approved absences from CSV/XLSX.

export function perintahCuti(program: Command): void {
  const leave = program
    .command('leave')
    .description(t('daftar cuti, sakit dan isolasi', 'leave, sickness and isolation'));
  leave
    .command('import')
    .argument(
      '<file>',
      t(
        'berkas .csv atau .xlsx: nip,jenis,dari,sampai,keterangan (id_pegawai untuk non-ASN)',
        '.csv or .xlsx file: nip,jenis,dari,sampai,keterangan (id_pegawai for non-ASN)',
      ),
    )
    .description(
      t(
        `mengimpor ketidakhadiran yang sudah disetujui (jenis: ${JENIS_CUTI.join(', ')}); semua atau tidak sama sekali`,
        `imports approved absences (kinds: ${JENIS_CUTI.join(', ')}); all or nothing`,
      ),
    )
    .action(async (file: string, _o: unknown, cmd: Command) =>
      withDb(cmd, async (sdb) => {
        const [{ withTenant }, { SYSTEM_ACTOR }, { impor: imporCuti }] = await Promise.all([
          mDb(),
          mAktor(),
          mCuti(),
        ]);
        const tenantId = await tenantOf(sdb, cmd);
        const table = await bacaTabel(file);
        const r = await denganMasalahBerkas(file, () =>
          withTenant(sdb, tenantId, (trx) => imporCuti(trx, tenantId, SYSTEM_ACTOR, table, null)),
        );
        console.log(
          `${file}: ${r.jumlah} ketidakhadiran dicatat${r.jadwal ? `; ${r.jadwal.sel} sel jadwal menjadi tidak hadir` : ''}.`,
        );
      }),
    );
}
