import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ROOT, runCli } from '../../test/cli.ts';
import { openDatabase } from '../db/database.ts';
import { listTenants } from '../modules/pengaturan/pengaturan.repository.ts';

// The command line as people meet it (issue 8, finding 11): it runs as built JavaScript, rebuilt when a
// source changed; its help is Indonesian (English with SIGAP_LANG=en); a wrong entity or a missing data
// folder is an error in words. Every case runs the real `node bin/sigap.mjs` as a child process.

const STAMP = join(ROOT, 'server/dist/cli.stamp.json');

/** Every command path, as listed by the help of its parent. */
const PERINTAH = [
  [],
  ['serve'],
  ['demo'],
  ['pemda', 'create'],
  ['import', 'opd'],
  ['import', 'pegawai'],
  ['export'],
  ['policy', 'validate'],
  ['policy', 'apply'],
  ['policy', 'explain'],
  ['policy', 'list'],
  ['policy', 'activate'],
  ['policy', 'revoke'],
  ['policy', 'context'],
  ['roster', 'generate'],
  ['roster', 'export'],
  ['roster', 'import'],
  ['roster', 'versions'],
  ['roster', 'publish'],
  ['roster', 'check'],
  ['leave', 'import'],
  ['attendance', 'import'],
  ['attendance', 'terminal'],
  ['attendance', 'pins'],
  ['user', 'create'],
  ['face', 'rekey'],
  ['retention', 'run'],
];

let base: string;
beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'sigap-cli-'));
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('sigap CLI', () => {
  it('runs the built JavaScript, and rebuilds it first when a source is newer than the build', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    expect(existsSync(join(ROOT, 'server/dist/cli.mjs'))).toBe(true);
    const sebelum = JSON.parse(readFileSync(STAMP, 'utf8')) as { built: string; inputs: object };
    expect(Object.keys(sebelum.inputs)).toContain('server/src/cli/main.ts');
    expect(Object.keys(sebelum.inputs)).toContain('domain/src/index.ts');

    // A developer edits a source: the next run must not use the old build.
    const sumber = join(ROOT, 'server/src/cli/progress.ts');
    const st = statSync(sumber);
    utimesSync(sumber, st.atime, new Date());
    const lagi = await runCli(['--help']);
    expect(lagi.code).toBe(0);
    const sesudah = JSON.parse(readFileSync(STAMP, 'utf8')) as { built: string };
    expect(sesudah.built > sebelum.built).toBe(true);
  });

  it.each(PERINTAH.map((p) => [p.join(' ') || '(program)', p] as const))(
    'the help of sigap %s is Indonesian, every option described',
    async (_nama, p) => {
      const r = await runCli([...p, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Cara pakai:');
      expect(r.stdout).toContain('menampilkan bantuan');
      for (const en of [
        'Usage:',
        'Options:',
        'Commands:',
        'Arguments:',
        'display help',
        'default:',
        'choices:',
        '[options]',
      ])
        expect(r.stdout, en).not.toContain(en);
      // every option and argument is described (no bare `--username <username>` line)
      for (const baris of r.stdout.split('\n').filter((b) => /^ {2}(-|<|\w)/.test(b)))
        expect(baris.trim()).toMatch(/\S+ {2,}\S/);
    },
  );

  it('the help is English with SIGAP_LANG=en', async () => {
    const en = await runCli(['roster', 'export', '--help'], { SIGAP_LANG: 'en' });
    expect(en.stdout).toContain('Usage: sigap roster export [options]');
    expect(en.stdout).toContain('the schedule recap');
    expect(en.stdout).toContain('display help for command');
  });

  it('an unknown entity to export is an error naming the choices, exit 2', async () => {
    const r = await runCli(['export', 'karyawan']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(
      "galat: 'karyawan' bukan pilihan untuk argumen 'jenis'; pilihan: opd, pegawai.",
    );
    const en = await runCli(['export', 'karyawan'], { SIGAP_LANG: 'en' });
    expect(en.code).toBe(2);
    expect(en.stderr).toContain(
      "'karyawan' is invalid for argument 'jenis'. Allowed choices are opd, pegawai.",
    );
  });

  it('--db at a missing folder is refused in words and creates nothing; a folder of other files too', async () => {
    const hilang = join(base, 'tidak-ada');
    for (const args of [
      ['roster', 'versions'],
      ['serve', '--port', '0'],
      ['export', 'opd'],
    ]) {
      const r = await runCli(['--db', hilang, ...args]);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr).toContain(`Folder data ${hilang} belum ada`);
      expect(r.stderr).toContain('pemda create');
      expect(existsSync(hilang)).toBe(false);
    }
    const lain = join(base, 'bukan-data');
    rmSync(lain, { recursive: true, force: true });
    await import('node:fs').then((fs) => fs.mkdirSync(lain));
    writeFileSync(join(lain, 'catatan.txt'), 'bukan basis data');
    const r = await runCli([
      '--db',
      lain,
      'pemda',
      'create',
      '--kode',
      'kota-x',
      '--nama',
      'X',
      '--jenis',
      'kota',
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('bukan folder data Sigap');
    expect(existsSync(join(lain, 'PG_VERSION'))).toBe(false);
  });

  it('pemda create with a wrong --kode or --nama: words naming the option, exit 2, no data folder made', async () => {
    const baru = join(base, 'pemda-baru');
    for (const [kode, nama, kata] of [
      ['a', 'Pemerintah A', '--kode: "a" bukan kode Pemda yang sah; pakai 2–40 karakter huruf kecil'],
      ['Kab-Kudus', 'Pemerintah Kudus', '--kode: "Kab-Kudus" bukan kode Pemda yang sah'],
      ['kab-kudus', 'Kudus\u202e', '--nama: berisi karakter pembalik arah teks (U+202E)'],
    ] as const) {
      const r = await runCli([
        '--db',
        baru,
        'pemda',
        'create',
        '--kode',
        kode,
        '--nama',
        nama,
        '--jenis',
        'kota',
      ]);
      expect(r.code, kode).toBe(2);
      expect(r.stderr, kode).toContain(kata);
      expect(r.stderr, kode).not.toMatch(/constraint|at .*\.js/);
      expect(r.stdout).toBe('');
      expect(existsSync(baru), 'no data folder is made').toBe(false);
    }
  });

  it('pemda create with a code another Pemda holds: words naming --kode, exit 2, nothing written', async () => {
    const ada = join(base, 'pemda-ada');
    // The migrated template when this pass made one (PGlite); otherwise `pemda create` makes the folder.
    const template = inject('pgliteTemplate');
    if (template) cpSync(template, ada, { recursive: true });
    const buat = (nama: string, jenis = 'kota') =>
      runCli(['--db', ada, 'pemda', 'create', '--kode', 'kota-a', '--nama', nama, '--jenis', jenis]);
    expect((await buat('Pemerintah Kota A')).code).toBe(0);
    const dup = await buat('Pemerintah Kabupaten A', 'kabupaten');
    expect(dup.code).toBe(2);
    expect(dup.stderr).toContain(
      '--kode: Pemda dengan kode "kota-a" sudah ada (Pemerintah Kota A, kota, Asia/Jakarta); pilih kode lain',
    );
    const sdb = await openDatabase(ada, { migrate: false });
    try {
      expect((await listTenants(sdb.db)).map(({ kode, nama, jenis }) => ({ kode, nama, jenis }))).toEqual([
        { kode: 'kota-a', nama: 'Pemerintah Kota A', jenis: 'kota' },
      ]);
    } finally {
      await sdb.close();
    }
  });
});
