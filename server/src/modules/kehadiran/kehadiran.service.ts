import { createHash, randomUUID } from 'node:crypto';
import {
  addDays,
  type FormatLog,
  localDayStart,
  PANJANG_BARIS_MAKS,
  type Pesan,
  type PunchLog,
  pesan,
  type ZonaWaktu,
} from '@sigap/domain';
import type { Actor } from '../../caller.ts';
import { type SigapDatabase, type Trx, withTenant } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { bukaJson } from '../../pekerja/json.ts';
import { diPekerja } from '../../pekerja/pekerja.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import { batasUnggah, mb } from '../impor/batas.ts';
import type { LingkupTanggal } from '../org/org.service.ts';
import { getSettings } from '../pengaturan/pengaturan.service.ts';
import * as repo from './kehadiran.repository.ts';

// Terminal logs into the attendance event store (docs/kehadiran.md, "Log mesin absensi (terminal)").
// A log is evidence: every readable line of a known person inside the importer's scope is stored once
// (person, device, instant), whatever else the file holds; every other line is listed with the reason.

/** What became of one line. */
export type HasilBaris = 'diimpor' | 'duplikat' | 'tidak_dikenal' | 'tidak_terbaca' | 'di_luar_lingkup';
/** The results that refuse a line (the CLI exits 1 when any line has one). */
export const HASIL_DITOLAK: readonly HasilBaris[] = ['tidak_dikenal', 'tidak_terbaca', 'di_luar_lingkup'];

export interface BarisHasil {
  readonly baris: number;
  readonly hasil: Exclude<HasilBaris, 'diimpor'>;
  readonly kode: string;
  readonly pesan: Pesan;
}

export interface HasilImporLog {
  /** The import's id: on every row it stored (kehadiran.impor_id) and on its audit entry */
  readonly imporId: string;
  readonly format: FormatLog;
  /** The device named with the upload, if any */
  readonly perangkat: { readonly id: string; readonly kode: string } | null;
  readonly jumlah: Readonly<Record<HasilBaris | 'baris', number>>;
  /** Every line not stored, in file order */
  readonly rincian: readonly BarisHasil[];
}

/** A log read in a worker thread. */
export interface LogTerbaca {
  readonly format: FormatLog;
  readonly punches: readonly PunchLog[];
  readonly takTerbaca: readonly { baris: number; kode: string; pesan: Pesan }[];
}

/** Punches later than the server's clock plus this are refused (the terminal's clock is wrong). */
const TOLERANSI_JAM_MS = 15 * 60_000;

/**
 * Reads a log (CSV or attlog, told apart by content) in a worker thread, within the upload limits: the
 * file's size (SIGAP_MAX_UPLOAD_MB), its lines (SIGAP_MAX_ROWS) and each line's length.
 */
export async function bacaLog(data: Buffer, zona: ZonaWaktu): Promise<LogTerbaca> {
  const b = batasUnggah();
  if (data.length > b.unggahByte)
    throw new AppError(
      'BERKAS_TERLALU_BESAR',
      pesan(
        `Berkas ${mb(data.length)} terlalu besar: paling besar ${mb(b.unggahByte)} (SIGAP_MAX_UPLOAD_MB); bagi menjadi beberapa berkas; tidak ada yang disimpan`,
        `The ${mb(data.length, 'en')} file is too large: at most ${mb(b.unggahByte, 'en')} (SIGAP_MAX_UPLOAD_MB); split it into several files; nothing was stored`,
      ),
    );
  const r = await diPekerja('bacaLogKehadiran', {
    data,
    zona,
    batas: { baris: b.baris, panjangBaris: PANJANG_BARIS_MAKS },
    batasAkhir: new Date(Date.now() + TOLERANSI_JAM_MS).toISOString(),
  });
  if (!r.ok)
    throw new AppError(
      r.kode === 'TERLALU_BANYAK_BARIS' ? 'BERKAS_TERLALU_BESAR' : 'BERKAS_TIDAK_SAH',
      r.pesan,
    );
  return { format: r.format, punches: await bukaJson(r.punches), takTerbaca: r.takTerbaca };
}

export interface OpsiImporLog {
  readonly actor: Actor;
  readonly namaBerkas: string;
  /** The device the upload names (code or id): required for an attlog, the default for CSV lines */
  readonly perangkat: string | null;
  /** The importer's scope by date (write mode); null: the whole Pemda (the CLI) */
  readonly lingkup: LingkupTanggal | null;
}

const salah = (id: string, en: string) => new AppError('VALIDASI', pesan(id, en));

