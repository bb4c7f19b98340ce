import { denganPeriode, TanggalSchema } from '@sigap/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { callerOf, type RouteDeps } from '../../http/context.ts';
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
        // A filter: any length, but real dates in order.
        querystring: denganPeriode(
          z.object({
            entitas: z.string().optional(),
            aksi: z.string().optional(),
            pelaku: z.string().optional(),
            q: z.string().optional(),
            dari: TanggalSchema.optional(),
            sampai: TanggalSchema.optional(),
            limit: z.coerce.number().int().min(1).max(500).default(50),
            offset: z.coerce.number().int().min(0).default(0),
          }),
          Number.POSITIVE_INFINITY,
        ),
      },
    },
    async (req) => daftarAudit(deps.sdb, callerOf(req), req.query, req.lang),
  );
}
