import { teks } from '@sigap/domain';
import {
  HasilNonaktifOpd,
  HasilNonaktifPegawai,
  HasilUbah,
  IdPegawaiParam,
  KodeOpdParam,
  Nonaktifkan,
  UbahOpd,
  UbahPegawai,
} from '@sigap/domain/api/org';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf, callerOf, type RouteDeps } from '../../http/context.ts';
import { sajikan } from '../../http/sajikan.ts';
import { nonaktifkanOpd, nonaktifkanPegawai, ubahOpd, ubahPegawai } from './ubah.service.ts';

const KodeOpd = KodeOpdParam;
const Nonaktif = Nonaktifkan;

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