async function perangkatUnggahan(trx: Trx, log: LogTerbaca, kode: string | null) {
  if (kode === null) {
    if (log.format === 'attlog')
      throw salah(
        'Log attlog tidak menyebut mesinnya: sebutkan kode perangkat (--perangkat, atau isian perangkat pada unggahan); tidak ada yang disimpan',
        'An attlog does not name its terminal: give the device code (--perangkat, or the upload’s perangkat field); nothing was stored',
      );
    return null;
  }
  const p = await repo.cariPerangkat(trx, kode);
  if (!p)
    throw new AppError(
      'TIDAK_DITEMUKAN',
      pesan(
        `Perangkat "${kode}" belum terdaftar; daftarkan dahulu (halaman Perangkat, POST /api/perangkat); tidak ada yang disimpan`,
        `Device "${kode}" is not registered; register it first (Perangkat page, POST /api/perangkat); nothing was stored`,
      ),
    );
  if (p.jenis !== 'terminal')
    throw salah(
      `Perangkat "${p.kode}" adalah kios, bukan mesin absensi; log hanya diimpor dari mesin (terminal)`,
      `Device "${p.kode}" is a kiosk, not a terminal; logs are imported from terminals only`,
    );
  return p;
}

const kunciTeks = (p: PunchLog) =>
  p.jenisKunci === 'pin' ? `PIN ${p.kunci}` : `${p.jenisKunci === 'nip' ? 'NIP' : 'ID pegawai'} ${p.kunci}`;

/** Each punch's device: the CSV cell, else the upload's; or why the line is refused. */
async function perangkatPerBaris(trx: Trx, log: LogTerbaca, unggahan: repo.PerangkatRow | null) {
  const kodes = [...new Set(log.punches.flatMap((p) => (p.perangkat ? [p.perangkat.toUpperCase()] : [])))];
  const byKode = new Map((await repo.perangkatByKode(trx, kodes)).map((d) => [d.kode.toUpperCase(), d]));
  return (p: PunchLog): repo.PerangkatRow | BarisHasil => {
    const d = p.perangkat ? byKode.get(p.perangkat.toUpperCase()) : unggahan;
    const tolak = (hasil: BarisHasil['hasil'], kode: string, id: string, en: string): BarisHasil => ({
      baris: p.baris,
      hasil,
      kode,
      pesan: pesan(id, en),
    });
    if (!p.perangkat && !unggahan)
      return tolak(
        'tidak_terbaca',
        'PERANGKAT_KOSONG',
        'kolom perangkat kosong dan unggahan tidak menyebut perangkat',
        'the perangkat cell is empty and the upload names no device',
      );
    if (!d)
      return tolak(
        'tidak_dikenal',
        'PERANGKAT_TIDAK_DIKENAL',
        `perangkat "${p.perangkat}" belum terdaftar; daftarkan dahulu lalu impor lagi`,
        `device "${p.perangkat}" is not registered; register it, then import again`,
      );
    if (d.jenis !== 'terminal')
      return tolak(
        'tidak_dikenal',
        'PERANGKAT_BUKAN_TERMINAL',
        `perangkat "${d.kode}" adalah kios, bukan mesin absensi`,
        `device "${d.kode}" is a kiosk, not a terminal`,
      );
    if (d.dicabut_pada && new Date(p.waktu) >= new Date(d.dicabut_pada))
      return tolak(
        'tidak_dikenal',
        'PERANGKAT_DICABUT',
        `perangkat "${d.kode}" sudah dicabut sebelum waktu ini`,
        `device "${d.kode}" was revoked before this time`,
      );
    return d;
  };
}

