import { teks } from '@sigap/domain';
import { Command, CommanderError, Option } from 'commander';
import { FolderDipakai } from '../db/folder-lock.ts';
import { AppError } from '../errors.ts';
import { lang, pasangBantuan, t } from './bantuan.ts';
import { perintahAkun } from './commands/akun.ts';
import { perintahCuti } from './commands/cuti.ts';
import { perintahDemo } from './commands/demo.ts';
import { perintahEkspor } from './commands/ekspor.ts';
import { perintahImpor } from './commands/impor.ts';
import { perintahJadwal } from './commands/jadwal.ts';
import { perintahKebijakan } from './commands/kebijakan.ts';
import { perintahKehadiran } from './commands/kehadiran.ts';
import { perintahPemda } from './commands/pemda.ts';
import { perintahRetensi } from './commands/retensi.ts';
import { perintahServe } from './commands/serve.ts';
import { perintahWajah } from './commands/wajah.ts';
import { MasukanSalah, UserError } from './umum.ts';

// The `sigap` command line: the program and its global options, one file per command group in
// commands/ (each calls services), and the exit codes: 0 done, 1 a wrong file, row or field (or a
// failure), 2 a wrong option value (nothing written). docs/CONTRIBUTING.md, docs/ARCHITECTURE.md.

const program = new Command('sigap')
  .description(
    t(
      'Sigap — sistem kerja ASN Pemda (WFH/WFO/piket)',
      "Sigap — work arrangements for a Pemda's civil servants (WFH/WFO/piket)",
    ),
  )
  .addOption(
    new Option('--db <url>', t('postgres:// URL atau folder PGlite', 'postgres:// URL or PGlite folder'))
      .env('DATABASE_URL')
      .default('./data'),
  )
  .addOption(
    new Option(
      '--tenant <kode>',
      t('kode Pemda bila lebih dari satu', 'Pemda code when there is more than one'),
    ).env('SIGAP_TENANT'),
  )
  .exitOverride()
  .showHelpAfterError();

// In this order in `sigap --help`.
perintahServe(program);
perintahDemo(program);
perintahPemda(program);
perintahImpor(program);
perintahEkspor(program);
perintahKebijakan(program);
perintahJadwal(program);
perintahCuti(program);
perintahKehadiran(program);
perintahAkun(program);
perintahWajah(program);
perintahRetensi(program);

pasangBantuan(program);
try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) {
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.exitCode === 0)
      process.exit(0);
    process.exit(2);
  }
  if (e instanceof UserError) {
    if (e.message) console.error(e.message);
    process.exit(1);
  }
  if (e instanceof MasukanSalah) {
    console.error(e.message);
    process.exit(2);
  }
  if (e instanceof AppError || e instanceof FolderDipakai) {
    console.error(teks(e.pesan, lang));
    process.exit(1);
  }
  console.error(e);
  process.exit(1);
}
