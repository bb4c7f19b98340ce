import { createHash, randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/db.ts';
import { NIP, seedSmallPemda } from '../../../test/fixtures.ts';
import { terminalUji } from '../../../test/perangkat.ts';
import { withTenant } from '../../db/database.ts';
import { type App, buildApp } from '../../http/app.ts';
import { SYSTEM_ACTOR } from '../audit/audit.repository.ts';
import { cabutToken, terbitkanToken } from './token.service.ts';

// A terminal's live push (POST /api/perangkat/kejadian) through the real app, on PGlite and
// (SIGAP_TEST_PG_URL) on PostgreSQL: device token instead of a session, per-line results, the same punch
// stored once, answered after the commit. Every expected count is written out from the lines below.

let sdb: Awaited<ReturnType<typeof freshDatabase>>;
let app: App;
let tenantId: string;
let lainId: string;
/** The current token of MESIN-DINKES in each Pemda */
const token = new Map<string, string>();
const run = <T>(fn: Parameters<typeof withTenant<T>>[2], t = tenantId) => withTenant(sdb, t, fn);

const terbitkan = (t: string, kode = 'MESIN-DINKES') =>
  run((trx) => terbitkanToken(trx, t, SYSTEM_ACTOR, null, kode), t).then((r) => r.token);

function dorong(tok: string | null, body: string, extra: Record<string, string> = {}) {
  return app.inject({
    method: 'POST',
    url: '/api/perangkat/kejadian',
    headers: {
      'content-type': 'text/plain',
      ...(tok === null ? {} : { authorization: `Bearer ${tok}` }),
      ...extra,
    },
    payload: body,
  });
}

const tersimpan = (t = tenantId) =>
  run(
    (trx) =>
      trx
        .selectFrom('kehadiran as k')
        .innerJoin('pegawai as p', (j) =>
          j.onRef('p.tenant_id', '=', 'k.tenant_id').onRef('p.id', '=', 'k.pegawai_id'),
        )
        .innerJoin('perangkat as d', (j) =>
          j.onRef('d.tenant_id', '=', 'k.tenant_id').onRef('d.id', '=', 'k.perangkat_id'),
        )
        .select(['p.nama', 'd.kode', 'k.waktu', 'k.jenis', 'k.sumber', 'k.impor_id', 'k.pin'])
        .orderBy('k.waktu')
        .orderBy('p.nama')
        .execute(),
    t,
  );

const pesanDari = (r: LightMyRequestResponse) => r.json<{ code: string; message: string }>();

beforeAll(async () => {
  sdb = await freshDatabase();
  tenantId = await seedSmallPemda(sdb, 'kota-dorong', '2024-01-01');
  lainId = await seedSmallPemda(sdb, 'kota-dorong-lain', '2024-01-01');
  for (const t of [tenantId, lainId]) {
    await run(async (trx) => {
      await terminalUji(trx, t, {
        bpbd: true,
        pin: [
          { pin: '9001', key: NIP.perawat },
          { pin: '9002', key: NIP.kadinkes },
        ],
      });
    }, t);
    token.set(t, await terbitkan(t));
  }
  app = await buildApp({ sdb, serveWeb: false });
  await app.ready();
}, 60_000);
afterAll(async () => {
  await app?.close();
  await sdb?.cleanup();
});

describe('POST /api/perangkat/kejadian: a terminal pushes its punches', () => {
  const PAGI = ['9001\t2025-09-01 07:01:02\t15\t0\t0', '9002\t2025-09-01 07:03:00\t15\t0\t0\t0'].join('\r\n');

  it('stores the pushed punches, answered after they are committed, with no session or CSRF token', async () => {
    const r = await dorong(token.get(tenantId)!, PAGI);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({
      perangkat: { kode: 'MESIN-DINKES' },
      jumlah: { baris: 2, diimpor: 2, duplikat: 0, tidak_dikenal: 0, tidak_terbaca: 0 },
      rincian: [],
    });
    // read back by another connection once the answer is in: committed
    const rows = await tersimpan();
    expect(rows.map((x) => [x.nama, x.kode, new Date(x.waktu).toISOString(), x.jenis, x.sumber])).toEqual([
      ['Sari Perawat', 'MESIN-DINKES', '2025-09-01T00:01:02.000Z', 'masuk', 'terminal'],
      ['dr. Kadinkes', 'MESIN-DINKES', '2025-09-01T00:03:00.000Z', 'masuk', 'terminal'],
    ]);
    // a push is its own evidence, not an import
    expect(rows.every((x) => x.impor_id === null)).toBe(true);
  });

  it('the same push twice stores once: the second answer says each line is already stored', async () => {
    const sebelum = (await tersimpan()).length;
    const r = await dorong(token.get(tenantId)!, PAGI);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ jumlah: { baris: 2, diimpor: 0, duplikat: 2 } });
    expect(r.json<{ rincian: { kode: string }[] }>().rincian.map((x) => x.kode)).toEqual([
      'SUDAH_TERSIMPAN',
      'SUDAH_TERSIMPAN',
    ]);
    expect((await tersimpan()).length).toBe(sebelum);
  });

  it('lists the unreadable and unknown lines with their reasons and stores the rest', async () => {
    const sebelum = (await tersimpan()).length;
    const r = await dorong(
      token.get(tenantId)!,
      [
        '9001\t2025-09-01 16:05:00\t15\t1\t0', // perawat out: stored
        'bukan baris mesin', // unreadable
        '9001\t2025-02-30 16:06:00\t15\t1\t0', // no such date
        '4242\t2025-09-01 16:07:00\t15\t1\t0', // PIN in no table, no NIP
        `${NIP.kalak}\t2025-09-01 16:08:00\t15\t1\t0`, // NIP as PIN: stored
      ].join('\n'),
    );
    expect(r.statusCode, r.body).toBe(200);
    const h = r.json<{
      jumlah: Record<string, number>;
      rincian: { baris: number; hasil: string; kode: string; pesan: { id: string; en: string } }[];
    }>();
    expect(h.jumlah).toMatchObject({ baris: 5, diimpor: 2, tidak_terbaca: 2, tidak_dikenal: 1 });
    expect(h.rincian.map((x) => [x.baris, x.hasil, x.kode])).toEqual([
      [2, 'tidak_terbaca', 'BARIS_TIDAK_TERBACA'],
      [3, 'tidak_terbaca', 'WAKTU_TIDAK_SAH'],
      [4, 'tidak_dikenal', 'PIN_TIDAK_DIKENAL'],
    ]);
    expect(h.rincian[2]!.pesan.id).toContain('PIN 4242 tidak dikenal pada perangkat MESIN-DINKES');
    expect((await tersimpan()).length).toBe(sebelum + 2);
  });

  it('refuses a push without a token, with an unknown, replaced or revoked token: 401 in words', async () => {
    const sebelum = (await tersimpan()).length;
    const baris = '9001\t2025-09-02 07:00:00\t15\t0\t0';

    const tanpa = await dorong(null, baris);
    expect(tanpa.statusCode).toBe(401);
    expect(pesanDari(tanpa).message).toContain('Authorization: Bearer');

    const asing = await dorong(`${tenantId}.${'A'.repeat(43)}`, baris);
    expect(asing.statusCode).toBe(401);
    expect(pesanDari(asing)).toEqual({
      code: 'TIDAK_MASUK',
      message: 'Token perangkat tidak dikenal; periksa token yang dipasang di mesin',
    });

    const rusak = await dorong('bukan-token', baris);
    expect(rusak.statusCode).toBe(401);
    expect(pesanDari(rusak).message).toContain('tidak berbentuk benar');

    // issued for MESIN-BPBD, then replaced: the first one is told it was replaced
    const pertama = await terbitkan(tenantId, 'MESIN-BPBD');
    const kedua = await terbitkan(tenantId, 'MESIN-BPBD');
    const diganti = await dorong(pertama, `${NIP.kalak}\t2025-09-02 07:00:00\t15\t0\t0`, {
      'accept-language': 'en',
    });
    expect(diganti.statusCode).toBe(401);
    expect(pesanDari(diganti).message).toMatch(
      /^The token of terminal MESIN-BPBD was replaced by a new one on \d{4}-\d\d-\d\d \d\d:\d\d WI[BT]A?; install the new token/,
    );
    // the new one works …
    const baik = await dorong(kedua, `${NIP.kalak}\t2025-09-02 07:00:00\t15\t0\t0`);
    expect(baik.statusCode, baik.body).toBe(200);
    // … until it is revoked
    await run((trx) => cabutToken(trx, tenantId, SYSTEM_ACTOR, null, 'MESIN-BPBD'));
    const dicabut = await dorong(kedua, `${NIP.kalak}\t2025-09-02 07:01:00\t15\t0\t0`);
    expect(dicabut.statusCode).toBe(401);
    expect(pesanDari(dicabut).message).toMatch(
      /^Token mesin MESIN-BPBD sudah dicabut pada \d\d\/\d\d\/\d{4} \d\d\.\d\d WI[BT]A?; permintaan ditolak\. Minta admin menerbitkan token baru$/,
    );
    expect((await tersimpan()).length).toBe(sebelum + 1);
  });

  it("refuses a kiosk's token: pushes come from terminals only (403 in words)", async () => {
    const rahasia = randomBytes(32).toString('base64url');
    await run(async (trx) => {
      const opd = await trx
        .selectFrom('opd')
        .select('id')
        .where('kode', '=', 'DINKES')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('perangkat')
        .values({
          tenant_id: tenantId,
          opd_id: opd.id,
          jenis: 'kiosk',
          nama: 'Kios lobi',
          kode: 'KIOS-LOBI',
          token_hash: createHash('sha256').update(rahasia).digest('hex'),
        })
        .execute();
    });
    const r = await dorong(`${tenantId}.${rahasia}`, '9001\t2025-09-02 07:00:00\t15\t0\t0');
    expect(r.statusCode).toBe(403);
    expect(pesanDari(r)).toEqual({
      code: 'DILARANG',
      message: 'Perangkat KIOS-LOBI adalah kios: kiriman log hanya dari mesin absensi (terminal)',
    });
  });

  it("another Pemda's terminal cannot write into this Pemda", async () => {
    const kamiSebelum = (await tersimpan()).length;
    const merekaSebelum = (await tersimpan(lainId)).length;
    const milikLain = token.get(lainId)!;
    const baris = '9001\t2025-09-03 07:00:00\t15\t0\t0';
    // its token names its own Pemda: the punch lands there, with that Pemda's PIN table
    const r = await dorong(milikLain, baris);
    expect(r.statusCode, r.body).toBe(200);
    expect((await tersimpan(lainId)).length).toBe(merekaSebelum + 1);
    // relabelled with this Pemda's id, the same secret is unknown here
    const dipalsu = await dorong(milikLain.replace(lainId, tenantId), baris);
    expect(dipalsu.statusCode).toBe(401);
    expect(pesanDari(dipalsu).code).toBe('TIDAK_MASUK');
    expect((await tersimpan()).length).toBe(kamiSebelum);
  });

  it('refuses an oversized push (413 in words) and a CSV push (400), storing nothing', async () => {
    const sebelum = (await tersimpan()).length;
    const besar = await dorong(
      token.get(tenantId)!,
      `9001\t2025-09-04 07:00:00\t15\t0\t0\t${'x'.repeat(600 * 1024)}`,
    );
    expect(besar.statusCode).toBe(413);
    expect(pesanDari(besar)).toEqual({
      code: 'BERKAS_TERLALU_BESAR',
      message: 'Isi permintaan terlalu besar: paling besar 0,5 MB; bagi berkas menjadi beberapa bagian',
    });

    const banyak = Array.from(
      { length: 1001 },
      (_, i) =>
        `9001\t2025-09-04 ${String(8 + Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00\t15\t0\t0`,
    ).join('\n');
    const terlaluBanyak = await dorong(token.get(tenantId)!, banyak);
    expect(terlaluBanyak.statusCode).toBe(413);
    expect(pesanDari(terlaluBanyak).message).toBe(
      'Kiriman berisi lebih dari 1.000 baris; kirim sisanya dalam beberapa kiriman; tidak ada yang disimpan',
    );

    const csv = await dorong(
      token.get(tenantId)!,
      `nip,id_pegawai,waktu,perangkat,jenis\n${NIP.kalak},,2025-09-04 07:00,MESIN-BPBD,masuk\n`,
    );
    expect(csv.statusCode).toBe(400);
    expect(pesanDari(csv).message).toContain('bukan CSV');
    expect((await tersimpan()).length).toBe(sebelum);
  });
});

