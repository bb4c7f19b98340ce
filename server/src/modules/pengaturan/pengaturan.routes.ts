import {
  DaftarLibur,
  HasilLibur,
  jamKerjaDariApi,
  LiburQuery,
  Pengaturan,
  SimpanLibur,
  TanggalParam,
  UbahPengaturan,
} from '@sigap/domain/api/pengaturan';
import { Ok } from '@sigap/domain/api/umum';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { withTenant } from '../../db/database.ts';
import { actorOf, callerOf, type RouteDeps } from '../../http/context.ts';
import { sajikan } from '../../http/sajikan.ts';
import {
  deleteHoliday,
  getSettings,
  listHolidays,
  parseHolidayRows,
  updateSettings,
  upsertHolidays,
} from './pengaturan.service.ts';

/** Pemda settings (zone, working hours) and the holiday calendar. */
export async function pengaturanRoutes(app: FastifyInstance, deps: RouteDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/pengaturan',
    {
      config: { permission: 'pengaturan.read' },
      schema: { tags: ['pengaturan'], summary: 'Pengaturan Pemda', response: { 200: Pengaturan } },
    },
    async (req) => {
      const c = callerOf(req);
      return sajikan(
        Pengaturan,
        await withTenant(deps.sdb, c.tenantId, (trx) => getSettings(trx, c.tenantId)),
      );
    },
  );
  api.put(
    '/pengaturan',
    {
      config: { permission: 'pengaturan.write' },
      schema: {
        tags: ['pengaturan'],
        summary: 'Mengubah pengaturan Pemda',
        body: UbahPengaturan,
        response: { 200: Pengaturan },
      },
    },
    async (req) => {
      const c = callerOf(req);
      const b = req.body;
      const input = {
        nama: b.nama,
        jenis: b.jenis,
        zonaWaktu: b.zona_waktu,
        jamKerja: jamKerjaDariApi(b.jam_kerja),
        pusatLat: b.pusat_lat,
        pusatLng: b.pusat_lng,
      };
      return sajikan(
        Pengaturan,
        await withTenant(deps.sdb, c.tenantId, (trx) => updateSettings(trx, c.tenantId, actorOf(req), input)),
      );
    },
  );
  api.get(
    '/kalender/libur',
    {
      config: { permission: 'pengaturan.read' },
      schema: {
        tags: ['pengaturan'],
        summary: 'Hari libur nasional, cuti bersama dan libur daerah',
        querystring: LiburQuery,
        response: { 200: DaftarLibur },
      },
    },
    async (req) =>
      sajikan(
        DaftarLibur,
        await withTenant(deps.sdb, callerOf(req).tenantId, (trx) => listHolidays(trx, req.query.tahun)),
      ),
  );
  api.post(
    '/kalender/libur',
    {
      config: { permission: 'pengaturan.write' },
      schema: {
        tags: ['pengaturan'],
        summary: 'Menambah atau mengubah hari libur (satu atau daftar)',
        body: SimpanLibur,
        response: { 200: HasilLibur },
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
      config: { permission: 'pengaturan.write' },
      schema: {
        tags: ['pengaturan'],
        summary:
          'Impor keputusan hari libur tahun berikutnya (CSV tanggal,jenis,nama,dasar; semua atau tidak sama sekali)',
        response: { 200: HasilLibur },
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
      config: { permission: 'pengaturan.write' },
      schema: {
        tags: ['pengaturan'],
        summary: 'Menghapus hari libur',
        params: TanggalParam,
        response: { 200: Ok },
      },
    },
    async (req) => {
      const c = callerOf(req);
      await withTenant(deps.sdb, c.tenantId, (trx) =>
        deleteHoliday(trx, c.tenantId, actorOf(req), req.params.tanggal),
      );
      return { ok: true as const };
    },
  );
}
