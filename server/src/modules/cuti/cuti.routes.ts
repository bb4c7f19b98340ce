import {
  AjukanCuti,
  CatatCuti,
  CutiQuery,
  DaftarCuti,
  HasilAjuan,
  HasilCatat,
  HasilImporCuti,
  HasilPutusan,
  ImporCutiQuery,
  PutusanCuti,
} from '@sigap/domain/api/cuti';
import { IdParam } from '@sigap/domain/api/umum';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { withTenant } from '../../db/database.ts';
import { actorOf, callerOf, type RouteDeps } from '../../http/context.ts';
import { sajikan } from '../../http/sajikan.ts';
import { batasUnggah } from '../impor/batas.ts';
import { berkasDariIsi, readTableDiPekerja } from '../impor/file-reader.ts';
import { lingkupTanggal } from '../org/org.service.ts';
import { ajukan, batalkan, catat, daftar, impor, putuskan } from './cuti.service.ts';

/** The leave register: requests, decisions, entries and imports by OPD admins. */
export async function cutiRoutes(app: FastifyInstance, deps: RouteDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/cuti',
    {
      config: { permission: 'session' },
      schema: {
        tags: ['cuti'],
        summary: 'Daftar cuti/sakit/isolasi: milik sendiri, bawahan, dan pegawai dalam lingkup',
        description:
          'untuk=saya (milik sendiri), persetujuan (menunggu keputusan Anda), semua. Keterangan cuti sakit dan isolasi (data kesehatan) hanya tampil bagi pegawai itu dan petugas kesehatan.',
        querystring: CutiQuery,
        response: { 200: DaftarCuti },
      },
    },
    async (req) => {
      const c = callerOf(req);
      return sajikan(DaftarCuti, await withTenant(deps.sdb, c.tenantId, (trx) => daftar(trx, c, req.query)));
    },
  );

  api.post(
    '/cuti',
    {
      config: { permission: 'session' },
      schema: {
        tags: ['cuti'],
        summary: 'Pegawai mengajukan cuti untuk dirinya; atasannya diberi tahu',
        body: AjukanCuti,
        response: { 201: HasilAjuan },
      },
    },
    async (req, reply) => {
      const c = callerOf(req);
      const r = await withTenant(deps.sdb, c.tenantId, (trx) => ajukan(trx, c.tenantId, c, req.body));
      return reply.status(201).send(r);
    },
  );

  api.post(
    '/cuti/:id/putusan',
    {
      config: { permission: 'session' },
      schema: {
        tags: ['cuti'],
        summary: 'Atasan langsung (atau kepala unit/admin OPD) menyetujui atau menolak pengajuan',
        params: IdParam,
        body: PutusanCuti,
        response: { 200: HasilPutusan },
      },
    },
    async (req) => {
      const c = callerOf(req);
      return sajikan(
        HasilPutusan,
        await withTenant(deps.sdb, c.tenantId, (trx) =>
          putuskan(trx, c.tenantId, c, req.params.id, req.body),
        ),
      );
    },
  );

  api.post(
    '/cuti/:id/batal',
    {
      config: { permission: 'session' },
      schema: {
        tags: ['cuti'],
        summary: 'Pegawai menarik pengajuannya yang belum diputus',
        params: IdParam,
        response: { 200: HasilAjuan },
      },
    },
    async (req) => {
      const c = callerOf(req);
      return withTenant(deps.sdb, c.tenantId, (trx) => batalkan(trx, c.tenantId, c, req.params.id));
    },
  );

  api.post(
    '/cuti/catat',
    {
      config: { permission: 'cuti.manage' },
      schema: {
        tags: ['cuti'],
        summary: 'Admin OPD mencatat cuti/sakit/isolasi yang sudah disetujui untuk pegawai dalam lingkupnya',
        body: CatatCuti,
        response: { 201: HasilCatat },
      },
    },
    async (req, reply) => {
      const c = callerOf(req);
      const r = await withTenant(deps.sdb, c.tenantId, (trx) => catat(trx, c.tenantId, c, req.body));
      return reply.status(201).send(r);
    },
  );

  api.post(
    '/cuti/impor',
    {
      bodyLimit: batasUnggah().unggahByte,
      config: { permission: 'cuti.manage' },
      schema: {
        tags: ['cuti'],
        summary:
          'Mengimpor cuti/sakit/isolasi yang disetujui dari CSV/XLSX (nip,jenis,dari,sampai,keterangan); semua atau tidak sama sekali',
        querystring: ImporCutiQuery,
        response: { 200: HasilImporCuti },
      },
    },
    async (req) => {
      const c = callerOf(req);
      const table = await readTableDiPekerja(berkasDariIsi(req.body), req.query.nama);
      return withTenant(deps.sdb, c.tenantId, (trx) =>
        impor(trx, c.tenantId, actorOf(req), table, lingkupTanggal(trx, c, 'write')),
      );
    },
  );
}