/** Who each punch is: the device's PIN table first, then NIP or id_pegawai. */
async function orangPerBaris(trx: Trx, log: LogTerbaca, perangkatOf: (p: PunchLog) => string | null) {
  const pinPer = new Map<string, Map<string, string>>();
  const pinDicari = new Map<string, Set<string>>();
  for (const p of log.punches) {
    const d = perangkatOf(p);
    if (p.jenisKunci !== 'pin' || !d) continue;
    if (!pinDicari.has(d)) pinDicari.set(d, new Set());
    pinDicari.get(d)!.add(p.kunci);
  }
  for (const [d, pins] of pinDicari)
    pinPer.set(d, new Map((await repo.pinPerangkat(trx, d, [...pins])).map((r) => [r.pin, r.pegawai_id])));
  // A PIN its device's table maps needs no NIP or id_pegawai look-up (a live push is usually only that).
  const dipetakan = (p: PunchLog) => {
    const d = p.jenisKunci === 'pin' ? perangkatOf(p) : null;
    return d !== null && pinPer.get(d)?.has(p.kunci) === true;
  };
  const kunciLain = log.punches.filter((p) => !dipetakan(p)).map((p) => p.kunci);
  const orang = kunciLain.length > 0 ? await repo.pegawaiByKunci(trx, kunciLain) : [];
  const byNip = new Map(orang.flatMap((o) => (o.nip ? [[o.nip, o.id] as const] : [])));
  const byId = new Map(orang.flatMap((o) => (o.id_pegawai ? [[o.id_pegawai, o.id] as const] : [])));
  return (p: PunchLog): string | null => {
    if (p.jenisKunci === 'nip') return byNip.get(p.kunci) ?? null;
    if (p.jenisKunci === 'id_pegawai') return byId.get(p.kunci) ?? null;
    const d = perangkatOf(p);
    return (d && pinPer.get(d)?.get(p.kunci)) ?? byNip.get(p.kunci) ?? byId.get(p.kunci) ?? null;
  };
}

/** Each person's OPD/unit on a local date, from their placements. */
async function opdPada(trx: Trx, ids: readonly string[]) {
  const per = new Map<string, { opd_id: string; berlaku_dari: string; berlaku_sampai: string | null }[]>();
  for (const r of await repo.penempatan(trx, ids)) {
    if (!per.has(r.pegawai_id)) per.set(r.pegawai_id, []);
    per.get(r.pegawai_id)!.push(r);
  }
  return (id: string, tanggal: string) =>
    per
      .get(id)
      ?.find((v) => v.berlaku_dari <= tanggal && (v.berlaku_sampai === null || v.berlaku_sampai > tanggal))
      ?.opd_id ?? null;
}

// ─── A line's result, in words (simpanLog, and the pushes stored together in antrean-kiriman.ts) ──

/** A line whose person is unknown: PIN in no table of its device and no NIP/id_pegawai, or unknown key. */
export function barisTakDikenal(p: PunchLog, kodePerangkat: string): BarisHasil {
  const pin = p.jenisKunci === 'pin';
  return {
    baris: p.baris,
    hasil: 'tidak_dikenal',
    kode: pin ? 'PIN_TIDAK_DIKENAL' : 'PEGAWAI_TIDAK_DIKENAL',
    pesan: pesan(
      pin
        ? `PIN ${p.kunci} tidak dikenal pada perangkat ${kodePerangkat}: tidak ada di tabel PIN perangkat, dan bukan NIP atau ID pegawai yang terdaftar`
        : `${kunciTeks(p)} tidak terdaftar`,
      pin
        ? `PIN ${p.kunci} is unknown on device ${kodePerangkat}: not in the device's PIN table, and not a registered NIP or employee id`
        : `${p.jenisKunci === 'nip' ? 'NIP' : 'Employee id'} ${p.kunci} is not registered`,
    ),
  };
}

/** A line of a known person placed in no OPD/unit on its date. */
export function barisTakDitempatkan(p: PunchLog): BarisHasil {
  return {
    baris: p.baris,
    hasil: 'tidak_dikenal',
    kode: 'PEGAWAI_TIDAK_AKTIF',
    pesan: pesan(
      `${kunciTeks(p)}: pegawai tidak ditempatkan di OPD mana pun pada ${p.tanggal}`,
      `${kunciTeks(p)}: the employee was not placed in any OPD on ${p.tanggal}`,
    ),
  };
}

/** A line repeating an earlier line of the same file or push (same person, device and instant). */
export function barisGanda(baris: number, lalu: number): BarisHasil {
  return {
    baris,
    hasil: 'duplikat',
    kode: 'DUPLIKAT',
    pesan: pesan(
      `sama dengan baris ${lalu} (orang, perangkat dan waktu yang sama)`,
      `the same as line ${lalu} (same person, device and time)`,
    ),
  };
}

/** A line whose punch was stored before (by an earlier import or push, or one at the same time). */
export function barisSudahTersimpan(baris: number): BarisHasil {
  return {
    baris,
    hasil: 'duplikat',
    kode: 'SUDAH_TERSIMPAN',
    pesan: pesan(
      'sudah tersimpan sebelumnya (orang, perangkat dan waktu yang sama)',
      'already stored (same person, device and time)',
    ),
  };
}

