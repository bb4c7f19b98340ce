import { describe, expect, it } from 'vitest';
import { sqlDari, susun } from '../../../test/sql.ts';
import { daftarIzinKueri, izinOrangKueri } from './izin-keluar.repository.ts';

// The going-out notices' list and day-status queries as SQL: a change shows here as changed SQL, for review
// (run `npx vitest run --project unit -u <this file>` to take a deliberate change).

describe('the SQL of going-out notices', () => {
  it('the day status: the notices of many people over dates, on the (tenant, person, date) index', () => {
    expect(sqlDari(izinOrangKueri(susun, ['a', 'b'], '2026-12-01', '2026-12-31'))).toMatchInlineSnapshot(`
      "select "id", "pegawai_id", "tanggal", "jenis", "alasan", "dari", "sampai", "keberatan_pada", "keberatan_catatan"
      from "izin_keluar"
      where "pegawai_id" = any($1) and "dibatalkan_pada" is null and "tanggal" >= $2 and "tanggal" <= $3
      order by "dari""
    `);
  });

  it('the supervisor`s list: their people or their OPD`s on the notice`s day, newest first, bounded', () => {
    expect(
      sqlDari(
        daftarIzinKueri(susun, {
          atasanId: 'x',
          opdIds: ['o1', 'o2'],
          dari: '2026-12-01',
          sampai: '2026-12-14',
          batas: 500,
        }),
      ),
    ).toMatchInlineSnapshot(`
      "select "z".*, "p"."nip", "p"."id_pegawai", "p"."nama", "v"."atasan_id", "v"."opd_id", "o"."kode" as "opd_kode"
      from "izin_keluar" as "z"
      inner join "pegawai" as "p" on "p"."tenant_id" = "z"."tenant_id" and "p"."id" = "z"."pegawai_id"
      left join "pegawai_versi" as "v" on "v"."tenant_id" = "z"."tenant_id" and "v"."pegawai_id" = "z"."pegawai_id" and "v"."berlaku_dari" <= "z"."tanggal" and ("v"."berlaku_sampai" is null or "v"."berlaku_sampai" > "z"."tanggal")
      left join "opd" as "o" on "o"."tenant_id" = "v"."tenant_id" and "o"."id" = "v"."opd_id"
      where ("v"."atasan_id" = $1 or "v"."opd_id" in ($2, $3)) and "z"."tanggal" >= $4 and "z"."tanggal" <= $5
      order by "z"."dari" desc, "z"."diajukan_pada" desc
      limit $6"
    `);
  });
});
