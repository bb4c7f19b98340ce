// A throwaway PostgreSQL server on loopback for the tests (Debian's postgresql package).
// As a module: startPostgres() → { url, stop() }. As a command: `node scripts/pg.mjs start <dir>` prints the URL;
// `node scripts/pg.mjs stop <dir>` stops it.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The directory of PostgreSQL's server binaries, or null. */
export function findPgBin() {
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(root, versions[0], 'bin');
  }
  return null;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

// PostgreSQL refuses to run as root: run its tools as the `postgres` user then.
function run(bin, args) {
  const asRoot = process.getuid?.() === 0;
  const cmd = asRoot ? 'runuser' : bin;
  const full = asRoot ? ['-u', 'postgres', '--', bin, ...args] : args;
  return execFileSync(cmd, full, { stdio: ['ignore', 'pipe', 'pipe'] }).toString();
}

/**
 * Starts a fresh cluster in `dir` (a new temp dir by default) and returns its URL. For the tests' speed,
 * durability is off (fsync, synchronous_commit, full_page_writes); `{ durable: true }` keeps PostgreSQL's
 * defaults (bench/import measures writes, which that would flatter) and sets only address, port and socket.
 */
export async function startPostgres(
  dir = mkdtempSync(join(tmpdir(), 'sigap-pg-')),
  { durable = false } = {},
) {
  const bin = findPgBin();
  if (!bin) throw new Error('PostgreSQL server binaries not found (apt-get install postgresql)');
  mkdirSync(dir, { recursive: true });
  chmodSync(dir, 0o777);
  if (process.getuid?.() === 0) execFileSync('chown', ['-R', 'postgres:postgres', dir]);
  const data = join(dir, 'data');
  run(join(bin, 'initdb'), [
    '-D',
    data,
    '--auth=trust',
    '-U',
    'postgres',
    '--encoding=UTF8',
    '--no-instructions',
  ]);
  const port = await freePort();
  run(join(bin, 'pg_ctl'), [
    '-D',
    data,
    '-l',
    join(dir, 'log.txt'),
    '-w',
    'start',
    '-o',
    `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir}` +
      (durable
        ? ''
        : ' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200'),
  ]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

if (process.argv[1]?.endsWith('pg.mjs')) {
  const [cmd, dir] = process.argv.slice(2);
  if (cmd === 'start' && dir) {
    const pg = await startPostgres(dir);
    console.log(pg.url);
  } else if (cmd === 'stop' && dir) {
    const bin = findPgBin();
    if (bin && existsSync(join(dir, 'data')))
      run(join(bin, 'pg_ctl'), ['-D', join(dir, 'data'), '-m', 'fast', '-w', 'stop']);
    rmSync(dir, { recursive: true, force: true });
  } else {
    console.error('usage: node scripts/pg.mjs start|stop <dir>');
    process.exit(2);
  }
}
