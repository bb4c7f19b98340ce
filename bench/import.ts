// bench/import: importing a 50,000-person file (CSV, parsed from bytes) through the registry import
// (importPegawai: validation, NIP checks, supervisor cycle check, versioned placement, an audit entry per
// person, ANALYZE), on PGlite and on PostgreSQL at its DEFAULT durability (fsync, synchronous_commit and
// full_page_writes on; it starts its own server with scripts/pg.mjs `durable`, and the settings measured are
// printed). The reference writes the SAME rows into the SAME tables (pegawai, pegawai_versi, audit_log,
// with their indexes, keys and triggers) of a second Pemda in the same database, in one transaction:
//   COPY … FROM STDIN (pg-copy-streams) on PostgreSQL; INSERT … SELECT on both (PGlite's connection here
//   goes through Kysely, which has no COPY): the rows are the import's own, re-labelled for the second Pemda.
// The import's time is split into phases (its progress callbacks and the time of each SQL statement, by
// table), so the gap between the two says what it is made of. Figures only, no pass/fail.
// Usage: node bin/run-ts.mjs bench/import.ts [--people 50000] [--pg postgres://…] [--no-pg] [--no-pglite] [--cepat] (1,000 people)
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { composeNip, OPD_COLUMNS } from '@sigap/domain';
import {
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  sql,
  type UnknownRow,
} from 'kysely';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { findPgBin, startPostgres } from '../scripts/pg.mjs';
import { openDatabase, type SigapDatabase } from '../server/src/db/database.ts';
import { SYSTEM_ACTOR } from '../server/src/modules/audit/audit.repository.ts';
import { readTable } from '../server/src/modules/impor/baca-tabel.ts';
import { PEGAWAI_EXPORT_COLUMNS, toCsv } from '../server/src/modules/impor/ekspor.service.ts';
import { importOpd, importPegawai } from '../server/src/modules/impor/impor.service.ts';
import { ensureTenant } from '../server/src/modules/pengaturan/pengaturan.service.ts';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const CEPAT = process.argv.includes('--cepat');
const PEOPLE = Number(arg('people') ?? (CEPAT ? 1_000 : 50_000));

function makeFiles(n: number) {
  let seed = 42;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const opd: Record<string, string>[] = [];
  for (let i = 0; i < 200; i++) {
    const top = i % 10 === 0;
    opd.push({
      kode: `OPD${i}`,
      nama: `Unit ${i}`,
      jenis: top ? 'dinas' : 'lainnya',
      induk_kode: top ? '' : `OPD${i - (i % 10)}`,
      kelas_layanan: top ? 'non_pelayanan' : '',
      sektor: '',
      lat: top ? (-7.87 + i / 10000).toFixed(4) : '',
      lng: top ? '112.5260' : '',
      radius_m: top ? '100' : '',
    });
  }
  const levels = ['fungsional', 'pelaksana', 'pelaksana', 'fungsional', 'pengawas'];
  const pegawai: Record<string, string>[] = [];
  const used = new Set<string>();
  for (let i = 0; i < n; i++) {
    const y = 1965 + Math.floor(rnd() * 35);
    const m = 1 + Math.floor(rnd() * 12);
    const d = 1 + Math.floor(rnd() * 28);
    const lahir = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    const sex = (1 + Math.floor(rnd() * 2)) as 1 | 2;
    const tmtYear = Math.min(2024, y + 22 + Math.floor(rnd() * 10));
    let urut = 1;
    let nip = composeNip({ lahir, tmtYear, tmtMonth: 3, sex, urut });
    while (used.has(nip)) nip = composeNip({ lahir, tmtYear, tmtMonth: 3, sex, urut: ++urut });
    used.add(nip);
    const unit = 1 + (i % 199);
    pegawai.push({
      nip,
      nama: `Pegawai ${i}`,
      jenis_pegawai: 'pns',
      jabatan_level: i < 200 ? 'administrator' : (levels[i % levels.length] as string),
      jabatan: 'Analis',
      opd_kode: `OPD${i < 200 ? i : unit}`,
      atasan_nip: i < 200 ? '' : (pegawai[unit]?.nip ?? ''),
      email: '',
      telepon: '',
      rumah_lat: '-7.8800',
      rumah_lng: '112.5300',
      id_pegawai: '',
    });
  }
  return {
    opdCsv: Buffer.from(toCsv(OPD_COLUMNS, opd)),
    pegawaiCsv: Buffer.from(toCsv(PEGAWAI_EXPORT_COLUMNS, pegawai)),
  };
}

