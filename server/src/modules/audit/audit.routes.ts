import { AuditQuery, HalamanAudit } from '@sigap/domain/api/audit';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { callerOf, type RouteDeps } from '../../http/context.ts';
import { sajikan } from '../../http/sajikan.ts';
import { daftarAudit } from './audit.service.ts';

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
    async (req) => sajikan(HalamanAudit, await daftarAudit(deps.sdb, callerOf(req), req.query, req.lang)),
  );
}
