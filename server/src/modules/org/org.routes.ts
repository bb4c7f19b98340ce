import { teks } from '@sigap/domain';
import {
  AsOfQuery,
  HasilNonaktifOpd,
  HasilNonaktifPegawai,
  HasilUbah,
  IdPegawaiParam,
  KodeOpdParam,
  Nonaktifkan,
  OpdDetail,
  OpdTree,
  PegawaiDetail,
  PegawaiPage,
  PegawaiQuery,
  UbahOpd,
  UbahPegawai,
} from '@sigap/domain/api/org';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { withTenant } from '../../db/database.ts';
import { actorOf, callerOf, type RouteDeps } from '../../http/context.ts';
import { sajikan } from '../../http/sajikan.ts';
import { listPegawai, opdDetail, opdTree, pegawaiDetail, tenantToday } from './org.service.ts';
import { nonaktifkanOpd, nonaktifkanPegawai, ubahOpd, ubahPegawai } from './ubah.service.ts';

const AsOf = AsOfQuery;
const KodeOpd = KodeOpdParam;
const Nonaktif = Nonaktifkan;

/** The organisation registry: OPD tree, OPD pages, employees — all answerable "as of a date". */
export async function orgRoutes(app: FastifyInstance, deps: RouteDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/opd',
    {
      config: { permission: 'org.read' },
      schema: {
        tags: ['organisasi'],
        summary: 'Pohon OPD dan unit',
        querystring: AsOf,
        response: { 200: OpdTree },
      },
    },
    async (req) => {
      const c = callerOf(req);
      return withTenant(deps.sdb, c.tenantId, async (trx) => {
        const tanggal = req.query.tanggal ?? (await tenantToday(trx, c.tenantId));
        return sajikan(OpdTree, { tanggal, opd: await opdTree(trx, tanggal) });
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
        params: KodeOpd,
        querystring: AsOf,
        response: { 200: OpdDetail },
      },
    },
    async (req) => {
      const c = callerOf(req);
      return sajikan(
        OpdDetail,
        await withTenant(deps.sdb, c.tenantId, async (trx) =>
          opdDetail(trx, req.params.kode, req.query.tanggal ?? (await tenantToday(trx, c.tenantId))),
        ),
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
        querystring: PegawaiQuery,
        response: { 200: PegawaiPage },
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
        return sajikan(PegawaiPage, { tanggal, ...r });
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
        params: IdPegawaiParam,
        querystring: AsOf,
        response: { 200: PegawaiDetail },
      },
    },
    async (req) => {
      const c = callerOf(req);
      return sajikan(
        PegawaiDetail,
        await withTenant(deps.sdb, c.tenantId, async (trx) =>
          pegawaiDetail(trx, c, req.params.id, req.query.tanggal ?? (await tenantToday(trx, c.tenantId))),
        ),
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
        params: IdPegawaiParam,
        body: UbahPegawai,
        response: { 200: HasilUbah },
      },
    },
    async (req) => {
      const { opd_kode, jabatan_level, ...b } = req.body;
      const u = { ...b, opdKode: opd_kode, jabatanLevel: jabatan_level };
      return sajikan(HasilUbah, await ubahPegawai(deps.sdb, callerOf(req), actorOf(req), req.params.id, u));
    },
  );
  api.post(
    '/pegawai/:id/nonaktifkan',
    {
      config: { permission: 'pegawai.write' },
      schema: {
        tags: ['organisasi'],
        summary:
          'Menonaktifkan pegawai (keluar dari organisasi) mulai tanggal berlaku; akun masuk yang tertaut ikut dinonaktifkan sekarang dan sesinya diakhiri (tidak aktif kembali bersama pegawainya)',
        params: IdPegawaiParam,
        body: Nonaktif,
        response: { 200: HasilNonaktifPegawai },
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
      return sajikan(HasilNonaktifPegawai, { ...r, message: teks(pesan, req.lang) });
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
        body: UbahOpd,
        response: { 200: HasilUbah },
      },
    },
    async (req) => {
      const { induk_kode, kelas_layanan, radius_m, ...b } = req.body;
      const u = { ...b, indukKode: induk_kode, kelasLayanan: kelas_layanan, radiusM: radius_m };
      return sajikan(HasilUbah, await ubahOpd(deps.sdb, callerOf(req), actorOf(req), req.params.kode, u));
    },
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
        response: { 200: HasilNonaktifOpd },
      },
    },
    async (req) =>
      sajikan(
        HasilNonaktifOpd,
        await nonaktifkanOpd(deps.sdb, callerOf(req), actorOf(req), req.params.kode, req.body.berlaku),
      ),
  );
}
