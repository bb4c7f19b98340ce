// bench/cli: how long the `sigap` command line takes to answer, from a new process to its exit, as a user
// at a terminal sees it. Seeds the demo Pemda into a fresh data folder first (about a minute), then times,
// each --runs times (median and slowest printed):
//   - `sigap --help` (no database);
//   - `sigap roster versions`, `sigap policy list` and `sigap export pegawai` on the demo database (a command that opens PGlite);
//   - the same `roster versions` with SIGAP_CLI_OPTIMISE=1 (PGlite's WebAssembly compiled the default
//     way, as the CLI did before short commands used Liftoff only);
// and, as references measured in the same run on the same machine: a bare `node -e ""`, and a script that
// only opens the same folder with PGlite (compiled the same way, Liftoff only) and closes it: the floor for
// any command on the database.
// Figures only, no pass/fail. The target: --help well under 1 s, a command on the demo database under 2 s.
// Usage: node bin/run-ts.mjs bench/cli.ts [--runs 7] [--db <existing demo folder>]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const RUNS = Number(arg('runs') ?? 7);
const ROOT = resolve(import.meta.dirname, '..');
const SIGAP = join(ROOT, 'bin/sigap.mjs');

const tmp = mkdtempSync(join(tmpdir(), 'sigap-bench-cli-'));
const given = arg('db');
const db = given ? resolve(given) : join(tmp, 'data');

function run(argv: string[], env: Record<string, string> = {}): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, argv, {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    cwd: ROOT,
  });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${argv.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

function ukur(nama: string, argv: string[], env: Record<string, string> = {}): number {
  run(argv, env); // warm: the OS file cache, the CLI build stamp
  const t = Array.from({ length: RUNS }, () => run(argv, env)).sort((a, b) => a - b);
  const median = t[Math.floor(t.length / 2)] ?? 0;
  console.log(
    `${nama.padEnd(44)} median ${(median / 1000).toFixed(2)} s   slowest ${((t.at(-1) ?? 0) / 1000).toFixed(2)} s`,
  );
  return median;
}

try {
  if (!given) {
    console.log(`Seeding the demo into ${db} …`);
    run([SIGAP, '--db', db, 'demo', '--no-serve']);
  }
  const buka = join(tmp, 'buka.mjs');
  const pglite = join(ROOT, 'node_modules/@electric-sql/pglite/dist/index.js');
  writeFileSync(
    buka,
    `const { PGlite } = await import(${JSON.stringify(pglite)});\n` +
      `const p = new PGlite(${JSON.stringify(db)}); await p.waitReady; await p.query('SELECT 1'); await p.close();\n`,
  );
  console.log(`${RUNS} runs each (after one warm-up run), wall time from spawn to exit:`);
  const node = ukur('reference: node -e ""', ['-e', '']);
  const help = ukur('sigap --help', [SIGAP, '--help']);
  const open = ukur('reference: PGlite opens the folder, SELECT 1', ['--liftoff-only', buka]);
  const versi = ukur('sigap roster versions', [SIGAP, '--db', db, 'roster', 'versions']);
  ukur('sigap policy list', [SIGAP, '--db', db, 'policy', 'list']);
  ukur('sigap export pegawai (2,983 rows, CSV)', [SIGAP, '--db', db, 'export', 'pegawai']);
  const lama = ukur(
    'sigap roster versions (SIGAP_CLI_OPTIMISE=1)',
    [SIGAP, '--db', db, 'roster', 'versions'],
    {
      SIGAP_CLI_OPTIMISE: '1',
    },
  );
  console.log(
    `ratios: --help / bare node ${(help / node).toFixed(1)}×; roster versions / PGlite open ${(versi / open).toFixed(2)}×; ` +
      `default compile / Liftoff only ${(lama / versi).toFixed(2)}×`,
  );
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
