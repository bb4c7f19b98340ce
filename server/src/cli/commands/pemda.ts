import { JENIS_PEMDA, teks, ZONA_WAKTU } from '@sigap/domain';
import { type Command, Option } from 'commander';
import { AppError } from '../../errors.ts';
import { lang, t } from '../bantuan.ts';
import { MasukanSalah, mDb, mPengaturan, withDb } from '../umum.ts';

// sigap pemda: creating a Pemda (tenant).

export function perintahPemda(program: Command): void {
  const pemda = program
    .command('pemda')
    .description(t('mengelola Pemda (tenant)', 'manages Pemdas (tenants)'));
  pemda
    .command('create')
    .description(
      t(
        'membuat Pemda baru dengan jam kerja Perpres 21/2023 dan kalender libur nasional',
        'creates a Pemda with Perpres 21/2023 working hours and the national holiday calendar',
      ),
    )
    .requiredOption('--kode <kode>', t('kode huruf kecil, mis. kab-kudus', 'lower-case code, e.g. kab-kudus'))
    .requiredOption(
      '--nama <nama>',
      t('nama, mis. "Pemerintah Kabupaten Kudus"', 'name, e.g. "Pemerintah Kabupaten Kudus"'),
    )
    .addOption(
      new Option('--jenis <jenis>', t('jenis Pemda', 'kind of Pemda'))
        .choices(JENIS_PEMDA)
        .makeOptionMandatory(),
    )
    .addOption(
      new Option('--zona <zona>', t('zona waktu IANA', 'IANA time zone'))
        .choices(ZONA_WAKTU)
        .default('Asia/Jakarta'),
    )
    .action(
      async (
        o: {
          kode: string;
          nama: string;
          jenis: (typeof JENIS_PEMDA)[number];
          zona: (typeof ZONA_WAKTU)[number];
        },
        cmd: Command,
      ) => {
        const [{ withTenant }, { ensureTenant, periksaTenantBaru, seedHolidays }] = await Promise.all([
          mDb(),
          mPengaturan(),
        ]);
        // A wrong code or name is refused before the data folder is opened (or created).
        const masukan = (e: unknown) =>
          e instanceof AppError && (e.code === 'VALIDASI' || e.code === 'KONFLIK')
            ? new MasukanSalah(teks(e.pesan, lang).replace(/^kode:/, '--kode:'))
            : e;
        try {
          periksaTenantBaru(o, { kode: '--kode', nama: '--nama' });
        } catch (e) {
          throw masukan(e);
        }
        await withDb(
          cmd,
          async (sdb) => {
            const t = await ensureTenant(sdb.db, {
              kode: o.kode,
              nama: o.nama,
              jenis: o.jenis,
              zonaWaktu: o.zona,
            }).catch((e: unknown) => {
              throw masukan(e);
            });
            const n = await withTenant(sdb, t.id, (trx) => seedHolidays(trx, t.id));
            console.log(
              t.created ? `Pemda ${o.kode} dibuat (${n} hari libur dimuat).` : `Pemda ${o.kode} sudah ada.`,
            );
          },
          { membuat: true },
        );
      },
    );
}
