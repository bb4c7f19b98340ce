import { JABATAN_LEVEL, KELAS_LAYANAN, RADIUS_GEOFENCE, TanggalSchema, teks, teksBiasa } from '@sigap/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, callerOf, type RouteDeps } from '../../http/context.ts';
import { nonaktifkanOpd, nonaktifkanPegawai, ubahOpd, ubahPegawai } from './ubah.service.ts';

const Berlaku = TanggalSchema.optional().describe('tanggal berlaku (YYYY-MM-DD); bawaan: hari ini');
const Nonaktif = z.object({ berlaku: Berlaku }).strict();
const KodeOpd = z.object({ kode: z.string().max(40) });

/**
 * Editing and deactivating one employee or OPD from the web app: a one-row import (ubah.service.ts),
 * under the organisation's paths.
 */
export async function ubahRoutes(app: FastifyInstance, deps: RouteDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.put(
    '/pegawai/:id',
    {
      config: { permission: 'pegawai.write' },
      schema: {
        tags: ['organisasi'],
        summary: 'Mengubah data dan penempatan satu pegawai mulai tanggal berlaku (riwayat tetap)',
        params: z.object({ id: z.uuid() }),
        body: z
          .object({
            nama: teksBiasa().pipe(z.string().trim().min(1).max(200)).optional(),
            opdKode: teksBiasa().pipe(z.string().trim().min(1).max(40)).optional(),
            jabatanLevel: z.enum(JABATAN_LEVEL).optional(),
            jabatan: teksBiasa().pipe(z.string().max(200)).optional(),
            email: teksBiasa().pipe(z.string().max(200)).optional(),
            telepon: teksBiasa().pipe(z.string().max(40)).optional(),
            berlaku: Berlaku,
          })
          .strict(),
      },
    },
    async (req) => ubahPegawai(deps.sdb, callerOf(req), actorOf(req), req.params.id, req.body),
  );
  api.post(
    '/pegawai/:id/nonaktifkan',
    {
      config: { permission: 'pegawai.write' },
      schema: {
        tags: ['organisasi'],
        summary:
          'Menonaktifkan pegawai (keluar dari organisasi) mulai tanggal berlaku; akun masuk yang tertaut ikut dinonaktifkan sekarang dan sesinya diakhiri (tidak aktif kembali bersama pegawainya)',
        params: z.object({ id: z.uuid() }),
        body: Nonaktif,
      },
    },
    async (req) => {
      const { pesan, ...r } = await nonaktifkanPegawai(
        deps.sdb,
        callerOf(req),
        actorOf(req),
        req.params.id,
        req.body.berlaku,
      );
      return { ...r, message: teks(pesan, req.lang) };
    },
  );
  api.put(
    '/opd/:kode',
    {
      config: { permission: 'pegawai.write' },
      schema: {
        tags: ['organisasi'],
        summary: 'Mengubah satu OPD/unit mulai tanggal berlaku (hanya admin Pemda/BKPSDM)',
        params: KodeOpd,
        body: z
          .object({
            nama: teksBiasa().pipe(z.string().trim().min(1).max(200)).optional(),
            indukKode: teksBiasa().pipe(z.string().trim().max(40)).optional(),
            kelasLayanan: z.enum(KELAS_LAYANAN).optional(),
            // Inside Indonesia, both or neither, a radius only with a location: checked by the import.
            lat: z.number().min(-90).max(90).nullable().optional().describe('lintang kantor; null = kosong'),
            lng: z.number().min(-180).max(180).nullable().optional().describe('bujur kantor; null = kosong'),
            radiusM: z
              .number()
              .int()
              .min(RADIUS_GEOFENCE.min)
              .max(RADIUS_GEOFENCE.max)
              .nullable()
              .optional()
              .describe('radius geofence dalam meter'),
            berlaku: Berlaku,
          })
          .strict(),
      },
    },
    async (req) => ubahOpd(deps.sdb, callerOf(req), actorOf(req), req.params.kode, req.body),
  );
  api.post(
    '/opd/:kode/nonaktifkan',
    {
      config: { permission: 'pegawai.write' },
      schema: {
        tags: ['organisasi'],
        summary: 'Menonaktifkan OPD/unit mulai tanggal berlaku (tanpa pegawai dan unit aktif)',
        params: KodeOpd,
        body: Nonaktif,
      },
    },
    async (req) => nonaktifkanOpd(deps.sdb, callerOf(req), actorOf(req), req.params.kode, req.body.berlaku),
  );
}
