import { OPD_COLUMNS } from '@sigap/domain';
import {
  BarisEkspor,
  EksporQuery,
  ImporDimulai,
  ImporQuery,
  JenisImporParam,
  TemplatQuery,
  TugasImpor,
} from '@sigap/domain/api/impor';
import { Berkas, IdParam } from '@sigap/domain/api/umum';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { type Trx, withTenant } from '../../db/database.ts';
import { errors } from '../../errors.ts';
import { actorOf, callerOf, type RouteDeps } from '../../http/context.ts';
import { sajikan } from '../../http/sajikan.ts';
import { lingkupTanggal, pribadiKini, resolveScope, tenantToday } from '../org/org.service.ts';
import { batasUnggah } from './batas.ts';
import {
  exportOpdRows,
  exportPegawaiRows,
  PEGAWAI_EXPORT_COLUMNS,
  TEMPLATE_ROWS,
  toCsv,
  toXlsx,
} from './ekspor.service.ts';
import { berkasDariIsi, readTableDiPekerja } from './file-reader.ts';
import { getImportJob, startImportJob } from './impor.jobs.ts';
import { importOpd, importPegawai } from './impor.service.ts';

const Jenis = JenisImporParam;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Imports (background jobs with progress), exports and template files. */
export async function imporRoutes(app: FastifyInstance, deps: RouteDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/impor/:jenis',
    {
      bodyLimit: batasUnggah().unggahByte,
      config: { permission: 'impor.run' },
      schema: {
        tags: ['impor'],
        summary:
          'Mengimpor OPD atau pegawai dari CSV/XLSX (isi permintaan = berkas); semua atau tidak sama sekali',
        description:
          'Content-Type text/csv atau XLSX. Menjawab 202 dengan id tugas; pantau di GET /api/impor/{id}.',
        params: Jenis,
        querystring: ImporQuery,
        response: { 202: ImporDimulai },
      },
    },
    async (req, reply) => {
      const c = callerOf(req);
      const data = berkasDariIsi(req.body);
      const { jenis } = req.params;
      const writable = await withTenant(
        deps.sdb,
        c.tenantId,
        async (trx) => (await resolveScope(trx, c, 'write', await tenantToday(trx, c.tenantId))).opdIds,
      );
      const actor = actorOf(req);
      const job = await startImportJob(
        deps.sdb,
        { tenantId: c.tenantId, actor: actorOf(req), jenis, namaBerkas: req.query.nama },
        async (progress) => {
          const table = await readTableDiPekerja(data, req.query.nama);
          const opts = {
            actor,
            writableOpdIds: writable,
            berlakuMulai: req.query.berlaku,
            lingkupPada: (trx: Trx) => lingkupTanggal(trx, c, 'write'),
            onProgress: progress,
          };
          return jenis === 'opd'
            ? importOpd(deps.sdb, c.tenantId, table, opts)
            : importPegawai(deps.sdb, c.tenantId, table, opts);
        },
      );
      return reply.status(202).send({ id: job.id });
    },
  );

  api.get(
    '/impor/:id',
    {
      config: { permission: 'impor.run' },
      schema: {
        tags: ['impor'],
        summary: 'Kemajuan dan hasil impor',
        params: IdParam,
        response: { 200: TugasImpor },
      },
    },
    async (req) => {
      const c = callerOf(req);
      const job = await getImportJob(deps.sdb, c.tenantId, req.params.id);
      // An OPD admin's own imports only: another's may name people outside their OPD (as if absent).
      const semua = () =>
        withTenant(deps.sdb, c.tenantId, async (trx) => {
          const w = await resolveScope(trx, c, 'write', await tenantToday(trx, c.tenantId));
          return w.opdIds === null;
        });
      if (!job || (job.userId !== c.userId && !(await semua())))
        throw errors.notFound('Tugas impor', 'Import job');
      return sajikan(TugasImpor, job);
    },
  );

  api.get(
    '/impor/template/:jenis',
    {
      config: { permission: 'impor.run' },
      schema: {
        tags: ['impor'],
        summary: 'Berkas contoh untuk impor',
        params: Jenis,
        querystring: TemplatQuery,
        response: {
          200: {
            description: 'CSV (text/csv) atau XLSX',
            content: {
              'text/csv': { schema: Berkas },
              [XLSX_TYPE]: { schema: Berkas },
            },
          },
        },
      },
    },
    async (req, reply) => {
      const t = TEMPLATE_ROWS[req.params.jenis];
      const name = `templat-${req.params.jenis}.${req.query.format}`;
      reply.header('content-disposition', `attachment; filename="${name}"`);
      if (req.query.format === 'xlsx')
        return reply.type(XLSX_TYPE).send(await toXlsx(req.params.jenis, t.columns, t.rows));
      return reply.type('text/csv; charset=utf-8').send(toCsv(t.columns, t.rows));
    },
  );

  api.get(
    '/ekspor/:jenis',
    {
      config: { permission: 'pegawai.read' },
      schema: {
        tags: ['impor'],
        summary: 'Ekspor OPD atau pegawai dalam format impor (bolak-balik tanpa perubahan)',
        params: Jenis,
        querystring: EksporQuery,
        response: {
          200: {
            description: 'JSON (satu objek per baris, kunci = kolom CSV), CSV atau XLSX',
            content: {
              'application/json': { schema: BarisEkspor },
              'text/csv': { schema: Berkas },
              [XLSX_TYPE]: { schema: Berkas },
            },
          },
        },
      },
    },
    async (req, reply) => {
      const c = callerOf(req);
      const { jenis } = req.params;
      const rows = await withTenant(deps.sdb, c.tenantId, async (trx) => {
        const asOf = req.query.tanggal ?? (await tenantToday(trx, c.tenantId));
        return jenis === 'opd'
          ? exportOpdRows(trx, asOf)
          : exportPegawaiRows(trx, asOf, await resolveScope(trx, c, 'read', asOf), await pribadiKini(trx, c));
      });
      const columns = jenis === 'opd' ? OPD_COLUMNS : PEGAWAI_EXPORT_COLUMNS;
      const name = `${jenis}.${req.query.format}`;
      reply.header('content-disposition', `attachment; filename="${name}"`);
      if (req.query.format === 'json') return rows;
      if (req.query.format === 'xlsx') return reply.type(XLSX_TYPE).send(await toXlsx(jenis, columns, rows));
      return reply.type('text/csv; charset=utf-8').send(toCsv(columns, rows));
    },
  );
}
