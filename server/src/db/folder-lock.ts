/// <reference path="../types/fs-native-extensions.d.ts" />
import {
  closeSync,
  constants,
  fstatSync,
  ftruncateSync,
  openSync,
  readFileSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { type Pesan, pesan } from '@sigap/domain';
import { tryLock, unlock } from 'fs-native-extensions';

/**
 * One owner per PGlite data folder. PGlite is a whole PostgreSQL inside one process: a second process
 * opening the same folder (say `sigap import` while `sigap serve` runs) writes over the first one's
 * pages and the folder no longer opens, or its rows are lost. So whoever opens a folder holds an
 * exclusive OS lock on `<folder>/sigap.lock` (open-file-description lock on Linux, flock on macOS,
 * LockFileEx on Windows, through fs-native-extensions) for as long as it has it open. The kernel drops
 * the lock when the process ends in any way, kill -9 included, so a lock can never be left stale; the
 * file's text (who holds it) is only for the message a refused opener prints.
 */
export const LOCK_FILE = 'sigap.lock';

/** What the holder writes into the lock file. */
export interface PemilikFolder {
  pid: number;
  host: string;
  /** The command line, e.g. `sigap serve` or `sigap import pegawai pegawai.csv`. */
  perintah: string;
  sejak: string;
  /** The server's address once it listens. */
  url?: string;
}

/** Raised when another process holds the folder: the message names it and says what to do. */
export class FolderDipakai extends Error {
  readonly pesan: Pesan;
  constructor(
    readonly folder: string,
    readonly pemilik: PemilikFolder | null,
  ) {
    const p = pesanDipakai(folder, pemilik);
    super(p.en);
    this.pesan = p;
  }
}

function pesanDipakai(folder: string, o: PemilikFolder | null): Pesan {
  if (!o)
    return pesan(
      `Folder data ${folder} sedang dipakai oleh proses Sigap lain. Hentikan proses itu dahulu; satu folder PGlite hanya boleh dibuka oleh satu proses.`,
      `The data folder ${folder} is in use by another Sigap process. Stop that process first; one PGlite folder can be opened by one process only.`,
    );
  const server = o.url !== undefined || /^sigap .*\b(serve|demo)\b/.test(o.perintah);
  const siapa = [`pid ${o.pid}`, o.host !== hostname() ? `di ${o.host}` : '', o.url ?? '']
    .filter(Boolean)
    .join(', ');
  const siapaEn = [`pid ${o.pid}`, o.host !== hostname() ? `on ${o.host}` : '', o.url ?? '']
    .filter(Boolean)
    .join(', ');
  if (server)
    return pesan(
      `Folder data ${folder} sedang dipakai oleh server Sigap (${siapa}, sejak ${o.sejak}). ` +
        'Hentikan server dulu (Ctrl+C), lalu jalankan perintah ini lagi; atau lakukan perubahan lewat aplikasi web server itu. ' +
        'Satu folder PGlite hanya boleh dibuka oleh satu proses: dua proses sekaligus merusak datanya. ' +
        'Untuk server dan perintah yang berjalan bersamaan, pakai PostgreSQL (--db postgres://…).',
      `The data folder ${folder} is in use by a Sigap server (${siapaEn}, since ${o.sejak}). ` +
        'Stop the server first (Ctrl+C) and run this command again, or make the change in that server’s web app. ' +
        'One PGlite folder can be opened by one process only: two at once corrupt its data. ' +
        'For a server and commands running side by side, use PostgreSQL (--db postgres://…).',
    );
  return pesan(
    `Folder data ${folder} sedang dipakai oleh perintah lain: \`${o.perintah}\` (${siapa}, sejak ${o.sejak}). ` +
      'Tunggu sampai perintah itu selesai, lalu coba lagi. Satu folder PGlite hanya boleh dibuka oleh satu proses.',
    `The data folder ${folder} is in use by another command: \`${o.perintah}\` (${siapaEn}, since ${o.sejak}). ` +
      'Wait until it has finished and try again. One PGlite folder can be opened by one process only.',
  );
}

/** Who holds the folder, as written in its lock file (null when unreadable). */
export function bacaPemilik(folder: string): PemilikFolder | null {
  try {
    const o = JSON.parse(readFileSync(join(folder, LOCK_FILE), 'utf8')) as Partial<PemilikFolder>;
    return typeof o.pid === 'number' && typeof o.host === 'string'
      ? {
          pid: o.pid,
          host: o.host,
          perintah: String(o.perintah ?? ''),
          sejak: String(o.sejak ?? ''),
          ...(o.url ? { url: String(o.url) } : {}),
        }
      : null;
  } catch {
    return null;
  }
}

/** A held folder lock. */
export interface KunciFolder {
  /** Adds to what the lock file says about the holder (the server's URL once it listens). */
  umumkan(tambahan: Partial<PemilikFolder>): void;
  /** Releases the lock and removes the file. Idempotent. */
  lepas(): void;
}

function perintahIni(): string {
  const [, skrip = '', ...args] = process.argv;
  const nama = /(sigap|cli)\.m?js$/.test(skrip) ? 'sigap' : `node ${skrip}`;
  return [nama, ...args].join(' ');
}

/**
 * Takes the folder's lock or throws FolderDipakai. The folder must exist. After locking, the open file
 * is checked to still be the one at the path (a holder that has just released may have removed it);
 * otherwise it is tried again.
 */
export function kunciFolder(folder: string): KunciFolder {
  const path = join(folder, LOCK_FILE);
  for (let coba = 0; ; coba++) {
    const fd = openSync(path, constants.O_RDWR | constants.O_CREAT, 0o644);
    let dapat = false;
    try {
      dapat = tryLock(fd);
    } catch (e) {
      closeSync(fd);
      throw e;
    }
    if (!dapat) {
      closeSync(fd);
      throw new FolderDipakai(folder, bacaPemilik(folder));
    }
    let sama = false;
    try {
      sama = statSync(path).ino === fstatSync(fd).ino;
    } catch {
      sama = false;
    }
    if (!sama) {
      unlock(fd);
      closeSync(fd);
      if (coba > 20) throw new FolderDipakai(folder, bacaPemilik(folder));
      continue;
    }
    let isi: PemilikFolder = {
      pid: process.pid,
      host: hostname(),
      perintah: perintahIni(),
      sejak: new Date().toISOString(),
    };
    const tulis = () => {
      const teks = Buffer.from(`${JSON.stringify(isi)}\n`);
      ftruncateSync(fd, 0);
      writeSync(fd, teks, 0, teks.length, 0);
    };
    tulis();
    let dilepas = false;
    return {
      umumkan(tambahan) {
        if (dilepas) return;
        isi = { ...isi, ...tambahan };
        tulis();
      },
      lepas() {
        if (dilepas) return;
        dilepas = true;
        // Unlink while still holding the lock, so no one can be holding the path's file meanwhile.
        try {
          unlinkSync(path);
        } catch {
          // already gone: nothing to clean
        }
        unlock(fd);
        closeSync(fd);
      },
    };
  }
}
