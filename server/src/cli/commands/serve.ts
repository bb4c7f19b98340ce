import { type Command, Option } from 'commander';
import { t } from '../bantuan.ts';
import { globals, mServer, periksaFolderData } from '../umum.ts';

// sigap serve: the web app and API.

export function perintahServe(program: Command): void {
  program
    .command('serve')
    .description(
      t(
        'menjalankan aplikasi web dan API (migrasi dijalankan saat mulai)',
        'runs the web app and API (migrations run at start)',
      ),
    )
    .addOption(new Option('--port <port>', t('port', 'port')).env('PORT').default('3000'))
    .addOption(new Option('--host <host>', t('alamat', 'address')).env('SIGAP_HOST').default('127.0.0.1'))
    .action(async (o: { port: string; host: string }, cmd: Command) => {
      periksaFolderData(globals(cmd).db, false);
      const { startServer } = await mServer();
      const s = await startServer({ db: globals(cmd).db, port: Number(o.port), host: o.host });
      console.log(`Sigap berjalan di / is running at: ${s.url}`);
    });
}
