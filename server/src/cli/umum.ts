import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { type ImportIssue, masalahTanggal, type Temuan, teks } from '@sigap/domain';
import type { Command } from 'commander';
import type { SigapDatabase } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { lang, t } from './bantuan.ts';

// What every command group (commands/*.ts) shares: the database and Pemda of the global options, reading
// files named on the command line, printing problems, and the two errors main.ts turns into exit codes.

// Modules behind the commands are loaded when a command runs (built CLI: separate chunks), so that
// `sigap --help` or a mistyped option answers without loading PGlite, Fastify, ExcelJS or PDFKit.
// Commands call services, never repositories (.dependency-cruiser.cjs, rule cli-lewat-layanan).
export const mDb = () => import('../db/database.ts');
export const mAktor = () => import('../caller.ts');
export const mPengaturan = () => import('../modules/pengaturan/pengaturan.service.ts');
export const mOrg = () => import('../modules/org/org.service.ts');
export const mImpor = () => import('../modules/impor/impor.service.ts');
export const mBaca = () => import('../modules/impor/baca-tabel.ts');
export const mEkspor = () => import('../modules/impor/ekspor.service.ts');
export const mKebijakan = () => import('../modules/kebijakan/kebijakan.service.ts');
export const mJadwal = () => import('../modules/jadwal/jadwal.service.ts');
export const mCuti = () => import('../modules/cuti/cuti.service.ts');
export const mAkun = () => import('../modules/auth/akun.service.ts');
export const mDemo = () => import('../demo/seed.ts');
export const mServer = () => import('../server.ts');

/** Raised for a wrong file, row or field: exit code 1. */
export class UserError extends Error {}

/** Raised for a wrong option value (as commander's own option errors): exit code 2, nothing written. */
export class MasukanSalah extends Error {}

/** A date option: refused in words (the same as the API's) when it is not a date Sigap supports. */
export function tanggalOpsi(s: string, opsi: string): void {
  const p = masalahTanggal(s, opsi);
  if (p) throw new UserError(t(p.id, p.en));
}

/** Reads a CSV/XLSX file named on the command line, or says it cannot. */
export async function bacaTabel(file: string) {
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch {
    throw new UserError(`Berkas ${file} tidak dapat dibaca`);
  }
  const { readTable } = await mBaca();
  return readTable(data, basename(file));
}

/** Runs an import; its problems are printed one per line with the file, row and column. */
export async function denganMasalahBerkas<T>(file: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof AppError && e.issues) {
      console.error(`${file}: ${teks(e.pesan, lang)}`);
      cetakMasalah(file, e.issues);
      throw new UserError('');
    }
    throw e;
  }
}

export interface GlobalOpts {
  db: string;
  tenant?: string;
}

export function globals(cmd: Command): GlobalOpts {
  return cmd.optsWithGlobals() as GlobalOpts;
}

/**
 * `--db` must name an existing Sigap data folder: a typo would otherwise create an empty database
 * silently. Only the commands that make a database (`demo`, `pemda create`) may name a missing or empty
 * folder; no command initialises a folder that holds other files.
 */
export function periksaFolderData(db: string, membuat: boolean): void {
  if (/^postgres(ql)?:\/\//.test(db) || db === 'memory://') return;
  const isi = existsSync(db) ? readdirSync(db).filter((f) => f !== 'sigap.lock') : null;
  if (isi && isi.length > 0 && !isi.includes('PG_VERSION'))
    throw new UserError(
      t(
        `${db} bukan folder data Sigap (tidak ada PG_VERSION di dalamnya); periksa --db atau DATABASE_URL.`,
        `${db} is not a Sigap data folder (it holds no PG_VERSION); check --db or DATABASE_URL.`,
      ),
    );
  if (!membuat && (!isi || isi.length === 0))
    throw new UserError(
      t(
        `Folder data ${db} belum ada. Periksa --db atau DATABASE_URL; untuk basis data baru jalankan dahulu \`sigap --db ${db} pemda create …\` atau \`sigap --db ${db} demo\`.`,
        `The data folder ${db} does not exist. Check --db or DATABASE_URL; for a new database first run \`sigap --db ${db} pemda create …\` or \`sigap --db ${db} demo\`.`,
      ),
    );
}

export async function withDb<T>(
  cmd: Command,
  fn: (sdb: SigapDatabase) => Promise<T>,
  opts: { membuat?: boolean } = {},
): Promise<T> {
  periksaFolderData(globals(cmd).db, opts.membuat === true);
  const { openDatabase } = await mDb();
  const sdb = await openDatabase(globals(cmd).db);
  try {
    return await fn(sdb);
  } finally {
    await sdb.close();
  }
}

/** The tenant named by --tenant / SIGAP_TENANT, or the only one. */
export async function tenantOf(sdb: SigapDatabase, cmd: Command): Promise<string> {
  const kode = globals(cmd).tenant;
  const { daftarPemda } = await mPengaturan();
  const rows = await daftarPemda(sdb.db);
  if (kode) {
    const t = rows.find((r) => r.kode === kode);
    if (!t)
      throw new UserError(
        `Pemda "${kode}" tidak ada. Yang ada: ${rows.map((r) => r.kode).join(', ') || '(belum ada)'}`,
      );
    return t.id;
  }
  if (rows.length === 1) return rows[0]!.id;
  if (rows.length === 0)
    throw new UserError('Belum ada Pemda. Jalankan `sigap demo` atau `sigap pemda create` dahulu.');
  throw new UserError(
    `Ada beberapa Pemda; pilih dengan --tenant <kode>: ${rows.map((r) => r.kode).join(', ')}`,
  );
}

/** One line per problem: the file, the row (line) and the column (or field path), the words, the code. */
export function cetakMasalah(file: string, issues: readonly ImportIssue[]) {
  for (const i of issues) {
    const letak = [i.baris ? `baris ${i.baris}` : '', i.kolom ? `kolom ${i.kolom}` : '']
      .filter(Boolean)
      .join(', ');
    console.error(`  ${file}${letak ? `: ${letak}` : ''}: ${teks(i.pesan, lang)} [${i.kode}]`);
  }
}

export function cetakTemuan(file: string, temuan: readonly Temuan[]) {
  const label = { galat: 'GALAT', konflik: 'KONFLIK', peringatan: 'PERINGATAN' } as const;
  for (const t of temuan) console.log(`  ${file}: ${label[t.tingkat]} [${t.kode}] ${teks(t.pesan, lang)}`);
}

export function bacaBerkas(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    throw new UserError(`Berkas ${file} tidak dapat dibaca`);
  }
}

/** A database to check against, if one exists (validate works on the document alone otherwise). */
export async function dbJikaAda(cmd: Command): Promise<SigapDatabase | null> {
  const db = globals(cmd).db;
  if (!/^postgres(ql)?:\/\//.test(db) && !existsSync(db)) return null;
  const { openDatabase } = await mDb();
  return openDatabase(db);
}
