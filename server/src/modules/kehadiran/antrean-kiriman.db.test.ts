import { bacaLogKehadiran } from '@sigap/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/db.ts';
import { NIP, seedSmallPemda } from '../../../test/fixtures.ts';
import { terminalUji } from '../../../test/perangkat.ts';
import { withTenant } from '../../db/database.ts';
import { type App, buildApp } from '../../http/app.ts';
import { SYSTEM_ACTOR } from '../audit/audit.repository.ts';
import { type KirimanSiap, simpanKiriman, statistikAntrean } from './antrean-kiriman.ts';
import { daftarkanPerangkat } from './perangkat.service.ts';
import { cabutToken, perangkatDariToken, terbitkanToken } from './token.service.ts';

// Group commit of terminal pushes (antrean-kiriman.ts) on PGlite and (SIGAP_TEST_PG_URL) PostgreSQL:
// pushes arriving together are written by one statement, each still answered with its own per-line
// results, only after the commit; a batch the database refuses is written again push by push.

let sdb: Awaited<ReturnType<typeof freshDatabase>>;
let app: App;
let tenantId: string;
let tokenDinkes: string;

beforeAll(async () => {
  sdb = await freshDatabase();
  tenantId = await seedSmallPemda(sdb, 'kota-antrean', '2024-01-01');
  tokenDinkes = await withTenant(sdb, tenantId, async (trx) => {
    await terminalUji(trx, tenantId, {
      pin: [
        { pin: '9001', key: NIP.perawat },
        { pin: '9002', key: NIP.kadinkes },
      ],
    });
    return (await terbitkanToken(trx, tenantId, SYSTEM_ACTOR, null, 'MESIN-DINKES')).token;
  });
  app = await buildApp({ sdb, serveWeb: false });
  await app.ready();
}, 60_000);
afterAll(async () => {
  await app?.close();
  await sdb?.cleanup();
});

/** Terminal rows stored on a local date (Asia/Jakarta), as "PIN HH:MM:SS" with how many times each. */
async function tersimpanPada(tanggal: string) {
  const rows = await withTenant(sdb, tenantId, (trx) =>
    trx
      .selectFrom('kehadiran')
      .select(['pin', 'waktu'])
      .where('sumber', '=', 'terminal')
      .where('waktu', '>=', new Date(`${tanggal}T00:00:00+07:00`))
      .where('waktu', '<', new Date(`${tanggal}T23:59:59+07:00`))
      .execute(),
  );
  const n = new Map<string, number>();
  for (const r of rows) {
    const jam = new Date(new Date(r.waktu).getTime() + 7 * 3600_000).toISOString().slice(11, 19);
    const k = `${r.pin} ${jam}`;
    n.set(k, (n.get(k) ?? 0) + 1);
  }
  return n;
}

const jam = (i: number) =>
  `07:${String(Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`;

interface Jawaban {
  jumlah: Record<string, number>;
  rincian: { baris: number; hasil: string; kode: string }[];
}

