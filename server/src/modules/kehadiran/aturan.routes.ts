import { AturanKehadiran } from '@sigap/domain/api/kehadiran';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { withTenant } from '../../db/database.ts';
import { actorOf, callerOf, type RouteDeps } from '../../http/context.ts';
import { lihatAturanKehadiran, ubahAturanKehadiran } from './aturan.service.ts';

/** The Pemda's attendance rules: read by every account, changed by the Pemda admin. */
export async function aturanKehadiranRoutes(app: FastifyInstance, deps: RouteDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/kehadiran/pengaturan',
    {
      config: { permission: 'pengaturan.read' },
      schema: {
        tags: ['kehadiran'],
        summary: 'Aturan kehadiran Pemda: toleransi, jendela absen, langkah tantangan keaktifan',
        response: { 200: AturanKehadiran },
      },
    },
    async (req) => {
      const c = callerOf(req);
      return withTenant(deps.sdb, c.tenantId, (trx) => lihatAturanKehadiran(trx, c.tenantId));
    },
  );

  api.put(
    '/kehadiran/pengaturan',
    {
      config: { permission: 'pengaturan.write' },
      schema: {
        tags: ['kehadiran'],
        summary: 'Mengubah aturan kehadiran Pemda (berlaku untuk status hari yang dihitung sesudahnya)',
        body: AturanKehadiran,
        response: { 200: AturanKehadiran },
      },
    },
    async (req) => {
      const c = callerOf(req);
      return withTenant(deps.sdb, c.tenantId, (trx) =>
        ubahAturanKehadiran(trx, c.tenantId, actorOf(req), req.body),
      );
    },
  );
}
