import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/db.ts';
import { PEGAWAI_ROWS, seedSmallPemda, table } from '../../../test/fixtures.ts';
import { withTenant } from '../../db/database.ts';
import { SYSTEM_ACTOR } from '../audit/audit.repository.ts';
import { importPegawai } from '../impor/impor.service.ts';
import { listPenempatan } from './org.repository.ts';

/**
 * `listPenempatan` reads a Pemda's placements page by page through a cursor (`bacaBertahap`) so that no
 * single PGlite statement holds the server's thread. Whatever the page size, it returns exactly the rows
 * and order of one plain `ORDER BY nip, id_pegawai` statement.
 */
let sdb: Awaited<ReturnType<typeof freshDatabase>>;
let tenantId: string;

beforeAll(async () => {
  sdb = await freshDatabase();
  tenantId = await seedSmallPemda(sdb, 'kota-halaman', '2024-01-01');
  const thl = PEGAWAI_ROWS.find((r) => r.id_pegawai === 'THL-001')!;
  // More people without a NIP, so that the second key runs over several pages too.
  await importPegawai(
    sdb,
    tenantId,
    table(
      ['THL-004', 'THL-002', 'thl-003', 'A-9'].map((id, i) => ({
        ...thl,
        id_pegawai: id,
        nama: `Tenaga ${i}`,
      })),
    ),
    { actor: SYSTEM_ACTOR, writableOpdIds: null, berlakuMulai: '2024-01-01' },
  );
}, 60_000);

afterAll(async () => {
  await sdb?.cleanup();
});

describe('listPenempatan in pages', () => {
  it('returns the rows and order of a single ORDER BY nip, id_pegawai, for every page size', async () => {
    await withTenant(sdb, tenantId, async (trx) => {
      const { rows: satu } = await sql<{ id: string; nip: string | null; id_pegawai: string | null }>`
        SELECT p.id, p.nip, p.id_pegawai FROM pegawai p
        JOIN pegawai_versi v ON v.tenant_id = p.tenant_id AND v.pegawai_id = p.id
        WHERE v.berlaku_dari <= '2025-06-02' AND (v.berlaku_sampai IS NULL OR v.berlaku_sampai > '2025-06-02')
        ORDER BY p.nip, p.id_pegawai`.execute(trx);
      expect(satu.filter((r) => r.nip === null).length).toBe(5);
      expect(satu.length).toBeGreaterThan(10);
      for (const halaman of [1, 2, 3, 5, satu.length - 5, satu.length, 5_000]) {
        const got = await listPenempatan(trx, '2025-06-02', halaman);
        expect(
          got.map((r) => r.id),
          `page size ${halaman}`,
        ).toEqual(satu.map((r) => r.id));
      }
    });
  });
});