// ─── Timing the import's SQL, by statement kind and table ────────────────────────────────────────

/** The first table a query node names (walks the node tree). */
function firstTable(n: unknown, depth = 0): string | null {
  if (!n || typeof n !== 'object' || depth > 6) return null;
  const o = n as Record<string, unknown>;
  if (o.kind === 'TableNode') {
    const t = o.table as { identifier?: { name?: string } } | undefined;
    return t?.identifier?.name ?? null;
  }
  for (const v of Object.values(o)) {
    const t = Array.isArray(v)
      ? v.map((x) => firstTable(x, depth + 1)).find((x) => x)
      : firstTable(v, depth + 1);
    if (t) return t;
  }
  return null;
}

function labelOf(node: RootOperationNode): string {
  switch (node.kind) {
    case 'InsertQueryNode':
      return `insert ${firstTable(node.into) ?? '?'}`;
    case 'UpdateQueryNode':
      return `update ${firstTable(node.table) ?? '?'}`;
    case 'DeleteQueryNode':
      return `delete ${firstTable(node.from) ?? '?'}`;
    case 'SelectQueryNode':
      return 'select (reading the stored registry)';
    default: {
      const text = node.kind === 'RawNode' ? (node.sqlFragments[0] ?? '') : node.kind;
      return `other: ${text.trim().split(/\s+/).slice(0, 2).join(' ')}`;
    }
  }
}

class SqlTimer implements KyselyPlugin {
  readonly ms = new Map<string, number>();
  readonly count = new Map<string, number>();
  /** when the first INSERT started (the end of planning) */
  firstInsertAt: number | null = null;
  private readonly started = new WeakMap<object, { t: number; label: string }>();
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    const label = labelOf(args.node);
    const t = performance.now();
    if (this.firstInsertAt === null && label.startsWith('insert')) this.firstInsertAt = t;
    this.started.set(args.queryId, { t, label });
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const s = this.started.get(args.queryId);
    if (s) {
      this.ms.set(s.label, (this.ms.get(s.label) ?? 0) + performance.now() - s.t);
      this.count.set(s.label, (this.count.get(s.label) ?? 0) + 1);
    }
    return args.result;
  }
  total(filter: (label: string) => boolean = () => true) {
    let t = 0;
    for (const [k, v] of this.ms) if (filter(k)) t += v;
    return t;
  }
}

// ─── The reference: the same rows into the same tables of a second Pemda ─────────────────────────

const PEGAWAI_COLS =
  'tenant_id, id, nip, id_pegawai, nama, email, telepon, rumah_lat, rumah_lng, created_at, updated_at';
const VERSI_COLS =
  'tenant_id, pegawai_id, berlaku_dari, berlaku_sampai, jenis_pegawai, jabatan_level, jabatan, opd_id, atasan_id';
const AUDIT_COLS =
  'tenant_id, waktu, user_id, pelaku, aksi, entitas, entitas_id, ringkasan, sebelum, sesudah';

/** SELECTs giving the import's rows of Pemda `a` as rows of Pemda `b` (its OPDs matched by kode). */
function rowsFor(a: string, b: string) {
  return {
    pegawai: `SELECT '${b}'::uuid, id, nip, id_pegawai, nama, email, telepon, rumah_lat, rumah_lng, created_at, updated_at FROM pegawai WHERE tenant_id = '${a}'`,
    pegawai_versi: `SELECT '${b}'::uuid, v.pegawai_id, v.berlaku_dari, v.berlaku_sampai, v.jenis_pegawai, v.jabatan_level, v.jabatan, ob.id, v.atasan_id FROM pegawai_versi v JOIN opd oa ON oa.tenant_id = v.tenant_id AND oa.id = v.opd_id JOIN opd ob ON ob.tenant_id = '${b}' AND upper(ob.kode) = upper(oa.kode) WHERE v.tenant_id = '${a}'`,
    audit_log: `SELECT '${b}'::uuid, waktu, user_id, pelaku, aksi, entitas, entitas_id, ringkasan, sebelum, sesudah FROM audit_log WHERE tenant_id = '${a}' AND entitas = 'pegawai' ORDER BY id`,
  };
}
const COLS = { pegawai: PEGAWAI_COLS, pegawai_versi: VERSI_COLS, audit_log: AUDIT_COLS } as const;
type Table = keyof typeof COLS;
const TABLES: Table[] = ['pegawai', 'pegawai_versi', 'audit_log'];

