import { OPD_COLUMNS } from '@sigap/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/db.ts';
import { NIP, OPD_ROWS, PEGAWAI_ROWS, seedSmallPemda, table } from '../../../test/fixtures.ts';
import { withTenant } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { SYSTEM_ACTOR } from '../audit/audit.repository.ts';
import { getPegawai } from '../org/org.repository.ts';
import { readTable } from './baca-tabel.ts';
import { exportOpdRows, exportPegawaiRows, PEGAWAI_EXPORT_COLUMNS, toCsv, toXlsx } from './ekspor.service.ts';
import { importOpd, importPegawai } from './impor.service.ts';

let sdb: Awaited<ReturnType<typeof freshDatabase>>;
let tenantId: string;
const opts = { actor: SYSTEM_ACTOR, writableOpdIds: null, berlakuMulai: '2024-01-01' };
const ALL = { opdIds: null, selfPegawaiId: null };

async function counts() {
  return withTenant(sdb, tenantId, async (trx) => ({
    opd: Number(
      (
        await trx
          .selectFrom('opd')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
    pegawai: Number(
      (
        await trx
          .selectFrom('pegawai')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
    versi: Number(
      (
        await trx
          .selectFrom('pegawai_versi')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
    audit: Number(
      (
        await trx
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
  }));
}

async function importFails(p: Promise<unknown>) {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

beforeAll(async () => {
  sdb = await freshDatabase();
  tenantId = await seedSmallPemda(sdb);
});
afterAll(async () => sdb.cleanup());

describe('import pegawai and OPD', () => {
  it('imports a good file and stores every row', async () => {
    const c = await counts();
    expect(c.opd).toBe(OPD_ROWS.length);
    expect(c.pegawai).toBe(PEGAWAI_ROWS.length);
  });

  it('re-importing the same files changes nothing (no writes, no audit entries)', async () => {
    const before = await counts();
    const o = await importOpd(sdb, tenantId, table(OPD_ROWS), opts);
    const p = await importPegawai(sdb, tenantId, table(PEGAWAI_ROWS), {
      ...opts,
      berlakuMulai: '2024-06-01',
    });
    expect(o).toMatchObject({ dibuat: 0, diubah: 0, tidakBerubah: OPD_ROWS.length });
    expect(p).toMatchObject({ dibuat: 0, diubah: 0, tidakBerubah: PEGAWAI_ROWS.length });
    expect(await counts()).toEqual(before);
  });

  it('a file with bad rows stores nothing and reports every bad row with row, column and reason', async () => {
    const before = await counts();
    const rows = [
      ...PEGAWAI_ROWS,
      { ...PEGAWAI_ROWS[2]!, nip: '199003032015031099', nama: 'Baru Baik' }, // good new row: must not land
      { ...PEGAWAI_ROWS[2]!, nip: '199013032015031003', nama: 'Tanggal salah' }, // month 13 in birth date
      { ...PEGAWAI_ROWS[2]!, nip: '19900303', nama: 'Pendek' },
      { ...PEGAWAI_ROWS[2]!, nip: '199103032015031011', opd_kode: 'TIDAK-ADA' },
      { ...PEGAWAI_ROWS[2]!, nip: NIP.staf, nama: 'Duplikat' },
      { ...PEGAWAI_ROWS[2]!, nip: '199104042015031012', rumah_lat: '112.5', rumah_lng: '-7.8' },
    ];
    const e = await importFails(importPegawai(sdb, tenantId, table(rows), opts));
    expect(e.code).toBe('IMPOR_GAGAL');
    const got = e.issues!.map((i) => `${i.baris}:${i.kolom}:${i.kode}`);
    const n = PEGAWAI_ROWS.length + 1; // header is row 1
    expect(got).toEqual(
      expect.arrayContaining([
        `${n + 2}:nip:NIP_TANGGAL_LAHIR`,
        `${n + 3}:nip:NIP_FORMAT`,
        `${n + 4}:opd_kode:OPD_TIDAK_DIKENAL`,
        `${n + 5}:nip:NIP_GANDA`,
        `${n + 6}:rumah_lat:KOORDINAT_DI_LUAR_INDONESIA`,
      ]),
    );
    expect(e.issues!.every((i) => i.pesan.id.length > 0 && i.pesan.en.length > 0)).toBe(true);
    expect(e.issues!.find((i) => i.kode === 'KOORDINAT_DI_LUAR_INDONESIA')!.pesan.id).toContain('tertukar');
    expect(await counts()).toEqual(before);
  });

  it('refuses a supervisor cycle and an OPD parent cycle', async () => {
    const cyc = PEGAWAI_ROWS.map((r) => (r.nip === NIP.sekda ? { ...r, atasan_nip: NIP.staf } : r));
    const e = await importFails(importPegawai(sdb, tenantId, table(cyc), opts));
    expect(e.issues!.map((i) => i.kode)).toContain('ATASAN_SIKLUS');
    const opdCyc = OPD_ROWS.map((r) => (r.kode === 'SETDA' ? { ...r, induk_kode: 'BAG-UMUM' } : r));
    const e2 = await importFails(importOpd(sdb, tenantId, table(opdCyc), opts));
    expect(e2.issues!.map((i) => i.kode)).toContain('INDUK_SIKLUS');
  });

  it('refuses a file with a missing or unknown column, naming it', async () => {
    const rows = PEGAWAI_ROWS.map(({ opd_kode: _o, ...r }) => ({ ...r, unit: 'X' }));
    const e = await importFails(importPegawai(sdb, tenantId, table(rows), opts));
    expect(e.issues!.map((i) => `${i.baris}:${i.kolom}:${i.kode}`)).toEqual(
      expect.arrayContaining(['1:opd_kode:KOLOM_HILANG', '1:unit:KOLOM_TIDAK_DIKENAL']),
    );
  });

  it('keeps history: a move to another unit is visible as of each date', async () => {
    const moved = PEGAWAI_ROWS.map((r) =>
      r.nip === NIP.staf ? { ...r, opd_kode: 'DINKES', atasan_nip: NIP.kadinkes } : r,
    );
    const r = await importPegawai(sdb, tenantId, table(moved), { ...opts, berlakuMulai: '2025-03-01' });
    expect(r).toMatchObject({ dibuat: 0, diubah: 1 });
    await withTenant(sdb, tenantId, async (trx) => {
      const id = (
        await trx.selectFrom('pegawai').select('id').where('nip', '=', NIP.staf).executeTakeFirstOrThrow()
      ).id;
      expect((await getPegawai(trx, id, '2025-02-28'))!.opd_kode).toBe('BAG-UMUM');
      expect((await getPegawai(trx, id, '2025-03-01'))!.opd_kode).toBe('DINKES');
      expect((await getPegawai(trx, id, '2023-12-31'))!.opd_kode).toBeNull(); // before they were registered
    });
  });

  it('an OPD admin cannot import people into or out of another OPD', async () => {
    const dinkes = await withTenant(sdb, tenantId, (trx) =>
      trx.selectFrom('opd').select('id').where('kode', 'in', ['DINKES', 'PKM-BATU']).execute(),
    );
    const writable = new Set(dinkes.map((d) => d.id));
    const e = await importFails(
      importPegawai(
        sdb,
        tenantId,
        table([{ ...PEGAWAI_ROWS[1]!, jabatan: 'Dipindah diam-diam', opd_kode: 'DINKES' }]),
        { ...opts, writableOpdIds: writable },
      ),
    );
    expect(e.issues!.map((i) => i.kode)).toEqual(['DI_LUAR_CAKUPAN']);
  });

  it('export → import round trip changes nothing, in CSV and in XLSX read back from the file', async () => {
    const asOf = '2026-01-01';
    const before = await counts();
    const [opdRows, pegRows] = await withTenant(sdb, tenantId, async (trx) => [
      await exportOpdRows(trx, asOf),
      await exportPegawaiRows(trx, asOf, ALL),
    ]);
    for (const [bytes, name] of [
      [Buffer.from(toCsv(OPD_COLUMNS, opdRows)), 'opd.csv'],
      [await toXlsx('opd', OPD_COLUMNS, opdRows), 'opd.xlsx'],
    ] as const) {
      const r = await importOpd(sdb, tenantId, await readTable(bytes, name), { ...opts, berlakuMulai: asOf });
      expect(r, name).toMatchObject({ dibuat: 0, diubah: 0 });
    }
    for (const [bytes, name] of [
      [Buffer.from(toCsv(PEGAWAI_EXPORT_COLUMNS, pegRows)), 'pegawai.csv'],
      [await toXlsx('pegawai', PEGAWAI_EXPORT_COLUMNS, pegRows), 'pegawai.xlsx'],
    ] as const) {
      const t = await readTable(bytes, name);
      expect(
        t.rows.find((x) => x.values.nip === NIP.sekda),
        name,
      ).toBeDefined(); // 18 digits intact
      const r = await importPegawai(sdb, tenantId, t, { ...opts, berlakuMulai: asOf });
      expect(r, name).toMatchObject({ dibuat: 0, diubah: 0, tidakBerubah: PEGAWAI_ROWS.length });
    }
    expect(await counts()).toEqual(before);
  });

  it('reads semicolon CSV with a BOM and mixed-case headers', async () => {
    const csv = `\uFEFFKode;Nama;Jenis;Induk_Kode;Kelas_Layanan;Sektor;Lat;Lng;Radius_M\r\nDLH;Dinas Lingkungan Hidup;dinas;;pelayanan;kebersihan;-7,87;112,52;100\r\n`;
    const t = await readTable(Buffer.from(csv), 'opd.csv');
    expect(t.headers).toEqual(OPD_COLUMNS);
    const r = await importOpd(sdb, tenantId, t, opts);
    expect(r.dibuat).toBe(1);
  });
});
