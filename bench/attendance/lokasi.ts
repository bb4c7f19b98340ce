// bench/attendance/lokasi.ts (npm run bench:lokasi): location reports from home at the opening of a slot, and the
// WFH status of a month, on PostgreSQL; figures and ratios measured in one run, no pass/fail (docs/benchmarks.md).
//  1. pgbench's single-INSERT rate into a table shaped like `laporan_lokasi` (LIKE … INCLUDING ALL), C clients,
//     on the server scripts/pg.mjs starts at default durability: the reference;
//  2. Sigap's real HTTP server (`node bin/sigap.mjs serve --db <url>`, a child process) taking one report from
//     each of N people (default 15,000: a Pemda's whole WFH staff in one slot's first minutes), each over its
//     own session, from C concurrent keep-alive connections: reports per second, p50/p99, the ratio to pgbench,
//     how long all N took against the ten minutes the issue allows; every report checked stored exactly once;
//  3. the day status of the N people over a month (31 days, every one a WFH day with up to 5 report slots, every
//     slot of 22 working days reported: 1.65 million report rows at N = 15,000): what a nightly status run or
//     the month's recap reads, `statusPeriode` in one process, in seconds.
// The Pemda (N people in 30 OPDs, homes in the registry, a Kudus-like policy: WFH reports every two hours) is
// seeded through the project's own imports; the accounts, sessions, schedule and past reports are written with
// SQL (a bench's shortcut: 15,000 password hashes would take minutes and measure nothing of this).
// Usage: node bin/run-ts.mjs bench/attendance/lokasi.ts [--n 15000] [--c 10] [--tanpa-bulan]
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addDays, composeNip, localDate, OPD_COLUMNS } from '@sigap/domain';
import pg from 'pg';
import { stringify } from 'yaml';
import { findPgBin, startPostgres } from '../../scripts/pg.mjs';
import { openDatabase, withTenant } from '../../server/src/db/database.ts';
import { SYSTEM_ACTOR } from '../../server/src/modules/audit/audit.repository.ts';
import { readTable } from '../../server/src/modules/impor/baca-tabel.ts';
import { PEGAWAI_EXPORT_COLUMNS, toCsv } from '../../server/src/modules/impor/ekspor.service.ts';
import { importOpd, importPegawai } from '../../server/src/modules/impor/impor.service.ts';
import { simpan } from '../../server/src/modules/kebijakan/kebijakan.service.ts';
import { statusPeriode } from '../../server/src/modules/kehadiran/status.service.ts';
import { ensureTenant } from '../../server/src/modules/pengaturan/pengaturan.service.ts';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const N = Number(arg('n') ?? 15_000);
const C = Number(arg('c') ?? 10);
const BULAN = !process.argv.includes('--tanpa-bulan');
const OPD = 30;
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const RUMAH = { lat: -7.87, lng: 112.526 };

const pgBin = findPgBin();
if (!pgBin) {
  console.log('PostgreSQL server binaries not found (apt-get install postgresql): nothing measured');
  process.exit(0);
}
console.log(
  `bench/attendance/lokasi — node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? '?'}, load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')} at start; ${N.toLocaleString('en')} people, ${C} concurrent clients`,
);

