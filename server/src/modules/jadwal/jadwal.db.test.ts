import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/db.ts';
import { NIP, PEGAWAI_ROWS, seedSmallPemda, table } from '../../../test/fixtures.ts';
import { withTenant } from '../../db/database.ts';
import { SYSTEM_ACTOR } from '../audit/audit.repository.ts';
import { importPegawai } from '../impor/impor.service.ts';
import { simpan } from '../kebijakan/kebijakan.service.ts';
import * as repo from './jadwal.repository.ts';
import { buatJadwal, KOLOM_REKAP, periksa, rekap } from './jadwal.service.ts';

let sdb: Awaited<ReturnType<typeof freshDatabase>>;
let tenantId: string;
const run = <T>(fn: Parameters<typeof withTenant<T>>[2]) => withTenant(sdb, tenantId, fn);

beforeAll(async () => {
  sdb = await freshDatabase();
  tenantId = await seedSmallPemda(sdb, 'kota-jadwal', '2020-01-01');
  const bogor = readFileSync(
    new URL('../../../../examples/policies/bogor-2021.yaml', import.meta.url),
    'utf8',
  );
  await run((trx) => simpan(trx, tenantId, SYSTEM_ACTOR, bogor, '2026-11-23'));
});
afterAll(async () => sdb.cleanup());

