import { BacaPemberitahuan, DaftarPemberitahuan, HasilBaca } from '@sigap/domain/api/pemberitahuan';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { withTenant } from '../../db/database.ts';
import { callerOf, type RouteDeps } from '../../http/context.ts';
import { sajikan } from '../../http/sajikan.ts';
import { daftar, tandaiDibaca } from './pemberitahuan.service.ts';

/** In-app notices of the signed-in person. */
export async function pemberitahuanRoutes(app: FastifyInstance, deps: RouteDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/pemberitahuan',
    {
      config: { permission: 'session' },
      schema: {
        tags: ['pemberitahuan'],
        summary: 'Pemberitahuan untuk akun yang masuk (terbaru dahulu)',
        response: { 200: DaftarPemberitahuan },
      },
    },
    async (req) => {
      const c = callerOf(req);
      if (!c.pegawaiId) return { belum_dibaca: 0, item: [] };
      return sajikan(
        DaftarPemberitahuan,
        await withTenant(deps.sdb, c.tenantId, (trx) => daftar(trx, c.pegawaiId!, req.lang)),
      );
    },
  );

  api.post(
    '/pemberitahuan/baca',
    {
      config: { permission: 'session' },
      schema: {
        tags: ['pemberitahuan'],
        summary: 'Menandai satu pemberitahuan (atau semuanya, tanpa id) sudah dibaca',
        body: BacaPemberitahuan,
        response: { 200: HasilBaca },
      },
    },
    async (req) => {
      const c = callerOf(req);
      if (!c.pegawaiId) return { ditandai: 0 };
      return {
        ditandai: await withTenant(deps.sdb, c.tenantId, (trx) =>
          tandaiDibaca(trx, c.pegawaiId!, req.body.id),
        ),
      };
    },
  );
}