/** The counts of a log's lines; sorts `rincian` by line. */
export function hitungBaris(
  log: Pick<LogTerbaca, 'punches' | 'takTerbaca'>,
  disimpan: number,
  rincian: BarisHasil[],
): HasilImporLog['jumlah'] {
  rincian.sort((a, b) => a.baris - b.baris);
  const jumlah = {
    baris: log.punches.length + log.takTerbaca.length,
    diimpor: disimpan,
    duplikat: 0,
    tidak_dikenal: 0,
    tidak_terbaca: 0,
    di_luar_lingkup: 0,
  };
  for (const r of rincian) jumlah[r.hasil]++;
  return jumlah;
}

/**
 * Stores a log's punches in the event store (`kehadiran`, sumber `terminal`): each readable line whose
 * device is registered, whose person is known and placed on that day and, for a scoped importer, in
 * their scope on that day. The same punch (person, device, instant) is stored once: a line repeated in the
 * file or stored before, even by an import running at the same time, is `duplikat`. One audit entry
 * with the counts. Nothing here refuses the whole file except a device named with the upload that is
 * not a registered terminal (or none, for an attlog).
 */
export async function imporLog(
  trx: Trx,
  tenantId: string,
  log: LogTerbaca,
  opts: OpsiImporLog,
): Promise<HasilImporLog> {
  const imporId = randomUUID();
  const r = await simpanLog(trx, tenantId, log, { ...opts, imporId });
  const { jumlah, perangkat } = r;
  await insertAudit(trx, tenantId, opts.actor, [
    {
      aksi: 'impor',
      entitas: 'kehadiran',
      entitasId: imporId,
      ringkasan: `Impor log mesin absensi ${opts.namaBerkas}: ${jumlah.diimpor} disimpan, ${jumlah.duplikat} duplikat, ${jumlah.baris - jumlah.diimpor - jumlah.duplikat} ditolak dari ${jumlah.baris} baris`,
      sesudah: {
        nama_berkas: opts.namaBerkas,
        format: log.format,
        perangkat: perangkat?.kode ?? null,
        jumlah,
      },
    },
  ]);
  return { imporId, ...r };
}

/**
 * The storing part of {@link imporLog}, without its audit entry: a terminal's live push (dorong.service)
 * stores through here too, each pushed row its own evidence (perangkat_id, dicatat_pada), `impor_id` null.
 */
export async function simpanLog(
  trx: Trx,
  tenantId: string,
  log: LogTerbaca,
  opts: Pick<OpsiImporLog, 'lingkup'> & {
    readonly imporId: string | null;
    /** The upload's device: its code or id, or the terminal row a push's token already found */
    readonly perangkat: string | null | repo.PerangkatRow;
  },
): Promise<Omit<HasilImporLog, 'imporId'>> {
  const unggahan =
    opts.perangkat === null || typeof opts.perangkat === 'string'
      ? await perangkatUnggahan(trx, log, opts.perangkat)
      : opts.perangkat;
  const rincian: BarisHasil[] = log.takTerbaca.map((t) => ({ ...t, hasil: 'tidak_terbaca' as const }));
  const perangkatBaris = await perangkatPerBaris(trx, log, unggahan);
  const dev = new Map(log.punches.map((p) => [p.baris, perangkatBaris(p)] as const));
  const idPerangkat = (p: PunchLog) => {
    const d = dev.get(p.baris);
    return d && 'id' in d ? d.id : null;
  };
  const orangOf = await orangPerBaris(trx, log, idPerangkat);
  const siapa = new Map(log.punches.map((p) => [p.baris, orangOf(p)] as const));
  const ids = [...new Set([...siapa.values()].filter((x): x is string => x !== null))];
  const opdOf = await opdPada(trx, ids);
  if (opts.lingkup) await opts.lingkup.muat(ids);

  const calon: (repo.PunchBaru & { baris: number })[] = [];
  const pertamaDi = new Map<string, number>();
  for (const p of log.punches) {
    const d = dev.get(p.baris)!;
    if (!('id' in d)) {
      rincian.push(d);
      continue;
    }
    const tolak = (hasil: BarisHasil['hasil'], kode: string, id: string, en: string) =>
      rincian.push({ baris: p.baris, hasil, kode, pesan: pesan(id, en) });
    const pegawaiId = siapa.get(p.baris)!;
    if (!pegawaiId) {
      rincian.push(barisTakDikenal(p, d.kode));
      continue;
    }
    const opdId = opdOf(pegawaiId, p.tanggal);
    if (!opdId) {
      rincian.push(barisTakDitempatkan(p));
      continue;
    }
    if (opts.lingkup && !(await opts.lingkup.meliputi(pegawaiId, p.tanggal))) {
      tolak(
        'di_luar_lingkup',
        'DI_LUAR_LINGKUP',
        `${kunciTeks(p)}: pegawai di luar OPD/unit Anda pada ${p.tanggal}; tidak disimpan`,
        `${kunciTeks(p)}: the employee is outside your OPD/unit on ${p.tanggal}; not stored`,
      );
      continue;
    }
    const k = repo.kunciPunch(pegawaiId, d.id, p.waktu);
    const lalu = pertamaDi.get(k);
    if (lalu !== undefined) {
      rincian.push(barisGanda(p.baris, lalu));
      continue;
    }
    pertamaDi.set(k, p.baris);
    calon.push({
      baris: p.baris,
      pegawaiId,
      opdId,
      perangkatId: d.id,
      waktu: p.waktu,
      jenis: p.jenis,
      pin: p.kunci,
    });
  }

  const baru = await repo.simpanPunch(trx, tenantId, opts.imporId, calon);
  for (const c of calon) {
    if (!baru.has(repo.kunciPunch(c.pegawaiId, c.perangkatId, c.waktu)))
      rincian.push(barisSudahTersimpan(c.baris));
  }
  const jumlah = hitungBaris(log, baru.size, rincian);
  const perangkat = unggahan ? { id: unggahan.id, kode: unggahan.kode } : null;
  return { format: log.format, perangkat, jumlah, rincian };
}

