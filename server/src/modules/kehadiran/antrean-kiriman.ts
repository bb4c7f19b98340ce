import type { PunchLog } from '@sigap/domain';
import { type SigapDatabase, withTenant } from '../../db/database.ts';
import { kunciPunch, type PerangkatRow } from './kehadiran.repository.ts';
import {
  type BarisHasil,
  barisGanda,
  barisSudahTersimpan,
  barisTakDikenal,
  barisTakDitempatkan,
  type HasilImporLog,
  hitungBaris,
  type LogTerbaca,
} from './kehadiran.service.ts';
import { type BarisKiriman, type HasilBarisKiriman, simpanBarisKiriman } from './kiriman.repository.ts';

// Group commit of terminal pushes (docs/kehadiran.md, "Kiriman langsung dari mesin"; bench/attendance).
// A push already read and checked (dorong.service.ts) waits here; pushes of one Pemda that arrive while
// the previous write of that Pemda is still running are written together by ONE statement
// (sigap_simpan_kiriman, migration 0015: PIN → person, placement, INSERT … ON CONFLICT DO NOTHING), which on
// PostgreSQL is its own transaction: one round trip and one commit (one WAL flush) for all of them. Each
// push is answered with its own per-line results, and only once that statement has returned, i.e. after
// the commit. Nothing waits on a timer: when no write of the Pemda is running, a push is written at once
// (with whatever arrived in the same turn of the event loop); the batch grows only under load.
// If the shared statement fails, every push in it is written again on its own, so one push that makes the
// database refuse cannot fail the others: each gets its own answer (stored, or its own error).

/** A push read and checked, ready to store. */
export interface KirimanSiap {
  readonly tenantId: string;
  /** The terminal its token named */
  readonly perangkat: PerangkatRow;
  readonly log: LogTerbaca;
}

export type HasilSimpan = Pick<HasilImporLog, 'jumlah' | 'rincian'>;

/** The most lines one shared statement takes (a single push holds at most 1,000). */
const BARIS_PER_TULIS = 4_000;
/** Writes of one Pemda running at once: the next batch gathers while this one commits (bench/attendance:
 * one at a time gave 4.3 pushes per statement and 2,858 events/s; two at a time, 2.7 and 1,846). */
const TULIS_SERENTAK = 1;

/**
 * SIGAP_KIRIMAN_GABUNG=0 turns the group commit off: each push its own statement and commit, as many at
 * once as arrive (bench/attendance measures both ways). Read once per process.
 */
const gabung = process.env.SIGAP_KIRIMAN_GABUNG !== '0';

interface Tunggu {
  readonly k: KirimanSiap;
  readonly selesai: (h: HasilSimpan) => void;
  readonly gagal: (e: unknown) => void;
}

interface Antrean {
  readonly menunggu: Tunggu[];
  berjalan: number;
  terjadwal: boolean;
}

/** What the group commit did, per database (tests and the bench read it). */
export interface StatistikAntrean {
  /** Shared statements run (one per batch, fallbacks not counted) */
  tulis: number;
  /** Pushes stored through them */
  kiriman: number;
  /** The most pushes one statement carried */
  terbesar: number;
  /** Batches whose statement failed and whose pushes were written one by one */
  pecah: number;
}

const antreanPer = new WeakMap<SigapDatabase, Map<string, Antrean>>();
const statistikPer = new WeakMap<SigapDatabase, StatistikAntrean>();

export function statistikAntrean(sdb: SigapDatabase): StatistikAntrean {
  let s = statistikPer.get(sdb);
  if (!s) {
    s = { tulis: 0, kiriman: 0, terbesar: 0, pecah: 0 };
    statistikPer.set(sdb, s);
  }
  return s;
}

/**
 * Stores a checked push, together with the pushes of its Pemda that arrive at the same time; resolves
 * with its per-line results once they are committed, rejects with its own error.
 */
export function simpanKiriman(sdb: SigapDatabase, k: KirimanSiap): Promise<HasilSimpan> {
  if (k.log.punches.length === 0) return Promise.resolve(hasilDari(k, new Map()));
  let per = antreanPer.get(sdb);
  if (!per) {
    per = new Map();
    antreanPer.set(sdb, per);
  }
  let a = per.get(k.tenantId);
  if (!a) {
    a = { menunggu: [], berjalan: 0, terjadwal: false };
    per.set(k.tenantId, a);
  }
  const antrean = a;
  return new Promise<HasilSimpan>((selesai, gagal) => {
    antrean.menunggu.push({ k, selesai, gagal });
    if (!antrean.terjadwal) {
      antrean.terjadwal = true;
      // the pushes that arrive in this turn of the event loop go together
      setImmediate(() => {
        antrean.terjadwal = false;
        pompa(sdb, k.tenantId, antrean);
      });
    }
  });
}

