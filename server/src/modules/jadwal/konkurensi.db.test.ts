import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/db.ts';
import { NIP, PASSWORD, seedSmallPemda } from '../../../test/fixtures.ts';
import { menunggu as menungguDi, tahan as tahanDi, tungguSampai } from '../../../test/latch.ts';
import { withTenant } from '../../db/database.ts';
import { type App, buildApp } from '../../http/app.ts';
import { SYSTEM_ACTOR } from '../audit/audit.repository.ts';
import { simpan } from '../kebijakan/kebijakan.service.ts';

/**
 * Schedule writes fired at the same moment through the real app. On PostgreSQL each request runs on
 * its own connection, and a second connection holds a table or row lock (a latch) so the race is the
 * same every run: the rebuild is held between reading the unit heads' locks and writing its version;
 * the three publications are held just before their UPDATE. On PGlite (one connection) the requests
 * are serialised by the database itself and the same outcome must hold.
 */
let sdb: Awaited<ReturnType<typeof freshDatabase>>;
let app: App;
let tenantId: string;
const S = new Map<string, { cookie: string; csrf: string }>();
const DARI = '2020-03-30';
const SAMPAI = '2020-04-03';

async function signIn(username: string) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: PASSWORD },
  });
  expect(res.statusCode, res.body).toBe(200);
  const c = res.cookies.find((x) => x.name === 'sigap_sid')!;
  return { cookie: `sigap_sid=${c.value}`, csrf: res.json<{ csrf_token: string }>().csrf_token };
}

function headers(who: string) {
  const s = S.get(who)!;
  return { cookie: s.cookie, 'x-csrf-token': s.csrf };
}

function call(who: string, method: 'GET' | 'POST', url: string, payload?: unknown) {
  return app.inject({ method, url, payload: payload as string, headers: headers(who) });
}

const pg = () => sdb.kind === 'postgres';
const tahan = (kunci: string) => tahanDi(sdb, kunci);
const menunggu = (f: { jenis?: string; tabel?: string } = {}) => menungguDi(sdb, f);

beforeAll(async () => {
  sdb = await freshDatabase();
  tenantId = await seedSmallPemda(sdb, 'kota-konkuren', '2020-01-01');
  const kudus = readFileSync(
    new URL('../../../../examples/policies/kudus-2020.yaml', import.meta.url),
    'utf8',
  );
  await withTenant(sdb, tenantId, (trx) => simpan(trx, tenantId, SYSTEM_ACTOR, kudus, '2026-11-23'));
  app = await buildApp({ sdb, serveWeb: false, loginRateLimit: 1000 });
  await app.ready();
  for (const u of ['admin', 'kepala.umum', 'pegawai']) S.set(u, await signIn(u));
});
afterAll(async () => {
  await app?.close();
  await sdb?.cleanup();
});

type Grid = {
  hari: { tanggal: string }[];
  orang: { key: string; sel: ({ s: string; k?: 1 } | null)[] }[];
};

async function bangun() {
  const r = await call('admin', 'POST', '/api/jadwal/buat', { dari: DARI, sampai: SAMPAI });
  expect(r.statusCode, r.body).toBe(200);
  return r.json<{ id: string }>().id;
}

/** Every unit head's lock against the published schedule in force: the pairs that disagree. */
async function kunciTidakCocok() {
  return withTenant(sdb, tenantId, async (trx) => {
    const r = await sql<{ pegawai_id: string; tanggal: string; kunci: string; jadwal: string | null }>`
      SELECT k.pegawai_id, k.tanggal::text AS tanggal, k.status AS kunci,
             (SELECT s.status FROM jadwal_sel s JOIN jadwal j ON j.tenant_id = s.tenant_id AND j.id = s.jadwal_id
               WHERE s.pegawai_id = k.pegawai_id AND s.tanggal = k.tanggal AND j.status = 'terbit'
               ORDER BY j.dibuat_pada DESC LIMIT 1) AS jadwal
      FROM jadwal_kunci k`.execute(trx);
    return { kunci: r.rows.length, beda: r.rows.filter((x) => x.kunci !== x.jadwal) };
  });
}