interface RefResult {
  readonly perTable: Record<Table, number>;
  readonly commitMs: number;
  readonly totalMs: number;
  readonly rows: Record<Table, number>;
  /** COPY of the same data into bare copies of the tables (no keys, indexes, checks or triggers) */
  readonly bareMs?: Record<Table, number>;
}

/** INSERT … SELECT, one statement per table, in one transaction (superuser: no row-level security). */
async function referenceInsertSelect(sdb: SigapDatabase, a: string, b: string): Promise<RefResult> {
  const src = rowsFor(a, b);
  const perTable = {} as Record<Table, number>;
  const rows = {} as Record<Table, number>;
  const t0 = performance.now();
  let tCommit = 0;
  await sdb.db.transaction().execute(async (trx) => {
    for (const t of TABLES) {
      const t1 = performance.now();
      const r = await sql.raw(`INSERT INTO ${t} (${COLS[t]}) ${src[t]}`).execute(trx);
      perTable[t] = performance.now() - t1;
      rows[t] = Number(r.numAffectedRows ?? 0);
    }
    tCommit = performance.now();
  });
  const end = performance.now();
  return { perTable, commitMs: end - tCommit, totalMs: end - t0, rows };
}

/** COPY … FROM STDIN of the rows, prepared beforehand (untimed) with COPY … TO STDOUT. */
async function referenceCopy(url: string, a: string, b: string): Promise<RefResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const src = rowsFor(a, b);
    const data = {} as Record<Table, Buffer[]>;
    for (const t of TABLES) {
      const chunks: Buffer[] = [];
      const out = client.query(copyTo(`COPY (${src[t]}) TO STDOUT`));
      for await (const c of out) chunks.push(c as Buffer);
      data[t] = chunks;
    }
    const perTable = {} as Record<Table, number>;
    const rows = {} as Record<Table, number>;
    const t0 = performance.now();
    await client.query('BEGIN');
    for (const t of TABLES) {
      const t1 = performance.now();
      const sink = client.query(copyFrom(`COPY ${t} (${COLS[t]}) FROM STDIN`));
      await pipeline(Readable.from(data[t]), sink);
      perTable[t] = performance.now() - t1;
      rows[t] = Number(sink.rowCount ?? 0);
    }
    const tCommit = performance.now();
    await client.query('COMMIT');
    const end = performance.now();
    // What keys, indexes, checks, the audit trigger and WAL cost: the same COPY into bare temporary tables.
    const bareMs = {} as Record<Table, number>;
    await client.query('BEGIN');
    for (const t of TABLES) {
      await client.query(
        `CREATE TEMP TABLE bare_${t} (LIKE ${t} INCLUDING DEFAULTS INCLUDING IDENTITY) ON COMMIT DROP`,
      );
      const t1 = performance.now();
      await pipeline(
        Readable.from(data[t]),
        client.query(copyFrom(`COPY bare_${t} (${COLS[t]}) FROM STDIN`)),
      );
      bareMs[t] = performance.now() - t1;
    }
    await client.query('COMMIT');
    return { perTable, commitMs: end - tCommit, totalMs: end - t0, rows, bareMs };
  } finally {
    await client.end();
  }
}

// ─── One database ────────────────────────────────────────────────────────────────────────────────

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const share = (ms: number, of: number) => `${((ms / of) * 100).toFixed(0)}%`;

