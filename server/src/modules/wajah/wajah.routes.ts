import { IdParam } from '@sigap/domain/api/umum';
import {
  BeriPersetujuan,
  DaftarWajah,
  DaftarWajahQuery,
  HasilCabut,
  HasilPersetujuan,
  PengaturanWajah,
  WajahSaya,
} from '@sigap/domain/api/wajah';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { withTenant } from '../../db/database.ts';
import { actorOf, callerOf, type RouteDeps } from '../../http/context.ts';
import { sajikan } from '../../http/sajikan.ts';
import {
  cabutPersetujuan,
  catatPersetujuan,
  daftarStatus,
  konteksDari,
  lihatWajah,
  pegawaiSendiri,
  pengaturanWajah,
  ubahPengaturanWajah,
} from './wajah.service.ts';

/**
 * Face enrolment's privacy side: a person's own consent, what is held about them and withdrawal
 * (`session`, own record only); admins' consent records, withdrawals and overview (`wajah.enrol`,
 * within their OPD); the Pemda's photo-keeping period. Enrolment itself (photos through the face
 * engine) is added where the engine is wired in.
 */
export async function wajahRoutes(app: FastifyInstance, deps: RouteDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/wajah/saya',
    {
      config: { permission: 'session' },
      schema: {
        tags: ['wajah'],
        summary:
          'Data wajah yang disimpan tentang saya: riwayat persetujuan, jumlah templat, foto (tanpa vektor)',
        response: { 200: WajahSaya },
      },
    },
    async (req) => {
      const c = callerOf(req);
      return sajikan(
        WajahSaya,
        await withTenant(deps.sdb, c.tenantId, (trx) => lihatWajah(trx, konteksDari(c), pegawaiSendiri(c))),
      );
    },
  );

  api.post(
    '/wajah/saya/persetujuan',
    {
      config: { permission: 'session' },
      schema: {
        tags: ['wajah'],
        summary: 'Saya memberi persetujuan pendaftaran wajah (tujuan dan dasar dicatat)',
        body: BeriPersetujuan,
        response: { 200: HasilPersetujuan },
      },
    },
    async (req) => {
      const c = callerOf(req);
      return sajikan(
        HasilPersetujuan,
        await withTenant(deps.sdb, c.tenantId, (trx) =>
          catatPersetujuan(trx, konteksDari(c), pegawaiSendiri(c), { ...req.body, cara: 'mandiri' }),
        ),
      );
    },
  );

  api.delete(
    '/wajah/saya',
    {
      config: { permission: 'session' },
      schema: {
        tags: ['wajah'],
        summary: 'Mencabut persetujuan: templat dan foto wajah saya dihapus',
        response: { 200: HasilCabut },
      },
    },
    async (req) => {
      const c = callerOf(req);
      return sajikan(
        HasilCabut,
        await withTenant(deps.sdb, c.tenantId, (trx) =>
          cabutPersetujuan(trx, konteksDari(c), pegawaiSendiri(c)),
        ),
      );
    },
  );

  api.get(
    '/wajah/pegawai',
    {
      config: { permission: 'wajah.enrol' },
      schema: {
        tags: ['wajah'],
        summary: 'Status pendaftaran wajah pegawai dalam lingkup (persetujuan, jumlah templat; tanpa vektor)',
        querystring: DaftarWajahQuery,
        response: { 200: DaftarWajah },
      },
    },
    async (req) => {
      const c = callerOf(req);
      return sajikan(
        DaftarWajah,
        await withTenant(deps.sdb, c.tenantId, (trx) => daftarStatus(trx, c, req.query.opd)),
      );
    },
  );

  api.post(
    '/wajah/pegawai/:id/persetujuan',
    {
      config: { permission: 'wajah.enrol' },
      schema: {
        tags: ['wajah'],
        summary: 'Admin mencatat persetujuan yang diberikan pegawai secara langsung (keterangan wajib)',
        params: IdParam,
        body: BeriPersetujuan,
        response: { 200: HasilPersetujuan },
      },
    },
    async (req) => {
      const c = callerOf(req);
      return sajikan(
        HasilPersetujuan,
        await withTenant(deps.sdb, c.tenantId, (trx) =>
          catatPersetujuan(trx, konteksDari(c), req.params.id, { ...req.body, cara: 'petugas' }),
        ),
      );
    },
  );

  api.delete(
    '/wajah/pegawai/:id',
    {
      config: { permission: 'wajah.enrol' },
      schema: {
        tags: ['wajah'],
        summary: 'Admin mencabut persetujuan atas permintaan pegawai: templat dan foto wajahnya dihapus',
        params: IdParam,
        response: { 200: HasilCabut },
      },
    },
    async (req) => {
      const c = callerOf(req);
      return sajikan(
        HasilCabut,
        await withTenant(deps.sdb, c.tenantId, (trx) => cabutPersetujuan(trx, konteksDari(c), req.params.id)),
      );
    },
  );

  api.get(
    '/wajah/pengaturan',
    {
      config: { permission: 'pengaturan.read' },
      schema: {
        tags: ['wajah'],
        summary: 'Berapa hari foto pendaftaran wajah disimpan (0 = tidak disimpan)',
        response: { 200: PengaturanWajah },
      },
    },
    async (req) => {
      const c = callerOf(req);
      return withTenant(deps.sdb, c.tenantId, (trx) => pengaturanWajah(trx, c.tenantId));
    },
  );

  api.put(
    '/wajah/pengaturan',
    {
      config: { permission: 'pengaturan.write' },
      schema: {
        tags: ['wajah'],
        summary:
          'Mengubah masa simpan foto pendaftaran wajah (memendekkan berlaku juga untuk foto yang sudah ada)',
        body: PengaturanWajah,
        response: { 200: PengaturanWajah },
      },
    },
    async (req) => {
      const c = callerOf(req);
      return withTenant(deps.sdb, c.tenantId, (trx) =>
        ubahPengaturanWajah(trx, c.tenantId, actorOf(req), req.body.simpan_foto_hari),
      );
    },
  );
}
