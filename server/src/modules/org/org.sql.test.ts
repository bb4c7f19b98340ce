import { describe, expect, it } from 'vitest';
import { sqlDari, susun } from '../../../test/sql.ts';
import { opdKueri, pegawaiEksporKueri, pegawaiHalamanKueri, penempatanKueri } from './org.repository.ts';

// The registry's list and report queries as SQL: a change to one shows here as changed SQL, for review
// (run `npx vitest run --project unit -u <this file>` to take a deliberate change).

describe('the SQL of the registry queries', () => {
  it('the employee list page of a scoped admin, filtered: page and count', () => {
    const q = pegawaiHalamanKueri(
      susun,
      '2024-03-01',
      { opdIds: new Set(['opd-1', 'opd-2']), selfPegawaiId: 'saya' },
      { q: 'Dewi', level: 'pelaksana', jenis: 'pns', limit: 50, offset: 100 },
    );
    expect(sqlDari(q.rows)).toMatchInlineSnapshot(`
      "select "p"."id", "p"."nip", "p"."id_pegawai", "p"."nama", "v"."jenis_pegawai", "v"."jabatan_level", "v"."jabatan", "o"."kode" as "opd_kode"
      from "pegawai" as "p"
      inner join "pegawai_versi" as "v" on "v"."tenant_id" = "p"."tenant_id" and "v"."pegawai_id" = "p"."id"
      inner join "opd" as "o" on "o"."tenant_id" = "v"."tenant_id" and "o"."id" = "v"."opd_id"
      where ("v"."berlaku_dari" <= $1 AND ("v"."berlaku_sampai" IS NULL OR "v"."berlaku_sampai" > $2)) and ("v"."opd_id" in ($3, $4) or "p"."id" = $5) and (lower(p.nama) like $6 or "p"."nip" like $7 or "p"."id_pegawai" = $8) and "v"."jabatan_level" = $9 and "v"."jenis_pegawai" = $10
      order by lower(p.nama), "p"."id"
      limit $11 offset $12"
    `);
    expect(sqlDari(q.total)).toMatchInlineSnapshot(`
      "select count(*) as "n"
      from "pegawai" as "p"
      inner join "pegawai_versi" as "v" on "v"."tenant_id" = "p"."tenant_id" and "v"."pegawai_id" = "p"."id"
      inner join "opd" as "o" on "o"."tenant_id" = "v"."tenant_id" and "o"."id" = "v"."opd_id"
      where ("v"."berlaku_dari" <= $1 AND ("v"."berlaku_sampai" IS NULL OR "v"."berlaku_sampai" > $2)) and ("v"."opd_id" in ($3, $4) or "p"."id" = $5) and (lower(p.nama) like $6 or "p"."nip" like $7 or "p"."id_pegawai" = $8) and "v"."jabatan_level" = $9 and "v"."jenis_pegawai" = $10"
    `);
  });

  it('the employee export of the whole Pemda', () => {
    expect(
      sqlDari(pegawaiEksporKueri(susun, '2024-03-01', { opdIds: null, selfPegawaiId: null })),
    ).toMatchInlineSnapshot(`
      "select "p"."id", "p"."nip", "p"."id_pegawai", "p"."nama", "p"."email", "p"."telepon", "p"."rumah_lat", "p"."rumah_lng", "v"."opd_id", "v"."jenis_pegawai", "v"."jabatan_level", "v"."jabatan", "o"."kode" as "opd_kode", "a"."nip" as "atasan_nip", "a"."id_pegawai" as "atasan_id_pegawai"
      from "pegawai" as "p"
      inner join "pegawai_versi" as "v" on "v"."tenant_id" = "p"."tenant_id" and "v"."pegawai_id" = "p"."id"
      inner join "opd" as "o" on "o"."tenant_id" = "v"."tenant_id" and "o"."id" = "v"."opd_id"
      left join "pegawai" as "a" on "a"."tenant_id" = "v"."tenant_id" and "a"."id" = "v"."atasan_id"
      where ("v"."berlaku_dari" <= $1 AND ("v"."berlaku_sampai" IS NULL OR "v"."berlaku_sampai" > $2))
      order by "o"."kode", "p"."nip", "p"."id_pegawai""
    `);
  });

  it('the OPD tree as of a date', () => {
    expect(sqlDari(opdKueri(susun, '2024-03-01'))).toMatchInlineSnapshot(`
      "select "o"."id", "o"."kode", "ov"."nama", "ov"."jenis", "ov"."induk_id", "ov"."kelas_layanan", "ov"."sektor", "ov"."lat", "ov"."lng", "ov"."radius_m", "ov"."berlaku_dari"
      from "opd" as "o"
      inner join "opd_versi" as "ov" on "ov"."tenant_id" = "o"."tenant_id" and "ov"."opd_id" = "o"."id"
      where ("ov"."berlaku_dari" <= $1 AND ("ov"."berlaku_sampai" IS NULL OR "ov"."berlaku_sampai" > $2))
      order by "o"."kode""
    `);
  });

  it("every employee's placement on a day (a build's and an explanation's input, read by cursor)", () => {
    expect(sqlDari(penempatanKueri(susun, '2024-03-01'))).toMatchInlineSnapshot(`
      "select "p"."id", "p"."nip", "p"."id_pegawai", "p"."nama", "v"."jenis_pegawai", "v"."jabatan_level", "v"."opd_id"
      from "pegawai" as "p"
      inner join "pegawai_versi" as "v" on "v"."tenant_id" = "p"."tenant_id" and "v"."pegawai_id" = "p"."id"
      where ("v"."berlaku_dari" <= $1 AND ("v"."berlaku_sampai" IS NULL OR "v"."berlaku_sampai" > $2))
      order by "p"."nip", "p"."id_pegawai""
    `);
  });
});
