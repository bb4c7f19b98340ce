import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../../test/cli.ts';
import { folderPglite } from '../../test/db.ts';
import { PEGAWAI_ROWS, seedSmallPemda } from '../../test/fixtures.ts';
import { PEGAWAI_EXPORT_COLUMNS, toCsv } from '../modules/impor/ekspor.service.ts';
import { openDatabase } from './database.ts';
import { FolderDipakai, LOCK_FILE } from './folder-lock.ts';

// One owner per PGlite folder (issue 8, finding 2): a second PROCESS opening a folder that one holds is
// refused in words, the folder still opens afterwards with its data intact, and a holder killed with
// SIGKILL leaves nothing that blocks the next opener.

let base: string;
let dir: string;
let berkas: string;
let sebelum: string[];

/** A fresh PGlite folder: the migrated template when the db tier made one, else a new database. */
async function folderBaru(nama: string): Promise<string> {
  return folderPglite(join(base, nama));
}

async function namaPegawai(folder: string): Promise<string[]> {
  const sdb = await openDatabase(folder);
  try {
    const rows = await sdb.db.selectFrom('pegawai').select('nama').orderBy('nama').execute();
    return rows.map((r) => r.nama);
  } finally {
    await sdb.close();
  }
}

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'sigap-lock-'));
  dir = await folderBaru('data');
  const sdb = await openDatabase(dir);
  await seedSmallPemda(sdb);
  sebelum = (await sdb.db.selectFrom('pegawai').select('nama').orderBy('nama').execute()).map((r) => r.nama);
  await sdb.close();
  berkas = join(base, 'pegawai.csv');
  writeFileSync(
    berkas,
    toCsv(
      PEGAWAI_EXPORT_COLUMNS,
      PEGAWAI_ROWS.map((r) => ({ ...r, nama: `${r.nama} Diubah` })),
    ),
  );
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('one owner per data folder', () => {
  it('refuses a CLI import and a second server from another process while the folder is held; data intact after', async () => {
    expect(sebelum).toHaveLength(PEGAWAI_ROWS.length);
    const server = await openDatabase(dir);
    server.umumkan({ url: 'http://127.0.0.1:39999' });
    try {
      const imp = await runCli(['--db', dir, 'import', 'pegawai', berkas]);
      expect(imp.code).toBe(1);
      expect(imp.stderr).toContain(`Folder data ${resolve(dir)} sedang dipakai oleh server Sigap`);
      expect(imp.stderr).toContain(`pid ${process.pid}`);
      expect(imp.stderr).toContain('http://127.0.0.1:39999');
      expect(imp.stderr).toContain('Hentikan server dulu');

      const serve = await runCli(['--db', dir, 'serve', '--port', '0']);
      expect(serve.code).toBe(1);
      expect(serve.stderr).toContain('sedang dipakai oleh server Sigap');
      expect(serve.stdout).not.toContain('berjalan');

      // In this process too: a second opener is refused, never given the folder.
      await expect(openDatabase(dir)).rejects.toBeInstanceOf(FolderDipakai);
    } finally {
      await server.close();
    }

    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    expect(await namaPegawai(dir)).toEqual(sebelum);
  });

  it('once the holder has closed the folder, the same command goes through (the refusal was the lock)', async () => {
    const lagi = await runCli(['--db', dir, 'import', 'pegawai', berkas]);
    expect(lagi.stderr).toBe('');
    expect(lagi.code).toBe(0);
    expect((await namaPegawai(dir)).sort()).toEqual(sebelum.map((n) => `${n} Diubah`).sort());
  });

  it('a holder killed with SIGKILL leaves no lock that blocks the next opener', async () => {
    // A copy of the closed folder of the tests above (no second initdb on the PostgreSQL pass).
    const folder = join(base, 'mati');
    cpSync(dir, folder, { recursive: true });
    const child = spawn(
      process.execPath,
      [join(ROOT, 'bin/run-ts.mjs'), join(ROOT, 'server/test/hold-folder.ts'), folder],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((ok, gagal) => {
      child.stdout.on('data', (d: Buffer) => {
        if (d.toString().includes('terbuka')) ok();
      });
      child.on('exit', (code) => gagal(new Error(`holder exited early (${code})`)));
    });
    await expect(openDatabase(folder)).rejects.toThrow(/sedang dipakai|in use/);
    expect(existsSync(join(folder, LOCK_FILE))).toBe(true);

    const selesai = new Promise((ok) => child.on('exit', ok));
    child.kill('SIGKILL');
    await selesai;

    // The lock file is still there (nobody removed it), but the kernel dropped the lock with the process.
    expect(existsSync(join(folder, LOCK_FILE))).toBe(true);
    const sdb = await openDatabase(folder);
    try {
      const r = await sdb.db.selectFrom('schema_migration').select('nama').execute();
      expect(r.length).toBeGreaterThan(0);
    } finally {
      await sdb.close();
    }
  });
});
