import { describe, expect, it } from 'vitest';
import { dbKering } from '../../../test/kueri.ts';
import {
  kueriJabatanPada,
  kueriListJadwal,
  kueriListKunci,
  kueriListPermintaan,
  kueriPeriodeTerbitPegawai,
  kueriSelBerlaku,
  kueriStatusBerlaku,
} from './jadwal.repository.ts';

// The SQL of the schedule's report queries, pinned: a change shows here as SQL to review (run with
// `-u` to accept it). The grid reads selBerlaku + listKunci + jabatanPada; the occupancy overview reads
// statusBerlaku; the recap/export read selBerlaku (the export also jabatanPada); my schedule reads selBerlaku for one
// person and periodeTerbitPegawai; the version list reads listJadwal; a build also listPermintaan.
const db = dbKering();

describe('the SQL of the schedule report queries', () => {
  it('the schedule in force (grid, occupancy, recap, export): newest version per person and day', () => {
    const q = kueriSelBerlaku(db, '2026-03-01', '2026-03-31').compile();
    expect(q.sql).toMatchInlineSnapshot(
      `"select distinct on ("s"."pegawai_id", "s"."tanggal") "s"."pegawai_id", "s"."tanggal", "s"."status", "s"."kebijakan_id", "s"."kebijakan_versi", "s"."aturan_id", "s"."alasan", "j"."id" as "jadwal_id", "j"."status" as "jadwal_status" from "jadwal_sel" as "s" inner join "jadwal" as "j" on "j"."tenant_id" = "s"."tenant_id" and "j"."id" = "s"."jadwal_id" where "s"."tanggal" >= $1 and "s"."tanggal" <= $2 order by "s"."pegawai_id", "s"."tanggal", "j"."dibuat_pada" desc"`,
    );
    expect(q.parameters).toEqual(['2026-03-01', '2026-03-31']);
  });

  it('the status in force per person, one row each (occupancy overview): offsets from dari', () => {
    const q = kueriStatusBerlaku(db, '2026-03-01', '2026-03-31').compile();
    expect(q.sql).toMatchInlineSnapshot(
      `"select "b"."pegawai_id", string_agg((b.tanggal - $1::date)::text || ':' || b.status, ',') as "hari" from (select distinct on ("s"."pegawai_id", "s"."tanggal") "s"."pegawai_id", "s"."tanggal", "s"."status" from "jadwal_sel" as "s" inner join "jadwal" as "j" on "j"."tenant_id" = "s"."tenant_id" and "j"."id" = "s"."jadwal_id" where "s"."tanggal" >= $2 and "s"."tanggal" <= $3 order by "s"."pegawai_id", "s"."tanggal", "j"."dibuat_pada" desc) as "b" group by "b"."pegawai_id""`,
    );
    expect(q.parameters).toEqual(['2026-03-01', '2026-03-01', '2026-03-31']);
  });

  it('the schedule in force, published only, for one person (my schedule)', () => {
    const q = kueriSelBerlaku(db, '2026-03-01', '2026-03-31', {
      hanyaTerbit: true,
      pegawaiId: 'p1',
    }).compile();
    expect(q.sql).toMatchInlineSnapshot(
      `"select distinct on ("s"."pegawai_id", "s"."tanggal") "s"."pegawai_id", "s"."tanggal", "s"."status", "s"."kebijakan_id", "s"."kebijakan_versi", "s"."aturan_id", "s"."alasan", "j"."id" as "jadwal_id", "j"."status" as "jadwal_status" from "jadwal_sel" as "s" inner join "jadwal" as "j" on "j"."tenant_id" = "s"."tenant_id" and "j"."id" = "s"."jadwal_id" where "s"."tanggal" >= $1 and "s"."tanggal" <= $2 and "j"."status" = $3 and "s"."pegawai_id" = $4 order by "s"."pegawai_id", "s"."tanggal", "j"."dibuat_pada" desc"`,
    );
    expect(q.parameters).toEqual(['2026-03-01', '2026-03-31', 'terbit', 'p1']);
  });

  it("the schedule in force for a list of people (an OPD's grid, leave written into the schedule): one array parameter", () => {
    const q = kueriSelBerlaku(db, '2026-03-01', '2026-03-31', { pegawaiIds: ['p1', 'p2'] }).compile();
    expect(q.sql).toMatchInlineSnapshot(
      `"select distinct on ("s"."pegawai_id", "s"."tanggal") "s"."pegawai_id", "s"."tanggal", "s"."status", "s"."kebijakan_id", "s"."kebijakan_versi", "s"."aturan_id", "s"."alasan", "j"."id" as "jadwal_id", "j"."status" as "jadwal_status" from "jadwal_sel" as "s" inner join "jadwal" as "j" on "j"."tenant_id" = "s"."tenant_id" and "j"."id" = "s"."jadwal_id" where "s"."tanggal" >= $1 and "s"."tanggal" <= $2 and "s"."pegawai_id" = any($3) order by "s"."pegawai_id", "s"."tanggal", "j"."dibuat_pada" desc"`,
    );
    expect(q.parameters).toEqual(['2026-03-01', '2026-03-31', ['p1', 'p2']]);
  });

  it("the unit heads' locks over a period (grid)", () => {
    expect(kueriListKunci(db, '2026-03-01', '2026-03-31').compile().sql).toMatchInlineSnapshot(
      `"select "pegawai_id", "tanggal", "status", "oleh", "pada" from "jadwal_kunci" where "tanggal" >= $1 and "tanggal" <= $2"`,
    );
  });

  it('everyone’s position as of a date (grid, printed recap)', () => {
    expect(kueriJabatanPada(db, '2026-03-31').compile().sql).toMatchInlineSnapshot(
      `"select "pegawai_id", "jabatan", "jabatan_level" from "pegawai_versi" where "berlaku_dari" <= $1 and ("berlaku_sampai" is null or "berlaku_sampai" > $2)"`,
    );
  });

  it('the published periods holding one person (my schedule)', () => {
    expect(kueriPeriodeTerbitPegawai(db, 'p1').compile().sql).toMatchInlineSnapshot(
      `"select min("s"."tanggal") as "dari", max("s"."tanggal") as "sampai" from "jadwal_sel" as "s" inner join "jadwal" as "j" on "j"."tenant_id" = "s"."tenant_id" and "j"."id" = "s"."jadwal_id" where "j"."status" = $1 and "s"."pegawai_id" = $2 group by "j"."id" order by "dari""`,
    );
  });

  it('the versions overlapping a period, with their counts (version list)', () => {
    expect(
      kueriListJadwal(db, { dari: '2026-03-01', sampai: '2026-03-31' }).compile().sql,
    ).toMatchInlineSnapshot(
      `"select "j"."id", "j"."dari", "j"."sampai", "j"."cakupan_opd", "j"."status", "j"."jenis", "j"."keterangan", "j"."dibuat_oleh", "j"."dibuat_pada", "j"."diterbitkan_oleh", "j"."diterbitkan_pada", jsonb_array_length(j.pelanggaran) as "jumlah_pelanggaran", (select count(*)::int as "n" from "jadwal_sel" as "s" where "s"."tenant_id" = "j"."tenant_id" and "s"."jadwal_id" = "j"."id") as "jumlah_sel" from "jadwal" as "j" where "j"."sampai" >= $1 and "j"."dari" <= $2 order by "j"."dibuat_pada" desc limit $3"`,
    );
  });

  it("people's requests over a period (build)", () => {
    expect(kueriListPermintaan(db, '2026-03-01', '2026-03-31').compile().sql).toMatchInlineSnapshot(
      `"select "pegawai_id", "tanggal", "lokasi" from "permintaan_jadwal" where "tanggal" >= $1 and "tanggal" <= $2"`,
    );
  });
});