function berkas() {
  const opd = Array.from({ length: OPD }, (_, i) => ({
    kode: `OPD${i}`,
    nama: `Dinas ${i}`,
    jenis: 'dinas',
    induk_kode: '',
    kelas_layanan: 'non_pelayanan',
    sektor: '',
    lat: (-7.87 + i / 1000).toFixed(4),
    lng: '112.5260',
    radius_m: '100',
  }));
  const pegawai: Record<string, string>[] = [];
  const dipakai = new Set<string>();
  for (let i = 0; i < N; i++) {
    const lahir = `${1965 + (i % 30)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    let urut = 1;
    const nipDari = (u: number) =>
      composeNip({ lahir, tmtYear: 2020 + (i % 5), tmtMonth: 3, sex: (1 + (i % 2)) as 1 | 2, urut: u });
    let nip = nipDari(urut);
    while (dipakai.has(nip)) nip = nipDari(++urut);
    dipakai.add(nip);
    pegawai.push({
      nip,
      nama: `Pegawai ${i}`,
      jenis_pegawai: 'pns',
      jabatan_level: 'pelaksana',
      jabatan: 'Analis',
      opd_kode: `OPD${i % OPD}`,
      atasan_nip: '',
      email: '',
      telepon: '',
      // each at home ~ a few km from the centre
      rumah_lat: (RUMAH.lat + ((i % 97) - 48) / 2000).toFixed(6),
      rumah_lng: (RUMAH.lng + ((i % 89) - 44) / 2000).toFixed(6),
      id_pegawai: '',
    });
  }
  return { opd, pegawai };
}

/**
 * Kudus 2020's absensi rule: every two hours, five slots over nine to ten hours that hold the hour the bench
 * runs in (so the run's reports land in a slot whenever it runs).
 */
const JAM_KINI = Math.floor((Date.now() / 3_600_000 + 7) % 24);
/** Five two-hour slots (the last until 23:59 when the window starts at 14:00) that hold the hour of the run. */
const JAM_MULAI = Math.min(JAM_KINI, 14);
const LAPOR_DARI = `${String(JAM_MULAI).padStart(2, '0')}:00`;
const LAPOR_SAMPAI = JAM_MULAI + 9 >= 23 ? '23:59' : `${String(JAM_MULAI + 9).padStart(2, '0')}:00`;
const SLOT = 5;
const kebijakan = (dari: string, sampai: string) =>
  stringify({
    id: 'bench-wfh',
    versi: 1,
    judul: 'Bench: WFH melapor lokasi tiap dua jam',
    jenis_dokumen: 'surat_edaran',
    nomor: '800/BENCH/2026',
    tanggal: dari,
    penandatangan: { jabatan: 'Wali Kota' },
    status: 'aktif',
    berlaku: { dari, sampai },
    aturan: [
      {
        id: 'absensi-wfh-lokasi',
        judul: 'WFH melapor lokasi tiap dua jam',
        pilih: { semua: true },
        hasil: {
          jenis: 'absensi',
          wfo: 'elektronik',
          wfh: 'lokasi_berkala',
          lokasi_setiap_jam: 2,
          lokasi_dari: LAPOR_DARI,
          lokasi_sampai: LAPOR_SAMPAI,
        },
      },
    ],
  });

const pgDir = mkdtempSync(join(tmpdir(), 'sigap-bench-lokasi-'));
const server = await startPostgres(pgDir, { durable: true });
const url = server.url;
const port = Number(new URL(url).port);
let sigap: ChildProcess | null = null;
try {
  const t0 = performance.now();
  const sdb = await openDatabase(url);
  const { opd, pegawai } = berkas();
  const tenant = await ensureTenant(sdb.db, {
    kode: 'bench-lokasi',
    nama: 'Pemerintah Bench',
    jenis: 'kota',
    zonaWaktu: 'Asia/Jakarta',
  });
  const tenantId = tenant.id;
  const hariIni = localDate(new Date(), 'Asia/Jakarta');
  const awalBulan = addDays(hariIni, -30);
  const opts = { actor: SYSTEM_ACTOR, writableOpdIds: null, berlakuMulai: '2025-01-01' };
  await importOpd(sdb, tenantId, await readTable(Buffer.from(toCsv(OPD_COLUMNS, opd)), 'opd.csv'), opts);
  await importPegawai(
    sdb,
    tenantId,
    await readTable(Buffer.from(toCsv(PEGAWAI_EXPORT_COLUMNS, pegawai)), 'pegawai.csv'),
    opts,
  );
  await withTenant(sdb, tenantId, (trx) =>
    simpan(trx, tenantId, SYSTEM_ACTOR, kebijakan(addDays(awalBulan, -1), addDays(hariIni, 30)), awalBulan),
  );
  const klien = new pg.Client({ connectionString: url });
  await klien.connect();
  // Every day of the month a WFH day for everyone, in one published schedule; every hour a working hour.
  const jam = Object.fromEntries(
    ['1', '2', '3', '4', '5', '6', '7'].map((d) => [
      d,
      { mulai: '00:00', selesai: '23:59', istirahatMenit: 0 },
    ]),
  );
  await klien.query('UPDATE tenant SET jam_kerja = $1::jsonb WHERE id = $2', [JSON.stringify(jam), tenantId]);
  await klien.query('DELETE FROM hari_libur WHERE tenant_id = $1', [tenantId]);
  const j = await klien.query<{ id: string }>(
    `INSERT INTO jadwal (tenant_id, dari, sampai, status, dibuat_oleh, pelanggaran)
     VALUES ($1, $2, $3, 'terbit', 'bench', '[]') RETURNING id`,
    [tenantId, awalBulan, hariIni],
  );
  await klien.query(
    `INSERT INTO jadwal_sel (tenant_id, jadwal_id, pegawai_id, tanggal, status, alasan)
     SELECT $1, $2, p.id, d::date, 'WFH', '' FROM pegawai p, generate_series($3::date, $4::date, '1 day') d
     WHERE p.tenant_id = $1`,
    [tenantId, j.rows[0]!.id, awalBulan, hariIni],
  );
  // Accounts and sessions, one per person (a dummy hash: nobody signs in with a password here).
  const akun = await klien.query<{ id: string; pegawai_id: string }>(
    `INSERT INTO app_user (tenant_id, username, nama, password_hash, pegawai_id)
     SELECT $1, 'p' || p.nip, p.nama, 'bench', p.id FROM pegawai p WHERE p.tenant_id = $1
     RETURNING id, pegawai_id`,
    [tenantId],
  );
  await klien.query(
    `INSERT INTO user_role (tenant_id, user_id, role) SELECT $1, id, 'employee' FROM app_user WHERE tenant_id = $1`,
    [tenantId],
  );
  const sesi = akun.rows.map(() => ({
    token: randomBytes(32).toString('base64url'),
    csrf: randomBytes(24).toString('base64url'),
  }));
  await klien.query(
    `INSERT INTO session (tenant_id, id, user_id, csrf_token, expires_at)
     SELECT $1, x.id, x.user_id, x.csrf, now() + interval '1 day'
     FROM unnest($2::text[], $3::uuid[], $4::text[]) AS x(id, user_id, csrf)`,
    [
      tenantId,
      sesi.map((s) => createHash('sha256').update(s.token).digest('hex')),
      akun.rows.map((a) => a.id),
      sesi.map((s) => s.csrf),
    ],
  );
  console.log(
    `seeded ${N.toLocaleString('en')} people with homes, accounts and sessions, a published WFH month, in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );

  // ─── 1. pgbench: one INSERT per transaction into a table shaped like laporan_lokasi ──────────────
  await klien.query('CREATE TABLE bench_laporan_lokasi (LIKE laporan_lokasi INCLUDING ALL)');
  const skrip = join(tmpdir(), `bench-lokasi-${process.pid}.sql`);
  writeFileSync(
    skrip,
    `INSERT INTO bench_laporan_lokasi (tenant_id, pegawai_id, lat, lng, akurasi_m, waktu_terima, waktu_perangkat,
  waktu_dihitung, tanggal, id_klien, hash_isi, jawaban, dikirim_oleh)
 VALUES ('${tenantId}', gen_random_uuid(), -7.87, 112.52, 12, clock_timestamp(), clock_timestamp(), clock_timestamp(),
  current_date, gen_random_uuid(), '${'a'.repeat(64)}', '{"hasil":"di_rumah"}', 'bench');\n`,
  );
  const pb = spawnSync(
    join(pgBin, 'pgbench'),
    [
      '-n',
      '-h',
      '127.0.0.1',
      '-p',
      String(port),
      '-U',
      'postgres',
      '-c',
      String(C),
      '-j',
      '2',
      '-T',
      '8',
      '-f',
      skrip,
      'postgres',
    ],
    { encoding: 'utf8' },
  );
  const tps = Number(/tps = ([\d.]+)/.exec(pb.stdout)?.[1] ?? Number.NaN);
  console.log(
    `1. pgbench single INSERT into a laporan_lokasi-shaped table, ${C} clients, 8 s: ${tps.toFixed(0)} tps`,
  );
  await sdb.close();

  // ─── 2. Sigap's server taking one report from each person ────────────────────────────────────────
  const httpPort = 3100 + (process.pid % 800);
  sigap = spawn(
    process.execPath,
    [join(ROOT, 'bin/sigap.mjs'), 'serve', '--db', url, '--port', String(httpPort)],
    {
      cwd: ROOT,
      env: { ...process.env },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let err = '';
  sigap.stderr?.on('data', (b: Buffer) => {
    err += b.toString();
  });
  for (;;) {
    if (sigap.exitCode !== null) throw new Error(`sigap serve stopped: ${err}`);
    const ok = await new Promise<boolean>((res) => {
      const r = request({ host: '127.0.0.1', port: httpPort, path: '/api/health', method: 'GET' }, (s) => {
        s.resume();
        res(s.statusCode === 200);
      });
      r.on('error', () => res(false));
      r.end();
    });
    if (ok) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const agen = new Agent({ keepAlive: true, maxSockets: C });
  const kirim = (i: number) =>
    new Promise<{ status: number; ms: number; hasil: string }>((res) => {
      const s = sesi[i]!;
      const body = JSON.stringify({
        lat: Number(pegawai[i]!.rumah_lat) + 0.0002,
        lng: Number(pegawai[i]!.rumah_lng),
        akurasi_m: 12,
        waktu_perangkat: new Date().toISOString(),
        id_klien: randomUUID(),
      });
      const t = performance.now();
      const r = request(
        {
          host: '127.0.0.1',
          port: httpPort,
          path: '/api/lokasi',
          method: 'POST',
          agent: agen,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            cookie: `sigap_sid=${tenantId}.${s.token}`,
            'x-csrf-token': s.csrf,
          },
        },
        (x) => {
          let teks = '';
          x.on('data', (b: Buffer) => {
            teks += b.toString();
          });
          x.on('end', () =>
            res({
              status: x.statusCode ?? 0,
              ms: performance.now() - t,
              hasil: (JSON.parse(teks) as { hasil?: string }).hasil ?? teks.slice(0, 200),
            }),
          );
        },
      );
      r.on('error', (e) => res({ status: 0, ms: performance.now() - t, hasil: String(e) }));
      r.end(body);
    });
  // a warm-up of 200 reports (the first evaluation of the Pemda's policy for the day is built then)
  for (let i = 0; i < 200; i += C)
    await Promise.all(Array.from({ length: Math.min(C, 200 - i) }, (_, k) => kirim(i + k)));
  const hasil: { status: number; ms: number; hasil: string }[] = [];
  let berikut = 200;
  const mulai = performance.now();
  await Promise.all(
    Array.from({ length: C }, async () => {
      for (;;) {
        const i = berikut++;
        if (i >= N) return;
        hasil.push(await kirim(i));
      }
    }),
  );
  const detik = (performance.now() - mulai) / 1000;
  const ms = hasil.map((h) => h.ms).sort((a, b) => a - b);
  const q = (p: number) => ms[Math.min(ms.length - 1, Math.floor(p * ms.length))]!;
  const per = new Map<string, number>();
  for (const h of hasil) per.set(`${h.status} ${h.hasil}`, (per.get(`${h.status} ${h.hasil}`) ?? 0) + 1);
  const laju = hasil.length / detik;
  console.log(
    `2. POST /api/lokasi, ${hasil.length.toLocaleString('en')} people one report each (after 200 warm-up), ${C} clients: ${laju.toFixed(0)} reports/s, p50 ${q(0.5).toFixed(1)} ms, p99 ${q(0.99).toFixed(1)} ms; ratio to pgbench ${(laju / tps).toFixed(2)}`,
  );
  console.log(
    `   all ${N.toLocaleString('en')} in ${(detik + 0).toFixed(1)} s against the 600 s of a slot's first ten minutes (${((detik / 600) * 100).toFixed(1)}% of it); answers: ${[...per].map(([k, v]) => `${k} × ${v}`).join(', ')}`,
  );
  const n = await klien.query<{ n: string; beda: string }>(
    'SELECT count(*) AS n, count(DISTINCT pegawai_id) AS beda FROM laporan_lokasi WHERE tenant_id = $1',
    [tenantId],
  );
  console.log(`   stored: ${n.rows[0]!.n} reports of ${n.rows[0]!.beda} people (each once)`);
  sigap.kill('SIGTERM');
  sigap = null;

  // ─── 3. The month's status ───────────────────────────────────────────────────────────────────────
  if (BULAN) {
    // the past days' reports: every slot of 22 working days, at home, 5–20 minutes after it opens, with SQL
    const t1 = performance.now();
    await klien.query('SET row_security = off');
    await klien.query(
      `INSERT INTO laporan_lokasi (tenant_id, pegawai_id, lat, lng, akurasi_m, waktu_terima, waktu_perangkat,
         waktu_dihitung, tanggal, id_klien, hash_isi, jawaban, dikirim_oleh)
       SELECT $1, p.id, p.rumah_lat, p.rumah_lng, 12, w, w, w, d::date, gen_random_uuid(), $2, '{}', 'bench'
       FROM pegawai p,
            generate_series($3::date, $4::date - 1, '1 day') d,
            generate_series(0, $5::int - 1) s,
            LATERAL (SELECT (d::date + make_interval(hours => $6::int + 2 * s, mins => 5 + (hashtext(p.id::text) & 15)))::timestamp AT TIME ZONE 'Asia/Jakarta' AS w) x
       WHERE p.tenant_id = $1 AND extract(isodow FROM d) < 6`,
      [tenantId, 'b'.repeat(64), awalBulan, hariIni, SLOT, JAM_MULAI],
    );
    const jumlah = await klien.query<{ n: string }>('SELECT count(*) AS n FROM laporan_lokasi');
    console.log(
      `3. the month: ${Number(jumlah.rows[0]!.n).toLocaleString('en')} report rows written in ${((performance.now() - t1) / 1000).toFixed(1)} s`,
    );
    const sdb2 = await openDatabase(url);
    for (const [nama, dari] of [
      ['one day (today)', hariIni],
      ['31 days', awalBulan],
    ] as const) {
      const t2 = performance.now();
      const r = await withTenant(sdb2, tenantId, (trx) => statusPeriode(trx, tenantId, null, dari, hariIni));
      const per2 = new Map<string, number>();
      for (const b of r.baris) per2.set(b.status, (per2.get(b.status) ?? 0) + 1);
      console.log(
        `   statusPeriode, ${N.toLocaleString('en')} people × ${nama}: ${((performance.now() - t2) / 1000).toFixed(1)} s for ${r.baris.length.toLocaleString('en')} person-days (${[...per2].map(([k, v]) => `${k} ${v}`).join(', ')})`,
      );
    }
    await sdb2.close();
  }
  await klien.end();
} finally {
  sigap?.kill('SIGKILL');
  server.stop();
  rmSync(pgDir, { recursive: true, force: true });
}
