import type { Actor } from '../../caller.ts';
import type { Db, Trx } from '../../db/database.ts';
import { potong } from '../../db/potong.ts';
import { jeda } from '../../pekerja/jeda.ts';

// Actor and SYSTEM_ACTOR live in caller.ts (who is acting); re-exported here for the modules that
// import them beside insertAudit.
export { type Actor, SYSTEM_ACTOR } from '../../caller.ts';

export interface AuditEntry {
  readonly aksi: string;
  readonly entitas: string;
  readonly entitasId: string | null;
  readonly ringkasan: string;
  readonly sebelum?: unknown;
  readonly sesudah?: unknown;
}

/** Appends audit entries (the table refuses updates and deletes). */
export async function insertAudit(
  trx: Trx,
  tenantId: string,
  actor: Actor,
  entries: Iterable<AuditEntry>,
): Promise<void> {
  // Taken 500 at a time from `entries`, which may be a generator: a 50,000-row import's entries are
  // then built chunk by chunk, between other requests, instead of all at once on the server's thread.
  let pertama = true;
  for (const chunk of potong(entries, 500)) {
    if (!pertama) await jeda(); // a large import's entries: let other requests in between
    pertama = false;
    await trx
      .insertInto('audit_log')
      .values(
        chunk.map((e) => ({
          tenant_id: tenantId,
          user_id: actor.userId,
          pelaku: actor.nama,
          aksi: e.aksi,
          entitas: e.entitas,
          entitas_id: e.entitasId,
          ringkasan: e.ringkasan,
          sebelum: e.sebelum === undefined ? null : JSON.stringify(e.sebelum),
          sesudah: e.sesudah === undefined ? null : JSON.stringify(e.sesudah),
        })),
      )
      .execute();
  }
}

export interface AuditFilter {
  readonly entitas?: string | undefined;
  readonly aksi?: string | undefined;
  readonly pelaku?: string | undefined;
  readonly q?: string | undefined;
  readonly dari?: string | undefined; // ISO instant
  readonly sampai?: string | undefined;
  readonly limit: number;
  readonly offset: number;
}

/** Lists audit entries newest first, filtered. */
export function auditQuery(db: Db, f: AuditFilter) {
  let q = db.selectFrom('audit_log');
  if (f.entitas) q = q.where('entitas', '=', f.entitas);
  if (f.aksi) q = q.where('aksi', '=', f.aksi);
  if (f.pelaku) {
    // The actor as the page shows them: their username, or the name of their account.
    const pola = `%${f.pelaku}%`;
    q = q.where((eb) =>
      eb.or([
        eb('pelaku', 'ilike', pola),
        eb(
          'user_id',
          'in',
          eb
            .selectFrom('app_user as u')
            .select('u.id')
            .whereRef('u.tenant_id', '=', 'audit_log.tenant_id')
            .where('u.nama', 'ilike', pola),
        ),
      ]),
    );
  }
  if (f.q) q = q.where((eb) => eb.or([eb('ringkasan', 'ilike', `%${f.q}%`), eb('entitas_id', '=', f.q!)]));
  if (f.dari) q = q.where('waktu', '>=', new Date(f.dari));
  if (f.sampai) q = q.where('waktu', '<', new Date(f.sampai));
  return q;
}

export async function listAudit(trx: Trx, f: AuditFilter) {
  const q = auditHalamanKueri(trx, f);
  const [rows, total] = await Promise.all([q.rows.execute(), q.total.executeTakeFirstOrThrow()]);
  return { rows, total: Number(total.n) };
}

/** The two queries of `listAudit`: the page and the count (their SQL is pinned in audit.sql.test.ts). */
export function auditHalamanKueri(db: Db, f: AuditFilter) {
  return {
    rows: auditQuery(db, f)
      .select([
        'id',
        'waktu',
        'user_id',
        'pelaku',
        'aksi',
        'entitas',
        'entitas_id',
        'ringkasan',
        'sebelum',
        'sesudah',
      ])
      .orderBy('id', 'desc')
      .limit(f.limit)
      .offset(f.offset),
    total: auditQuery(db, f).select((eb) => eb.fn.countAll<number>().as('n')),
  };
}
