import { readFileSync } from 'node:fs';
import type { RawRow } from '@sigap/domain';
import { type SigapDatabase, withTenant } from '../../db/database.ts';
import { SYSTEM_ACTOR } from '../audit/audit.repository.ts';
import { findUserByUsername } from '../auth/auth.repository.ts';
import { upsertUser } from '../auth/users.service.ts';
import type { ImportSummary } from '../impor/impor.service.ts';
import { importOpd, importPegawai } from '../impor/impor.service.ts';
import { simpan } from '../kebijakan/kebijakan.service.ts';
import { ensureTenant, seedHolidays } from '../tenant/tenant.service.ts';
import { DEMO_ACCOUNTS, DEMO_TENANT, generateDemoPemda } from './demo-data.ts';

/** The demo registry takes effect on this date, so views "as of" the source articles' dates (2020–2022) work. */
export const DEMO_BERLAKU = '2020-01-01';

function toTable(rows: Record<string, string>[]): { headers: string[]; rows: RawRow[] } {
  const headers = Object.keys(rows[0] ?? {});
  return { headers, rows: rows.map((values, i) => ({ baris: i + 2, values })) };
}

export interface DemoResult {
  readonly tenantId: string;
  readonly opd: ImportSummary;
  readonly pegawai: ImportSummary;
  readonly akunDibuat: number;
}

/**
 * Seeds the demo Pemda deterministically and idempotently: the tenant, its holiday calendar, the
 * registry (through the same import code as a real Pemda's files) and one account per role.
 */
export async function seedDemo(
  sdb: SigapDatabase,
  onProgress?: (fase: string, done: number, total: number) => void,
): Promise<DemoResult> {
  const t = await ensureTenant(sdb.db, DEMO_TENANT);
  await withTenant(sdb, t.id, (trx) => seedHolidays(trx, t.id));
  const data = generateDemoPemda();
  const base = { actor: SYSTEM_ACTOR, writableOpdIds: null, berlakuMulai: DEMO_BERLAKU };
  const opd = await importOpd(sdb, t.id, toTable(data.opd), {
    ...base,
    onProgress: (f, d, n) => onProgress?.(`opd:${f}`, d, n),
  });
  const pegawai = await importPegawai(sdb, t.id, toTable(data.pegawai), {
    ...base,
    onProgress: (f, d, n) => onProgress?.(`pegawai:${f}`, d, n),
  });
  // Kota Batu's own circular of August 2020: the first notice and its revision, as two versions.
  for (const f of ['batu-2020.v1.yaml', 'batu-2020.v2.yaml']) {
    const teks = readFileSync(new URL(`../../../../examples/policies/${f}`, import.meta.url), 'utf8');
    await withTenant(sdb, t.id, (trx) => simpan(trx, t.id, SYSTEM_ACTOR, teks, DEMO_BERLAKU));
  }
  let akunDibuat = 0;
  for (const a of DEMO_ACCOUNTS) {
    const exists = await withTenant(sdb, t.id, (trx) => findUserByUsername(trx, a.username));
    if (exists) continue;
    await withTenant(sdb, t.id, (trx) =>
      upsertUser(trx, t.id, SYSTEM_ACTOR, {
        username: a.username,
        nama: a.nama,
        password: a.password,
        nip: a.nip,
        roles: [
          { role: a.role, opdKode: a.opdKode },
          ...(a.nip && a.role !== 'employee' ? [{ role: 'employee' as const }] : []),
        ],
      }),
    );
    akunDibuat++;
  }
  return { tenantId: t.id, opd, pegawai, akunDibuat };
}
