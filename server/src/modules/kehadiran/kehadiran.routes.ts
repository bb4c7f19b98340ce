import { pesan } from '@sigap/domain';
import {
  DaftarPerangkat,
  HasilImporLog,
  HasilTabelPin,
  ImporLogQuery,
  TabelPin,
  TerminalBaru,
  TerminalDibuat,
  TokenDicabut,
  TokenPerangkat,
} from '@sigap/domain/api/kehadiran';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withTenant } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { actorOf, callerOf, type RouteDeps } from '../../http/context.ts';
import { sajikan } from '../../http/sajikan.ts';
import { batasUnggah } from '../impor/batas.ts';
import { MAKS_MASALAH_IMPOR } from '../impor/masalah.ts';
import { lingkupTanggal } from '../org/org.service.ts';
import { imporLogBerkas } from './kehadiran.service.ts';
import { aturPin, daftarkanPerangkat, daftarPerangkat } from './perangkat.service.ts';
import { cabutToken, terbitkanToken } from './token.service.ts';

/** The log file as the request body (text/csv, text/plain or application/octet-stream). */
function isiLog(body: unknown): Buffer {
  if (typeof body === 'string' && body.length > 0) return Buffer.from(body, 'utf8');
  if (Buffer.isBuffer(body) && body.length > 0) return body;
  throw new AppError(
    'BERKAS_TIDAK_SAH',
    pesan(
      'Kirim berkas log mesin absensi (CSV atau attlog) sebagai isi permintaan',
      'Send the terminal log file (CSV or attlog) as the request body',
    ),
  );
}

const KodeAtauId = z.object({ id: z.string().min(1).max(64) });

/** Terminal log imports and the devices (terminals) with their PIN tables. */
export async function kehadiranRoutes(app: FastifyInstance, deps: RouteDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/kehadiran/impor',
    {
      bodyLimit: batasUnggah().unggahByte,
      config: { permission: 'kehadiran.impor' },
      schema: {
        tags: ['kehadiran'],
        summary:
          'Mengimpor log mesin absensi (CSV nip,id_pegawai,waktu,perangkat,jenis atau attlog); per baris, bukan semua-atau-tidak',
        description:
          'Isi permintaan = berkas log (text/csv, text/plain atau application/octet-stream). Baris yang baik disimpan sekali (orang, perangkat, waktu); baris lain dicantumkan dengan alasannya. Admin OPD hanya menyimpan pegawai OPD-nya.',
        querystring: ImporLogQuery,
        response: { 200: HasilImporLog },
      },
    },
    async (req) => {
      const c = callerOf(req);
      const r = await imporLogBerkas(deps.sdb, c.tenantId, isiLog(req.body), {
        actor: actorOf(req),
        namaBerkas: req.query.nama,
        perangkat: req.query.perangkat ?? null,
        lingkupPada: (trx) => lingkupTanggal(trx, c, 'write'),
      });
      return sajikan(HasilImporLog, {
        ...r,
        rincian: r.rincian.slice(0, MAKS_MASALAH_IMPOR),
        rincianLain: Math.max(0, r.rincian.length - MAKS_MASALAH_IMPOR),
      });
    },
  );

  api.get(
    '/perangkat',
    {
      config: { permission: 'perangkat.manage' },
      schema: {
        tags: ['kehadiran'],
        summary: 'Mesin absensi dan kios di OPD/unit Anda',
        response: { 200: DaftarPerangkat },
      },
    },
    async (req) => {
      const c = callerOf(req);
      return sajikan(
        DaftarPerangkat,
        await withTenant(deps.sdb, c.tenantId, (trx) => daftarPerangkat(trx, c)),
      );
    },
  );

  api.post(
    '/perangkat',
    {
      config: { permission: 'perangkat.manage' },
      schema: {
        tags: ['kehadiran'],
        summary:
          'Mendaftarkan mesin absensi (terminal; kode = nama mesin dalam lognya) atau kios absen wajah sebuah OPD/unit',
        body: TerminalBaru,
        response: { 201: TerminalDibuat },
      },
    },
    async (req, reply) => {
      const c = callerOf(req);
      const r = await withTenant(deps.sdb, c.tenantId, (trx) =>
        daftarkanPerangkat(trx, c.tenantId, actorOf(req), c, {
          kode: req.body.kode,
          nama: req.body.nama,
          opdKode: req.body.opd_kode,
          jenis: req.body.jenis,
        }),
      );
      return reply.status(201).send(r);
    },
  );

  api.put(
    '/perangkat/:id/pin',
    {
      config: { permission: 'perangkat.manage' },
      schema: {
        tags: ['kehadiran'],
        summary: 'Mengganti seluruh tabel PIN mesin (PIN → NIP/id_pegawai); semua atau tidak sama sekali',
        params: KodeAtauId,
        body: TabelPin,
        response: { 200: HasilTabelPin },
      },
    },
    async (req) => {
      const c = callerOf(req);
      return withTenant(deps.sdb, c.tenantId, (trx) =>
        aturPin(trx, c.tenantId, actorOf(req), c, req.params.id, req.body.pin),
      );
    },
  );

  api.post(
    '/perangkat/:id/token',
    {
      config: { permission: 'perangkat.manage' },
      schema: {
        tags: ['kehadiran'],
        summary:
          'Menerbitkan token perangkat (kios, atau mesin yang mengirim langsung); token lama langsung tidak berlaku',
        description:
          'Token ditampilkan sekali ini saja; yang disimpan hanya hash SHA-256-nya. Kios memakainya di halaman /kiosk, mesin di header Authorization: Bearer <token>.',
        params: KodeAtauId,
        response: { 200: TokenPerangkat },
      },
    },
    async (req, reply) => {
      const c = callerOf(req);
      const r = await withTenant(deps.sdb, c.tenantId, (trx) =>
        terbitkanToken(trx, c.tenantId, actorOf(req), c, req.params.id),
      );
      // the token is a secret shown once: never kept by a cache on the way
      return reply.header('cache-control', 'no-store').send(r);
    },
  );

  api.delete(
    '/perangkat/:id/token',
    {
      config: { permission: 'perangkat.manage' },
      schema: {
        tags: ['kehadiran'],
        summary:
          'Mencabut token perangkat: permintaannya ditolak (401, dengan waktu pencabutan) sampai token baru diterbitkan',
        params: KodeAtauId,
        response: { 200: TokenDicabut },
      },
    },
    async (req) => {
      const c = callerOf(req);
      return withTenant(deps.sdb, c.tenantId, (trx) =>
        cabutToken(trx, c.tenantId, actorOf(req), c, req.params.id),
      );
    },
  );
}
