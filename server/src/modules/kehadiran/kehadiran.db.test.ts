import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/db.ts';
import { NIP, seedSmallPemda } from '../../../test/fixtures.ts';
import { terminalUji } from '../../../test/perangkat.ts';
import type { Caller } from '../../caller.ts';
import { withTenant } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { SYSTEM_ACTOR } from '../audit/audit.repository.ts';
import { lingkupTanggal } from '../org/org.service.ts';
import { imporLogBerkas } from './kehadiran.service.ts';

// Terminal logs into the event store, on PGlite and (SIGAP_TEST_PG_URL) on PostgreSQL: the expected
// counts are written out from the log texts below, never computed by the code under test.

let sdb: Awaited<ReturnType<typeof freshDatabase>>;
let tenantId: string;
let lainId: string;
const run = <T>(fn: Parameters<typeof withTenant<T>>[2], t = tenantId) => withTenant(sdb, t, fn);

/** The small Pemda's people are placed from 2024-01-01; these punches are in August 2025 (WIB). */
const ATTLOG = [
  `9001\t2025-08-04 07:01:02\t1\t0\t0\t0`, // PIN table → perawat (DINKES/PKM-BATU)
  `${NIP.kalak}\t2025-08-04 07:15:00\t15\t0\t0`, // NIP as PIN → kalak (BPBD)
  `THL-001\t2025-08-04 07:20:00\t1\t0\t0`, // id_pegawai as PIN → Joko (DINKES)
  `4242\t2025-08-04 07:30:00\t1\t0\t0`, // unknown PIN
  `9001\t2025-08-04 16:02:00\t1\t1\t0`, // perawat out
  `9001\t2025-08-04 16:02:00\t1\t1\t0`, // the same punch again in the file
  `garbage line`,
  `${NIP.kalak}\t2025-08-04 16:10:00\t1\t5\t0`, // unknown state → jenis null
].join('\r\n');

const buf = (s: string) => Buffer.from(s, 'utf8');
const opts = (perangkat: string | null = 'MESIN-DINKES', nama = 'attlog.dat') => ({
  actor: SYSTEM_ACTOR,
  namaBerkas: nama,
  perangkat,
});
const jumlahTerminal = (t = tenantId) =>
  run(async (trx) => {
    const r = await trx
      .selectFrom('kehadiran')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('sumber', '=', 'terminal')
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }, t);

beforeAll(async () => {
  sdb = await freshDatabase();
  tenantId = await seedSmallPemda(sdb, 'kota-hadir', '2024-01-01');
  lainId = await seedSmallPemda(sdb, 'kota-lain', '2024-01-01');
  for (const t of [tenantId, lainId]) {
    await run(async (trx) => {
      await terminalUji(trx, t, { bpbd: true, pin: [{ pin: '9001', key: NIP.perawat }] });
    }, t);
  }
}, 60_000);
afterAll(async () => {
  await sdb?.cleanup();
});
afterEach(() => {
  delete process.env.SIGAP_MAX_UPLOAD_MB;
  delete process.env.SIGAP_MAX_ROWS;
});