describe('the token check binds its Pemda for its own statement only', () => {
  it('leaves no Pemda set on the connection it used (PostgreSQL: a pooled connection outside a transaction)', async () => {
    const r = await dorong(token.get(tenantId)!, '9001\t2025-09-06 07:00:00\t15\t0\t0');
    expect(r.statusCode, r.body).toBe(200);
    // the pool hands back the connection released last: the one the token check and the push used
    const nilai = await sql<{
      t: string | null;
    }>`SELECT current_setting('sigap.tenant_id', true) AS t`.execute(sdb.db);
    expect(nilai.rows[0]!.t ?? '').toBe('');
    const langsung = await sql<{
      id: string;
    }>`SELECT id FROM sigap_perangkat_token(${tenantId}::uuid, ${'0'.repeat(64)})`.execute(sdb.db);
    expect(langsung.rows).toEqual([]);
    const lagi = await sql<{
      t: string | null;
    }>`SELECT current_setting('sigap.tenant_id', true) AS t`.execute(sdb.db);
    expect(lagi.rows[0]!.t ?? '').toBe('');
  });
});

describe('rate limit per terminal', () => {
  it('refuses a terminal past SIGAP_KIRIMAN_MESIN_PER_MENIT with 429, while another terminal goes on', async () => {
    process.env.SIGAP_KIRIMAN_MESIN_PER_MENIT = '3';
    const kecil = await buildApp({ sdb, serveWeb: false });
    delete process.env.SIGAP_KIRIMAN_MESIN_PER_MENIT;
    try {
      const kirim = (tok: string, menit: number) =>
        kecil.inject({
          method: 'POST',
          url: '/api/perangkat/kejadian',
          headers: { 'content-type': 'text/plain', authorization: `Bearer ${tok}` },
          payload: `9001\t2025-09-05 07:${String(menit).padStart(2, '0')}:00\t15\t0\t0`,
        });
      for (const m of [1, 2, 3]) expect((await kirim(token.get(tenantId)!, m)).statusCode).toBe(200);
      const lebih = await kirim(token.get(tenantId)!, 4);
      expect(lebih.statusCode).toBe(429);
      expect(pesanDari(lebih).code).toBe('TERLALU_BANYAK');
      // the other Pemda's terminal has its own count
      expect((await kirim(token.get(lainId)!, 5)).statusCode).toBe(200);
    } finally {
      await kecil.close();
    }
  });
});
