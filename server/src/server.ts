import { openDatabase } from './db/database.ts';
import { buildApp, trustProxyFrom } from './http/app.ts';
import { mulaiPenjadwalServer } from './penjadwal/server.ts';
import { ensureWebBuilt } from './web-build.ts';

/** Opens the database (running migrations), builds the web app if needed, and listens. */
export async function startServer(o: { db: string; port: number; host: string; logger?: boolean }) {
  // The database first: a folder another process holds is refused before any other work.
  const sdb = await openDatabase(o.db);
  try {
    await ensureWebBuilt((s) => console.log(s));
  } catch (e) {
    await sdb.close();
    throw e;
  }
  const app = await buildApp({
    sdb,
    logger: o.logger ?? false,
    secureCookies: process.env.SIGAP_SECURE_COOKIES === '1',
    trustProxy: trustProxyFrom(process.env.SIGAP_TRUST_PROXY),
    jagaStatistik: true,
    hangatkan: true,
  });
  await app.listen({ port: o.port, host: o.host });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : o.port;
  const url = `http://${o.host === '0.0.0.0' ? 'localhost' : o.host}:${port}`;
  sdb.umumkan({ url }); // a CLI command refused on this PGlite folder names the server's address
  // Scheduled and deferred work (retention, reminders, Web Push): after listening, so a slow queue start
  // never delays the first request; stopped before the database closes.
  const penjadwal = await mulaiPenjadwalServer(sdb, (s) => console.log(s));
  const stop = async () => {
    await app.close();
    await penjadwal.berhenti();
    await sdb.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  return { app, sdb, url, penjadwal };
}
