import { nilaiLokasi } from '@sigap/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/db.ts';
import { NIP, seedSmallPemda } from '../../../test/fixtures.ts';
import { type SigapDatabase, withTenant } from '../../db/database.ts';
import { tempatHari } from './tempat.service.ts';

/*
 * Where a person may check in on a day, read from a real database: the unit's office (own or inherited
 * from the OPD above it; coordinates from server/test/fixtures.ts OPD_ROWS), the extra places of the unit
 * and the OPDs above it, and an approved official trip on that day only.
 */

let sdb: SigapDatabase;
let T: string;
const id = new Map<string, string>();
const opd = new Map<string, string>();
const HARI = '2024-03-04';

beforeAll(async () => {
  sdb = await freshDatabase();
  T = await seedSmallPemda(sdb, 'kota-tempat', '2024-01-01');
  await withTenant(sdb, T, async (trx) => {
    for (const r of await trx.selectFrom('pegawai').select(['id', 'nip']).execute()) id.set(r.nip!, r.id);
    for (const r of await trx.selectFrom('opd').select(['id', 'kode']).execute()) opd.set(r.kode, r.id);
    await trx
      .insertInto('tempat_absen')
      .values([
        {
          tenant_id: T,
          opd_id: opd.get('DINKES')!,
          nama: 'Pos piket Alun-alun',
          jenis: 'pos_piket',
          lat: -7.8705,
          lng: 112.5285,
          radius_m: 40,
        },
        {
          tenant_id: T,
          opd_id: opd.get('SETDA')!,
          nama: 'Gedung Balai Kota',
          jenis: 'kantor',
          poligon: JSON.stringify([
            [-7.9, 112.6],
            [-7.9, 112.61],
            [-7.91, 112.61],
            [-7.91, 112.6],
          ]),
        },
        {
          tenant_id: T,
          opd_id: opd.get('BPBD')!,
          nama: 'Posko BPBD',
          jenis: 'pos_piket',
          lat: -7.86,
          lng: 112.5,
          radius_m: 50,
        },
        {
          tenant_id: T,
          opd_id: opd.get('DINKES')!,
          nama: 'Pos lama',
          jenis: 'pos_piket',
          lat: -7.87,
          lng: 112.52,
          radius_m: 50,
          aktif: false,
        },
      ])
      .execute();
    const dl = (status: string, dari: string, sampai: string, tujuan: string) => ({
      tenant_id: T,
      pegawai_id: id.get(NIP.staf)!,
      dari,
      sampai,
      nomor_surat: `800/${tujuan.length}/2024`,
      tujuan,
      lat: -7.25,
      lng: 112.75,
      radius_m: 300,
      status,
      diajukan_oleh: 'uji',
    });
    await trx
      .insertInto('dinas_luar')
      .values([
        dl('disetujui', '2024-03-04', '2024-03-05', 'Kantor Gubernur Jawa Timur'),
        dl('diajukan', '2024-03-04', '2024-03-04', 'Belum disetujui'),
        dl('disetujui', '2024-03-06', '2024-03-07', 'Hari lain'),
      ])
      .execute();
  });
});
afterAll(async () => {
  await sdb?.close();
});

describe("a person's allowed places on a day", () => {
  it("a unit without its own location uses its OPD's; extra places of every OPD above it; an approved trip that day", async () => {
    const t = await withTenant(sdb, T, (trx) => tempatHari(trx, id.get(NIP.staf)!, HARI));
    expect(t.opdId).toBe(opd.get('BAG-UMUM'));
    expect(t.tempat.map((x) => [x.asal, x.nama])).toEqual([
      ['kantor', 'Bagian Umum'],
      ['tambahan', 'Gedung Balai Kota'],
      ['dinas_luar', 'Kantor Gubernur Jawa Timur'],
    ]);
    expect(t.tempat[0]).toMatchObject({
      bentuk: 'lingkaran',
      pusat: { lat: -7.871, lng: 112.526 },
      radiusM: 150,
    });
    expect(t.tempat[1]).toMatchObject({ bentuk: 'poligon' });
    expect(t.tempat[1]!.bentuk === 'poligon' && t.tempat[1]!.titik).toHaveLength(4);
    expect(t.dinasLuar).toMatchObject({ nomorSurat: '800/26/2024', tujuan: 'Kantor Gubernur Jawa Timur' });
    // Inside the town hall polygon, far from the office circle: allowed there.
    const v = nilaiLokasi({ lat: -7.905, lng: 112.605, akurasiM: 15 }, t.tempat);
    expect(v).toMatchObject({ hasil: 'di_dalam', tempat: { nama: 'Gedung Balai Kota' } });
  });

  it("a unit with its own location uses it; another OPD's posts and inactive ones do not count", async () => {
    const t = await withTenant(sdb, T, (trx) => tempatHari(trx, id.get(NIP.perawat)!, HARI));
    expect(t.opdId).toBe(opd.get('PKM-BATU'));
    expect(t.tempat.map((x) => x.nama)).toEqual(['UPT Puskesmas Batu', 'Pos piket Alun-alun']);
    expect(t.tempat[0]).toMatchObject({ pusat: { lat: -7.885, lng: 112.52 }, radiusM: 80 });
    expect(t.dinasLuar).toBeNull();
    // At the BPBD post (another OPD's): outside, with the distance to the nearest allowed place.
    const v = nilaiLokasi({ lat: -7.86, lng: 112.5, akurasiM: 10 }, t.tempat);
    expect(v.hasil).toBe('di_luar_kantor');
  });

  it('before the placement began, nobody is placed and no place is allowed; a trip on another day does not count', async () => {
    const t = await withTenant(sdb, T, (trx) => tempatHari(trx, id.get(NIP.staf)!, '2023-12-31'));
    expect(t).toEqual({ opdId: null, tempat: [], dinasLuar: null });
    const lain = await withTenant(sdb, T, (trx) => tempatHari(trx, id.get(NIP.staf)!, '2024-03-08'));
    expect(lain.dinasLuar).toBeNull();
    expect(lain.tempat.map((x) => x.asal)).toEqual(['kantor', 'tambahan']);
  });
});