async function measure(
  label: string,
  sdb: SigapDatabase,
  files: ReturnType<typeof makeFiles>,
  pgUrl?: string,
) {
  const tenant = async (kode: string) => {
    const t = await ensureTenant(sdb.db, { kode, nama: kode, jenis: 'kota', zonaWaktu: 'Asia/Jakarta' });
    const opts = { actor: SYSTEM_ACTOR, writableOpdIds: null, berlakuMulai: '2025-01-01' };
    await importOpd(sdb, t.id, await readTable(files.opdCsv, 'opd.csv'), opts);
    return t.id;
  };
  const a = await tenant('bench');
  const b = await tenant('bench-ref');
  const c = pgUrl ? await tenant('bench-copy') : null;
  const settings = await sql<{ name: string; setting: string }>`
    SELECT name, setting FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes', 'wal_level')
    ORDER BY name`.execute(sdb.db);

  // The import, timed by phase.
  const timer = new SqlTimer();
  const marks: { at: number; what: string }[] = [];
  const timed: SigapDatabase = {
    ...sdb,
    db: sdb.db.withPlugin(timer),
    runScript: async (text) => {
      const t = performance.now();
      await sdb.runScript(text);
      const label = /ANALYZE/i.test(text) ? 'ANALYZE after the import' : 'other: script';
      timer.ms.set(label, (timer.ms.get(label) ?? 0) + performance.now() - t);
      timer.count.set(label, (timer.count.get(label) ?? 0) + 1);
    },
  };
  const opts = {
    actor: SYSTEM_ACTOR,
    writableOpdIds: null,
    berlakuMulai: '2025-01-01',
    onProgress: (phase: 'validasi' | 'simpan', done: number, total: number) =>
      marks.push({
        at: performance.now(),
        what: `${phase} ${done === total ? 'end' : done === 0 ? 'start' : 'step'}`,
      }),
  };
  const tParse = performance.now();
  const table = await readTable(files.pegawaiCsv, 'pegawai.csv');
  const parseMs = performance.now() - tParse;
  const t0 = performance.now();
  const r = await importPegawai(timed, a, table, opts);
  const tEnd = performance.now();
  const importMs = tEnd - t0;
  const t1 = performance.now();
  const again = await importPegawai(sdb, a, await readTable(files.pegawaiCsv, 'pegawai.csv'), {
    ...opts,
    onProgress: undefined,
  });
  const againMs = performance.now() - t1;
  if (r.dibuat !== PEOPLE || again.tidakBerubah !== PEOPLE)
    throw new Error(`unexpected result ${JSON.stringify({ r, again })}`);

  const at = (what: string) => marks.find((m) => m.what === what)?.at;
  const vStart = at('validasi start') ?? t0;
  const vEnd = at('validasi end') ?? vStart;
  const firstWrite = timer.firstInsertAt ?? vEnd;
  const simpanEnd = [...marks].reverse().find((m) => m.what === 'simpan end')?.at ?? tEnd;
  const analyzeMs = timer.ms.get('ANALYZE after the import') ?? 0;
  const writeSql = (t: string) => timer.total((k) => k.endsWith(` ${t}`) && !k.startsWith('select'));
  const sqlInWrites = TABLES.reduce((x, t) => x + writeSql(t), 0);
  const otherSql = timer.total(
    (k) =>
      !k.startsWith('select') &&
      !k.startsWith('insert') &&
      !k.startsWith('update') &&
      !k.startsWith('ANALYZE'),
  );

  // The references.
  const ins = await referenceInsertSelect(sdb, a, b);
  const copy = pgUrl && c ? await referenceCopy(pgUrl, a, c) : null;
  for (const ref of [ins, copy])
    if (
      ref &&
      (ref.rows.pegawai !== PEOPLE || ref.rows.pegawai_versi !== PEOPLE || ref.rows.audit_log !== PEOPLE)
    )
      throw new Error(`the reference wrote ${JSON.stringify(ref.rows)} rows, not ${PEOPLE} per table`);

  console.log();
  console.log(
    `${label}: ${settings.rows.map((x) => `${x.name}=${x.setting}`).join(', ')}${label === 'PGlite' ? ' (embedded, one connection)' : ''}`,
  );
  console.log(
    `  import (importPegawai, first time)  ${s(importMs)} = ${Math.round(PEOPLE / (importMs / 1000)).toLocaleString('en')} rows/s   (CSV parse before it: ${s(parseMs)}; re-import, no change: ${s(againMs)})`,
  );
  const line = (name: string, ms: number, note = '') =>
    console.log(
      `    ${name.padEnd(52)} ${s(ms).padStart(9)} ${share(ms, importMs).padStart(4)}${note ? `  ${note}` : ''}`,
    );
  line(
    'lock, read the stored registry',
    vStart - t0,
    `(SQL ${s(timer.total((k) => k.startsWith('select')))} for all reads)`,
  );
  line('validation (worker thread)', vEnd - vStart);
  line('planning (worker thread) and back-dating check', firstWrite - vEnd);
  line(`writes and audit (until the last row)`, simpanEnd - firstWrite);
  for (const t of TABLES)
    line(`  of which SQL insert ${t}`, writeSql(t), `${timer.count.get(`insert ${t}`) ?? 0} statements`);
  line('  of which SQL, other (tenant settings, locks, …)', otherSql);
  line(
    '  of which the rest (building rows and audit entries, JS)',
    Math.max(0, simpanEnd - firstWrite - sqlInWrites - otherSql),
  );
  line('commit', Math.max(0, tEnd - simpanEnd - analyzeMs));
  line('ANALYZE pegawai, pegawai_versi, audit_log', analyzeMs);
  const refLine = (name: string, ref: RefResult) =>
    console.log(
      `  reference ${name.padEnd(24)} ${s(ref.totalMs)} = ${Math.round(PEOPLE / (ref.totalMs / 1000)).toLocaleString('en')} rows/s: ${TABLES.map((t) => `${t} ${s(ref.perTable[t])}`).join(', ')}, commit ${s(ref.commitMs)};  import / reference ${(importMs / ref.totalMs).toFixed(1)}×`,
    );
  if (copy) refLine('COPY FROM STDIN', copy);
  if (copy?.bareMs)
    console.log(
      `    the same COPY into bare temporary copies of the tables (NOT NULL and identity only: no keys, indexes, checks, trigger; not WAL-logged): ${TABLES.map((t) => `${t} ${s(copy.bareMs![t])}`).join(', ')}; so keys, indexes and logging cost ${s(TABLES.reduce((x, t) => x + copy.perTable[t] - copy.bareMs![t], 0))} of the COPY`,
    );
  refLine('INSERT … SELECT', ins);
  const best = copy ?? ins;
  console.log(
    `  gap ${s(importMs - best.totalMs)}: the import's SQL inserts take ${s(sqlInWrites)} against the reference's ${s(best.totalMs - best.commitMs)} for the same rows; the rest is reading, validation, planning, building rows and entries, commit and ANALYZE (above).`,
  );
}