function pompa(sdb: SigapDatabase, tenantId: string, a: Antrean) {
  while ((!gabung || a.berjalan < TULIS_SERENTAK) && a.menunggu.length > 0) {
    const ambil: Tunggu[] = [];
    let baris = 0;
    while (a.menunggu.length > 0 && (gabung || ambil.length === 0)) {
      const n = a.menunggu[0]!.k.log.punches.length;
      if (ambil.length > 0 && baris + n > BARIS_PER_TULIS) break;
      ambil.push(a.menunggu.shift()!);
      baris += n;
    }
    a.berjalan++;
    void tulisBersama(sdb, tenantId, ambil).finally(() => {
      a.berjalan--;
      if (a.berjalan === 0 && a.menunggu.length === 0) antreanPer.get(sdb)?.delete(tenantId);
      else pompa(sdb, tenantId, a);
    });
  }
}

async function tulisBersama(sdb: SigapDatabase, tenantId: string, ambil: readonly Tunggu[]) {
  const s = statistikAntrean(sdb);
  try {
    const hasil = await tulis(
      sdb,
      tenantId,
      ambil.map((t) => t.k),
    );
    s.tulis++;
    s.kiriman += ambil.length;
    s.terbesar = Math.max(s.terbesar, ambil.length);
    for (const [i, t] of ambil.entries()) t.selesai(hasil[i]!);
  } catch (e) {
    if (ambil.length === 1) {
      ambil[0]!.gagal(e);
      return;
    }
    // The shared statement failed, so nothing of it was stored: each push again, on its own.
    s.pecah++;
    await Promise.all(
      ambil.map(async (t) => {
        try {
          t.selesai((await tulis(sdb, tenantId, [t.k]))[0]!);
        } catch (e1) {
          t.gagal(e1);
        }
      }),
    );
  }
}

type BarisDb = HasilBarisKiriman;

/** One statement for the pushes' lines: their results, in push order. */
async function tulis(
  sdb: SigapDatabase,
  tenantId: string,
  semua: readonly KirimanSiap[],
): Promise<HasilSimpan[]> {
  const baris: BarisKiriman[] = [];
  for (const k of semua)
    for (const p of k.log.punches)
      baris.push({
        ke: baris.length,
        perangkat: k.perangkat.id,
        kunci: p.kunci,
        jk: p.jenisKunci,
        tanggal: p.tanggal,
        waktu: p.waktu,
        jenis: p.jenis,
      });
  // PostgreSQL: one statement outside any transaction is its own transaction, answered after its commit.
  // PGlite has one connection, on which a statement outside a transaction would run inside whichever
  // transaction is open: there, a transaction of its own.
  const rows =
    sdb.kind === 'postgres'
      ? await simpanBarisKiriman(sdb.db, tenantId, sdb.useAppRole, baris)
      : await withTenant(sdb, tenantId, (trx) => simpanBarisKiriman(trx, tenantId, sdb.useAppRole, baris));
  if (rows.length !== baris.length)
    throw new Error(`sigap_simpan_kiriman answered ${rows.length} of ${baris.length} lines`);
  // A punch the statement stored is claimed by the first line (in push order) that carries it; any other
  // line with the same punch, in the same push or in another, was not what stored it.
  const disimpan = new Set<string>();
  for (const r of rows)
    if (r.baru) disimpan.add(kunciPunch(r.pegawai!, baris[r.ke]!.perangkat, baris[r.ke]!.waktu));
  const out: HasilSimpan[] = [];
  let ke = 0;
  for (const k of semua) {
    const per = new Map<PunchLog, BarisDb>();
    for (const p of k.log.punches) per.set(p, rows[ke++]!);
    out.push(hasilDari(k, per, disimpan));
  }
  return out;
}

/** A push's per-line results from what the statement said of each of its lines. */
function hasilDari(k: KirimanSiap, per: Map<PunchLog, BarisDb>, disimpan = new Set<string>()): HasilSimpan {
  const rincian: BarisHasil[] = k.log.takTerbaca.map((t) => ({ ...t, hasil: 'tidak_terbaca' as const }));
  const pertamaDi = new Map<string, number>();
  let diimpor = 0;
  for (const p of k.log.punches) {
    const r = per.get(p);
    if (!r?.pegawai) {
      rincian.push(barisTakDikenal(p, k.perangkat.kode));
      continue;
    }
    if (!r.opd) {
      rincian.push(barisTakDitempatkan(p));
      continue;
    }
    const kunci = kunciPunch(r.pegawai, k.perangkat.id, p.waktu);
    const lalu = pertamaDi.get(kunci);
    if (lalu !== undefined) {
      rincian.push(barisGanda(p.baris, lalu));
      continue;
    }
    pertamaDi.set(kunci, p.baris);
    if (disimpan.delete(kunci)) diimpor++;
    else rincian.push(barisSudahTersimpan(p.baris));
  }
  return { jumlah: hitungBaris(k.log, diimpor, rincian), rincian };
}
