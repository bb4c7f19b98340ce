import { HariKehadiran, HariQuery, RekapKehadiranQuery } from '@sigap/domain/api/kehadiran';
import { Berkas, XLSX_TYPE } from '@sigap/domain/api/umum';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { withTenant } from '../../db/database.ts';
import { callerOf, type RouteDeps } from '../../http/context.ts';
import { sajikan } from '../../http/sajikan.ts';
import { diPekerja, sebagaiBuffer } from '../../pekerja/pekerja.ts';
import { toCsv } from '../impor/ekspor.service.ts';
import { barisCsv, KOLOM_STATUS, statusPeriode } from './status.service.ts';

/**
 * Each person's day (the OPD admin's daily view) and the attendance recap. Only the people the caller may
 * see individually: themselves, their OPD's or unit's people, their direct reports; auditors all.
 */
export async function statusKehadiranRoutes(app: FastifyInstance, deps: RouteDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/kehadiran/hari',
    {
      config: { permission: 'kehadiran.read' },
      schema: {
        tags: ['kehadiran'],
        summary: 'Status hari setiap pegawai yang boleh Anda lihat, pada satu tanggal',
        description:
          'Dari jadwal terbit, hari libur, cuti/sakit/isolasi yang disetujui, dinas luar, absen yang diterima dan jam kerja. Pegawai hanya melihat dirinya; admin OPD dan kepala unit orang di OPD/unitnya; atasan bawahan langsungnya; auditor semua.',
        querystring: HariQuery,
        response: { 200: HariKehadiran },
      },
    },
    async (req) => {
      const c = callerOf(req);
      const { tanggal, opd } = req.query;
      const h = await withTenant(deps.sdb, c.tenantId, (trx) =>
        statusPeriode(trx, c.tenantId, c, tanggal, tanggal, opd),
      );
      return sajikan(HariKehadiran, {
        tanggal,
        opdKode: opd ?? null,
        orang: h.baris.map((r) => ({
          ...r,
          alasan: r.alasan.map((a) => ({ kode: a.kode, pesan: a.pesan })),
        })),
      });
    },
  );

  api.get(
    '/kehadiran/rekap',
    {
      config: { permission: 'kehadiran.read' },
      schema: {
        tags: ['kehadiran'],
        summary:
          'Rekap kehadiran suatu periode (paling panjang 62 hari): CSV satu baris per pegawai per hari, XLSX satu lembar per OPD',
        querystring: RekapKehadiranQuery,
        response: {
          200: {
            description: 'CSV (kolom CONTRACTS.md) atau XLSX',
            content: { 'text/csv': { schema: Berkas }, [XLSX_TYPE]: { schema: Berkas } },
          },
        },
      },
    },
    async (req, reply) => {
      const c = callerOf(req);
      const { dari, sampai, opd, format } = req.query;
      const h = await withTenant(deps.sdb, c.tenantId, (trx) =>
        statusPeriode(trx, c.tenantId, c, dari, sampai, opd),
      );
      reply.header(
        'content-disposition',
        `attachment; filename="rekap-kehadiran-${dari}-${sampai}${opd ? `-${opd.replace(/[^0-9A-Za-z._-]/g, '_')}` : ''}.${format}"`,
      );
      if (format === 'xlsx') {
        // Rendering a whole Pemda's months takes seconds: in a worker thread.
        const buf = sebagaiBuffer(
          await diPekerja('rekapKehadiranXlsx', { h, dibuatPada: new Date().toISOString() }),
        );
        return reply.type(XLSX_TYPE).send(buf);
      }
      return reply.type('text/csv; charset=utf-8').send(toCsv(KOLOM_STATUS, h.baris.map(barisCsv)));
    },
  );
}
