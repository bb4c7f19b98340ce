import { expect } from 'vitest';
import { type SigapDatabase, withTenant } from '../src/db/database.ts';
import { type App, buildApp } from '../src/http/app.ts';
import { freshDatabase } from './db.ts';
import { PASSWORD, seedSmallPemda } from './fixtures.ts';

/** The headers a signed-in request carries: the session cookie and its CSRF token. */
export type Sesi = { cookie: string; 'x-csrf-token': string };

/** Signs `username` in through the real route (the fixtures' password unless given). */
export async function masuk(
  app: App,
  username: string,
  opsi: { pemda?: string; password?: string } = {},
): Promise<Sesi> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { ...(opsi.pemda ? { pemda: opsi.pemda } : {}), username, password: opsi.password ?? PASSWORD },
  });
  expect(res.statusCode, res.body).toBe(200);
  const c = res.cookies.find((x) => x.name === 'sigap_sid')!;
  return { cookie: `sigap_sid=${c.value}`, 'x-csrf-token': res.json<{ csrf_token: string }>().csrf_token };
}

/** A fresh database with the small Pemda of the fixtures, and the app on it (not listening). */
export async function appUji(kode: string, berlaku: string) {
  const sdb = await freshDatabase();
  const tenantId = await seedSmallPemda(sdb, kode, berlaku);
  const app = await buildApp({ sdb, serveWeb: false, loginRateLimit: 1000 });
  await app.ready();
  return {
    sdb,
    app,
    tenantId,
    async tutup() {
      await app.close();
      await sdb.cleanup();
    },
  };
}

/**
 * For face check-in tests: every hour of every day is working time and no day is a holiday (the verdicts do
 * not depend on when the suite runs), and the challenge asks only the movements the sample photos show
 * (turning left and right).
 */
export async function absenSepanjangHari(sdb: SigapDatabase, tenantId: string): Promise<void> {
  await withTenant(sdb, tenantId, async (trx) => {
    await trx.deleteFrom('hari_libur').execute();
    const jam = Object.fromEntries(
      ['1', '2', '3', '4', '5', '6', '7'].map((d) => [
        d,
        { mulai: '00:00', selesai: '23:59', istirahatMenit: 0 },
      ]),
    );
    await trx
      .updateTable('tenant')
      .set({ jam_kerja: JSON.stringify(jam), langkah_tantangan: ['toleh_kiri', 'toleh_kanan'] })
      .where('id', '=', tenantId)
      .execute();
  });
}
