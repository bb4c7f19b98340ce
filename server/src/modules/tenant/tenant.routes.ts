import { JENIS_PEMDA, TanggalSchema, teksBiasa, ZONA_WAKTU } from '@sigap/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withTenant } from '../../db/database.ts';
import { actorOf, callerOf, type RouteDeps } from '../../http/context.ts';
import {
  deleteHoliday,
  getSettings,
  listHolidays,
  parseHolidayRows,
  updateSettings,
  upsertHolidays,
} from './tenant.service.ts';

const Jam = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'format JJ:MM');
const JamHari = z.object({ mulai: Jam, selesai: Jam, istirahatMenit: z.number().int().min(0).max(240) });
const Libur = z.object({
  tanggal: TanggalSchema,
  jenis: z.enum(['libur_nasional', 'cuti_bersama', 'libur_daerah']),
  nama: teksBiasa().min(1).max(200),
  dasar: teksBiasa().max(300).default(''),
});

/** Pemda settings (zone, working hours) and the holiday calendar. */
export async function tenantRoutes(app: FastifyInstance, deps: RouteDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/pengaturan',
    {
      config: { permission: 'settings.read' },
      schema: { tags: ['pengaturan'], summary: 'Pengaturan Pemda' },
    },
    async (req) => {
      const c = callerOf(req);
      return withTenant(deps.sdb, c.tenantId, (trx) => getSettings(trx, c.tenantId));
    },
  );
  api.put(
    '/pengaturan',
    {
      config: { permission: 'settings.write' },
      schema: {
        tags: ['pengaturan'],
        summary: 'Mengubah pengaturan Pemda',
        body: z.object({
          nama: teksBiasa().min(3).max(200),
          jenis: z.enum(JENIS_PEMDA),
          zonaWaktu: z.enum(ZONA_WAKTU),
          jamKerja: z.partialRecord(z.enum(['1', '2', '3', '4', '5', '6', '7']), JamHari),
          pusatLat: z.number().min(-11.5).max(6.5).nullable(),
          pusatLng: z.number().min(94.5).max(141.5).nullable(),
        }),
      },
    },
    async (req) => {
      const c = callerOf(req);
      return withTenant(deps.sdb, c.tenantId, (trx) =>
        updateSettings(trx, c.tenantId, actorOf(req), req.body),
      );
    },
  );
  api.get(
    '/kalender/libur',
    {
      config: { permission: 'settings.read' },
      schema: {
        tags: ['pengaturan'],
        summary: 'Hari libur nasional, cuti bersama dan libur daerah',
        querystring: z.object({ tahun: z.coerce.number().int().min(2000).max(2100).optional() }),
      },
    },
    async (req) => withTenant(deps.sdb, callerOf(req).tenantId, (trx) => listHolidays(trx, req.query.tahun)),
  );
  api.post(
    '/kalender/libur',
    {
      config: { permission: 'settings.write' },
      schema: {
        tags: ['pengaturan'],
        summary: 'Menambah atau mengubah hari libur (satu atau daftar)',
        body: z.union([Libur, z.array(Libur).min(1).max(400)]),
      },
    },
    async (req) => {
      const c = callerOf(req);
      const days = Array.isArray(req.body) ? req.body : [req.body];
      return withTenant(deps.sdb, c.tenantId, (trx) => upsertHolidays(trx, c.tenantId, actorOf(req), days));
    },
  );
  api.post(
    '/kalender/libur/impor',
    {
      config: { permission: 'settings.write' },
      schema: {
        tags: ['pengaturan'],
        summary:
          'Impor keputusan hari libur tahun berikutnya (CSV tanggal,jenis,nama,dasar; semua atau tidak sama sekali)',
      },
    },
    async (req) => {
      const c = callerOf(req);
      const days = parseHolidayRows(
        Buffer.isBuffer(req.body) ? req.body.toString('utf8') : String(req.body ?? ''),
      );
      return withTenant(deps.sdb, c.tenantId, (trx) => upsertHolidays(trx, c.tenantId, actorOf(req), days));
    },
  );
  api.delete(
    '/kalender/libur/:tanggal',
    {
      config: { permission: 'settings.write' },
      schema: {
        tags: ['pengaturan'],
        summary: 'Menghapus hari libur',
        params: z.object({ tanggal: TanggalSchema }),
      },
    },
    async (req) => {
      const c = callerOf(req);
      await withTenant(deps.sdb, c.tenantId, (trx) =>
        deleteHoliday(trx, c.tenantId, actorOf(req), req.params.tanggal),
      );
      return { ok: true };
    },
  );
}