describe('schedule writes at the same moment', () => {
  it('a unit head’s change made while a rebuild runs survives the rebuild and its publication', async () => {
    expect((await call('admin', 'POST', `/api/jadwal/${await bangun()}/terbit`)).statusCode).toBe(200);
    const g = (
      await call('kepala.umum', 'GET', `/api/jadwal/grid?dari=${DARI}&sampai=${SAMPAI}&opd=BAG-UMUM`)
    ).json<Grid>();
    const staf = g.orang.find((o) => o.key === NIP.staf)!;
    const i = staf.sel.findIndex((c) => c?.s === 'WFO');
    expect(i, 'the clerk draws at least one office day in five').toBeGreaterThanOrEqual(0);
    const hari = g.hari[i]!.tanggal;

    // The rebuild reads the locks, then waits (on PostgreSQL) at the table it reads next.
    const lepas = pg() ? await tahan('LOCK TABLE permintaan_jadwal IN ACCESS EXCLUSIVE MODE') : null;
    const rebuild = call('admin', 'POST', '/api/jadwal/buat', { dari: DARI, sampai: SAMPAI });
    if (pg())
      await tungguSampai(async () => (await menunggu({ tabel: 'permintaan_jadwal' })) === 1, 'rebuild held');
    // Meanwhile the unit head sends the clerk home that day.
    const ubah = call('kepala.umum', 'POST', '/api/jadwal/sel', {
      key: NIP.staf,
      tanggal: hari,
      status: 'WFH',
    });
    if (lepas) {
      // it either finishes at once or waits for the rebuild; either way the rebuild then goes on
      let selesai = false;
      await Promise.race([
        ubah.then(() => {
          selesai = true;
        }),
        tungguSampai(
          async () => (await menunggu({ jenis: 'advisory' })) === 1,
          'change',
          () => selesai,
        ),
      ]);
      await lepas();
    }
    const [rb, ub] = await Promise.all([rebuild, ubah]);
    expect(rb.statusCode, rb.body).toBe(200);
    expect(ub.statusCode, ub.body).toBe(200);

    const terbit = await call('admin', 'POST', `/api/jadwal/${rb.json<{ id: string }>().id}/terbit`);
    expect(terbit.statusCode, terbit.body).toBe(200);
    // the clerk's published schedule shows the unit head's choice, and the lock table agrees
    const mine = (await call('pegawai', 'GET', `/api/jadwal-saya?dari=${hari}&sampai=${hari}`)).json<{
      hari: { status: string }[];
    }>();
    expect(mine.hari[0]!.status).toBe('WFH');
    const after = (
      await call('kepala.umum', 'GET', `/api/jadwal/grid?dari=${DARI}&sampai=${SAMPAI}&opd=BAG-UMUM`)
    ).json<Grid>();
    expect(after.orang.find((o) => o.key === NIP.staf)!.sel[i]).toMatchObject({ s: 'WFH', k: 1 });
    expect(await kunciTidakCocok()).toEqual({ kunci: 1, beda: [] });
  });

  it('three publications of one draft at once: one publishes, two are told in words, one set of notices', async () => {
    const id = await bangun();
    const jumlah = async () =>
      withTenant(sdb, tenantId, async (trx) => ({
        pemberitahuan: Number(
          (
            await trx
              .selectFrom('pemberitahuan')
              .select((eb) => eb.fn.countAll().as('n'))
              .where('jenis', '=', 'jadwal_terbit')
              .executeTakeFirstOrThrow()
          ).n,
        ),
        audit: Number(
          (
            await trx
              .selectFrom('audit_log')
              .select((eb) => eb.fn.countAll().as('n'))
              .where('aksi', '=', 'terbitkan')
              .where('entitas_id', '=', id)
              .executeTakeFirstOrThrow()
          ).n,
        ),
      }));
    const sebelum = await jumlah();
    // All three are held before they change the version's row (on PostgreSQL).
    const lepas = pg() ? await tahan(`SELECT 1 FROM jadwal WHERE id = '${id}' FOR UPDATE`) : null;
    const semua = [1, 2, 3].map(() => call('admin', 'POST', `/api/jadwal/${id}/terbit`));
    if (lepas) {
      await tungguSampai(async () => (await menunggu()) === 3, 'three publications held');
      await lepas();
    }
    const res = await Promise.all(semua);
    expect(res.map((r) => r.statusCode).sort()).toEqual([200, 409, 409]);
    for (const r of res.filter((x) => x.statusCode === 409)) {
      expect(r.json()).toMatchObject({ code: 'KONFLIK', message: expect.stringMatching(/sudah terbit/) });
    }
    const ok = res.find((r) => r.statusCode === 200)!.json<{ diberitahu: number }>();
    expect(ok.diberitahu).toBe(8);
    const sesudah = await jumlah();
    expect(sesudah.pemberitahuan - sebelum.pemberitahuan).toBe(8);
    expect(sesudah.audit - sebelum.audit).toBe(1);
    const v = (await call('admin', 'GET', `/api/jadwal?dari=${DARI}&sampai=${SAMPAI}`))
      .json<{ id: string; status: string }[]>()
      .find((x) => x.id === id)!;
    expect(v.status).toBe('terbit');
  });

  it('a version whose cells contradict a unit head’s lock is not published; the refusal names the cell', async () => {
    const kunci = await withTenant(sdb, tenantId, (trx) =>
      trx.selectFrom('jadwal_kunci').select(['tanggal', 'status']).executeTakeFirstOrThrow(),
    );
    expect(kunci.status).toBe('WFH');
    // a recap made by hand that puts the clerk at the office on the locked day
    const r = await app.inject({
      method: 'POST',
      url: '/api/jadwal/impor?nama=rekap.csv',
      payload: `tanggal,nip,status\n${kunci.tanggal},${NIP.staf},WFO\n`,
      headers: { ...headers('admin'), 'content-type': 'text/csv' },
    });
    expect(r.statusCode, r.body).toBe(200);
    const t = await call('admin', 'POST', `/api/jadwal/${r.json<{ id: string }>().id}/terbit`);
    expect(t.statusCode, t.body).toBe(409);
    expect(t.json<{ message: string }>().message).toMatch(
      /^Jadwal tidak diterbitkan: 1 sel berbeda dari perubahan kepala unit yang dikunci — Budi Staf \(199003032015031003\) .+ 2020: dikunci WFH, di jadwal WFO\. Buat ulang jadwal/,
    );
    // nothing changed: the lock and the published schedule still agree
    expect(await kunciTidakCocok()).toEqual({ kunci: 1, beda: [] });
  });
});
