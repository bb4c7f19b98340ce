import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/cli.ts';
import { folderPglite } from '../../../test/db.ts';
import { NIP, seedSmallPemda } from '../../../test/fixtures.ts';
import { openDatabase } from '../../db/database.ts';

// `sigap attendance import` as CONTRACTS.md fixes it: per-line results, idempotent, exit 1 when any line
// was refused while the rest is kept. The real `node bin/sigap.mjs` runs as a child process on a PGlite
// folder seeded beforehand.

let base: string;
let db: string;
const LOG = [
  `${NIP.perawat}\t2025-08-04 07:01:02\t1\t0\t0`,
  `${NIP.kalak}\t2025-08-04 07:15:00\t1\t0\t0`,
  `4242\t2025-08-04 07:30:00\t1\t0\t0`,
  'bukan baris log',
  `5555\t2025-08-04 07:31:00\t1\t0\t0`,
].join('\r\n');

const hitung = async () => {
  const sdb = await openDatabase(db);
  try {
    const r = await sdb.db
      .selectFrom('kehadiran')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  } finally {
    await sdb.close();
  }
};

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'sigap-hadir-cli-'));
  db = join(base, 'data');
  await folderPglite(db);
  const sdb = await openDatabase(db);
  try {
    await seedSmallPemda(sdb, 'kota-hadir', '2024-01-01');
  } finally {
    await sdb.close();
  }
  writeFileSync(join(base, 'attlog.dat'), LOG);
}, 60_000);
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('sigap attendance import', () => {
  const log = () => join(base, 'attlog.dat');
  it('an attlog needs its terminal: refused until it is named and registered', async () => {
    const tanpa = await runCli(['--db', db, 'attendance', 'import', log()]);
    expect(tanpa.code).toBe(1);
    expect(tanpa.stderr).toMatch(/sebutkan kode perangkat \(--perangkat/);

    const daftar = await runCli(['--db', db, 'attendance', 'terminal', 'MESIN-1', '--opd', 'DINKES']);
    expect(daftar.code, daftar.stderr).toBe(0);
    expect(await hitung()).toBe(0);
  });

  it('a PIN table from a file: all or nothing, each wrong row named with its line', async () => {
    writeFileSync(join(base, 'pin-salah.csv'), `pin,nip\n4242,${NIP.staf}\n4243,199912312020121001\n`);
    const salah = await runCli(['--db', db, 'attendance', 'pins', 'MESIN-1', join(base, 'pin-salah.csv')]);
    expect(salah.code).toBe(1);
    expect(salah.stderr).toMatch(
      /baris 3: 199912312020121001: NIP atau ID pegawai tidak terdaftar \[PEGAWAI_TIDAK_DIKENAL\]/,
    );
    writeFileSync(join(base, 'pin.csv'), `pin,nip,id_pegawai\n4242,${NIP.staf},\n`);
    const baik = await runCli(['--db', db, 'attendance', 'pins', 'MESIN-1', join(base, 'pin.csv')]);
    expect(baik.code, baik.stderr).toBe(0);
    expect(baik.stdout).toContain('tabel PIN MESIN-1 berisi 1 PIN.');
  });

  it('imports line by line (exit 1, the rest kept), and a second run stores nothing', async () => {
    const r = await runCli(['--db', db, 'attendance', 'import', log(), '--perangkat', 'mesin-1']);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toContain(
      '5 baris (attlog) — 3 disimpan, 0 sudah ada, 1 tidak dikenal, 1 tidak terbaca, 0 di luar lingkup.',
    );
    expect(r.stderr).toMatch(/baris 4: .*\[BARIS_TIDAK_TERBACA\]/);
    expect(r.stderr).toMatch(/baris 5: PIN 5555 tidak dikenal pada perangkat MESIN-1.*\[PIN_TIDAK_DIKENAL\]/);
    expect(r.stderr).toContain('2 baris ditolak');
    expect(await hitung()).toBe(3);

    const lagi = await runCli(['--db', db, 'attendance', 'import', log(), '--perangkat', 'MESIN-1']);
    expect(lagi.code).toBe(1);
    expect(lagi.stdout).toContain('0 disimpan');
    expect(lagi.stdout).toContain('3 sudah ada');
    expect(await hitung()).toBe(3);
  });

  it('a log of good lines exits 0 (English with SIGAP_LANG=en); a file that is no log is refused in words', async () => {
    // a log with only good lines: exit 0; English with SIGAP_LANG=en
    writeFileSync(
      join(base, 'baik.csv'),
      `nip,id_pegawai,waktu,perangkat,jenis\n${NIP.staf},,2025-08-04 07:40,MESIN-1,masuk\n`,
    );
    const baik = await runCli(['--db', db, 'attendance', 'import', join(base, 'baik.csv')], {
      SIGAP_LANG: 'en',
    });
    expect(baik.code, baik.stderr).toBe(0);
    expect(baik.stdout).toContain('1 lines (csv) — 1 stored, 0 already there');
    expect(await hitung()).toBe(4);

    // a file that is no log: refused in words, nothing stored
    writeFileSync(join(base, 'sampah.txt'), 'halo\n');
    const sampah = await runCli(['--db', db, 'attendance', 'import', join(base, 'sampah.txt')]);
    expect(sampah.code).toBe(1);
    expect(sampah.stderr).toMatch(/bukan log mesin absensi.*tidak ada yang disimpan/);
    expect(await hitung()).toBe(4);
  });
});

/** A device's stored row, read back from the folder the CLI wrote. */
const perangkatDb = async (kode: string) => {
  const sdb = await openDatabase(db);
  try {
    return await sdb.db
      .selectFrom('perangkat')
      .select(['jenis', 'nama', 'token_hash'])
      .where('kode', '=', kode)
      .executeTakeFirstOrThrow();
  } finally {
    await sdb.close();
  }
};
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

describe('sigap attendance terminal --token / --revoke-token', () => {
  const tokenDb = () => perangkatDb('MESIN-2');

  it('registers and issues a token printed once (only its hash stored), replaces it, and revokes it', async () => {
    const baru = await runCli(['--db', db, 'attendance', 'terminal', 'MESIN-2', '--opd', 'BPBD', '--token']);
    expect(baru.code, baru.stderr).toBe(0);
    expect(baru.stderr).toContain('Mesin MESIN-2 didaftarkan di BPBD.');
    expect(baru.stderr).toContain('tidak dicetak lagi dan tidak disimpan');
    // stdout holds the token alone: <pemda id>.<43 characters>
    const pertama = baru.stdout.trim();
    expect(pertama).toMatch(/^[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/);
    expect((await tokenDb()).token_hash).toBe(sha256(pertama.split('.')[1]!));

    const ganti = await runCli(['--db', db, 'attendance', 'terminal', 'MESIN-2', '--token']);
    expect(ganti.code, ganti.stderr).toBe(0);
    expect(ganti.stderr).toContain('token lama tidak berlaku lagi');
    const kedua = ganti.stdout.trim();
    expect(kedua).not.toBe(pertama);
    expect((await tokenDb()).token_hash).toBe(sha256(kedua.split('.')[1]!));

    const cabut = await runCli(['--db', db, 'attendance', 'terminal', 'MESIN-2', '--revoke-token']);
    expect(cabut.code, cabut.stderr).toBe(0);
    expect(cabut.stdout).toContain('Token mesin MESIN-2 dicabut');
    expect((await tokenDb()).token_hash).toBeNull();

    const lagi = await runCli(['--db', db, 'attendance', 'terminal', 'MESIN-2', '--revoke-token']);
    expect(lagi.code).toBe(1);
    expect(lagi.stderr).toContain('Perangkat MESIN-2 tidak memegang token; tidak ada yang dicabut');
  });
});

describe('sigap attendance kiosk', () => {
  it('registers a kiosk and prints its token once, saying where it goes; the kind is stored', async () => {
    const r = await runCli([
      '--db',
      db,
      'attendance',
      'kiosk',
      'KIOS-1',
      '--opd',
      'BPBD',
      '--nama',
      'Kios lobi',
      '--token',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Kios KIOS-1 didaftarkan di BPBD.');
    expect(r.stderr).toContain('Buka /kiosk di tablet dan tempelkan token ini.');
    expect(r.stdout.trim()).toMatch(/^[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/);
    const p = await perangkatDb('KIOS-1');
    expect(p).toMatchObject({ jenis: 'kiosk', nama: 'Kios lobi' });
    expect(p.token_hash).toBe(sha256(r.stdout.trim().split('.')[1]!));
    const cabut = await runCli(['--db', db, 'attendance', 'kiosk', 'KIOS-1', '--revoke-token']);
    expect(cabut.code, cabut.stderr).toBe(0);
    expect(cabut.stdout).toContain('Token kios KIOS-1 dicabut');
  });
});
