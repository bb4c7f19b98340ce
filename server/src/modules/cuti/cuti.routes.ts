import {
  denganPeriode,
  JENIS_CUTI,
  MAKS_HARI_CUTI,
  periodeDengan,
  TanggalSchema,
  teksBiasa,
} from '@sigap/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withTenant } from '../../db/database.ts';
import { actorOf, callerOf, type RouteDeps } from '../../http/context.ts';
import { batasUnggah } from '../impor/batas.ts';
import { berkasDariIsi, readTableDiPekerja } from '../impor/file-reader.ts';
import { lingkupTanggal } from '../org/org.service.ts';
import { ajukan, batalkan, catat, daftar, impor, putuskan } from './cuti.service.ts';

const isian = {
  jenis: z.enum(JENIS_CUTI),
  keterangan: teksBiasa({ multiline: true }).max(500).optional(),
};
const Isian = periodeDengan(isian, MAKS_HARI_CUTI);

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
        // A filter: any length, but real dates in order.
        querystring: denganPeriode(
          z.object({
            untuk: z.enum(['saya', 'persetujuan', 'semua']).default('semua'),
            status: z.enum(['diajukan', 'disetujui', 'ditolak', 'dibatalkan']).optional(),
            dari: TanggalSchema.optional(),
            sampai: TanggalSchema.optional(),
          }),
          Number.POSITIVE_INFINITY,
        ),
      },
    },
    async (req) => {
      const c = callerOf(req);
      return withTenant(deps.sdb, c.tenantId, (trx) => daftar(trx, c, req.query));
    },
  );

  api.post(
    '/cuti',
    {
      config: { permission: 'session' },
      schema: {
        tags: ['cuti'],
        summary: 'Pegawai mengajukan cuti untuk dirinya; atasannya diberi tahu',
        body: Isian,
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
        params: z.object({ id: z.uuid() }),
        body: z.object({ setuju: z.boolean(), catatan: teksBiasa({ multiline: true }).max(500).optional() }),
      },
    },
    async (req) => {
      const c = callerOf(req);
      return withTenant(deps.sdb, c.tenantId, (trx) => putuskan(trx, c.tenantId, c, req.params.id, req.body));
    },
  );

  api.post(
    '/cuti/:id/batal',
    {
      config: { permission: 'session' },
      schema: {
        tags: ['cuti'],
        summary: 'Pegawai menarik pengajuannya yang belum diputus',
        params: z.object({ id: z.uuid() }),
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
      config: { permission: 'leave.manage' },
      schema: {
        tags: ['cuti'],
        summary: 'Admin OPD mencatat cuti/sakit/isolasi yang sudah disetujui untuk pegawai dalam lingkupnya',
        body: periodeDengan(
          { ...isian, key: z.string().min(1).max(40).describe('NIP atau id_pegawai') },
          MAKS_HARI_CUTI,
        ),
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
      config: { permission: 'leave.manage' },
      schema: {
        tags: ['cuti'],
        summary:
          'Mengimpor cuti/sakit/isolasi yang disetujui dari CSV/XLSX (nip,jenis,dari,sampai,keterangan); semua atau tidak sama sekali',
        querystring: z.object({ nama: z.string().max(200).default('cuti.csv') }),
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
