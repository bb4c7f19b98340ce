import { openDatabase } from './db/database.ts';
import { buildApp, trustProxyFrom } from './http/app.ts';
import { ensureWebBuilt } from './web-build.ts';

/** Opens the database (running migrations), builds the web app if needed, and listens. */
export async function startServer(o: { db: string; port: number; host: string; logger?: boolean }) {
  await ensureWebBuilt((s) => console.log(s));
  const sdb = await openDatabase(o.db);
  const app = await buildApp({
    sdb,
    logger: o.logger ?? false,
    secureCookies: process.env.SIGAP_SECURE_COOKIES === '1',
    trustProxy: trustProxyFrom(process.env.SIGAP_TRUST_PROXY),
  });
  await app.listen({ port: o.port, host: o.host });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : o.port;
  const url = `http://${o.host === '0.0.0.0' ? 'localhost' : o.host}:${port}`;
  const stop = async () => {
    await app.close();
    await sdb.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  return { app, sdb, url };
}
