import { Cron } from 'croner';
import PgBoss from 'pg-boss';
import type { SigapDatabase, Trx } from '../db/database.ts';
import * as repo from './penjadwal.repository.ts';

/*
 * Scheduled and deferred work on a PostgreSQL job queue (pg-boss 10), on the embedded PGlite database and
 * on PostgreSQL through the same code: pg-boss is given our connection (SigapDatabase.sqlPustaka) instead of
 * its own pool. croner only computes when a schedule fires; each firing becomes a job whose once-only key
 * (task, firing instant) is claimed in penjadwal_kunci in the same transaction as the job is added, so
 * servers sharing a database add it once, and pg-boss hands each job to one worker (SKIP LOCKED).
 * docs/ARCHITECTURE.md "Penjadwal" tells the whole story.
 */

/** What a handler is given besides the job's data. */
export interface KonteksTugas {
  readonly sdb: SigapDatabase;
  readonly jobId: string;
  /** The firing instant, for a job made by a schedule; null for a one-off job. */
  readonly saat: Date | null;
  readonly log: (pesan: string) => void;
}

/** Runs one job. Throwing makes the queue try again later (backoff), up to the task's limit. */
export type PenanganTugas<D> = (data: D, konteks: KonteksTugas) => Promise<void>;

export interface OpsiTugas {
  /** How many times a failed job is tried again (default 5). */
  readonly ulang?: number;
  /** Seconds before the first retry; doubled each time (default 30). */
  readonly jedaDetik?: number;
  /** A job still running after this is failed (and retried); default 300. */
  readonly batasDetik?: number;
}

export interface OpsiJadwal {
  /** The IANA zone the pattern is read in (default the server's, UTC in a container): the Pemda's zone. */
  readonly zona?: string;
  /** Data given to every firing's job (besides the firing instant). */
  readonly data?: Record<string, unknown>;
  /**
   * A firing missed while no server ran is caught up at the next start when it is at most this many minutes
   * old (default 60): only the newest such firing, once. 0 never catches up.
   */
  readonly susulanMenit?: number;
}

export interface OpsiKirim {
  /** A once-only key: the same (task, key) again adds nothing and answers null. */
  readonly kunci?: string;
  /** Not before this instant. */
  readonly mulaiPada?: Date;
}

export interface Penjadwal {
  /** Registers the handler of a task (a queue of that name). Before or after `mulai`. */
  daftarTugas<D>(nama: string, penangan: PenanganTugas<D>, opsi?: OpsiTugas): void;
  /** Fires a registered task on a cron pattern (5 fields, or 6 with seconds first). */
  jadwalkan(nama: string, pola: string, opsi?: OpsiJadwal): void;
  /** Adds one job; its id, or null when its once-only key was used before. */
  kirimSekali(nama: string, data: Record<string, unknown>, opsi?: OpsiKirim): Promise<string | null>;
  mulai(): Promise<void>;
  /** Stops fetching and waits (bounded) for running jobs; a job cut short runs again after the restart. */
  berhenti(): Promise<void>;
}

const POLA_NAMA = /^[a-z][a-z0-9_]{0,59}$/;

interface Tugas {
  penangan: PenanganTugas<unknown>;
  opsi: OpsiTugas;
}

interface Jadwal {
  nama: string;
  cron: Cron;
  opsi: OpsiJadwal;
  timer: NodeJS.Timeout | null;
}

/** pg-boss on the given database (our connection, no pool of its own). */
function bossUntuk(sdb: SigapDatabase, pollingDetik: number) {
  return new PgBoss({
    db: { executeSql: (text: string, values?: unknown[]) => sdb.sqlPustaka(text, values) },
    schema: repo.SKEMA_ANTREAN,
    migrate: true,
    supervise: true,
    schedule: false, // croner schedules (the issue asks for it); pg-boss's own cron stays off
    pollingIntervalSeconds: pollingDetik,
    // a finished job is kept a day, then archived; the archive a week (our once-only keys: 30 days)
    archiveCompletedAfterSeconds: 86_400,
    deleteAfterDays: 7,
  });
}

/**
 * A scheduler on `sdb`. Register tasks and schedules, then `mulai()`; `berhenti()` before closing the
 * database. `pollingDetik` is how often each task's queue is asked for work (default 2 s).
 */
