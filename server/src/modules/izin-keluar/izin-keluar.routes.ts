import {
  AjukanIzinKeluar,
  DaftarIzinKeluar,
  HasilBatalIzin,
  HasilIzinKeluar,
  HasilKeberatanIzin,
  IzinBawahanQuery,
  KeberatanIzinKeluar,
} from '@sigap/domain/api/izin-keluar';
import { IdParam } from '@sigap/domain/api/umum';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { withTenant } from '../../db/database.ts';
import { callerOf, type RouteDeps } from '../../http/context.ts';
import { sajikan } from '../../http/sajikan.ts';
import {
  ajukanIzinKeluar,
  batalIzinKeluar,
  daftarIzinBawahan,
  daftarIzinSaya,
  keberatanIzinKeluar,
} from './izin-keluar.service.ts';

/**
 * Going-out notices while working from home (izin keluar rumah): filed by the person for themselves
 * (`session`), seen at once by their supervisor or OPD admin, who may object (`wfh.izin_keluar.tinjau`).
 * docs/wfh.md §3.
 */
export async function izinKeluarRoutes(app: FastifyInstance, deps: RouteDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const SIAPA =
    'Atasan langsung pegawai pada hari izin melihat dan dapat menyatakan keberatan; admin OPD melihat izin pegawai OPD-nya dan hanya dapat menyatakan keberatan bila pegawai tidak punya atasan.';

  api.post(
    '/wfh/izin-keluar',
    {
      config: { permission: 'session' },
      schema: {
        tags: ['wfh'],
        summary:
          'Pegawai mengajukan izin keluar rumah sebelum pergi (berlaku seketika); atasannya diberi tahu',
        description:
          'Mulai paling awal 15 menit sebelum sekarang dan paling jauh 7 hari ke depan; lama 5 menit sampai 12 jam, dalam satu hari (zona Pemda); tidak bertumpang tindih dengan izin lain; paling banyak 4 per hari. `id_klien` (UUID): permintaan yang sama diulang memberi jawaban pertama; isi lain dengan id_klien yang sama ditolak 409.',
        body: AjukanIzinKeluar,
        response: { 201: HasilIzinKeluar },
      },
    },
    async (req, reply) => {
      const c = callerOf(req);
      const r = await withTenant(deps.sdb, c.tenantId, (trx) =>
        ajukanIzinKeluar(trx, c.tenantId, c, req.body),
      );
      return reply.status(201).send(sajikan(HasilIzinKeluar, r));
    },
  );

  api.get(
    '/wfh/izin-keluar/saya',
    {
      config: { permission: 'session' },
      schema: {
        tags: ['wfh'],
        summary: 'Izin keluar milik sendiri, terbaru dahulu, dengan keberatan atasan bila ada',
        response: { 200: DaftarIzinKeluar },
      },
    },
    async (req) => {
      const c = callerOf(req);
      return sajikan(
        DaftarIzinKeluar,
        await withTenant(deps.sdb, c.tenantId, (trx) => daftarIzinSaya(trx, c)),
      );
    },
  );

  api.get(
    '/wfh/izin-keluar/bawahan',
    {
      config: { permission: 'wfh.izin_keluar.tinjau' },
      schema: {
        tags: ['wfh'],
        summary: 'Izin keluar pegawai yang Anda bawahi (atau pegawai OPD Anda), terbaru dahulu',
        description: `${SIAPA} Rentang tanggal paling lama 62 hari; bawaan 7 hari ke belakang sampai 7 hari ke depan.`,
        querystring: IzinBawahanQuery,
        response: { 200: DaftarIzinKeluar },
      },
    },
    async (req) => {
      const c = callerOf(req);
      return sajikan(
        DaftarIzinKeluar,
        await withTenant(deps.sdb, c.tenantId, (trx) => daftarIzinBawahan(trx, c.tenantId, c, req.query)),
      );
    },
  );

  api.post(
    '/wfh/izin-keluar/:id/keberatan',
    {
      config: { permission: 'wfh.izin_keluar.tinjau' },
      schema: {
        tags: ['wfh'],
        summary: 'Menyatakan keberatan atas izin keluar, dengan catatan (sekali saja); pegawai diberi tahu',
        description: `${SIAPA} Paling lambat 7 hari setelah izin berakhir; keberatan kedua atau atas izin yang dibatalkan menjawab 409.`,
        params: IdParam,
        body: KeberatanIzinKeluar,
        response: { 200: HasilKeberatanIzin },
      },
    },
    async (req) => {
      const c = callerOf(req);
      return withTenant(deps.sdb, c.tenantId, (trx) =>
        keberatanIzinKeluar(trx, c.tenantId, c, req.params.id, req.body.catatan),
      );
    },
  );

  api.post(
    '/wfh/izin-keluar/:id/batal',
    {
      config: { permission: 'session' },
      schema: {
        tags: ['wfh'],
        summary: 'Pegawai membatalkan izin keluarnya sebelum dimulai (tetap tercatat)',
        params: IdParam,
        response: { 200: HasilBatalIzin },
      },
    },
    async (req) => {
      const c = callerOf(req);
      return withTenant(deps.sdb, c.tenantId, (trx) => batalIzinKeluar(trx, c.tenantId, c, req.params.id));
    },
  );
}
