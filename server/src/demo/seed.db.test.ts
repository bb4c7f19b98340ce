import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../test/db.ts';
import { withTenant } from '../db/database.ts';
import { SYSTEM_ACTOR } from '../modules/audit/audit.repository.ts';
import { buatJadwal, periksa, rekap } from '../modules/jadwal/jadwal.service.ts';
import { simpan, ubahStatus } from '../modules/kebijakan/kebijakan.service.ts';
import { DEMO_JADWAL, seedDemo } from './seed.ts';

/**
 * The bar: a roster Sigap builds for the demo Pemda (308 OPD/units, 2,983 people) under each
 * example policy passes `roster check` (the same service the CLI calls) with nothing wrong.
 */
let sdb: Awaited<ReturnType<typeof freshDatabase>>;
let tenantId: string;
const run = <T>(fn: Parameters<typeof withTenant<T>>[2]) => withTenant(sdb, tenantId, fn);
const teks = (f: string) => readFileSync(new URL(`../../../examples/policies/${f}`, import.meta.url), 'utf8');

beforeAll(async () => {
  sdb = await freshDatabase();
  const r = await seedDemo(sdb);
  tenantId = r.tenantId;
  expect(r.jadwal).toMatchObject({ pegawai: 2983, hari: 12, pelanggaran: 0 });
  for (const f of ['kudus-2020.yaml', 'bogor-2021.yaml', 'pasuruan-2022.yaml'])
    await run((trx) => simpan(trx, tenantId, SYSTEM_ACTOR, teks(f), '2026-11-23'));
}, 120_000);
afterAll(async () => sdb.cleanup());

async function bangunDanPeriksa(dari: string, sampai: string) {
  const r = await run((trx) => buatJadwal(trx, tenantId, SYSTEM_ACTOR, dari, sampai));
  expect(r.pegawai).toBe(2983);
  expect(r.pelanggaran.map((p) => p.pesan.id)).toEqual([]);
  expect(await run((trx) => periksa(trx, tenantId, dari, sampai))).toEqual([]);
  const rows = await run((trx) => rekap(trx, tenantId, dari, sampai));
  const n = (s: string) => rows.filter((x) => x.status === s).length;
  return {
    WFO: n('WFO'),
    WFH: n('WFH'),
    PIKET: n('PIKET'),
    LIBUR: n('LIBUR'),
    tidakHadir: n('CUTI') + n('SAKIT') + n('ISOLASI'),
    aturan: new Set(rows.map((x) => x.aturan_id)),
  };
}

describe('roster check is clean for the demo Pemda under every example policy', () => {
  it('Batu 2020 v2 (the demo fortnight, with leave, sickness and an isolation)', async () => {
    expect(await run((trx) => periksa(trx, tenantId, DEMO_JADWAL.dari, DEMO_JADWAL.sampai))).toEqual([]);
    const r = await bangunDanPeriksa(DEMO_JADWAL.dari, DEMO_JADWAL.sampai);
    expect(r.WFH).toBeGreaterThan(2000);
  }, 60_000);

  it('Kudus 2020 (50% per OPD, health units and BPBD at the office)', async () => {
    const r = await bangunDanPeriksa('2020-03-24', '2020-04-09');
    expect(r.WFH).toBeGreaterThan(0);
    expect(r.aturan.has('opd-wfh-maks-50-persen-di-kantor')).toBe(true);
  }, 90_000);

  it('Bogor 2021 (100% at home with piket, exempt units capped)', async () => {
    const r = await bangunDanPeriksa('2021-06-29', '2021-07-06');
    expect(r.PIKET).toBeGreaterThan(0);
  }, 60_000);

  it('Pasuruan 2022 (staff-level 50%, officials at the office)', async () => {
    const r = await bangunDanPeriksa('2022-02-14', '2022-02-25');
    expect(r.WFH).toBeGreaterThan(0);
  }, 60_000);

  it('Batu 2020 v1 (the first notice: everyone at home on its days)', async () => {
    // v2 superseded v1 for good; to build under v1 alone, revoke v2 and store v1 as its own policy
    await run((trx) => ubahStatus(trx, tenantId, SYSTEM_ACTOR, 'batu-2020-wfh-asn', 2, 'dicabut'));
    const v1 = teks('batu-2020.v1.yaml')
      .replace(/^id: .*$/m, 'id: batu-2020-wfh-asn-v1-uji')
      .replace(/^status: .*$/m, 'status: aktif');
    await run((trx) => simpan(trx, tenantId, SYSTEM_ACTOR, v1, '2026-11-23'));
    const r = await bangunDanPeriksa('2020-08-18', '2020-08-21');
    // 18, 19, 21 at home (21 Aug is cuti bersama but the notice names it); 20 Aug is a holiday
    expect(r).toMatchObject({ WFO: 0, PIKET: 0, LIBUR: 2983 });
    expect(r.WFH + r.tidakHadir).toBe(2983 * 3);
  }, 60_000);
});
