import {
  DaftarTempatAbsen,
  TempatAbsenBaru,
  TempatAbsenItem,
  TempatAbsenQuery,
  TempatAbsenUbah,
} from '@sigap/domain/api/kehadiran';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withTenant } from '../../db/database.ts';
import { actorOf, callerOf, type RouteDeps } from '../../http/context.ts';
import { sajikan } from '../../http/sajikan.ts';
import { aturAktifTempat, buatTempat, daftarTempat, ubahTempat } from './tempat-kelola.service.ts';

const IdTempat = z.object({ id: z.string().min(1).max(64) });

/** The extra places where people may check in (piket posts, field units): docs/kehadiran.md §1. */
export async function tempatAbsenRoutes(app: FastifyInstance, deps: RouteDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/kehadiran/tempat',
    {
      config: { permission: 'perangkat.manage' },
      schema: {
        tags: ['kehadiran'],
        summary:
          'Tempat absen tambahan (pos piket, lapangan) di bagian Anda, aktif maupun tidak; ?opd=KODE: milik OPD/unit itu dan warisan dari atasnya',
        querystring: TempatAbsenQuery,
        response: { 200: DaftarTempatAbsen },
      },
    },
    async (req) => {
      const c = callerOf(req);
      return sajikan(
        DaftarTempatAbsen,
        await withTenant(deps.sdb, c.tenantId, (trx) => daftarTempat(trx, c, req.query.opd)),
      );
    },
  );

  api.post(
    '/kehadiran/tempat',
    {
      config: { permission: 'perangkat.manage' },
      schema: {
        tags: ['kehadiran'],
        summary:
          'Menambah tempat absen: lingkaran (lat, lng, radius_m) atau poligon, untuk OPD/unit di bagian Anda',
        body: TempatAbsenBaru,
        response: { 201: TempatAbsenItem },
      },
    },
    async (req, reply) => {
      const c = callerOf(req);
      const r = await withTenant(deps.sdb, c.tenantId, (trx) =>
        buatTempat(trx, c.tenantId, actorOf(req), c, req.body),
      );
      return reply.status(201).send(r);
    },
  );

  api.put(
    '/kehadiran/tempat/:id',
    {
      config: { permission: 'perangkat.manage' },
      schema: {
        tags: ['kehadiran'],
        summary: 'Mengubah nama, jenis dan bentuk tempat absen (diaudit; yang terakhir menyimpan berlaku)',
        params: IdTempat,
        body: TempatAbsenUbah,
        response: { 200: TempatAbsenItem },
      },
    },
    async (req) => {
      const c = callerOf(req);
      return withTenant(deps.sdb, c.tenantId, (trx) =>
        ubahTempat(trx, c.tenantId, actorOf(req), c, req.params.id, req.body),
      );
    },
  );

  for (const [akhiran, aktif, kata] of [
    ['nonaktifkan', false, 'Menonaktifkan'],
    ['aktifkan', true, 'Mengaktifkan kembali'],
  ] as const)
    api.post(
      `/kehadiran/tempat/:id/${akhiran}`,
      {
        config: { permission: 'perangkat.manage' },
        schema: {
          tags: ['kehadiran'],
          summary: `${kata} tempat absen (tidak pernah dihapus: absen yang lalu dinilai terhadapnya)`,
          params: IdTempat,
          response: { 200: TempatAbsenItem },
        },
      },
      async (req) => {
        const c = callerOf(req);
        return withTenant(deps.sdb, c.tenantId, (trx) =>
          aturAktifTempat(trx, c.tenantId, actorOf(req), c, req.params.id, aktif),
        );
      },
    );
}
