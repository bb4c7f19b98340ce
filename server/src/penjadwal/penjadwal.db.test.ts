import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../test/db.ts';
import { openDatabase, type SigapDatabase } from '../db/database.ts';
import { buatPenjadwal, type Penjadwal } from './penjadwal.ts';

let sdb: Awaited<ReturnType<typeof freshDatabase>>;
/** The second server's database: on PostgreSQL its own connections; PGlite is one process's, shared. */
let sdb2: SigapDatabase;
const hidup: Penjadwal[] = [];

beforeAll(async () => {
  sdb = await freshDatabase();
  sdb2 = sdb.pgUrl ? await openDatabase(sdb.pgUrl, { migrate: false }) : sdb;
});
afterAll(async () => {
  for (const p of hidup) await p.berhenti();
  if (sdb2 !== sdb) await sdb2.close();
  await sdb.cleanup();
});

const diam = () => undefined;
/** A "server": one scheduler on the shared database. */
function server(o: { sekarang?: () => Date; db?: SigapDatabase } = {}) {
  const p = buatPenjadwal(o.db ?? sdb, { log: diam, pollingDetik: 0.5, sekarang: o.sekarang });
  hidup.push(p);
  return p;
}
const tunggu = async (syarat: () => boolean, ms = 15_000) => {
  const akhir = Date.now() + ms;
  while (!syarat()) {
    if (Date.now() > akhir) throw new Error('waktu habis menunggu / timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
};

describe(`penjadwal (${process.env.SIGAP_TEST_PG_URL ? 'PostgreSQL' : 'PGlite'})`, {
  timeout: 60_000,
}, () => {
  it('two servers on one database: each firing of a schedule runs once', async () => {
    const jalan: string[] = [];
    const [a, b] = [server(), server({ db: sdb2 })];
    for (const p of [a, b]) {
      p.daftarTugas('uji_detik', async (_d, k) => {
        jalan.push(k.saat!.toISOString());
      });
      p.jadwalkan('uji_detik', '* * * * * *', { susulanMenit: 0 });
    }
    await Promise.all([a.mulai(), b.mulai()]);
    await tunggu(() => new Set(jalan).size >= 3);
    await Promise.all([a.berhenti(), b.berhenti()]);
    expect(jalan.length).toBeGreaterThanOrEqual(3);
    expect(jalan.length).toBe(new Set(jalan).size);
  });

  it('a job queued before a stop runs after the restart', async () => {
    const jalan: unknown[] = [];
    const pertama = server();
    pertama.daftarTugas('uji_restart', async (d) => {
      jalan.push(d);
    });
    await pertama.mulai();
    const id = await pertama.kirimSekali(
      'uji_restart',
      { pegawai: 'x' },
      { kunci: 'ingat-x', mulaiPada: new Date(Date.now() + 1500) },
    );
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    // the same key again adds nothing
    expect(await pertama.kirimSekali('uji_restart', { pegawai: 'x' }, { kunci: 'ingat-x' })).toBeNull();
    await pertama.berhenti();
    await new Promise((r) => setTimeout(r, 2000));
    expect(jalan).toEqual([]);

    const kedua = server({ db: sdb2 });
    kedua.daftarTugas('uji_restart', async (d) => {
      jalan.push(d);
    });
    await kedua.mulai();
    await tunggu(() => jalan.length > 0);
    await new Promise((r) => setTimeout(r, 1000));
    expect(jalan).toEqual([{ pegawai: 'x' }]);
  });

  it("a start catches up the newest firing missed within the window, in the schedule's zone, once", async () => {
    const jalan: string[] = [];
    // 03:20 in Jakarta (UTC+7): the 03:00 firing was missed 20 minutes ago, yesterday's is outside the window
    const sekarang = () => new Date('2030-05-06T20:20:00Z');
    const mulai = async () => {
      const p = server({ sekarang });
      p.daftarTugas('uji_susul', async (_d, k) => {
        jalan.push(k.saat!.toISOString());
      });
      p.jadwalkan('uji_susul', '0 3 * * *', { zona: 'Asia/Jakarta', susulanMenit: 60 });
      await p.mulai();
      return p;
    };
    const a = await mulai();
    await tunggu(() => jalan.length > 0);
    await a.berhenti();
    const b = await mulai();
    await new Promise((r) => setTimeout(r, 1500));
    await b.berhenti();
    expect(jalan).toEqual(['2030-05-06T20:00:00.000Z']);
  });
});
