import {
  AsOfQuery,
  IdPegawaiParam,
  KodeOpdParam,
  OpdDetail,
  OpdTree,
  PegawaiDetail,
  PegawaiPage,
  PegawaiQuery,
} from '@sigap/domain/api/org';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { withTenant } from '../../db/database.ts';
import { callerOf, type RouteDeps } from '../../http/context.ts';
import { sajikan } from '../../http/sajikan.ts';
import { listPegawai, opdDetail, opdTree, pegawaiDetail, tenantToday } from './org.service.ts';

const AsOf = AsOfQuery;
const KodeOpd = KodeOpdParam;

/** The organisation registry: OPD tree, OPD pages, employees — all answerable "as of a date". */
export async function orgRoutes(app: FastifyInstance, deps: RouteDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/opd',
    {
      config: { permission: 'org.read' },
      schema: {
        tags: ['organisasi'],
        summary: 'Pohon OPD dan unit',
        querystring: AsOf,
        response: { 200: OpdTree },
      },
    },
    async (req) => {
      const c = callerOf(req);
      return withTenant(deps.sdb, c.tenantId, async (trx) => {
        const tanggal = req.query.tanggal ?? (await tenantToday(trx, c.tenantId));
        return sajikan(OpdTree, { tanggal, opd: await opdTree(trx, tanggal) });
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
        params: KodeOpd,
        querystring: AsOf,
        response: { 200: OpdDetail },
      },
    },
    async (req) => {
      const c = callerOf(req);
      return sajikan(
        OpdDetail,
        await withTenant(deps.sdb, c.tenantId, async (trx) =>
          opdDetail(trx, req.params.kode, req.query.tanggal ?? (await tenantToday(trx, c.tenantId))),
        ),
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
        querystring: PegawaiQuery,
        response: { 200: PegawaiPage },
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
        return sajikan(PegawaiPage, { tanggal, ...r });
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
        params: IdPegawaiParam,
        querystring: AsOf,
        response: { 200: PegawaiDetail },
      },
    },
    async (req) => {
      const c = callerOf(req);
      return sajikan(
        PegawaiDetail,
        await withTenant(deps.sdb, c.tenantId, async (trx) =>
          pegawaiDetail(trx, c, req.params.id, req.query.tanggal ?? (await tenantToday(trx, c.tenantId))),
        ),
      );
    },
  );
}
