import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/db.ts';
import { PASSWORD, seedSmallPemda } from '../../../test/fixtures.ts';
import { withTenant } from '../../db/database.ts';
import { type App, buildApp } from '../../http/app.ts';
import { insertImportJob } from './impor.repository.ts';

let sdb: Awaited<ReturnType<typeof freshDatabase>>;
let tenantId: string;
let app: App | undefined;

beforeAll(async () => {
  sdb = await freshDatabase();
  tenantId = await seedSmallPemda(sdb);
}, 60_000);

afterAll(async () => {
  await app?.close();
  await sdb.cleanup();
});

describe('an import the server was running when it stopped', () => {
  it('is marked failed, in words, when the server starts again', async () => {
    // What a crash mid-import leaves behind: the job row says "berjalan" and no process runs it.
    const id = randomUUID();
    await withTenant(sdb, tenantId, (trx) =>
      insertImportJob(trx, tenantId, id, { jenis: 'pegawai', namaBerkas: 'pegawai.xlsx', userId: null }),
    );

    app = await buildApp({ sdb, serveWeb: false, loginRateLimit: 1000 });
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: PASSWORD },
    });
    const cookie = `sigap_sid=${login.cookies.find((c) => c.name === 'sigap_sid')!.value}`;
    const res = await app.inject({ method: 'GET', url: `/api/impor/${id}`, headers: { cookie } });
    expect(res.statusCode).toBe(200);
    const job = res.json<{
      status: string;
      fase: string;
      galat: { code: string; pesan: { id: string; en: string } };
    }>();
    expect(job.status).toBe('gagal');
    expect(job.fase).toBe('selesai');
    expect(job.galat.code).toBe('IMPOR_TERHENTI');
    expect(job.galat.pesan.id).toContain('pegawai.xlsx terhenti karena server dimulai ulang');
    expect(job.galat.pesan.id).toContain('tidak ada data yang diubah');
    expect(job.galat.pesan.en).toContain('stopped because the server was restarted');

    const audit = await withTenant(sdb, tenantId, (trx) =>
      trx.selectFrom('audit_log').select(['aksi', 'ringkasan']).where('entitas_id', '=', id).execute(),
    );
    expect(audit).toMatchObject([{ aksi: 'impor_gagal' }]);
  }, 30_000);
});