describe('pushes arriving together', () => {
  it('50 pushes at once (repeats, a bad line, a malformed push among them): each its own answer, after the commit; every punch stored once', async () => {
    const HARI = '2025-10-01';
    const isi: string[] = [];
    // 39 pushes of two people at their own second: 78 punches
    for (let i = 0; i < 39; i++)
      isi.push(`9001\t${HARI} ${jam(i)}\t15\t0\t0\n9002\t${HARI} ${jam(i)}\t15\t0\t0\n`);
    // 6 pushes (39–44) repeating pushes 0–5 exactly: in the same batch or not, one of each pair stores
    for (let i = 0; i < 6; i++) isi.push(isi[i]!);
    // a push (45) with its own line twice and an unknown PIN
    isi.push(
      `9001\t${HARI} ${jam(100)}\t15\t0\t0\n9001\t${HARI} ${jam(100)}\t15\t0\t0\n4242\t${HARI} ${jam(100)}\t15\t0\t0\n`,
    );
    // a CSV push (46, refused before it is queued), an empty one (47), and two more good ones (48, 49)
    isi.push(`nip,id_pegawai,waktu,perangkat,jenis\n${NIP.perawat},,${HARI} 08:00,MESIN-DINKES,masuk\n`);
    isi.push('   ');
    isi.push(`9002\t${HARI} ${jam(101)}\t15\t0\t0\n`, `9001\t${HARI} ${jam(102)}\t15\t1\t0\n`);
    expect(isi).toHaveLength(50);

    const sebelum = { ...statistikAntrean(sdb) };
    // each answer is checked the moment it arrives, from another connection: its punches are committed
    const terlihatSaatDijawab: boolean[] = [];
    const jawab = await Promise.all(
      isi.map((body, k) =>
        app
          .inject({
            method: 'POST',
            url: '/api/perangkat/kejadian',
            headers: { 'content-type': 'text/plain', authorization: `Bearer ${tokenDinkes}` },
            payload: body,
          })
          .then(async (r) => {
            if (r.statusCode === 200 && (k < 39 || k >= 48)) {
              const ada = await tersimpanPada(HARI);
              const baris = body.trim().split('\n');
              terlihatSaatDijawab[k] = baris.every((b) =>
                ada.has(`${b.split('\t')[0]} ${b.split('\t')[1]!.slice(11)}`),
              );
            }
            return r;
          }),
      ),
    );
    const s = statistikAntrean(sdb);
    // the group commit did carry several pushes in one statement
    expect(s.terbesar).toBeGreaterThan(1);
    expect(s.tulis - sebelum.tulis).toBeLessThan(48);
    expect(s.kiriman - sebelum.kiriman).toBe(48);

    const status = jawab.map((r) => r.statusCode);
    expect(status.filter((x) => x === 200)).toHaveLength(48);
    expect(status[46]).toBe(400);
    expect(jawab[46]!.json<{ message: string }>().message).toContain('bukan CSV');
    expect(status[47]).toBe(400);
    expect(jawab[47]!.json<{ message: string }>().message).toContain('Kiriman kosong');

    const j = (k: number) => jawab[k]!.json<Jawaban>();
    // pushes 6–38: their own two lines stored; 48 and 49: their one
    for (const k of [...Array.from({ length: 33 }, (_, i) => i + 6)]) {
      expect(j(k).jumlah, `push ${k}`).toMatchObject({ baris: 2, diimpor: 2, duplikat: 0 });
      expect(terlihatSaatDijawab[k], `push ${k} committed when answered`).toBe(true);
    }
    for (const k of [48, 49]) {
      expect(j(k).jumlah).toMatchObject({ baris: 1, diimpor: 1 });
      expect(terlihatSaatDijawab[k]).toBe(true);
      expect(j(k).rincian).toEqual([]);
    }
    // 0–5 and their repeats 39–44: per pair, one stored both lines, the other was told SUDAH_TERSIMPAN twice
    for (let i = 0; i < 6; i++) {
      const pasangan = [j(i), j(39 + i)];
      expect(pasangan.map((x) => x.jumlah.diimpor).sort()).toEqual([0, 2]);
      const ulang = pasangan.find((x) => x.jumlah.diimpor === 0)!;
      expect(ulang.jumlah).toMatchObject({ baris: 2, duplikat: 2 });
      expect(ulang.rincian.map((x) => x.kode)).toEqual(['SUDAH_TERSIMPAN', 'SUDAH_TERSIMPAN']);
    }
    // the push with a repeated line and an unknown PIN
    expect(j(45).jumlah).toMatchObject({ baris: 3, diimpor: 1, duplikat: 1, tidak_dikenal: 1 });
    expect(j(45).rincian.map((x) => [x.baris, x.kode])).toEqual([
      [2, 'DUPLIKAT'],
      [3, 'PIN_TIDAK_DIKENAL'],
    ]);

    const ada = await tersimpanPada(HARI);
    // 78 + 1 + 2 punches, each once; and as many as the answers said were stored
    expect(ada.size).toBe(81);
    expect([...ada.values()].every((n) => n === 1)).toBe(true);
    const diimpor = jawab
      .filter((r) => r.statusCode === 200)
      .reduce((t, r) => t + r.json<Jawaban>().jumlah.diimpor!, 0);
    expect(diimpor).toBe(81);
    expect(ada.has(`9002 ${jam(101)}`) && ada.has(`9001 ${jam(102)}`) && ada.has(`9001 ${jam(100)}`)).toBe(
      true,
    );
  });

  it("tokens checked together (PostgreSQL: one statement): each push gets its own token's verdict", async () => {
    const HARI = '2025-10-04';
    const dicabut = await withTenant(sdb, tenantId, async (trx) => {
      await daftarkanPerangkat(trx, tenantId, SYSTEM_ACTOR, null, {
        kode: 'MESIN-BPBD',
        nama: 'Pos BPBD',
        opdKode: 'BPBD',
      });
      const t = (await terbitkanToken(trx, tenantId, SYSTEM_ACTOR, null, 'MESIN-BPBD')).token;
      await cabutToken(trx, tenantId, SYSTEM_ACTOR, null, 'MESIN-BPBD');
      return t;
    });
    const asing = `${tenantId}.${'B'.repeat(43)}`;
    const token = Array.from({ length: 12 }, (_, i) => [tokenDinkes, asing, dicabut][i % 3]!);
    const jawab = await Promise.all(
      token.map((tok, i) =>
        app.inject({
          method: 'POST',
          url: '/api/perangkat/kejadian',
          headers: { 'content-type': 'text/plain', authorization: `Bearer ${tok}` },
          payload: `${NIP.kalak}\t${HARI} ${jam(i)}\t15\t0\t0\n`,
        }),
      ),
    );
    expect(jawab.map((r) => r.statusCode)).toEqual(token.map((t) => (t === tokenDinkes ? 200 : 401)));
    for (const [i, r] of jawab.entries()) {
      if (token[i] === asing)
        expect(r.json<{ message: string }>().message).toContain('Token perangkat tidak dikenal');
      if (token[i] === dicabut)
        expect(r.json<{ message: string }>().message).toContain('MESIN-BPBD sudah dicabut');
      if (token[i] === tokenDinkes) expect(r.json<Jawaban>().jumlah).toMatchObject({ baris: 1, diimpor: 1 });
    }
    expect((await tersimpanPada(HARI)).size).toBe(4);
  });

  it('answers a push only once its batch is committed, even when the commit is slow', async () => {
    const HARI = '2025-10-03';
    // every insert makes its transaction's commit wait 50 ms (a deferred trigger runs at COMMIT)
    await sql`CREATE FUNCTION uji_lambat() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM pg_sleep(0.05); RETURN NULL; END $$`.execute(sdb.db);
    await sql`CREATE CONSTRAINT TRIGGER uji_lambat AFTER INSERT ON kehadiran DEFERRABLE INITIALLY DEFERRED
      FOR EACH ROW EXECUTE FUNCTION uji_lambat()`.execute(sdb.db);
    try {
      const dilihat = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          app
            .inject({
              method: 'POST',
              url: '/api/perangkat/kejadian',
              headers: { 'content-type': 'text/plain', authorization: `Bearer ${tokenDinkes}` },
              payload: `9001\t${HARI} ${jam(i)}\t15\t0\t0\n`,
            })
            .then(async (r) => {
              expect(r.statusCode, r.body).toBe(200);
              // one statement, at once, on another connection (PostgreSQL): what is committed now
              const ada = await sdb.db
                .selectFrom('kehadiran')
                .select('pin')
                .where('tenant_id', '=', tenantId)
                .where('waktu', '=', new Date(`${HARI}T${jam(i)}+07:00`))
                .execute();
              return ada.length;
            }),
        ),
      );
      expect(dilihat).toEqual([1, 1, 1, 1, 1, 1]);
    } finally {
      await sql`DROP TRIGGER uji_lambat ON kehadiran`.execute(sdb.db);
      await sql`DROP FUNCTION uji_lambat()`.execute(sdb.db);
    }
  });

  it('a batch the database refuses is written again push by push: only the refused push fails', async () => {
    const HARI = '2025-10-02';
    // a trigger refusing one instant stands for any error one push's lines could raise in the database
    await sql`CREATE FUNCTION uji_tolak_satu() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.waktu = timestamptz '2025-10-02 07:59:59+07' THEN RAISE EXCEPTION 'uji: baris ini ditolak'; END IF;
        RETURN NEW;
      END $$`.execute(sdb.db);
    await sql`CREATE TRIGGER uji_tolak_satu BEFORE INSERT ON kehadiran FOR EACH ROW EXECUTE FUNCTION uji_tolak_satu()`.execute(
      sdb.db,
    );
    try {
      const p = await perangkatDariToken(sdb, `Bearer ${tokenDinkes}`);
      const siap = (teks: string): KirimanSiap => {
        const r = bacaLogKehadiran(
          teks,
          p.zona,
          { baris: 1000, panjangBaris: 1000 },
          new Date().toISOString(),
        );
        if (!r.ok) throw new Error('unreadable');
        return {
          tenantId,
          perangkat: p.perangkat,
          log: { format: r.format, punches: r.punches, takTerbaca: r.takTerbaca },
        };
      };
      const isi = Array.from({ length: 9 }, (_, i) => `9001\t${HARI} ${jam(i)}\t15\t0\t0\n`);
      isi.splice(4, 0, `9002\t${HARI} 07:59:59\t15\t0\t0\n9001\t${HARI} 07:59:59\t15\t0\t0\n`);
      const sebelum = { ...statistikAntrean(sdb) };
      // queued in the same turn of the event loop: one batch
      const hasil = await Promise.allSettled(isi.map((t) => simpanKiriman(sdb, siap(t))));
      const s = statistikAntrean(sdb);
      expect(s.pecah - sebelum.pecah).toBe(1);
      expect(hasil.map((h) => h.status)).toEqual([
        ...Array(4).fill('fulfilled'),
        'rejected',
        ...Array(5).fill('fulfilled'),
      ]);
      expect(String((hasil[4] as PromiseRejectedResult).reason)).toContain('uji: baris ini ditolak');
      for (const h of hasil)
        if (h.status === 'fulfilled') expect(h.value.jumlah).toMatchObject({ baris: 1, diimpor: 1 });
      const ada = await tersimpanPada(HARI);
      // the nine good pushes are stored; of the refused one, neither line (its own transaction rolled back)
      expect([...ada.keys()].sort()).toEqual(Array.from({ length: 9 }, (_, i) => `9001 ${jam(i)}`).sort());
    } finally {
      await sql`DROP TRIGGER uji_tolak_satu ON kehadiran`.execute(sdb.db);
      await sql`DROP FUNCTION uji_tolak_satu()`.execute(sdb.db);
    }
  });
});
