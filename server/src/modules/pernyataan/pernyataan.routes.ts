import {
  CetakSayaQuery,
  DaftarPernyataanOpd,
  DaftarPernyataanQuery,
  DaftarPernyataanSaya,
  HasilTandaTangan,
  KOLOM_PERNYATAAN,
  TandaTanganPernyataan,
} from '@sigap/domain/api/pernyataan';
import { Berkas, IdParam } from '@sigap/domain/api/umum';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { withTenant } from '../../db/database.ts';
import { callerOf, type RouteDeps } from '../../http/context.ts';
import { sajikan } from '../../http/sajikan.ts';
import { toCsv } from '../impor/ekspor.service.ts';
import { pernyataanPdf } from './pernyataan.pdf.ts';
import {
  daftarPernyataan,
  drafUntukCetak,
  pernyataanSaya,
  pernyataanUntukCetak,
  tandaTangani,
} from './pernyataan.service.ts';

/**
 * The stay-home statement (surat pernyataan, docs/wfh.md §2): the person reads and signs their own
 * (`session`); admins and unit heads see who has not signed, within their scope (`wfh.pernyataan.read`).
 */
export async function pernyataanRoutes(app: FastifyInstance, deps: RouteDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/wfh/pernyataan/saya',
    {
      config: { permission: 'session' },
      schema: {
        tags: ['wfh'],
        summary: 'Surat pernyataan WFH milik sendiri: yang perlu ditandatangani dan yang sudah',
        description:
          'Satu surat per versi kebijakan yang aturan kewajiban_wfh-nya meminta surat pernyataan, bila pegawai punya hari WFH terbit di bawahnya. Teks yang sudah ditandatangani tampil persis seperti saat ditandatangani.',
        response: { 200: DaftarPernyataanSaya },
      },
    },
    async (req) => {
      const c = callerOf(req);
      return sajikan(
        DaftarPernyataanSaya,
        await withTenant(deps.sdb, c.tenantId, (trx) => pernyataanSaya(trx, c.tenantId, c)),
      );
    },
  );

  api.post(
    '/wfh/pernyataan/tandatangan',
    {
      config: { permission: 'session' },
      schema: {
        tags: ['wfh'],
        summary: 'Menandatangani surat pernyataan WFH sendiri (waktu server, akun dan perangkat dicatat)',
        description:
          'Sekali per versi kebijakan: menandatangani lagi mengembalikan tanda tangan pertama (baru: false). id_klien yang sama dengan isi lain ditolak (409).',
        body: TandaTanganPernyataan,
        response: { 200: HasilTandaTangan },
      },
    },
    async (req) => {
      const c = callerOf(req);
      const b = req.body;
      return sajikan(
        HasilTandaTangan,
        await withTenant(deps.sdb, c.tenantId, (trx) =>
          tandaTangani(
            trx,
            c.tenantId,
            c,
            { kebijakanId: b.kebijakan_id, versi: b.versi, perangkat: b.perangkat, idKlien: b.id_klien },
            { userAgent: String(req.headers['user-agent'] ?? ''), ip: req.ip },
          ),
        ),
      );
    },
  );

  api.get(
    '/wfh/pernyataan/saya/pdf',
    {
      config: { permission: 'session' },
      schema: {
        tags: ['wfh'],
        summary: 'Surat pernyataan sendiri untuk satu versi kebijakan sebagai PDF',
        description:
          'Yang sudah ditandatangani: seperti ditandatangani. Yang belum: draf bertanda "BELUM DITANDATANGANI", tidak berlaku sebagai pernyataan. Surat yang tidak Anda perlukan: 404.',
        querystring: CetakSayaQuery,
        response: {
          200: { description: 'PDF', content: { 'application/pdf': { schema: Berkas } } },
        },
      },
    },
    async (req, reply) => {
      const c = callerOf(req);
      const { dokumen, nama } = await withTenant(deps.sdb, c.tenantId, (trx) =>
        drafUntukCetak(trx, c.tenantId, c, req.query.kebijakan_id, req.query.versi),
      );
      const pdf = await pernyataanPdf(dokumen);
      reply.header('content-disposition', `attachment; filename="${nama}"`);
      return reply.type('application/pdf').send(pdf);
    },
  );

  api.get(
    '/wfh/pernyataan/:id/pdf',
    {
      config: { permission: 'session' },
      schema: {
        tags: ['wfh'],
        summary: 'Surat pernyataan yang sudah ditandatangani sebagai PDF berkop surat',
        description:
          'Milik sendiri, atau pegawai dalam lingkup admin/kepala unit (wfh.pernyataan.read). Selain itu 404.',
        params: IdParam,
        response: {
          200: { description: 'PDF', content: { 'application/pdf': { schema: Berkas } } },
        },
      },
    },
    async (req, reply) => {
      const c = callerOf(req);
      const { dokumen, nama } = await withTenant(deps.sdb, c.tenantId, (trx) =>
        pernyataanUntukCetak(trx, c.tenantId, c, req.params.id),
      );
      const pdf = await pernyataanPdf(dokumen);
      reply.header('content-disposition', `attachment; filename="${nama}"`);
      return reply.type('application/pdf').send(pdf);
    },
  );

  api.get(
    '/wfh/pernyataan',
    {
      config: { permission: 'wfh.pernyataan.read' },
      schema: {
        tags: ['wfh'],
        summary: 'Siapa yang sudah dan belum menandatangani surat pernyataan WFH, per OPD (JSON atau CSV)',
        description:
          'Admin OPD dan kepala unit memilih OPD/unitnya (opd); Admin Pemda dan BKPSDM boleh seluruh Pemda. Hanya pegawai dalam lingkup pada hari WFH pertamanya.',
        querystring: DaftarPernyataanQuery,
        response: {
          200: {
            description: 'JSON, atau CSV (kolom KOLOM_PERNYATAAN)',
            content: {
              'application/json': { schema: DaftarPernyataanOpd },
              'text/csv': { schema: Berkas },
            },
          },
        },
      },
    },
    async (req, reply) => {
      const c = callerOf(req);
      const q = req.query;
      const hasil = await withTenant(deps.sdb, c.tenantId, (trx) =>
        daftarPernyataan(trx, c.tenantId, c, {
          opd: q.opd,
          kebijakanId: q.kebijakan_id,
          versi: q.versi,
          status: q.status,
        }),
      );
      if (q.format === 'json') return sajikan(DaftarPernyataanOpd, hasil);
      const baris = hasil.baris.map((b) => ({
        nip: b.nip,
        id_pegawai: b.id_pegawai,
        nama: b.nama,
        opd_kode: b.opd_kode,
        unit_kode: b.unit_kode,
        kebijakan_id: b.kebijakan_id,
        versi: String(b.versi),
        hari_wfh: String(b.hari_wfh),
        hari_pertama: b.hari_pertama,
        status: b.pernyataan_id ? 'sudah' : 'belum',
        ditandatangani_pada: b.ditandatangani_pada ?? '',
      }));
      reply.header(
        'content-disposition',
        `attachment; filename="pernyataan-wfh${q.opd ? `-${q.opd.replace(/[^A-Za-z0-9-]/g, '_')}` : ''}.csv"`,
      );
      return reply.type('text/csv; charset=utf-8').send(toCsv(KOLOM_PERNYATAAN, baris));
    },
  );
}
