// bench/attendance/rekam.ts (npm run bench:attendance): recording check-ins at a morning peak on PostgreSQL,
// figures and ratios measured in one run, no pass/fail.
//  1. pgbench's single-INSERT rate at the same durability: the `pgbench` binary next to the server that
//     scripts/pg.mjs starts (its default settings: fsync, synchronous_commit, full_page_writes on), C clients,
//     one INSERT per transaction into a table shaped like `kehadiran` (CREATE TABLE … (LIKE kehadiran
//     INCLUDING ALL): the same columns, CHECKs, defaults and indexes; not its foreign keys, trigger or
//     row-level security);
//  2. Sigap's real HTTP server (`node bin/sigap.mjs serve --db <postgres url>`, a child process) taking
//     terminal pushes (POST /api/perangkat/kejadian, one attlog line each = one check-in whose face the
//     terminal already verified) from C concurrent keep-alive connections on loopback: events per second,
//     p50/p99 latency, the ratio to pgbench. A Pemda of 3,000 people and 10 terminals (one per OPD, each
//     with a 300-PIN table and its device token) is seeded first through the project's own services;
//  3. the server killed with SIGKILL mid-run and started again: every event the client got a 2xx for must be
//     in the table (acknowledged, stored, lost); the requests in flight at the kill may or may not be stored
//     (counted); they are sent again and must end up stored exactly once.
// Usage: node bin/run-ts.mjs bench/attendance/rekam.ts [--c 10] [--detik 12] [--rincian]
// (--rincian: first, what each statement of a push costs PostgreSQL alone, by pgbench)
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addDays, composeNip, OPD_COLUMNS } from '@sigap/domain';
import pg from 'pg';
import { findPgBin, startPostgres } from '../../scripts/pg.mjs';
import { openDatabase, withTenant } from '../../server/src/db/database.ts';
import { SYSTEM_ACTOR } from '../../server/src/modules/audit/audit.repository.ts';
import { readTable } from '../../server/src/modules/impor/baca-tabel.ts';
import { PEGAWAI_EXPORT_COLUMNS, toCsv } from '../../server/src/modules/impor/ekspor.service.ts';
import { importOpd, importPegawai } from '../../server/src/modules/impor/impor.service.ts';
import { aturPin, daftarkanPerangkat } from '../../server/src/modules/kehadiran/perangkat.service.ts';
import { terbitkanToken } from '../../server/src/modules/kehadiran/token.service.ts';
import { ensureTenant } from '../../server/src/modules/pengaturan/pengaturan.service.ts';

/** CPU seconds a process has used so far (Linux /proc; NaN elsewhere). */
function cpuProses(pid: number): number {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

/** CPU seconds of this process's children that have ended (pgbench, run with spawnSync). */
function cpuAnakSelesai(): number {
  try {
    const f = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    return (Number(f[13]) + Number(f[14])) / 100;
  } catch {
    return Number.NaN;
  }
}

/** CPU seconds of a PostgreSQL server: its postmaster, its reaped children, its live backends. */
function cpuPostgres(dataDir: string): number {
  const pm = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const stat = (pid: number) => readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  try {
    const f = stat(pm);
    let t = Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]);
    for (const d of readdirSync('/proc')) {
      if (!/^\d+$/.test(d)) continue;
      try {
        const c = stat(Number(d));
        if (Number(c[1]) === pm) t += Number(c[11]) + Number(c[12]);
      } catch {
        // the process ended meanwhile
      }
    }
    return t / 100;
  } catch {
    return Number.NaN;
  }
}

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
/** Concurrent requests of the load generator = pgbench's clients */
const C = Number(arg('c') ?? 10);
/** Seconds of each measured phase (pgbench, then the HTTP load before the kill) */
const DETIK = Number(arg('detik') ?? 12);
const TERMINAL = 10;
const PIN_PER_TERMINAL = 300;
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const pgBin = findPgBin();
if (!pgBin) {
  console.log('PostgreSQL server binaries not found (apt-get install postgresql): nothing measured');
  process.exit(0);
}