export function buatPenjadwal(
  sdb: SigapDatabase,
  o: { log?: (pesan: string) => void; pollingDetik?: number; sekarang?: () => Date } = {},
): Penjadwal {
  const log = o.log ?? ((s: string) => console.log(s));
  const sekarang = o.sekarang ?? (() => new Date());
  const boss = bossUntuk(sdb, o.pollingDetik ?? 2);
  boss.on('error', (e) => log(`Antrean kerja / job queue: ${String((e as Error).message ?? e)}`));
  const tugas = new Map<string, Tugas>();
  const jadwal: Jadwal[] = [];
  let berjalan = false;

  const buatAntrean = (nama: string, t: Tugas) =>
    boss.createQueue(nama, {
      name: nama,
      retryLimit: t.opsi.ulang ?? 5,
      retryDelay: t.opsi.jedaDetik ?? 30,
      retryBackoff: true,
      expireInSeconds: t.opsi.batasDetik ?? 300,
    });
  const kerjakan = async (nama: string, t: Tugas) => {
    await boss.work<Record<string, unknown>>(nama, { batchSize: 1 }, async ([job]) => {
      if (!job) return;
      const { __saat, ...data } = job.data ?? {};
      await t.penangan(data, {
        sdb,
        jobId: job.id,
        saat: typeof __saat === 'string' ? new Date(__saat) : null,
        log,
      });
    });
  };

  const kirim = async (nama: string, data: Record<string, unknown>, opsi: OpsiKirim & { saat?: Date }) => {
    if (!POLA_NAMA.test(nama)) throw new Error(`nama tugas tidak sah / bad task name: ${nama}`);
    const isi = opsi.saat ? { ...data, __saat: opsi.saat.toISOString() } : data;
    const kirimOpsi = (db: ReturnType<typeof repo.dbDalam>) => ({
      db,
      ...(opsi.mulaiPada ? { startAfter: opsi.mulaiPada } : {}),
      ...(opsi.kunci ? { singletonKey: `${nama}@${opsi.kunci}` } : {}),
    });
    if (!opsi.kunci) return boss.send(nama, isi, kirimOpsi(repo.dbDalam(sdb.db)));
    const kunci = opsi.kunci;
    return sdb.db.transaction().execute(async (trx) => {
      if (!(await repo.klaimKunci(trx, nama, kunci))) return null;
      const id = await boss.send(nama, isi, kirimOpsi(repo.dbDalam(trx)));
      await repo.catatJob(trx, nama, kunci, id);
      return id;
    });
  };

  const tembak = async (j: Jadwal, saat: Date) => {
    try {
      await kirim(j.nama, j.opsi.data ?? {}, { kunci: saat.toISOString(), saat });
    } catch (e) {
      log(`Jadwal ${j.nama} ${saat.toISOString()} gagal diantrekan / could not be queued: ${String(e)}`);
    }
  };

  // One timer per schedule, re-armed after each firing; never longer than an hour (setTimeout's limit is
  // 24.8 days, and a clock change is noticed within the hour).
  const pasang = (j: Jadwal, dari: Date) => {
    const berikut = j.cron.nextRun(dari);
    if (!berikut || !berjalan) return;
    const jeda = Math.min(Math.max(berikut.getTime() - sekarang().getTime(), 0), 3_600_000);
    j.timer = setTimeout(() => {
      if (sekarang().getTime() + 5 < berikut.getTime()) return pasang(j, dari);
      void tembak(j, berikut).finally(() => pasang(j, berikut));
    }, jeda);
    j.timer.unref();
  };

  // The newest firing within the catch-up window that no server queued (its key tells).
  const susul = async (j: Jadwal) => {
    const menit = j.opsi.susulanMenit ?? 60;
    if (menit <= 0) return;
    const kini = sekarang();
    let saat: Date | null = null;
    for (
      let t = j.cron.nextRun(new Date(kini.getTime() - menit * 60_000));
      t && t <= kini;
      t = j.cron.nextRun(t)
    )
      saat = t;
    if (saat) await tembak(j, saat);
  };

  const mulaiJadwal = async (j: Jadwal) => {
    await susul(j);
    pasang(j, sekarang());
  };

  return {
    daftarTugas(nama, penangan, opsi = {}) {
      if (!POLA_NAMA.test(nama)) throw new Error(`nama tugas tidak sah / bad task name: ${nama}`);
      if (tugas.has(nama)) throw new Error(`tugas ${nama} sudah terdaftar / already registered`);
      const t = { penangan: penangan as PenanganTugas<unknown>, opsi };
      tugas.set(nama, t);
      if (berjalan)
        void repo
          .satuPerSatu(sdb, () => buatAntrean(nama, t))
          .then(() => kerjakan(nama, t))
          .catch((e) => log(`Tugas ${nama}: ${String(e)}`));
    },
    jadwalkan(nama, pola, opsi = {}) {
      if (!tugas.has(nama)) throw new Error(`tugas ${nama} belum terdaftar / not registered`);
      const j: Jadwal = {
        nama,
        cron: new Cron(pola, { timezone: opsi.zona, paused: true }),
        opsi,
        timer: null,
      };
      jadwal.push(j);
      if (berjalan) void mulaiJadwal(j);
    },
    kirimSekali: (nama, data, opsi = {}) => kirim(nama, data, opsi),
    async mulai() {
      if (berjalan) return;
      // one server at a time: installing pg-boss's schema and creating queues race otherwise
      await repo.satuPerSatu(sdb, async () => {
        await boss.start();
        await repo.beriHakMenambahJob(sdb);
        for (const [nama, t] of tugas) await buatAntrean(nama, t);
      });
      berjalan = true;
      for (const [nama, t] of tugas) await kerjakan(nama, t);
      for (const j of jadwal) await mulaiJadwal(j);
    },
    async berhenti() {
      if (!berjalan) return;
      berjalan = false;
      for (const j of jadwal) if (j.timer) clearTimeout(j.timer);
      await boss.stop({ graceful: true, wait: true, timeout: 10_000, close: false });
    },
  };
}

/** Removes once-only keys older than 30 days (firings that old are never caught up). */
export function hapusKunciLama(sdb: SigapDatabase) {
  return repo.hapusKunciLama(sdb.db, 30);
}

// A pg-boss that is never started: it only formats the job insert for `kirimDalamTransaksi`, whose SQL runs
// on the caller's transaction (its own `db` is never used).
let pengirim: PgBoss | null = null;

/**
 * Adds jobs inside the caller's tenant transaction, so they exist exactly when its rows commit (a notice and
 * the job that pushes it). Does nothing when no server has created the queue yet (a fresh database used only
 * by the command line): the rows are kept, nothing is pushed.
 */
export async function kirimDalamTransaksi(
  trx: Trx,
  nama: string,
  daftar: readonly Record<string, unknown>[],
) {
  if (daftar.length === 0 || !(await repo.antreanTersedia(trx))) return;
  pengirim ??= new PgBoss({
    db: {
      executeSql: () => Promise.reject(new Error('pengirim tanpa koneksi / sender without a connection')),
    },
    schema: repo.SKEMA_ANTREAN,
  });
  for (const data of daftar) await pengirim.send(nama, data, { db: repo.dbDalam(trx) });
}
