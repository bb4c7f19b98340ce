import { addDays, localDayStart, type ZonaWaktu } from '@sigap/domain';
import type { Caller } from '../../caller.ts';
import { type SigapDatabase, withTenant } from '../../db/database.ts';
import { namaiAudit } from './audit.nama.ts';
import { listAudit } from './audit.repository.ts';
import { zonaPemda } from './nama.repository.ts';

/** The audit page's filter: days are the Pemda's own days (WIB/WITA/WIT), not UTC days. */
export interface SaringAudit {
  readonly entitas?: string | undefined;
  readonly aksi?: string | undefined;
  readonly pelaku?: string | undefined;
  readonly q?: string | undefined;
  readonly dari?: string | undefined;
  readonly sampai?: string | undefined;
  readonly limit: number;
  readonly offset: number;
}

/** One page of the audit trail, newest first, with the names of who and what. */
export async function daftarAudit(sdb: SigapDatabase, caller: Caller, q: SaringAudit, lang: 'id' | 'en') {
  return withTenant(sdb, caller.tenantId, async (trx) => {
    const zone = (await zonaPemda(trx, caller.tenantId)) as ZonaWaktu;
    const r = await listAudit(trx, {
      ...q,
      dari: q.dari ? localDayStart(q.dari, zone) : undefined,
      sampai: q.sampai ? localDayStart(addDays(q.sampai, 1), zone) : undefined,
    });
    // Names of who and what, looked up for the whole page at once, inside this Pemda only.
    const nama = await namaiAudit(trx, caller.tenantId, r.rows, lang);
    return {
      total: r.total,
      rows: r.rows.map((x, i) => ({ ...x, ...nama.baris[i], id: String(x.id) })),
      rujukan: nama.rujukan,
    };
  });
}