const files = makeFiles(PEOPLE);
console.log(
  `bench/import — node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? '?'}, load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')} at start`,
);
console.log(
  `${PEOPLE.toLocaleString('en')} people, CSV ${(files.pegawaiCsv.length / 1e6).toFixed(1)} MB; rows written per table: ${PEOPLE.toLocaleString('en')} pegawai, ${PEOPLE.toLocaleString('en')} pegawai_versi, ${PEOPLE.toLocaleString('en')} audit_log`,
);

if (!process.argv.includes('--no-pglite')) {
  const dir = mkdtempSync(join(tmpdir(), 'sigap-bench-'));
  const lite = await openDatabase(dir);
  await measure('PGlite', lite, files);
  await lite.close();
  rmSync(dir, { recursive: true, force: true });
}

const pgUrl = arg('pg') ?? process.env.SIGAP_BENCH_PG_URL;
if (process.argv.includes('--no-pg')) {
  // PGlite only.
} else if (pgUrl) {
  const p = await openDatabase(pgUrl);
  await measure('PostgreSQL', p, files, pgUrl);
  await p.close();
} else if (findPgBin()) {
  const server = await startPostgres(undefined, { durable: true });
  try {
    const p = await openDatabase(server.url);
    await measure('PostgreSQL (own server, default settings)', p, files, server.url);
    await p.close();
  } finally {
    server.stop();
  }
} else {
  console.log('PostgreSQL: not installed here; pass --pg <url> to measure it');
}
console.log(
  `load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')} at the end (other processes on this machine distort wall times)`,
);
