import { Worker } from 'node:worker_threads';
import { composeNip, OPD_COLUMNS } from '@sigap/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../test/db.ts';
import { withTenant } from '../db/database.ts';
import { SYSTEM_ACTOR } from '../modules/audit/audit.repository.ts';
import { upsertUser } from '../modules/auth/akun.service.ts';
import { PEGAWAI_EXPORT_COLUMNS, toCsv } from '../modules/impor/ekspor.service.ts';
import { ensureTenant, seedHolidays } from '../modules/pengaturan/pengaturan.service.ts';
import { type App, buildApp } from './app.ts';

/**
 * "Heavy work runs off the request thread": the real server, listening on a port, answers
 * /api/health within a second every time it is asked, all through a 50,000-person import and a
 * 15,000-person schedule build. The health poller runs in its own worker thread, so a blocked server
 * thread shows as a late answer however the blocking falls between polls.
 */
const PEOPLE = 50_000;
const BUILD_PEOPLE = 15_000; // the people of OPD T0's subtree
const PASSWORD = 'rahasia-uji-123';
/**
 * The target: every answer within one second (issue 8). This test runs alone (vitest project `alone`,
 * after each db pass): on a 2-core machine another process loading both cores delays any thread,
 * whatever the server does. Measured alone on the 2-core machine: max 0.25–0.30 s on PGlite (median
 * 17–22 ms), 0.21 s on PostgreSQL
 * (before the last round of work: 0.55 s; the first code stalled 71 s). What still holds the thread
 * longest (≈0.2–0.4 s each, found by timing the event loop): preparing a build's period (the
 * organisation, the schedule in force, locks and absences) before it goes to the solver worker, and
 * taking the solver's 150,000 cells back.
 */
const STALL_MS = 1_000;

let sdb: Awaited<ReturnType<typeof freshDatabase>>;
let app: App;
let base: string;

/** 10 top OPDs with 9 units each; T0's subtree holds BUILD_PEOPLE people, the others share the rest. */
function files() {
  const opd: Record<string, string>[] = [];
  for (let t = 0; t < 10; t++) {
    opd.push({
      kode: `T${t}`,
      nama: `Dinas ${t}`,
      jenis: 'dinas',
      induk_kode: '',
      kelas_layanan: 'non_pelayanan',
      lat: '-7.8800',
      lng: '112.5300',
      radius_m: '100',
    });
    for (let u = 1; u <= 9; u++)
      opd.push({ kode: `T${t}-U${u}`, nama: `Bidang ${t}.${u}`, jenis: 'lainnya', induk_kode: `T${t}` });
  }
  const pegawai: Record<string, string>[] = [];
  for (let i = 0; i < PEOPLE; i++) {
    const top = i < BUILD_PEOPLE ? 0 : 1 + (i % 9);
    const unit = 1 + (i % 9);
    const y = 1965 + (i % 35);
    const lahir = `${y}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    const nip = composeNip({
      lahir,
      tmtYear: y + 25,
      tmtMonth: 3,
      sex: (1 + (i % 2)) as 1 | 2,
      urut: 1 + Math.floor(i / 420), // (year, month, day, sex) repeat every lcm(35, 12, 28, 2) = 420 people
    });
    pegawai.push({
      nip,
      nama: `Pegawai ${i}`,
      jenis_pegawai: 'pns',
      jabatan_level: 'pelaksana',
      jabatan: 'Analis',
      opd_kode: `T${top}-U${unit}`,
    });
  }
  return { opd: toCsv(OPD_COLUMNS, opd), pegawai: toCsv(PEGAWAI_EXPORT_COLUMNS, pegawai) };
}

/** Polls /api/health from another thread; `stop` resolves with every answer time in ms. */
function pollHealth(url: string) {
  const w = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
     const times = []; let on = true;
     parentPort.on('message', () => { on = false; });
     (async () => {
       while (on) {
         const t0 = performance.now();
         try { const r = await fetch(workerData.url); await r.text(); times.push(performance.now() - t0); }
         catch { times.push(Infinity); }
         await new Promise((ok) => setTimeout(ok, 100));
       }
       parentPort.postMessage(times);
     })();`,
    { eval: true, workerData: { url } },
  );
  return {
    stop: () =>
      new Promise<number[]>((ok) => {
        w.once('message', (times: number[]) => {
          void w.terminate();
          ok(times);
        });
        w.postMessage('stop');
      }),
  };
}

beforeAll(async () => {
  sdb = await freshDatabase();
  const t = await ensureTenant(sdb.db, {
    kode: 'kota-besar',
    nama: 'Kota Besar',
    jenis: 'kota',
    zonaWaktu: 'Asia/Jakarta',
  });
  await withTenant(sdb, t.id, async (trx) => {
    await seedHolidays(trx, t.id);
    await upsertUser(trx, t.id, SYSTEM_ACTOR, {
      username: 'admin',
      nama: 'admin',
      password: PASSWORD,
      roles: [{ role: 'pemda_admin' }],
    });
  });
  app = await buildApp({ sdb, serveWeb: false, loginRateLimit: 1000 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
}, 120_000);

afterAll(async () => {
  await app?.close();
  await sdb?.cleanup();
});

describe('the server stays responsive under heavy work', () => {
  it('answers /api/health within a second all through a 50,000-person import and a 15,000-person build', async () => {
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: PASSWORD }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const { csrf_token: csrf } = (await login.json()) as { csrf_token: string };
    const headers = { cookie, 'x-csrf-token': csrf };
    const f = files();

    const impor = async (jenis: string, body: string) => {
      const r = await fetch(`${base}/api/impor/${jenis}?nama=${jenis}.csv&berlaku=2025-01-01`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'text/csv' },
        body,
      });
      expect(r.status).toBe(202);
      const { id } = (await r.json()) as { id: string };
      for (;;) {
        await new Promise((ok) => setTimeout(ok, 250));
        const j = (await (await fetch(`${base}/api/impor/${id}`, { headers })).json()) as {
          status: string;
          hasil: { dibuat: number } | null;
          galat: unknown;
        };
        if (j.status !== 'berjalan') return j;
      }
    };

    expect((await impor('opd', f.opd)).galat).toBeNull();
    const poller = pollHealth(`${base}/api/health`);
    const t0 = performance.now();
    const peg = await impor('pegawai', f.pegawai);
    const tImpor = performance.now() - t0;
    expect(JSON.stringify(peg.galat).slice(0, 600)).toBe('null');
    expect(peg.hasil?.dibuat).toBe(PEOPLE);

    const t1 = performance.now();
    const build = await fetch(`${base}/api/jadwal/buat`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ dari: '2025-03-03', sampai: '2025-03-14', opd_kode: 'T0' }),
    });
    const tBuild = performance.now() - t1;
    const times = await poller.stop();
    expect(build.status).toBe(200);
    expect(((await build.json()) as { pegawai: number }).pegawai).toBe(BUILD_PEOPLE);

    const max = Math.max(...times);
    console.log(
      `responsive: import ${(tImpor / 1000).toFixed(1)} s, build ${(tBuild / 1000).toFixed(1)} s, ${times.length} health polls, max ${max.toFixed(0)} ms, median ${times.sort((a, b) => a - b)[times.length >> 1]!.toFixed(0)} ms`,
    );
    expect(times.length).toBeGreaterThan(10);
    expect(max).toBeLessThan(STALL_MS);
  }, 600_000);
});
