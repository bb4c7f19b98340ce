import { writeFileSync } from 'node:fs';
import { OPD_COLUMNS } from '@sigap/domain';
import { Argument, type Command, Option } from 'commander';
import { t } from '../bantuan.ts';
import { mDb, mEkspor, mOrg, tenantOf, UserError, withDb } from '../umum.ts';

// sigap export opd|pegawai: the registry in the import format.

export function perintahEkspor(program: Command): void {
  program
    .command('export')
    .addArgument(new Argument('<jenis>', t('opd atau pegawai', 'opd or pegawai')).choices(['opd', 'pegawai']))
    .addOption(
      new Option('--format <format>', t('format', 'format')).choices(['csv', 'xlsx', 'json']).default('csv'),
    )
    .option('--out <file>', t('berkas tujuan (bawaan: layar)', 'output file (default: screen)'))
    .option('--tanggal <tanggal>', t('data per tanggal (YYYY-MM-DD)', 'data as of this date (YYYY-MM-DD)'))
    .description(
      t(
        'mengekspor dalam format impor (bolak-balik tanpa perubahan)',
        'exports in the import format (a round trip changes nothing)',
      ),
    )
    .action(
      async (
        jenis: 'opd' | 'pegawai',
        o: { format: 'csv' | 'xlsx' | 'json'; out?: string; tanggal?: string },
        cmd: Command,
      ) => {
        await withDb(cmd, async (sdb) => {
          const [{ withTenant }, { tenantToday }, ekspor] = await Promise.all([mDb(), mOrg(), mEkspor()]);
          const { exportOpdRows, exportPegawaiRows, PEGAWAI_EXPORT_COLUMNS, toCsv, toXlsx } = ekspor;
          const tenantId = await tenantOf(sdb, cmd);
          const rows = await withTenant(sdb, tenantId, async (trx) => {
            const asOf = o.tanggal ?? (await tenantToday(trx, tenantId));
            return jenis === 'opd'
              ? exportOpdRows(trx, asOf)
              : exportPegawaiRows(trx, asOf, { opdIds: null, selfPegawaiId: null });
          });
          const columns = jenis === 'opd' ? OPD_COLUMNS : PEGAWAI_EXPORT_COLUMNS;
          const out: string | Buffer =
            o.format === 'json'
              ? `${JSON.stringify(rows, null, 2)}\n`
              : o.format === 'xlsx'
                ? await toXlsx(jenis, columns, rows)
                : toCsv(columns, rows);
          if (o.out) {
            writeFileSync(o.out, out);
            console.error(`${rows.length} baris ditulis ke ${o.out}`);
          } else if (o.format === 'xlsx') {
            throw new UserError('Format xlsx perlu --out <berkas>');
          } else process.stdout.write(out);
        });
      },
    );
}
