import {
  JABATAN_LEVEL,
  JENIS_PEGAWAI,
  KELAS_LAYANAN,
  RADIUS_GEOFENCE,
  TanggalSchema,
  teks,
  teksBiasa,
} from '@sigap/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withTenant } from '../../db/database.ts';
import { actorOf, callerOf, type RouteDeps } from '../../http/context.ts';
import { listPegawai, opdDetail, opdTree, pegawaiDetail, tenantToday } from './org.service.ts';
import { nonaktifkanOpd, nonaktifkanPegawai, ubahOpd, ubahPegawai } from './ubah.service.ts';

const Berlaku = TanggalSchema.optional().describe('tanggal berlaku (YYYY-MM-DD); bawaan: hari ini');
const Nonaktif = z.object({ berlaku: Berlaku }).strict();
const KodeOpd = z.object({ kode: z.string().max(40) });

const AsOf = z.object({
  tanggal: TanggalSchema.optional().describe('lihat data per tanggal (YYYY-MM-DD); bawaan: hari ini'),
});

/** The organisation registry: OPD tree, OPD pages, employees — all answerable "as of a date". */
export async function orgRoutes(app: FastifyInstance, deps: RouteDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/opd',
    {
      config: { permission: 'org.read' },
      schema: { tags: ['organisasi'], summary: 'Pohon OPD dan unit', querystring: AsOf },
    },
    async (req) => {
      const c = callerOf(req);
      return withTenant(deps.sdb, c.tenantId, async (trx) => {
        const tanggal = req.query.tanggal ?? (await tenantToday(trx, c.tenantId));
        return { tanggal, opd: await opdTree(trx, tanggal) };
      });
    },
  );
  api.get(
    '/opd/:kode',
    {
      config: { permission: 'org.read' },
      schema: {
        tags: ['organisasi'],
        summary: 'Satu OPD/unit: kantor, geofence, unit di bawahnya, riwayat',
        params: z.object({ kode: z.string().max(40) }),
        querystring: AsOf,
      },
    },
    async (req) => {
      const c = callerOf(req);
      return withTenant(deps.sdb, c.tenantId, async (trx) =>
        opdDetail(trx, req.params.kode, req.query.tanggal ?? (await tenantToday(trx, c.tenantId))),
      );
    },
  );
  api.get(
    '/pegawai',
    {
      config: { permission: 'pegawai.read' },
      schema: {
        tags: ['organisasi'],
        summary: 'Daftar pegawai dalam cakupan akun (cari, saring, halaman)',
        querystring: AsOf.extend({
          q: z.string().max(100).optional(),
          opd: z.string().max(40).optional(),
          level: z.enum(JABATAN_LEVEL).optional(),
          jenis: z.enum(JENIS_PEGAWAI).optional(),
          limit: z.coerce.number().int().min(1).max(1000).default(100),
          offset: z.coerce.number().int().min(0).default(0),
        }),
      },
    },
    async (req) => {
      const c = callerOf(req);
      const q = req.query;
      return withTenant(deps.sdb, c.tenantId, async (trx) => {
        const tanggal = q.tanggal ?? (await tenantToday(trx, c.tenantId));
        const r = await listPegawai(trx, c, tanggal, {
          q: q.q,
          opdKode: q.opd,
          level: q.level,
          jenis: q.jenis,
          limit: q.limit,
          offset: q.offset,
        });
        return { tanggal, ...r };
      });
    },
  );
  api.get(
    '/pegawai/:id',
    {
      config: { permission: 'pegawai.read' },
      schema: {
        tags: ['organisasi'],
        summary: 'Satu pegawai: penempatan, atasan, bawahan, riwayat',
        params: z.object({ id: z.uuid() }),
        querystring: AsOf,
      },
    },
    async (req) => {
      const c = callerOf(req);
      return withTenant(deps.sdb, c.tenantId, async (trx) =>
        pegawaiDetail(trx, c, req.params.id, req.query.tanggal ?? (await tenantToday(trx, c.tenantId))),
      );
    },
  );

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
