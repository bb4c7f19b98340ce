import {
  AturanWfh,
  DaftarRumah,
  HariLokasi,
  HariLokasiQuery,
  HasilLaporLokasi,
  LaporLokasi,
  PutusRumah,
  RumahQuery,
  TetapkanRumah,
} from '@sigap/domain/api/lokasi';
import { IdParam, Ok } from '@sigap/domain/api/umum';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withTenant } from '../../db/database.ts';
import { actorOf, callerOf, type RouteDeps } from '../../http/context.ts';
import { SESSION_COOKIE } from '../auth/auth.service.ts';
import { lihatAturanWfh, ubahAturanWfh } from '../kehadiran/wfh.service.ts';
import { hariLokasi, laporLokasi } from './lokasi.service.ts';
import { daftarRumah, putuskanRumah, tetapkanRumah } from './rumah.service.ts';

/** Reports one session may send per minute: a queue emptied after a day offline is a handful. */
export const LAPOR_PER_MENIT = 30;

const perSesi = (req: FastifyRequest) => `lokasi:${req.cookies[SESSION_COOKIE] ?? req.ip}`;

/** Location reports from home, the WFH day, the home locations and the Pemda's rules (docs/wfh.md §2). */
export async function lokasiRoutes(app: FastifyInstance, deps: RouteDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/lokasi',
    {
      config: {
        permission: 'session',
        rateLimit: { max: LAPOR_PER_MENIT, timeWindow: '1 minute', keyGenerator: perSesi },
      },
      schema: {
        tags: ['wfh'],
        summary: 'Laporan lokasi dari rumah pada hari WFH (sekali per id_klien)',
        description:
          'Disimpan dengan jam server saat diterima, jam ponsel dan akurasinya, lalu dinilai terhadap pagar rumah dan slot laporan hari itu. Laporan dari antrean luring mengirim juga waktu_kirim (jam ponsel saat dikirim). id_klien yang sama dijawab dengan jawaban pertama; dengan isi lain ditolak (409).',
        body: LaporLokasi,
        response: { 200: HasilLaporLokasi },
      },
    },
    async (req) => laporLokasi(deps.sdb, callerOf(req), req.body),
  );

  api.get(
    '/lokasi/hari',
    {
      config: { permission: 'kehadiran.read' },
      schema: {
        tags: ['wfh'],
        summary: 'Hari WFH seseorang: slot laporan, laporan lokasi, status dan alasannya',
        description:
          'Tanpa pegawai_id: hari Anda sendiri. Pegawai lain hanya untuk atasan langsungnya atau admin OPD-nya.',
        querystring: HariLokasiQuery,
        response: { 200: HariLokasi },
      },
    },
    async (req) => {
      const c = callerOf(req);
      return withTenant(deps.sdb, c.tenantId, (trx) => hariLokasi(trx, c, req.query));
    },
  );

  api.get(
    '/wfh/rumah',
    {
      config: { permission: 'wfh.rumah.kelola' },
      schema: {
        tags: ['wfh'],
        summary:
          'Lokasi rumah pegawai di OPD Anda: usulan yang menunggu konfirmasi, yang dikonfirmasi, yang ditolak',
        querystring: RumahQuery,
        response: { 200: DaftarRumah },
      },
    },
    async (req) => {
      const c = callerOf(req);
      return withTenant(deps.sdb, c.tenantId, (trx) => daftarRumah(trx, c, req.query.status));
    },
  );

  api.post(
    '/wfh/rumah/:id/putus',
    {
      config: { permission: 'wfh.rumah.kelola' },
      schema: {
        tags: ['wfh'],
        summary: 'Mengonfirmasi (boleh menggeser titiknya) atau menolak usulan lokasi rumah, sekali',
        params: IdParam,
        body: PutusRumah,
        response: { 200: Ok },
      },
    },
    async (req) => {
      const c = callerOf(req);
      return withTenant(deps.sdb, c.tenantId, (trx) => putuskanRumah(trx, c, req.params.id, req.body));
    },
  );

  api.put(
    '/wfh/rumah/pegawai/:id',
    {
      config: { permission: 'wfh.rumah.kelola' },
      schema: {
        tags: ['wfh'],
        summary: 'Menetapkan lokasi rumah seorang pegawai langsung (dikonfirmasi sejak berlaku_sejak)',
        params: IdParam,
        body: TetapkanRumah,
        response: { 200: z.object({ id: z.uuid() }) },
      },
    },
    async (req) => {
      const c = callerOf(req);
      return withTenant(deps.sdb, c.tenantId, (trx) => tetapkanRumah(trx, c, req.params.id, req.body));
    },
  );

  api.get(
    '/wfh/aturan',
    {
      config: { permission: 'pengaturan.read' },
      schema: {
        tags: ['wfh'],
        summary:
          'Aturan laporan lokasi WFH Pemda: jari-jari pagar rumah, batas kecepatan, tepat waktu, penyimpanan',
        response: { 200: AturanWfh },
      },
    },
    async (req) => {
      const c = callerOf(req);
      return withTenant(deps.sdb, c.tenantId, (trx) => lihatAturanWfh(trx, c.tenantId));
    },
  );

  api.put(
    '/wfh/aturan',
    {
      config: { permission: 'pengaturan.write' },
      schema: {
        tags: ['wfh'],
        summary: 'Mengubah aturan laporan lokasi WFH Pemda',
        body: AturanWfh,
        response: { 200: AturanWfh },
      },
    },
    async (req) => {
      const c = callerOf(req);
      return withTenant(deps.sdb, c.tenantId, (trx) =>
        ubahAturanWfh(trx, c.tenantId, actorOf(req), req.body),
      );
    },
  );
}