/** Reads a log and stores it (the CLI and the route): the Pemda's zone, the worker, one transaction. */
export async function imporLogBerkas(
  sdb: SigapDatabase,
  tenantId: string,
  data: Buffer,
  opts: Omit<OpsiImporLog, 'lingkup'> & { lingkupPada?: (trx: Trx) => LingkupTanggal },
): Promise<HasilImporLog> {
  const zona = await withTenant(sdb, tenantId, async (trx) => (await getSettings(trx, tenantId)).zonaWaktu);
  const log = await bacaLog(data, zona);
  return withTenant(sdb, tenantId, (trx) =>
    imporLog(trx, tenantId, log, { ...opts, lingkup: opts.lingkupPada?.(trx) ?? null }),
  );
}

// ─── Events from phones, kiosks, corrections (for the check-in and the day status) ────────────────

/** The SHA-256 (hex) of a request, stored beside its client key (`kehadiran.hash_isi`). */
export function hashIsi(isi: Buffer | string): string {
  return createHash('sha256').update(isi).digest('hex');
}

export type KejadianBaru = repo.KejadianBaruRow;
export type Kejadian = Awaited<ReturnType<typeof repo.kejadianPegawai>>[number];

/**
 * Records one attendance event or attempt (append-only). With a client key (`id_klien`, and `hash_isi` of
 * the request): the same key with the same request returns the event first stored (`baru: false`) and
 * stores nothing, also when both arrive at once; the same key with another request is refused, 409.
 */
export async function catatKejadian(
  trx: Trx,
  tenantId: string,
  k: KejadianBaru,
): Promise<{ kejadian: Kejadian; baru: boolean }> {
  if (k.id_klien !== null && k.hash_isi === null) throw new Error('catatKejadian: id_klien without hash_isi');
  const baru = await repo.simpanKejadian(trx, tenantId, k);
  if (baru) return { kejadian: baru, baru: true };
  const ada = await repo.kejadianByIdKlien(trx, k.id_klien!);
  if (!ada) throw new Error('catatKejadian: the client key vanished');
  if (ada.hash_isi !== k.hash_isi)
    throw new AppError(
      'KONFLIK',
      pesan(
        'id_klien ini sudah dipakai untuk permintaan lain; buat id_klien baru untuk absen yang baru',
        'This id_klien was already used for another request; make a new id_klien for a new check-in',
      ),
    );
  return { kejadian: ada, baru: false };
}

/** The event stored under a client key, if any. */
export function kejadianIdKlien(trx: Trx, idKlien: string) {
  return repo.kejadianByIdKlien(trx, idKlien);
}

/** A person's events on one local day of the Pemda's zone, oldest first. */
export function kejadianHari(trx: Trx, pegawaiId: string, tanggal: string, zona: ZonaWaktu) {
  return repo.kejadianPegawai(
    trx,
    pegawaiId,
    localDayStart(tanggal, zona),
    localDayStart(addDays(tanggal, 1), zona),
  );
}

/** The events of some OPDs/units on one local day, oldest first. */
export function kejadianOpdHari(trx: Trx, opdIds: readonly string[], tanggal: string, zona: ZonaWaktu) {
  return repo.kejadianOpd(
    trx,
    opdIds,
    localDayStart(tanggal, zona),
    localDayStart(addDays(tanggal, 1), zona),
  );
}