describe('terminal log import', () => {
  it('stores every good line, lists the rest with reasons, and the same log again stores nothing', async () => {
    const r = await imporLogBerkas(sdb, tenantId, buf(ATTLOG), opts());
    expect(r.format).toBe('attlog');
    expect(r.jumlah).toEqual({
      baris: 8,
      diimpor: 5,
      duplikat: 1,
      tidak_dikenal: 1,
      tidak_terbaca: 1,
      di_luar_lingkup: 0,
    });
    expect(r.rincian.map((x) => [x.baris, x.hasil, x.kode])).toEqual([
      [4, 'tidak_dikenal', 'PIN_TIDAK_DIKENAL'],
      [6, 'duplikat', 'DUPLIKAT'],
      [7, 'tidak_terbaca', 'BARIS_TIDAK_TERBACA'],
    ]);
    expect(r.rincian[0]!.pesan.id).toContain('PIN 4242');
    expect(r.rincian[0]!.pesan.en).toContain('PIN 4242');
    expect(await jumlahTerminal()).toBe(5);

    const stored = await run((trx) =>
      trx
        .selectFrom('kehadiran as k')
        .innerJoin('pegawai as p', (j) =>
          j.onRef('p.tenant_id', '=', 'k.tenant_id').onRef('p.id', '=', 'k.pegawai_id'),
        )
        .innerJoin('opd as o', (j) =>
          j.onRef('o.tenant_id', '=', 'k.tenant_id').onRef('o.id', '=', 'k.opd_id'),
        )
        .select(['p.nama', 'o.kode', 'k.waktu', 'k.jenis', 'k.pin', 'k.hasil', 'k.impor_id'])
        .orderBy('k.waktu')
        .execute(),
    );
    expect(stored.map((s) => [s.nama, s.kode, new Date(s.waktu).toISOString(), s.jenis, s.pin])).toEqual([
      ['Sari Perawat', 'PKM-BATU', '2025-08-04T00:01:02.000Z', 'masuk', '9001'],
      ['Kalak BPBD', 'BPBD', '2025-08-04T00:15:00.000Z', 'masuk', NIP.kalak],
      ['Joko THL', 'DINKES', '2025-08-04T00:20:00.000Z', 'masuk', 'THL-001'],
      ['Sari Perawat', 'PKM-BATU', '2025-08-04T09:02:00.000Z', 'pulang', '9001'],
      ['Kalak BPBD', 'BPBD', '2025-08-04T09:10:00.000Z', null, NIP.kalak],
    ]);
    expect(new Set(stored.map((s) => s.impor_id))).toEqual(new Set([r.imporId]));

    const lagi = await imporLogBerkas(sdb, tenantId, buf(ATTLOG.replaceAll('\r\n', '\n')), opts());
    expect(lagi.jumlah).toMatchObject({ diimpor: 0, duplikat: 6, tidak_dikenal: 1, tidak_terbaca: 1 });
    expect(lagi.rincian.filter((x) => x.kode === 'SUDAH_TERSIMPAN').map((x) => x.baris)).toEqual([
      1, 2, 3, 5, 8,
    ]);
    expect(await jumlahTerminal()).toBe(5);

    const audit = await run((trx) =>
      trx
        .selectFrom('audit_log')
        .select(['entitas_id', 'sesudah', 'ringkasan'])
        .where('entitas', '=', 'kehadiran')
        .orderBy('id')
        .execute(),
    );
    expect(audit.map((a) => a.entitas_id)).toEqual([r.imporId, lagi.imporId]);
    expect(audit[0]!.sesudah).toMatchObject({
      nama_berkas: 'attlog.dat',
      format: 'attlog',
      perangkat: 'MESIN-DINKES',
      jumlah: { diimpor: 5, duplikat: 1, tidak_dikenal: 1, tidak_terbaca: 1 },
    });
  });

  it('two imports of the same log at the same time store each punch once', async () => {
    const log = Array.from({ length: 1200 }, (_, i) => {
      const menit = String(i % 60).padStart(2, '0');
      const jam = String(6 + (Math.floor(i / 60) % 12)).padStart(2, '0');
      const hari = String(1 + Math.floor(i / 720)).padStart(2, '0');
      return `THL-001\t2025-09-${hari} ${jam}:${menit}:00\t1\t0\t0`;
    }).join('\n');
    const sebelum = await jumlahTerminal();
    const [a, b] = await Promise.all([
      imporLogBerkas(sdb, tenantId, buf(log), opts('MESIN-BPBD')),
      imporLogBerkas(sdb, tenantId, buf(log), opts('MESIN-BPBD')),
    ]);
    expect(a.jumlah.diimpor + b.jumlah.diimpor).toBe(1200);
    expect(a.jumlah.duplikat + b.jumlah.duplikat).toBe(1200);
    expect((await jumlahTerminal()) - sebelum).toBe(1200);
  });

  it('a CSV names its devices per line; unknown devices, people and empty cells are listed', async () => {
    const csv = [
      'nip;id_pegawai;waktu;perangkat;jenis',
      `${NIP.staf};;2025-08-05 07:00;mesin-bpbd;masuk`, // device code in another case
      `;THL-001;2025-08-05 16:00:30;MESIN-DINKES;pulang`,
      `${NIP.staf};;2025-08-05 07:00;MESIN-HILANG;masuk`,
      `199912312020121001;;2025-08-05 07:00;MESIN-BPBD;masuk`,
      `${NIP.staf};;2025-08-05 08:00;;`, // no device here, none with the upload
      `${NIP.staf};;2023-08-05 08:00;MESIN-BPBD;`, // before the person was placed
    ].join('\n');
    const r = await imporLogBerkas(sdb, tenantId, buf(csv), opts(null, 'log.csv'));
    expect(r.format).toBe('csv');
    expect(r.perangkat).toBeNull();
    expect(r.jumlah).toMatchObject({ baris: 6, diimpor: 2, tidak_dikenal: 3, tidak_terbaca: 1 });
    expect(r.rincian.map((x) => [x.baris, x.kode])).toEqual([
      [4, 'PERANGKAT_TIDAK_DIKENAL'],
      [5, 'PEGAWAI_TIDAK_DIKENAL'],
      [6, 'PERANGKAT_KOSONG'],
      [7, 'PEGAWAI_TIDAK_AKTIF'],
    ]);
    // with the upload naming a device, the empty cell takes it
    const r2 = await imporLogBerkas(sdb, tenantId, buf(csv), opts('MESIN-DINKES', 'log.csv'));
    expect(r2.jumlah).toMatchObject({ diimpor: 1, duplikat: 2 });
  });

  it('an OPD admin stores only their own people; the others are listed as outside their scope', async () => {
    const dinkes = await run(
      async (trx) =>
        (await trx.selectFrom('opd').select('id').where('kode', '=', 'DINKES').executeTakeFirstOrThrow()).id,
    );
    const admin: Caller = {
      userId: '00000000-0000-4000-8000-000000000001',
      username: 'admin.dinkes',
      nama: 'Admin Dinkes',
      tenantId,
      pegawaiId: null,
      grants: [{ role: 'opd_admin', opdId: dinkes }],
      csrfToken: 'x',
    };
    const log = [
      `${NIP.perawat}\t2025-08-06 07:00:00\t1\t0\t0`, // PKM-BATU, inside DINKES
      `${NIP.kalak}\t2025-08-06 07:00:00\t1\t0\t0`, // BPBD
      `${NIP.staf}\t2025-08-06 07:05:00\t1\t0\t0`, // BAG-UMUM
    ].join('\n');
    const sebelum = await jumlahTerminal();
    const r = await imporLogBerkas(sdb, tenantId, buf(log), {
      ...opts('MESIN-DINKES'),
      lingkupPada: (trx) => lingkupTanggal(trx, admin, 'write'),
    });
    expect(r.jumlah).toMatchObject({ diimpor: 1, di_luar_lingkup: 2 });
    expect(r.rincian.map((x) => [x.baris, x.hasil])).toEqual([
      [2, 'di_luar_lingkup'],
      [3, 'di_luar_lingkup'],
    ]);
    // the message names only what the file itself says
    expect(JSON.stringify(r.rincian)).not.toMatch(/Kalak BPBD|Budi Staf|BAG-UMUM/);
    expect((await jumlahTerminal()) - sebelum).toBe(1);
  });

  it('a Pemda never sees or writes another’s events (row-level security)', async () => {
    const lain = await imporLogBerkas(sdb, lainId, buf(`${NIP.kalak}\t2025-08-04 07:15:00\t1\t0\t0`), opts());
    // the same person and time is a new punch in the other Pemda: its own register and devices
    expect(lain.jumlah.diimpor).toBe(1);
    expect(await jumlahTerminal(lainId)).toBe(1);
    const semua = await run((trx) => trx.selectFrom('kehadiran').select(['tenant_id']).execute());
    expect(semua.length).toBeGreaterThan(1);
    expect(new Set(semua.map((s) => s.tenant_id))).toEqual(new Set([tenantId]));
    const orangLain = await run(
      async (trx) =>
        (await trx.selectFrom('pegawai').select('id').where('nip', '=', NIP.kalak).executeTakeFirstOrThrow())
          .id,
      lainId,
    );
    await expect(
      run((trx) =>
        trx
          .insertInto('kehadiran')
          .values({
            tenant_id: lainId,
            pegawai_id: orangLain,
            waktu: new Date(),
            sumber: 'admin',
            hasil: 'diterima',
          })
          .execute(),
      ),
    ).rejects.toThrow();
  });

  it('an event cannot be changed or deleted; only the retention job deletes, and only what is older than its limit', async () => {
    const id = await run(
      async (trx) =>
        (await trx.selectFrom('kehadiran').select('id').orderBy('waktu').executeTakeFirstOrThrow()).id,
    );
    // the app's role has no UPDATE right at all; the table's owner is stopped by the trigger
    await expect(
      run((trx) => sql`UPDATE kehadiran SET jenis = 'pulang' WHERE id = ${id}`.execute(trx)),
    ).rejects.toThrow();
    const sebagaiPemilik = (q: ReturnType<typeof sql>) =>
      sdb.db.transaction().execute(async (trx) => {
        await sql`SELECT set_config('sigap.tenant_id', ${tenantId}, true)`.execute(trx);
        await q.execute(trx);
      });
    await expect(sebagaiPemilik(sql`UPDATE kehadiran SET jenis = 'pulang' WHERE id = ${id}`)).rejects.toThrow(
      /append-only/,
    );
    await expect(sebagaiPemilik(sql`DELETE FROM kehadiran WHERE id = ${id}`)).rejects.toThrow(/append-only/);
    await expect(run((trx) => sql`DELETE FROM kehadiran WHERE id = ${id}`.execute(trx))).rejects.toThrow(
      /append-only/,
    );
    await expect(run((trx) => sql`TRUNCATE kehadiran`.execute(trx))).rejects.toThrow();
    // the retention path: a limit before the row refuses, a limit after it allows
    await expect(
      run(async (trx) => {
        await sql`SELECT set_config('sigap.retensi_kehadiran', '2025-01-01T00:00:00Z', true)`.execute(trx);
        await sql`DELETE FROM kehadiran WHERE id = ${id}`.execute(trx);
      }),
    ).rejects.toThrow(/append-only/);
    const sebelum = await jumlahTerminal();
    await run(async (trx) => {
      await sql`SELECT set_config('sigap.retensi_kehadiran', '2025-08-04T00:05:00Z', true)`.execute(trx);
      await sql`DELETE FROM kehadiran WHERE id = ${id}`.execute(trx);
    });
    expect(await jumlahTerminal()).toBe(sebelum - 1);
  });

  it('a huge file or too many lines is refused whole, in words; a huge line is listed; garbage changes nothing', async () => {
    const sebelum = await jumlahTerminal();
    const auditSebelum = await run(async (trx) =>
      Number(
        (
          await trx
            .selectFrom('audit_log')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    );
    process.env.SIGAP_MAX_UPLOAD_MB = '0.001';
    const besar = imporLogBerkas(sdb, tenantId, buf(ATTLOG.repeat(20)), opts());
    await expect(besar).rejects.toBeInstanceOf(AppError);
    await expect(besar).rejects.toMatchObject({
      code: 'BERKAS_TERLALU_BESAR',
      pesan: { id: expect.stringMatching(/terlalu besar.*SIGAP_MAX_UPLOAD_MB/) },
    });
    delete process.env.SIGAP_MAX_UPLOAD_MB;
    process.env.SIGAP_MAX_ROWS = '3';
    await expect(imporLogBerkas(sdb, tenantId, buf(ATTLOG), opts())).rejects.toMatchObject({
      code: 'BERKAS_TERLALU_BESAR',
      pesan: { id: expect.stringMatching(/lebih dari 3 baris.*SIGAP_MAX_ROWS/) },
    });
    delete process.env.SIGAP_MAX_ROWS;
    const r = await imporLogBerkas(
      sdb,
      tenantId,
      buf(
        `${NIP.perawat}\t2025-08-07 07:00:00\t1\t0\t${'0'.repeat(50_000)}\nx\t2025-08-07 07:00:00\t1\t0\t0\n`,
      ),
      opts(),
    );
    expect(r.rincian).toEqual([
      expect.objectContaining({ baris: 1, hasil: 'tidak_terbaca', kode: 'BARIS_TERLALU_PANJANG' }),
      expect.objectContaining({ baris: 2, hasil: 'tidak_dikenal', kode: 'PIN_TIDAK_DIKENAL' }),
    ]);
    expect(r.rincian[0]!.pesan.en).toMatch(/longer than 1000 characters/);
    // a file of one huge line, binary, prose or nothing is not a log at all
    for (const sampah of ['9'.repeat(200_000), '\u0000\u0001binary\u00ff\n%PDF-1.7\n', 'halo\ndunia\n', '']) {
      await expect(imporLogBerkas(sdb, tenantId, buf(sampah), opts())).rejects.toMatchObject({
        code: 'BERKAS_TIDAK_SAH',
        pesan: {
          id: expect.stringMatching(/tidak ada yang disimpan/),
          en: expect.stringMatching(/nothing was stored/),
        },
      });
    }
    // an attlog without its device, and an unregistered device, are refused before anything is stored
    await expect(imporLogBerkas(sdb, tenantId, buf(ATTLOG), opts(null))).rejects.toMatchObject({
      code: 'VALIDASI',
    });
    await expect(imporLogBerkas(sdb, tenantId, buf(ATTLOG), opts('TIDAK-ADA'))).rejects.toMatchObject({
      code: 'TIDAK_DITEMUKAN',
    });
    expect(await jumlahTerminal()).toBe(sebelum);
    const auditSesudah = await run(async (trx) =>
      Number(
        (
          await trx
            .selectFrom('audit_log')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    );
    // only the import with the long line (nothing stored) left an entry
    expect(auditSesudah - auditSebelum).toBe(1);
  });
});

describe('tempat_absen and dinas_luar checks (for the place rules)', () => {
  it('a place is a whole circle inside Indonesia or a polygon of three or more points, never both or half', async () => {
    const opdId = await run(
      async (trx) =>
        (await trx.selectFrom('opd').select('id').where('kode', '=', 'BPBD').executeTakeFirstOrThrow()).id,
    );
    const tempat = (v: { lat?: number; lng?: number; radius_m?: number; poligon?: string }) =>
      run((trx) =>
        trx
          .insertInto('tempat_absen')
          .values({ tenant_id: tenantId, opd_id: opdId, nama: 'Pos piket', jenis: 'pos_piket', ...v })
          .execute(),
      );
    const segitiga = JSON.stringify([
      [-7.86, 112.51],
      [-7.861, 112.511],
      [-7.862, 112.509],
    ]);
    await tempat({ lat: -7.86, lng: 112.51, radius_m: 50 });
    await tempat({ poligon: segitiga });
    await expect(tempat({ lat: -7.86, lng: 112.51 })).rejects.toThrow();
    await expect(tempat({ lat: -7.86, lng: 112.51, radius_m: 50, poligon: segitiga })).rejects.toThrow();
    await expect(
      tempat({
        poligon: JSON.stringify([
          [-7.86, 112.51],
          [-7.861, 112.511],
        ]),
      }),
    ).rejects.toThrow();
    await expect(tempat({ lat: 48.85, lng: 2.35, radius_m: 50 })).rejects.toThrow();
    await expect(tempat({ lat: -7.86, lng: 112.51, radius_m: 5 })).rejects.toThrow();
  });
});
