import { addDays, localDayStart, type ZonaWaktu } from '@sigap/domain';
import { AuditQuery, HalamanAudit } from '@sigap/domain/api/audit';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { withTenant } from '../../db/database.ts';
import { callerOf, type RouteDeps } from '../../http/context.ts';
import { sajikan } from '../../http/sajikan.ts';
import { tenantZone } from '../tenant/tenant.repository.ts';
import { namaiAudit } from './audit.nama.ts';
import { listAudit } from './audit.repository.ts';

/** The audit trail, read-only, filterable. */
export async function auditRoutes(app: FastifyInstance, deps: RouteDeps) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/audit',
    {
      config: { permission: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary:
          'Jejak audit (terbaru dulu), dengan nama pelaku (pelaku_nama), nama data (entitas_nama) dan nama untuk id di dalam nilai sebelum/sesudah (rujukan)',
        querystring: AuditQuery,
        response: { 200: HalamanAudit },
      },
    },
    async (req) => {
      const q = req.query;
      const c = callerOf(req);
      const zone = (await tenantZone(deps.sdb.db, c.tenantId)) as ZonaWaktu;
      return withTenant(deps.sdb, c.tenantId, async (trx) => {
        const r = await listAudit(trx, {
          ...q,
          // Days are the Pemda's own days (WIB/WITA/WIT), not UTC days.
          dari: q.dari ? localDayStart(q.dari, zone) : undefined,
          sampai: q.sampai ? localDayStart(addDays(q.sampai, 1), zone) : undefined,
        });
        // Names of who and what, looked up for the whole page at once, inside this Pemda only.
        const nama = await namaiAudit(trx, c.tenantId, r.rows, req.lang);
        return sajikan(HalamanAudit, {
          total: r.total,
          rows: r.rows.map((x, i) => ({ ...x, ...nama.baris[i], id: String(x.id) })),
          rujukan: nama.rujukan,
        });
      });
    },
  );
}
