import { TantanganBaru } from '@sigap/domain/api/kehadiran';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { withTenant } from '../../db/database.ts';
import { callerOf, type RouteDeps } from '../../http/context.ts';
import { SESSION_COOKIE } from '../auth/auth.service.ts';
import { mintaTantangan } from './absen.service.ts';

/** Challenges a session may ask for per minute (a person films a few attempts at most). */
export const TANTANGAN_PER_MENIT = 12;

/** A person's own check-in at the office: the liveness challenge (the check-in itself follows). */
export async function absenRoutes(app: FastifyInstance, deps: RouteDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/kehadiran/tantangan',
    {
      config: {
        permission: 'session',
        // Per session, not per address: many phones share an office's address.
        rateLimit: {
          max: TANTANGAN_PER_MENIT,
          timeWindow: '1 minute',
          keyGenerator: (req) => `tantangan:${req.cookies[SESSION_COOKIE] ?? req.ip}`,
        },
      },
      schema: {
        tags: ['kehadiran'],
        summary:
          'Tantangan keaktifan untuk absen wajah berikutnya (gerakan kepala yang diminta, berlaku singkat)',
        description:
          'Server memilih langkah secara acak dari langkah yang diizinkan Pemda. Tantangan hanya dapat dijawab sekali; meminta yang baru membatalkan yang lama.',
        response: { 200: TantanganBaru },
      },
    },
    async (req) => {
      const c = callerOf(req);
      const t = await withTenant(deps.sdb, c.tenantId, (trx) => mintaTantangan(trx, c));
      return {
        id: t.id,
        langkah: [...t.langkah],
        berlaku_sampai: t.berlakuSampai.toISOString(),
        petunjuk: [...t.petunjuk],
      };
    },
  );
}
