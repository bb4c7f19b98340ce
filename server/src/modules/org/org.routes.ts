import { JABATAN_LEVEL, JENIS_PEGAWAI, TanggalSchema } from '@sigap/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withTenant } from '../../db/database.ts';
import { callerOf, type RouteDeps } from '../../http/context.ts';
import { listPegawai, opdDetail, opdTree, pegawaiDetail, tenantToday } from './org.service.ts';

const AsOf = z.object({
  tanggal: TanggalSchema.optional().describe('lihat data per tanggal (YYYY-MM-DD); bawaan: hari ini'),
});

/** The organisation registry: OPD tree, OPD pages, employees — all answerable "as of a date". */
export async function orgRoutes(app: FastifyInstance, deps: RouteDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/opd',
    {
      config: { permission: 'org.read' },
      schema: { tags: ['organisasi'], summary: 'Pohon OPD dan unit', querystring: AsOf },
    },
    async (req) => {
      const c = callerOf(req);
      return withTenant(deps.sdb, c.tenantId, async (trx) => {
        const tanggal = req.query.tanggal ?? (await tenantToday(trx, c.tenantId));
        return { tanggal, opd: await opdTree(trx, tanggal) };
      });
    },
  );
  api.get(
    '/opd/:kode',
    {
      config: { permission: 'org.read' },
      schema: {
        tags: ['organisasi'],
        summary: 'Satu OPD/unit: kantor, geofence, unit di bawahnya, riwayat',
        params: z.object({ kode: z.string().max(40) }),
        querystring: AsOf,
      },
    },
    async (req) => {
      const c = callerOf(req);
      return withTenant(deps.sdb, c.tenantId, async (trx) =>
        opdDetail(trx, req.params.kode, req.query.tanggal ?? (await tenantToday(trx, c.tenantId))),
      );
    },
  );
  api.get(
    '/pegawai',
    {
      config: { permission: 'pegawai.read' },
      schema: {
        tags: ['organisasi'],
        summary: 'Daftar pegawai dalam cakupan akun (cari, saring, halaman)',
        querystring: AsOf.extend({
          q: z.string().max(100).optional(),
          opd: z.string().max(40).optional(),
          level: z.enum(JABATAN_LEVEL).optional(),
          jenis: z.enum(JENIS_PEGAWAI).optional(),
          limit: z.coerce.number().int().min(1).max(1000).default(100),
          offset: z.coerce.number().int().min(0).default(0),
        }),
      },
    },
    async (req) => {
      const c = callerOf(req);
      const q = req.query;
      return withTenant(deps.sdb, c.tenantId, async (trx) => {
        const tanggal = q.tanggal ?? (await tenantToday(trx, c.tenantId));
        const r = await listPegawai(trx, c, tanggal, {
          q: q.q,
          opdKode: q.opd,
          level: q.level,
          jenis: q.jenis,
          limit: q.limit,
          offset: q.offset,
        });
        return { tanggal, ...r };
      });
    },
  );
  api.get(
    '/pegawai/:id',
    {
      config: { permission: 'pegawai.read' },
      schema: {
        tags: ['organisasi'],
        summary: 'Satu pegawai: penempatan, atasan, bawahan, riwayat',
        params: z.object({ id: z.uuid() }),
        querystring: AsOf,
      },
    },
    async (req) => {
      const c = callerOf(req);
      return withTenant(deps.sdb, c.tenantId, async (trx) =>
        pegawaiDetail(trx, c, req.params.id, req.query.tanggal ?? (await tenantToday(trx, c.tenantId))),
      );
    },
  );
}
