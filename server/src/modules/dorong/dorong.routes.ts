import {
  HapusLangganan,
  HasilHapusLangganan,
  HasilLangganan,
  KunciPublik,
  LanggananBaru,
} from '@sigap/domain/api/dorong';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { withTenant } from '../../db/database.ts';
import { callerOf, type RouteDeps } from '../../http/context.ts';
import { sajikan } from '../../http/sajikan.ts';
import { berhenti, langganan } from './dorong.service.ts';
import { kunciVapid } from './vapid.ts';

/** Web Push for the signed-in person's devices (docs/wfh.md §4). */
export async function dorongWebRoutes(app: FastifyInstance, deps: RouteDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/dorong/kunci-publik',
    {
      config: { permission: 'session' },
      schema: {
        tags: ['pemberitahuan'],
        summary: 'Kunci publik VAPID server, untuk pushManager.subscribe di peramban',
        response: { 200: KunciPublik },
      },
    },
    async () => ({ kunci_publik: (await kunciVapid(deps.sdb)).publik }),
  );

  api.post(
    '/dorong/langganan',
    {
      config: { permission: 'session' },
      schema: {
        tags: ['pemberitahuan'],
        summary:
          'Mengaktifkan pengingat di perangkat ini: menyimpan PushSubscription peramban (paling banyak 5 perangkat per akun; yang terlama dilepas)',
        body: LanggananBaru,
        response: { 200: HasilLangganan },
      },
    },
    async (req) => {
      const c = callerOf(req);
      return sajikan(
        HasilLangganan,
        await withTenant(deps.sdb, c.tenantId, (trx) => langganan(trx, c, req.body, req.lang)),
      );
    },
  );

  api.delete(
    '/dorong/langganan',
    {
      config: { permission: 'session' },
      schema: {
        tags: ['pemberitahuan'],
        summary: 'Mematikan pengingat di perangkat ini (hanya langganan milik akun yang masuk)',
        body: HapusLangganan,
        response: { 200: HasilHapusLangganan },
      },
    },
    async (req) => {
      const c = callerOf(req);
      return withTenant(deps.sdb, c.tenantId, (trx) => berhenti(trx, c, req.body.endpoint));
    },
  );
}