console.log(
  `bench/attendance — node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? '?'}, load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')} at start; ${C} concurrent clients`,
);

// ─── The Pemda: 10 OPDs, 3,000 people, 10 terminals with PIN tables and tokens ──────────────────────

function berkas() {
  const opd = Array.from({ length: TERMINAL }, (_, i) => ({
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
  for (let i = 0; i < TERMINAL * PIN_PER_TERMINAL; i++) {
    const lahir = `${1970 + (i % 30)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    let urut = 1;
    let nip = composeNip({ lahir, tmtYear: 2010 + (i % 10), tmtMonth: 3, sex: (1 + (i % 2)) as 1 | 2, urut });
    while (dipakai.has(nip))
      nip = composeNip({
        lahir,
        tmtYear: 2010 + (i % 10),
        tmtMonth: 3,
        sex: (1 + (i % 2)) as 1 | 2,
        urut: ++urut,
      });
    dipakai.add(nip);
    pegawai.push({
      nip,
      nama: `Pegawai ${i}`,
      jenis_pegawai: 'pns',
      jabatan_level: 'pelaksana',
      jabatan: 'Analis',
      opd_kode: `OPD${i % TERMINAL}`,
      atasan_nip: '',
      email: '',
      telepon: '',
      rumah_lat: '',
      rumah_lng: '',
      id_pegawai: '',
    });
  }
  return { opd, pegawai };
}

const pgDir = mkdtempSync(join(tmpdir(), 'sigap-bench-hadir-'));
const server = await startPostgres(pgDir, { durable: true });
const pgData = join(pgDir, 'data');
const url = server.url;
const port = Number(new URL(url).port);
let sigap: ChildProcess | null = null;
try {
  const t0 = performance.now();
  const sdb = await openDatabase(url);
  const { opd, pegawai } = berkas();
  const tenant = await ensureTenant(sdb.db, {
    kode: 'bench-hadir',
    nama: 'Pemerintah Bench',
    jenis: 'kota',
    zonaWaktu: 'Asia/Jakarta',
  });
  const tenantId = tenant.id;
  const opts = { actor: SYSTEM_ACTOR, writableOpdIds: null, berlakuMulai: '2025-01-01' };
  await importOpd(sdb, tenantId, await readTable(Buffer.from(toCsv(OPD_COLUMNS, opd)), 'opd.csv'), opts);
  await importPegawai(
    sdb,
    tenantId,
    await readTable(Buffer.from(toCsv(PEGAWAI_EXPORT_COLUMNS, pegawai)), 'pegawai.csv'),
    opts,
  );
  const token: string[] = [];
  for (let d = 0; d < TERMINAL; d++) {
    token.push(
      await withTenant(sdb, tenantId, async (trx) => {
        await daftarkanPerangkat(trx, tenantId, SYSTEM_ACTOR, null, {
          kode: `MESIN-${d}`,
          nama: `Lobi ${d}`,
          opdKode: `OPD${d}`,
        });
        const orang = pegawai.filter((p) => p.opd_kode === `OPD${d}`);
        await aturPin(
          trx,
          tenantId,
          SYSTEM_ACTOR,
          null,
          `MESIN-${d}`,
          orang.map((p, k) => ({ pin: String(k + 1), key: p.nip! })),
        );
        return (await terbitkanToken(trx, tenantId, SYSTEM_ACTOR, null, `MESIN-${d}`)).token;
      }),
    );
  }
  await sdb.close();
  const klien = new pg.Client({ connectionString: url });
  await klien.connect();
  const setelan = await klien.query<{ name: string; setting: string }>(
    `SELECT name, setting FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes', 'wal_sync_method', 'max_connections') ORDER BY name`,
  );
  console.log(
    `seeded ${pegawai.length.toLocaleString('en')} people, ${TERMINAL} terminals × ${PIN_PER_TERMINAL} PINs, tokens, in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  console.log(
    `PostgreSQL (own server, default settings): ${setelan.rows.map((r) => `${r.name}=${r.setting}`).join(', ')}`,
  );

  // ─── 1. pgbench: one INSERT per transaction into a table shaped like kehadiran ─────────────────
  await klien.query('CREATE TABLE bench_kehadiran (LIKE kehadiran INCLUDING ALL)');
  const perangkat = await klien.query<{ id: string }>('SELECT id FROM perangkat ORDER BY kode LIMIT 1');
  const skrip = join(tmpdir(), `bench-kehadiran-${process.pid}.sql`);
  writeFileSync(
    skrip,
    `INSERT INTO bench_kehadiran (tenant_id, pegawai_id, opd_id, waktu, waktu_perangkat, jenis, sumber, perangkat_id, hasil, pin)
 VALUES ('${tenantId}', gen_random_uuid(), gen_random_uuid(), clock_timestamp(), clock_timestamp(), 'masuk', 'terminal', '${perangkat.rows[0]!.id}', 'diterima', '42')
 ON CONFLICT DO NOTHING;\n`,
  );
  /** pgbench at C clients on a script: its rate, mean latency and PostgreSQL's CPU per transaction. */
  const pgbench = (skripnya: string, detik: number) => {
    const cpu0 = cpuPostgres(pgData);
    const anak0 = cpuAnakSelesai();
    const pb = spawnSync(
      join(pgBin, 'pgbench'),
      [
        '-n',
        '-c',
        String(C),
        '-j',
        '2',
        '-T',
        String(detik),
        '-f',
        skripnya,
        '-h',
        '127.0.0.1',
        '-p',
        String(port),
      ].concat(['-U', 'postgres', 'postgres']),
      { encoding: 'utf8' },
    );
    const cpu = cpuPostgres(pgData) - cpu0;
    const cpuKlien = cpuAnakSelesai() - anak0;
    const tps = Number(/tps = ([\d.]+)/.exec(pb.stdout)?.[1] ?? Number.NaN);
    const lat = Number(/latency average = ([\d.]+) ms/.exec(pb.stdout)?.[1] ?? Number.NaN);
    const n = Number(/number of transactions actually processed: (\d+)/.exec(pb.stdout)?.[1] ?? Number.NaN);
    if (!Number.isFinite(tps)) throw new Error(`pgbench failed: ${pb.stderr || pb.stdout}`);
    return { tps, lat, n, cpu, cpuKlien, cpuMs: (1000 * cpu) / n };
  };
  // ─── 1b. (--rincian) what a push's SQL costs PostgreSQL alone: each statement by pgbench, C clients ──
  if (process.argv.includes('--rincian')) {
    const m0 = await klien.query<{ id: string }>(`SELECT id FROM perangkat WHERE kode = 'MESIN-0'`);
    const hash = createHash('sha256').update(token[0]!.split('.')[1]!).digest('hex');
    // a line at a random millisecond of a day in 2027 (no two alike in practice), a random PIN of MESIN-0
    const baris = (ke: number) =>
      `jsonb_build_object('ke', ${ke}, 'perangkat', '${m0.rows[0]!.id}', 'kunci', (1 + floor(random() * ${PIN_PER_TERMINAL})::int)::text, 'jk', 'pin', 'tanggal', '2027-03-01', 'waktu', (timestamptz '2027-03-01 01:00Z' + floor(random() * 36000000) * interval '1 ms')::text, 'jenis', 'masuk')`;
    const simpan = (n: number) =>
      `SELECT count(*) FROM sigap_simpan_kiriman('${tenantId}', true, jsonb_build_array(${Array.from({ length: n }, (_, k) => baris(k)).join(', ')}));`;
    const tokenSql = `SELECT * FROM sigap_perangkat_token('${tenantId}', '${hash}');`;
    const satu = await klien.query<{ pegawai_id: string; opd_id: string }>(
      `SELECT t.pegawai_id, v.opd_id FROM pin_terminal t JOIN pegawai_versi v ON v.pegawai_id = t.pegawai_id WHERE t.perangkat_id = $1 AND t.pin = '1'`,
      [m0.rows[0]!.id],
    );
    const langsung = `INSERT INTO kehadiran (tenant_id, pegawai_id, opd_id, waktu, waktu_perangkat, jenis, sumber, perangkat_id, hasil, pin)
 VALUES ('${tenantId}', '${satu.rows[0]!.pegawai_id}', '${satu.rows[0]!.opd_id}', timestamptz '2028-03-01 01:00Z' + floor(random() * 360000000) * interval '1 ms', clock_timestamp(), 'masuk', 'terminal', '${m0.rows[0]!.id}', 'diterima', '1') ON CONFLICT DO NOTHING;`;
    const kasus: [string, string, number][] = [
      ['INSERT INTO kehadiran directly (its foreign keys; superuser, no RLS)', langsung, 1],
      ['the token check alone (sigap_perangkat_token)', tokenSql, 1],
      ['sigap_simpan_kiriman, 1 line per call', simpan(1), 1],
      ['token check + sigap_simpan_kiriman (1 line): a push without HTTP', `${tokenSql}\n${simpan(1)}`, 1],
      ['sigap_simpan_kiriman, 10 lines per call (per line)', simpan(10), 10],
    ];
    console.log(`What a push's statements cost PostgreSQL (pgbench, ${C} clients, 4 s each):`);
    for (const [nama, teks, perPanggil] of kasus) {
      const f = join(tmpdir(), `bench-kehadiran-rincian-${process.pid}.sql`);
      writeFileSync(f, `${teks}\n`);
      const r = pgbench(f, 4);
      console.log(
        `  ${nama.padEnd(66)} ${(r.tps * perPanggil).toFixed(0).padStart(6)}/s, CPU ${(r.cpuMs / perPanggil).toFixed(3)} ms`,
      );
    }
  }

  // ─── 2. Sigap's server taking terminal pushes ────────────────────────────────────────────────────
  // Count the calls of the push's SQL function (0015), to tell how many pushes one statement carried.
  await klien.query(`ALTER SYSTEM SET track_functions = 'pl'`);
  await klien.query('SELECT pg_reload_conf()');
  const gabung = process.env.SIGAP_KIRIMAN_GABUNG !== '0';
  const httpPort = 3100 + (process.pid % 800);
  const mulai = async () => {
    const child = spawn(
      process.execPath,
      [join(ROOT, 'bin/sigap.mjs'), 'serve', '--db', url, '--port', String(httpPort)],
      {
        cwd: ROOT,
        env: { ...process.env, SIGAP_KIRIMAN_MESIN_PER_MENIT: String(1e9) },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let err = '';
    child.stderr?.on('data', (b: Buffer) => {
      err += b.toString();
    });
    child.stdout?.resume();
    const awal = performance.now();
    for (;;) {
      if (child.exitCode !== null) throw new Error(`sigap serve stopped: ${err}`);
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
    return { child, detik: (performance.now() - awal) / 1000 };
  };

  /** Event i: terminal i mod 10, its PIN (i / 10) mod 300, at 07:00:ss of day i / 3,000 (each person once a morning). */
  const kejadian = (i: number) => {
    const d = i % TERMINAL;
    const k = Math.floor(i / TERMINAL) % PIN_PER_TERMINAL;
    const hari = addDays('2026-06-01', Math.floor(i / (TERMINAL * PIN_PER_TERMINAL)));
    const detik = String(k % 60).padStart(2, '0');
    const menit = String(Math.floor(k / 60)).padStart(2, '0');
    return { d, baris: `${k + 1}\t${hari} 07:${menit}:${detik}\t15\t0\t0\n` };
  };

  const agen = new Agent({ keepAlive: true, maxSockets: C });
  type Jawab = { ok: true; status: number; disimpan: boolean } | { ok: false; galat: string };
  const kirim = (i: number) =>
    new Promise<Jawab>((res) => {
      const e = kejadian(i);
      const r = request(
        {
          host: '127.0.0.1',
          port: httpPort,
          path: '/api/perangkat/kejadian',
          method: 'POST',
          agent: agen,
          headers: { 'content-type': 'text/plain', authorization: `Bearer ${token[e.d]}` },
        },
        (s) => {
          let b = '';
          s.setEncoding('utf8');
          s.on('data', (x: string) => {
            b += x;
          });
          s.on('end', () => {
            const j =
              s.statusCode === 200
                ? (JSON.parse(b) as { jumlah: { diimpor: number; duplikat: number } })
                : null;
            res({
              ok: true,
              status: s.statusCode ?? 0,
              disimpan: j !== null && j.jumlah.diimpor + j.jumlah.duplikat === 1,
            });
          });
          s.on('error', (x) => res({ ok: false, galat: x.message }));
        },
      );
      r.on('error', (x) => res({ ok: false, galat: (x as NodeJS.ErrnoException).code ?? x.message }));
      r.end(e.baris);
    });

  let s1 = await mulai();
  sigap = s1.child;
  console.log(`sigap serve ready in ${s1.detik.toFixed(1)} s (first start)`);
  // warm-up: one push per terminal (JIT, connections, plans); these events are counted with the rest
  let berikut = 0;
  const diakui = new Set<number>();
  const belum = new Set<number>();
  let gagalLain = 0;
  for (let d = 0; d < TERMINAL; d++) {
    const r = await kirim(berikut);
    if (r.ok && r.disimpan) diakui.add(berikut);
    berikut++;
  }

  const latensi: number[] = [];
  let hentikan = false;
  let diukur = true;
  // Measured in IRISAN slices, pgbench and Sigap taking turns (pgbench first), so that both see the same
  // machine: on a shared machine the load of other processes moves by the minute.
  const IRISAN = 4;
  let jeda: { buka: () => void; tunggu: Promise<void> } | null = null;
  let sedang = 0;
  const tahan = () => {
    let buka: () => void = () => undefined;
    const tunggu = new Promise<void>((r) => {
      buka = r;
    });
    jeda = { buka, tunggu };
  };
  tahan();
  const pekerjaBerjeda = async () => {
    while (!hentikan) {
      if (jeda) {
        await jeda.tunggu;
        continue;
      }
      sedang++;
      const i = berikut++;
      const a = performance.now();
      const r = await kirim(i);
      sedang--;
      if (r.ok && r.status === 200 && r.disimpan) {
        diakui.add(i);
        if (diukur) latensi.push(performance.now() - a);
      } else if (r.ok) {
        gagalLain++;
        hentikan = true;
      } else belum.add(i);
      if (!r.ok) return;
    }
  };
  const semua = Array.from({ length: C }, pekerjaBerjeda);
  let lamaUkur = 0;
  let cpuServer = 0;
  let cpuPg = 0;
  let cpuKlien = 0;
  let nPbTotal = 0;
  let lamaPb = 0;
  let cpuPbTotal = 0;
  let cpuPbKlien = 0;
  let latPbJumlah = 0;
  for (let k = 0; k < IRISAN; k++) {
    const pb = pgbench(skrip, DETIK / IRISAN);
    nPbTotal += pb.n;
    lamaPb += DETIK / IRISAN;
    cpuPbTotal += pb.cpu;
    cpuPbKlien += pb.cpuKlien;
    latPbJumlah += pb.lat * pb.n;
    const awal = performance.now();
    const cpuServer0 = cpuProses(sigap.pid!);
    const cpuPg0 = cpuPostgres(pgData);
    const cpuKlien0 = process.cpuUsage();
    diukur = true;
    const j = jeda as { buka: () => void } | null;
    jeda = null;
    j?.buka();
    await new Promise((r) => setTimeout(r, (DETIK / IRISAN) * 1000));
    diukur = false;
    lamaUkur += (performance.now() - awal) / 1000;
    cpuServer += cpuProses(sigap.pid!) - cpuServer0;
    cpuPg += cpuPostgres(pgData) - cpuPg0;
    const u = process.cpuUsage(cpuKlien0);
    cpuKlien += (u.user + u.system) / 1e6;
    tahan();
    while (sedang > 0) await new Promise((r) => setTimeout(r, 1));
  }
  const tps = nPbTotal / lamaPb;
  const latPb = latPbJumlah / nPbTotal;
  const cpuPbMs = (1000 * cpuPbTotal) / nPbTotal;
  console.log(
    `pgbench: ${tps.toFixed(0)} tps (${nPbTotal.toLocaleString('en')} rows in ${IRISAN} × ${DETIK / IRISAN} s), latency average ${latPb.toFixed(2)} ms`,
  );
  const nUkur = latensi.length;
  const lepas = jeda as { buka: () => void } | null;
  jeda = null;
  lepas?.buka();
  // 3. the kill: half a second to a second and a half later, while the load goes on
  await new Promise((r) => setTimeout(r, 500 + Math.floor(Math.random() * 1000)));
  const sebelumBunuh = diakui.size;
  sigap.kill('SIGKILL');
  await Promise.all(semua);
  hentikan = true;
  agen.destroy();
  latensi.sort((x, y) => x - y);
  const q = (p: number) =>
    latensi[Math.min(latensi.length - 1, Math.floor(p * latensi.length))] ?? Number.NaN;
  const eps = nUkur / lamaUkur;

  s1 = await mulai();
  sigap = s1.child;
  const restart = s1.detik;
  const kunci = (d: number, pin: string, waktu: Date) => `${d}|${pin}|${waktu.getTime()}`;
  const tersimpan = async () => {
    const r = await klien.query<{ kode: string; pin: string; waktu: Date; n: string }>(
      `SELECT p.kode, k.pin, k.waktu, count(*) AS n FROM kehadiran k JOIN perangkat p ON p.tenant_id = k.tenant_id AND p.id = k.perangkat_id
        WHERE k.tenant_id = $1 AND k.sumber = 'terminal' GROUP BY 1, 2, 3`,
      [tenantId],
    );
    const m = new Map<string, number>();
    for (const x of r.rows) m.set(kunci(Number(x.kode.slice('MESIN-'.length)), x.pin, x.waktu), Number(x.n));
    return m;
  };
  const kunciKejadian = (i: number) => {
    const e = kejadian(i);
    const [pin, waktu] = e.baris.split('\t') as [string, string];
    // 07:mm:ss in Asia/Jakarta (UTC+7)
    return kunci(e.d, pin, new Date(`${waktu.replace(' ', 'T')}+07:00`));
  };
  const ada = await tersimpan();
  const hilang = [...diakui].filter((i) => !ada.has(kunciKejadian(i))).length;
  const belumTersimpan = [...belum].filter((i) => ada.has(kunciKejadian(i))).length;
  const lebihDariSekali = [...ada.values()].filter((n) => n > 1).length;

  // re-send what was not acknowledged
  let ulangOk = 0;
  for (const i of belum) {
    const r = await kirim(i);
    if (r.ok && r.status === 200 && r.disimpan) ulangOk++;
  }
  const akhir = await tersimpan();
  // the backends of the killed and the stopped server report their counts when they end
  await new Promise((r) => setTimeout(r, 1500));
  const panggilan = await klien.query<{ calls: string }>(
    `SELECT calls FROM pg_stat_user_functions WHERE funcname = 'sigap_simpan_kiriman'`,
  );
  const nPanggil = Number(panggilan.rows[0]?.calls ?? Number.NaN);
  const semuaKirim = new Set([...diakui, ...belum]);
  const hilangAkhir = [...semuaKirim].filter((i) => !akhir.has(kunciKejadian(i))).length;
  const gandaAkhir = [...akhir.values()].filter((n) => n > 1).length;

  const baris = (k: string, v: string) => console.log(`  ${k.padEnd(58)} ${v}`);
  console.log('\nRecording check-ins (terminal pushes, one punch per request, loopback):');
  baris('pgbench single INSERT, same durability', `${tps.toFixed(0)} tps`);
  baris(
    '  CPU per insert: PostgreSQL / pgbench (the client)',
    `${cpuPbMs.toFixed(2)} / ${((1000 * cpuPbKlien) / nPbTotal).toFixed(2)} ms`,
  );
  baris(
    `Sigap POST /api/perangkat/kejadian, ${C} concurrent`,
    `${eps.toFixed(0)} events/s (${nUkur.toLocaleString('en')} in ${lamaUkur.toFixed(1)} s)`,
  );
  baris('  latency p50 / p99', `${q(0.5).toFixed(1)} / ${q(0.99).toFixed(1)} ms`);
  baris(
    `  group commit ${gabung ? 'on' : 'off (SIGAP_KIRIMAN_GABUNG=0)'}: pushes per statement`,
    Number.isFinite(nPanggil)
      ? `${((berikut + belum.size) / nPanggil).toFixed(1)} (${nPanggil.toLocaleString('en')} calls of sigap_simpan_kiriman for ${(berikut + belum.size).toLocaleString('en')} pushes sent)`
      : '— (no sigap_simpan_kiriman)',
  );
  baris('  ratio to pgbench', `${(eps / tps).toFixed(2)}`);
  baris(
    '  CPU per event: PostgreSQL / server / load generator',
    `${((1000 * cpuPg) / nUkur).toFixed(2)} / ${((1000 * cpuServer) / nUkur).toFixed(2)} / ${((1000 * cpuKlien) / nUkur).toFixed(2)} ms`,
  );
  baris(
    '  cores busy: PostgreSQL / Sigap server / load generator',
    `${(cpuPg / lamaUkur).toFixed(2)} / ${(cpuServer / lamaUkur).toFixed(2)} / ${(cpuKlien / lamaUkur).toFixed(2)} (of ${cpus().length})`,
  );
  console.log('SIGKILL mid-run, then restart:');
  baris(
    'acknowledged (2xx) before the kill',
    `${diakui.size.toLocaleString('en')} (${sebelumBunuh.toLocaleString('en')} when the kill was sent)`,
  );
  baris('  of which stored after restart', `${(diakui.size - hilang).toLocaleString('en')}`);
  baris('  lost', `${hilang}`);
  baris('unacknowledged (in flight at the kill)', `${belum.size}, of which stored anyway: ${belumTersimpan}`);
  baris('other answers (not 200 or not stored)', `${gagalLain}`);
  baris('restart until /api/health answers', `${restart.toFixed(1)} s`);
  baris('unacknowledged sent again: answered stored', `${ulangOk} of ${belum.size}`);
  baris(
    'after re-sending: events missing / stored more than once',
    `${hilangAkhir} / ${gandaAkhir} (before: ${lebihDariSekali} more than once)`,
  );
  await klien.end();
} finally {
  for (const f of [`bench-kehadiran-${process.pid}.sql`, `bench-kehadiran-rincian-${process.pid}.sql`])
    rmSync(join(tmpdir(), f), { force: true });
  if (sigap && sigap.exitCode === null) {
    sigap.kill('SIGTERM');
    await new Promise((r) => sigap?.once('exit', r));
  }
  server.stop();
}
console.log(
  `load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')} at the end (other processes on this machine distort wall times)`,
);
