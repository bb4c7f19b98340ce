import { describe, expect, it } from 'vitest';
import { sqlDari, susun } from '../../../test/sql.ts';
import { auditHalamanKueri } from './audit.repository.ts';

// The audit page's queries as SQL: a change shows here as changed SQL, for review
// (run `npx vitest run --project unit -u <this file>` to take a deliberate change).

describe('the SQL of the audit page', () => {
  it('a page with every filter: page and count', () => {
    const q = auditHalamanKueri(susun, {
      entitas: 'pegawai',
      aksi: 'ubah',
      pelaku: 'dewi',
      q: 'NIP',
      dari: '2024-02-29T17:00:00.000Z',
      sampai: '2024-03-31T17:00:00.000Z',
      limit: 50,
      offset: 0,
    });
    expect(sqlDari(q.rows)).toMatchInlineSnapshot(`
      "select "id", "waktu", "user_id", "pelaku", "aksi", "entitas", "entitas_id", "ringkasan", "sebelum", "sesudah"
      from "audit_log"
      where "entitas" = $1 and "aksi" = $2 and ("pelaku" ilike $3 or "user_id" in (select "u"."id" from "app_user" as "u" where "u"."tenant_id" = "audit_log"."tenant_id" and "u"."nama" ilike $4)) and ("ringkasan" ilike $5 or "entitas_id" = $6) and "waktu" >= $7 and "waktu" < $8
      order by "id" desc
      limit $9 offset $10"
    `);
    expect(sqlDari(q.total)).toMatchInlineSnapshot(`
      "select count(*) as "n"
      from "audit_log"
      where "entitas" = $1 and "aksi" = $2 and ("pelaku" ilike $3 or "user_id" in (select "u"."id" from "app_user" as "u" where "u"."tenant_id" = "audit_log"."tenant_id" and "u"."nama" ilike $4)) and ("ringkasan" ilike $5 or "entitas_id" = $6) and "waktu" >= $7 and "waktu" < $8"
    `);
  });

  it('the first page without filters', () => {
    expect(sqlDari(auditHalamanKueri(susun, { limit: 50, offset: 0 }).rows)).toMatchInlineSnapshot(`
      "select "id", "waktu", "user_id", "pelaku", "aksi", "entitas", "entitas_id", "ringkasan", "sebelum", "sesudah"
      from "audit_log"
      order by "id" desc
      limit $1 offset $2"
    `);
  });
});
