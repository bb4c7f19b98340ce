import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { teks } from '@sigap/domain';
import type { Command } from 'commander';
import { AppError } from '../../errors.ts';
import { lang, t } from '../bantuan.ts';
import { progressBar } from '../progress.ts';
import { cetakMasalah, mAktor, mBaca, mImpor, tenantOf, UserError, withDb } from '../umum.ts';

// sigap import opd|pegawai: the registry from CSV/XLSX, all or nothing.

export function perintahImpor(program: Command): void {
  const imp = program
    .command('import')
    .description(
      t(
        'mengimpor OPD atau pegawai (CSV/XLSX), semua atau tidak sama sekali',
        'imports OPDs or employees (CSV/XLSX), all or nothing',
      ),
    );
  for (const jenis of ['opd', 'pegawai'] as const) {
    imp
      .command(jenis)
      .argument('<file>', t('berkas .csv atau .xlsx', '.csv or .xlsx file'))
      .option(
        '--berlaku <tanggal>',
        t(
          'tanggal mulai berlaku (YYYY-MM-DD); bawaan hari ini',
          'effective date (YYYY-MM-DD); default today',
        ),
      )
      .description(
        jenis === 'opd'
          ? t('mengimpor OPD dan unit', 'imports OPDs and units')
          : t('mengimpor pegawai', 'imports employees'),
      )
      .action(async (file: string, o: { berlaku?: string }, cmd: Command) =>
        withDb(cmd, async (sdb) => {
          const tenantId = await tenantOf(sdb, cmd);
          let data: Buffer;
          try {
            data = readFileSync(file);
          } catch {
            throw new UserError(`Berkas ${file} tidak dapat dibaca`);
          }
          const [{ readTable }, { SYSTEM_ACTOR }, { importOpd, importPegawai }] = await Promise.all([
            mBaca(),
            mAktor(),
            mImpor(),
          ]);
          const bar = progressBar();
          try {
            const table = await readTable(data, basename(file));
            const opts = {
              actor: SYSTEM_ACTOR,
              writableOpdIds: null,
              berlakuMulai: o.berlaku,
              onProgress: (f: string, d: number, n: number) => bar.update(f, d, n),
            };
            const r =
              jenis === 'opd'
                ? await importOpd(sdb, tenantId, table, opts)
                : await importPegawai(sdb, tenantId, table, opts);
            bar.stop();
            console.log(
              `${file}: ${r.baris} baris — ${r.dibuat} baru, ${r.diubah} diubah, ${r.tidakBerubah} tidak berubah.`,
            );
          } catch (e) {
            bar.stop();
            if (e instanceof AppError && e.issues) {
              console.error(`${file}: ${teks(e.pesan, lang)}`);
              cetakMasalah(file, e.issues);
              throw new UserError('');
            }
            throw e;
          }
        }),
      );
  }
}
