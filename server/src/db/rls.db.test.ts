import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../test/db.ts';
import { seedSmallPemda } from '../../test/fixtures.ts';
import { withTenant } from './database.ts';

let sdb: Awaited<ReturnType<typeof freshDatabase>>;
let a: string;
let b: string;

beforeAll(async () => {
  sdb = await freshDatabase();
  a = await seedSmallPemda(sdb, 'kota-a');
  b = await seedSmallPemda(sdb, 'kota-b');
});
afterAll(async () => sdb.cleanup());

const TABLES = [
  'opd',
  'opd_versi',
  'pegawai',
  'pegawai_versi',
  'app_user',
  'user_role',
  'hari_libur',
  'audit_log',
] as const;

describe(`row-level security (${process.env.SIGAP_TEST_PG_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('runs tenant requests as the restricted role', async () => {
    expect(sdb.useAppRole).toBe(true);
    const who = await withTenant(
      sdb,
      a,
      async (trx) => (await sql<{ u: string }>`SELECT current_user AS u`.execute(trx)).rows[0]!.u,
    );
    expect(who).toBe('sigap_app');
  });

  it('a query that forgets the tenant filter still sees only its own tenant', async () => {
    for (const t of TABLES) {
      const rows = await withTenant(sdb, a, (trx) =>
        sql<{ tenant_id: string }>`SELECT tenant_id FROM ${sql.table(t)}`.execute(trx),
      );
      expect(rows.rows.length, t).toBeGreaterThan(0);
      expect(new Set(rows.rows.map((r) => r.tenant_id)), t).toEqual(new Set([a]));
    }
  });

  it('every table holding tenant rows has row-level security forced and the tenant policy', async () => {
    const rows = await sql<{ t: string; rls: boolean; forced: boolean; pol: number }>`
      SELECT c.relname AS t, c.relrowsecurity AS rls, c.relforcerowsecurity AS forced,
        (SELECT count(*)::int FROM pg_policies p
          WHERE p.tablename = c.relname AND p.policyname = 'tenant_isolation') AS pol
      FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id'
      JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind = 'r' AND n.nspname = current_schema()`.execute(sdb.db);
    const names = rows.rows.map((r) => r.t);
    for (const t of [
      'jadwal',
      'jadwal_sel',
      'ketidakhadiran',
      'jadwal_kunci',
      'pemberitahuan',
      'permintaan_jadwal',
      'kebijakan',
      'revisi_data',
      'pernyataan_wfh',
      'izin_keluar',
    ])
      expect(names, t).toContain(t);
    for (const r of rows.rows) expect([r.t, r.rls, r.forced, r.pol]).toEqual([r.t, true, true, 1]);
  });

  it('cannot read another tenant by id, nor update or delete its rows', async () => {
    const bPegawai = await withTenant(sdb, b, (trx) =>
      trx.selectFrom('pegawai').select(['id', 'nama']).executeTakeFirstOrThrow(),
    );
    await withTenant(sdb, a, async (trx) => {
      expect(await trx.selectFrom('pegawai').selectAll().where('id', '=', bPegawai.id).execute()).toEqual([]);
      const u = await trx
        .updateTable('pegawai')
        .set({ nama: 'DIRETAS' })
        .where('id', '=', bPegawai.id)
        .executeTakeFirst();
      expect(Number(u.numUpdatedRows)).toBe(0);
      const d = await trx.deleteFrom('hari_libur').where('tenant_id', '=', b).executeTakeFirst();
      expect(Number(d.numDeletedRows)).toBe(0);
    });
    const after = await withTenant(sdb, b, (trx) =>
      trx.selectFrom('pegawai').select('nama').where('id', '=', bPegawai.id).executeTakeFirstOrThrow(),
    );
    expect(after.nama).toBe(bPegawai.nama);
  });

  it('cannot insert a row for another tenant', async () => {
    await expect(
      withTenant(sdb, a, (trx) =>
        trx
          .insertInto('hari_libur')
          .values({ tenant_id: b, tanggal: '2030-01-01', jenis: 'libur_daerah', nama: 'Sisipan' })
          .execute(),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('without a tenant bound, a request sees no tenant rows at all', async () => {
    const n = await sdb.db.transaction().execute(async (trx) => {
      await sql`SET LOCAL ROLE sigap_app`.execute(trx);
      return (await sql<{ n: number }>`SELECT count(*)::int AS n FROM pegawai`.execute(trx)).rows[0]!.n;
    });
    expect(n).toBe(0);
  });

  it('the audit trail is append-only', async () => {
    await expect(withTenant(sdb, a, (trx) => trx.deleteFrom('audit_log').execute())).rejects.toThrow();
    await expect(
      withTenant(sdb, a, (trx) => trx.updateTable('audit_log').set({ ringkasan: 'x' }).execute()),
    ).rejects.toThrow();
  });
});
