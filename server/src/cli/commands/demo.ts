import { type Command, Option } from 'commander';
import { t } from '../bantuan.ts';
import { progressBar } from '../progress.ts';
import { globals, mDb, mDemo, mServer, periksaFolderData } from '../umum.ts';

// sigap demo: seeds the demo Pemda, then serves it.

async function printAccounts(url: string) {
  const { DEMO_ACCOUNTS } = await import('../../demo/data.ts');
  console.log(`\nSigap berjalan di / is running at: ${url}`);
  console.log('Akun demo / demo sign-ins (Pemda: kota-batu):');
  for (const a of DEMO_ACCOUNTS)
    console.log(`  ${a.username.padEnd(14)} ${a.password}   ${a.role}${a.opdKode ? ` (${a.opdKode})` : ''}`);
  console.log('Tekan Ctrl+C untuk berhenti / press Ctrl+C to stop.');
}

export function perintahDemo(program: Command): void {
  program
    .command('demo')
    .description(
      t(
        'mengisi Pemda contoh (idempoten), lalu menjalankan server',
        'seeds the demo Pemda (idempotent), then runs the server',
      ),
    )
    .option('--no-serve', t('hanya mengisi data, tanpa server', 'only seed the data, no server'))
    .addOption(new Option('--port <port>', t('port', 'port')).env('PORT').default('3000'))
    .addOption(new Option('--host <host>', t('alamat', 'address')).env('SIGAP_HOST').default('127.0.0.1'))
    .action(async (o: { serve: boolean; port: string; host: string }, cmd: Command) => {
      const db = globals(cmd).db;
      periksaFolderData(db, true);
      const [{ openDatabase }, { seedDemo }, { startServer }] = await Promise.all([
        mDb(),
        mDemo(),
        mServer(),
      ]);
      const sdb = await openDatabase(db);
      const bar = progressBar();
      let r: Awaited<ReturnType<typeof seedDemo>>;
      try {
        r = await seedDemo(sdb, (fase, done, total) => bar.update(`demo ${fase}`, done, total));
      } finally {
        bar.stop();
        await sdb.close();
      }
      console.log(
        `Demo: ${r.opd.baris} OPD/unit (${r.opd.dibuat} baru), ${r.pegawai.baris} pegawai (${r.pegawai.dibuat} baru), ${r.akunDibuat} akun baru.`,
      );
      if (r.jadwal) {
        console.log(
          `Jadwal contoh 17–28 Agustus 2020 diterbitkan: ${r.jadwal.pegawai} pegawai × ${r.jadwal.hari} hari, ${r.jadwal.ketidakhadiran} cuti/sakit/isolasi, ${r.jadwal.pelanggaran} pelanggaran.`,
        );
      }
      if (!o.serve) return;
      const s = await startServer({ db, port: Number(o.port), host: o.host });
      await printAccounts(s.url);
    });
}
