import { IdParam } from '@sigap/domain/api/umum';
import {
  BeriPersetujuan,
  DaftarWajah,
  DaftarWajahQuery,
  HasilCabut,
  HasilDaftarFoto,
  HasilPersetujuan,
  PengaturanWajah,
  WajahSaya,
} from '@sigap/domain/api/wajah';
import { MAKS_SAMPEL } from '@sigap/domain/wajah/sampel';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { withTenant } from '../../db/database.ts';
import { type BatasBagian, bacaBagian, pasangBagian } from '../../http/bagian.ts';
import { actorOf, callerOf, type RouteDeps } from '../../http/context.ts';
import { sajikan } from '../../http/sajikan.ts';
import { SESSION_COOKIE } from '../auth/auth.service.ts';
import { daftarkanDariFoto, type HasilDaftarFoto as HasilDaftar } from './daftar.service.ts';
import { cincinUntuk } from './kunci.ts';
import { BATAS_FOTO } from './mesin/index.ts';
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

const BATAS_DAFTAR: BatasBagian = {
  namaBerkas: 'foto',
  maksBerkas: MAKS_SAMPEL,
  ukuranBerkas: BATAS_FOTO.ukuranMaks,
  maksIsian: 0,
};

/** Enrolment calls a session may make per minute (each runs the face model on up to ten photos). */
export const DAFTAR_PER_MENIT = 6;

const hasilApi = (r: HasilDaftar) => ({
  foto: r.foto.map((f) => ({
    nama: f.nama,
    hasil: f.hasil,
    alasan: [...f.alasan],
    ...(f.kemiripan === undefined ? {} : { kemiripan: f.kemiripan }),
  })),
  model: r.model,
  disimpan: r.disimpan,
  jumlah_templat: r.jumlahTemplat,
  lengkap: r.lengkap,
  pesan: r.pesan,
});

async function fotoDari(req: FastifyRequest) {
  const { berkas } = await bacaBagian(req, BATAS_DAFTAR);
  return berkas.map((bytes, i) => ({ nama: `foto ${i + 1}`, bytes: new Uint8Array(bytes) }));
}

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

  // Enrolment from photos (multipart \`foto\`, 1–10 JPEG ≤ 2 MB each), in a scope of its own for the parser.
  await app.register(async (sub) => {
    await pasangBagian(sub, BATAS_DAFTAR);
    const s = sub.withTypeProvider<ZodTypeProvider>();
    const batas = {
      max: DAFTAR_PER_MENIT,
      timeWindow: '1 minute',
      keyGenerator: (req: FastifyRequest) => `daftar-wajah:${req.cookies[SESSION_COOKIE] ?? req.ip}`,
    };
    s.post(
      '/wajah/saya/foto',
      {
        config: { permission: 'session', rateLimit: batas },
        schema: {
          tags: ['wajah'],
          summary: 'Mendaftarkan wajah saya dari foto kamera (setelah persetujuan), satu hasil per foto',
          description:
            'multipart/form-data: `foto` 1–10 gambar JPEG (≤ 2 MB). Setiap foto diperiksa (satu wajah, cukup besar, menghadap kamera, tajam, orang yang sama); hanya templat terenkripsi yang disimpan.',
          consumes: ['multipart/form-data'],
          response: { 200: HasilDaftarFoto },
        },
      },
      async (req) => {
        const c = callerOf(req);
        const foto = await fotoDari(req);
        return hasilApi(
          await daftarkanDariFoto(deps.sdb, konteksDari(c), cincinUntuk(deps.sdb), pegawaiSendiri(c), foto, {
            minFoto: 1,
          }),
        );
      },
    );
    s.post(
      '/wajah/pegawai/:id/foto',
      {
        config: { permission: 'wajah.enrol', rateLimit: batas },
        schema: {
          tags: ['wajah'],
          summary:
            'Admin mendaftarkan wajah pegawai dari foto yang diambil langsung (persetujuan dicatat dahulu)',
          params: IdParam,
          consumes: ['multipart/form-data'],
          response: { 200: HasilDaftarFoto },
        },
      },
      async (req) => {
        const c = callerOf(req);
        const foto = await fotoDari(req);
        return hasilApi(
          await daftarkanDariFoto(deps.sdb, konteksDari(c), cincinUntuk(deps.sdb), req.params.id, foto, {
            minFoto: 1,
          }),
        );
      },
    );
  });
}