describe('roster: generate, check, recap', () => {
  it('generates Bogor’s week within every rule, and the check finds nothing wrong', async () => {
    const r = await run((trx) => buatJadwal(trx, tenantId, SYSTEM_ACTOR, '2021-06-28', '2021-07-07'));
    expect(r.pelanggaran).toEqual([]);
    expect(r.pegawai).toBe(8);
    expect(await run((trx) => periksa(trx, tenantId, '2021-06-28', '2021-07-07'))).toEqual([]);
    const rows = await run((trx) => rekap(trx, tenantId, '2021-06-29', '2021-06-29'));
    expect(Object.keys(rows[0]!)).toEqual([...KOLOM_REKAP]);
    const cell = (nip: string) => rows.find((x) => x.nip === nip)!;
    // health staff stay at the office; the BAG-UMUM clerk is at home or on piket for SETDA
    expect(cell(NIP.perawat)).toMatchObject({
      status: 'WFO',
      opd_kode: 'DINKES',
      unit_kode: 'PKM-BATU',
      aturan_id: 'layanan-mendasar-tetap-masuk',
    });
    expect(['WFH', 'PIKET']).toContain(cell(NIP.staf).status);
    const setda = rows.filter((x) => x.opd_kode === 'SETDA');
    expect(setda.filter((x) => x.status === 'PIKET')).toHaveLength(1);
    const thl = rows.find((x) => x.id_pegawai === 'THL-001')!;
    expect(thl).toMatchObject({ nip: '', status: 'WFO' }); // DINKES
    // 28 June (before) and 7 July (after) are ordinary office days; 3–4 July a weekend
    const before = await run((trx) => rekap(trx, tenantId, '2021-06-28', '2021-06-28'));
    expect(new Set(before.map((x) => x.status))).toEqual(new Set(['WFO']));
    const weekend = await run((trx) => rekap(trx, tenantId, '2021-07-03', '2021-07-04'));
    expect(new Set(weekend.map((x) => x.status))).toEqual(new Set(['LIBUR']));
  });

  it('evaluates each day against the organisation of that day: someone joining mid-period is scheduled from then on', async () => {
    const baru = {
      ...PEGAWAI_ROWS.find((p) => p.nip === NIP.staf)!,
      nip: '199807072024011008',
      nama: 'Pegawai Baru',
    };
    await importPegawai(sdb, tenantId, table([baru]), {
      actor: SYSTEM_ACTOR,
      writableOpdIds: null,
      berlakuMulai: '2021-07-01',
    });
    await run((trx) => buatJadwal(trx, tenantId, SYSTEM_ACTOR, '2021-06-28', '2021-07-07'));
    const rows = (await run((trx) => rekap(trx, tenantId, '2021-06-28', '2021-07-07'))).filter(
      (x) => x.nip === baru.nip,
    );
    // no cells before 1 July; at home or on piket on Bogor's days, off at the weekend, back on the 7th
    expect(rows.map((x) => x.tanggal.slice(5))).toEqual([
      '07-01',
      '07-02',
      '07-03',
      '07-04',
      '07-05',
      '07-06',
      '07-07',
    ]);
    expect(rows.map((x) => (x.status === 'PIKET' ? 'WFH' : x.status))).toEqual([
      'WFH',
      'WFH',
      'LIBUR',
      'LIBUR',
      'WFH',
      'WFH',
      'WFO',
    ]);
    expect(await run((trx) => periksa(trx, tenantId, '2021-06-28', '2021-07-07'))).toEqual([]);
  });

  it('finds a planted violation in a newer version edited by hand, naming the cell and the rule', async () => {
    const rows = await run((trx) => rekap(trx, tenantId, '2021-06-30', '2021-06-30'));
    const ids = await run((trx) => trx.selectFrom('pegawai').select(['id', 'nip']).execute());
    const idOf = (nip: string) => ids.find((x) => x.nip === nip)!.id;
    await run(async (trx) => {
      const j = await repo.insertJadwal(trx, tenantId, {
        dari: '2021-06-30',
        sampai: '2021-06-30',
        cakupanOpd: null,
        pelanggaran: [],
        oleh: 'uji',
      });
      await repo.insertSel(
        trx,
        tenantId,
        j.id,
        rows
          .filter((x) => x.nip)
          .map((x) => ({
            pegawai_id: idOf(x.nip),
            tanggal: x.tanggal,
            status: x.nip === NIP.perawat ? 'WFH' : x.status, // the nurse sent home
            kebijakan_id: x.kebijakan_id || null,
            kebijakan_versi: null,
            aturan_id: x.aturan_id || null,
            alasan: 'impor',
          })),
      );
    });
    const t = await run((trx) => periksa(trx, tenantId, '2021-06-28', '2021-07-07'));
    expect(t.map((x) => `${x.tanggal}:${x.kode}:${x.orang.join(',')}`)).toEqual([
      `2021-06-30:WAJIB_WFO:${NIP.perawat}`,
    ]);
    expect(t[0]!.pesan.id).toContain('layanan-mendasar-tetap-masuk');
  });

  it('honours people’s requests where the caps allow, in the Pemda’s order of goals', async () => {
    const kudus = readFileSync(
      new URL('../../../../examples/policies/kudus-2020.yaml', import.meta.url),
      'utf8',
    );
    await run((trx) => simpan(trx, tenantId, SYSTEM_ACTOR, kudus, '2026-11-23'));
    const ids = await run((trx) => trx.selectFrom('pegawai').select(['id', 'nip']).execute());
    const idOf = (nip: string) => ids.find((x) => x.nip === nip)!.id;
    // SETDA has 3 ASN and a cap of 1 at the office: the clerk asks for the office on two days in a row
    await run((trx) =>
      trx
        .insertInto('permintaan_jadwal')
        .values(
          ['2020-03-30', '2020-03-31'].map((tanggal) => ({
            tenant_id: tenantId,
            pegawai_id: idOf(NIP.staf),
            tanggal,
            lokasi: 'WFO',
          })),
        )
        .execute(),
    );
    const staf = async () =>
      (await run((trx) => rekap(trx, tenantId, '2020-03-30', '2020-03-31')))
        .filter((x) => x.nip === NIP.staf)
        .map((x) => x.status);
    // default order: spreading office days evenly comes first, so only the first request is met
    await run((trx) => buatJadwal(trx, tenantId, SYSTEM_ACTOR, '2020-03-30', '2020-03-31'));
    expect(await staf()).toEqual(['WFO', 'WFH']);
    // requests first: both are met, still within the cap
    const r = await run((trx) =>
      buatJadwal(trx, tenantId, SYSTEM_ACTOR, '2020-03-30', '2020-03-31', undefined, {
        urutanSasaran: ['permintaan', 'merata', 'rotasi_piket', 'kohort', 'stabil'],
      }),
    );
    expect(r.pelanggaran).toEqual([]);
    expect(await staf()).toEqual(['WFO', 'WFO']);
    expect(await run((trx) => periksa(trx, tenantId, '2020-03-30', '2020-03-31'))).toEqual([]);
  });
});
