import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/db.ts';
import { NIP, seedSmallPemda } from '../../../test/fixtures.ts';
import { withTenant } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { SYSTEM_ACTOR } from '../audit/audit.repository.ts';
import { readTable } from './baca-tabel.ts';
import { exportOpdRows, exportPegawaiRows, TEMPLATE_ROWS, toCsv, toXlsx } from './ekspor.service.ts';
import { importOpd, importPegawai } from './impor.service.ts';

// The downloadable templates import as they are; a file of the other kind gets one sentence; the
// optional columns (docs/import.md) may be left out without clearing what is stored.

let sdb: Awaited<ReturnType<typeof freshDatabase>>;
let tenantId: string;
const opts = { actor: SYSTEM_ACTOR, writableOpdIds: null, berlakuMulai: '2024-01-01' };
const ALL = { opdIds: null, selfPegawaiId: null };

beforeAll(async () => {
  sdb = await freshDatabase();
  // A Pemda with DINKES and PKM-BATU, like the demo's Kota Batu.
  tenantId = await seedSmallPemda(sdb);
});
afterAll(async () => {
  await sdb.cleanup();
});

async function gagal(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

describe('import templates and headers', () => {
  it('an OPD file on the employee import is one sentence, not a column error per column', async () => {
    const opd = await readTable(
      await toXlsx('opd', TEMPLATE_ROWS.opd.columns, TEMPLATE_ROWS.opd.rows),
      'opd.xlsx',
    );
    const e = await gagal(importPegawai(sdb, tenantId, opd, opts));
    expect(e.issues?.map((i) => [i.kode, i.pesan.id])).toEqual([
      [
        'JENIS_BERKAS_SALAH',
        'Berkas ini tampaknya daftar OPD, bukan daftar pegawai; pakai tab OPD di halaman Impor',
      ],
    ]);
    const pegawai = await readTable(
      Buffer.from(toCsv(TEMPLATE_ROWS.pegawai.columns, TEMPLATE_ROWS.pegawai.rows)),
      'pegawai.csv',
    );
    const f = await gagal(importOpd(sdb, tenantId, pegawai, opts));
    expect(f.issues?.map((i) => i.kode)).toEqual(['JENIS_BERKAS_SALAH']);
    expect(f.issues?.[0]?.pesan.id).toContain(
      'tampaknya daftar pegawai, bukan daftar OPD; pakai tab Pegawai',
    );
  });

  it('the employee template (XLSX and CSV) imports as downloaded; header only changes nothing', async () => {
    const t = TEMPLATE_ROWS.pegawai;
    const xlsx = await readTable(await toXlsx('pegawai', t.columns, t.rows), 'templat-pegawai.xlsx');
    const r = await importPegawai(sdb, tenantId, xlsx, opts);
    expect(r).toMatchObject({ baris: 3, dibuat: 3 });
    const csv = await readTable(Buffer.from(toCsv(t.columns, t.rows)), 'templat-pegawai.csv');
    expect(await importPegawai(sdb, tenantId, csv, opts)).toMatchObject({ baris: 3, tidakBerubah: 3 });
    const kosong = await readTable(await toXlsx('pegawai', t.columns, []), 'kosong.xlsx');
    expect(await importPegawai(sdb, tenantId, kosong, opts)).toMatchObject({
      baris: 0,
      dibuat: 0,
      diubah: 0,
    });
  });

  it('the OPD template imports as downloaded', async () => {
    const t = TEMPLATE_ROWS.opd;
    const r = await importOpd(
      sdb,
      tenantId,
      await readTable(await toXlsx('opd', t.columns, t.rows), 'o.xlsx'),
      opts,
    );
    expect(r.baris).toBe(3);
  });

  it('optional columns may be left out; what is stored stays', async () => {
    const sebelum = await withTenant(sdb, tenantId, (trx) => exportPegawaiRows(trx, '2024-06-01', ALL));
    const budi = sebelum.find((p) => p.nip === NIP.sekda)!;
    expect([budi.email, budi.telepon, budi.rumah_lat]).toEqual([
      'sekda@batukota.go.id',
      '081200000001',
      '-7.87',
    ]);
    // Only the required columns: a new job title is not given either, so nothing changes for Budi.
    const csv = `nip,nama,jenis_pegawai,jabatan_level,opd_kode\n${budi.nip},${budi.nama},${budi.jenis_pegawai},${budi.jabatan_level},${budi.opd_kode}\n`;
    const r = await importPegawai(sdb, tenantId, await readTable(Buffer.from(csv), 'p.csv'), opts);
    expect(r).toMatchObject({ baris: 1, tidakBerubah: 1 });
    const sesudah = await withTenant(sdb, tenantId, (trx) => exportPegawaiRows(trx, '2024-06-01', ALL));
    expect(sesudah.find((p) => p.nip === NIP.sekda)).toEqual(budi);
    // A new person without the optional columns is stored with them empty.
    const baru =
      'id_pegawai,nama,jenis_pegawai,jabatan_level,opd_kode\nTHL-9001,Wawan Setiawan,non_asn,pelaksana,DINKES\n';
    expect(
      await importPegawai(sdb, tenantId, await readTable(Buffer.from(baru), 'b.csv'), opts),
    ).toMatchObject({
      dibuat: 1,
    });
    // OPDs: kode, nama and jenis are enough for one already registered.
    const opd = await withTenant(sdb, tenantId, (trx) => exportOpdRows(trx, '2024-06-01'));
    const dinkes = opd.find((o) => o.kode === 'DINKES')!;
    const r2 = await importOpd(
      sdb,
      tenantId,
      await readTable(Buffer.from(`kode,nama,jenis\nDINKES,${dinkes.nama},${dinkes.jenis}\n`), 'o.csv'),
      opts,
    );
    expect(r2).toMatchObject({ baris: 1, tidakBerubah: 1 });
    // Still required: a file without the employee type names that column.
    const e = await gagal(
      importPegawai(
        sdb,
        tenantId,
        await readTable(Buffer.from('nip,nama,jabatan_level,opd_kode\n1,a,b,c\n'), 'x.csv'),
        opts,
      ),
    );
    expect(e.issues?.map((i) => [i.kode, i.kolom])).toEqual([['KOLOM_HILANG', 'jenis_pegawai']]);
  });
});
