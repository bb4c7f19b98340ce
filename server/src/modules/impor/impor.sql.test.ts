import { describe, expect, it } from 'vitest';
import { sqlDari, susun } from '../../../test/sql.ts';
import { pegawaiKiniKueri } from './impor.repository.ts';

// The import's read of the registry as SQL: a change shows here as changed SQL, for review
// (run `npx vitest run --project unit -u <this file>` to take a deliberate change).

describe('the SQL of the import', () => {
  it('every employee with their current placement (what an import plans against)', () => {
    expect(sqlDari(pegawaiKiniKueri(susun))).toMatchInlineSnapshot(`
      "select "p"."id", "p"."nip", "p"."id_pegawai", "p"."nama", "p"."email", "p"."telepon", "p"."rumah_lat", "p"."rumah_lng", "v"."berlaku_dari", "v"."jenis_pegawai", "v"."jabatan_level", "v"."jabatan", "v"."opd_id", "v"."atasan_id"
      from "pegawai" as "p"
      left join "pegawai_versi" as "v" on "v"."tenant_id" = "p"."tenant_id" and "v"."pegawai_id" = "p"."id" and "v"."berlaku_sampai" is null"
    `);
  });
});
