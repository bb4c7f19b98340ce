import { describe, expect, it } from 'vitest';
import { dbKering } from '../../../test/kueri.ts';
import {
  kueriDisetujuiDalam,
  kueriListKebijakan,
  kueriListKonteks,
  kueriTanggalPerubahanOrg,
} from './evaluasi.repository.ts';

// The SQL of the period read model's own reads, pinned: a change shows here as SQL to review (run
// with `-u` to accept it). The organisation as of a date is read by org.repository (listOpd,
// listPenempatan), the calendar by pengaturan.repository.
const db = dbKering();

describe('the SQL of the period read model', () => {
  it('the dates on which the organisation changes inside a period', () => {
    const q = kueriTanggalPerubahanOrg('2026-03-01', '2026-03-31').compile(db);
    expect(q.sql).toMatchInlineSnapshot(`
      "
          SELECT DISTINCT d::text AS d FROM (
            SELECT berlaku_dari AS d FROM pegawai_versi UNION ALL SELECT berlaku_sampai FROM pegawai_versi
            UNION ALL SELECT berlaku_dari FROM opd_versi UNION ALL SELECT berlaku_sampai FROM opd_versi
          ) x WHERE d > $1::date AND d <= $2::date ORDER BY 1"
    `);
    expect(q.parameters).toEqual(['2026-03-01', '2026-03-31']);
  });

  it('every stored policy version, and those of one policy', () => {
    expect(kueriListKebijakan(db).compile().sql).toMatchInlineSnapshot(
      `"select * from "kebijakan" order by "id", "versi""`,
    );
    expect(kueriListKebijakan(db, 'k1').compile().sql).toMatchInlineSnapshot(
      `"select * from "kebijakan" where "id" = $1 order by "id", "versi""`,
    );
  });

  it('the regional context records', () => {
    expect(kueriListKonteks(db).compile().sql).toMatchInlineSnapshot(
      `"select * from "konteks_wilayah" order by "dari""`,
    );
  });

  it('the approved absences overlapping a period', () => {
    const q = kueriDisetujuiDalam(db, '2026-03-01', '2026-03-31').compile();
    expect(q.sql).toMatchInlineSnapshot(
      `"select "pegawai_id", "jenis", "dari", "sampai" from "ketidakhadiran" where "status" = $1 and "dari" <= $2 and "sampai" >= $3"`,
    );
    expect(q.parameters).toEqual(['disetujui', '2026-03-31', '2026-03-01']);
  });
});
