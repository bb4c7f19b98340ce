import {
  AjukanDinasLuar,
  AjukanKoreksi,
  DaftarDinasLuar,
  DaftarKetukan,
  DaftarKoreksi,
  HasilPengajuan,
  KetukanQuery,
  PengajuanQuery,
  PutusanPengajuan,
} from '@sigap/domain/api/kehadiran';
import { IdParam } from '@sigap/domain/api/umum';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { withTenant } from '../../db/database.ts';
import { callerOf, type RouteDeps } from '../../http/context.ts';
import { sajikan } from '../../http/sajikan.ts';
import {
  ajukanDinasLuar,
  batalkanDinasLuar,
  daftarDinasLuar,
  putuskanDinasLuar,
} from './dinas-luar.service.ts';
import {
  ajukanKoreksi,
  batalkanKoreksi,
  daftarKoreksi,
  ketukanSaya,
  putuskanKoreksi,
} from './koreksi.service.ts';

/**
 * Corrections of one's attendance day and official travel (dinas luar): asked by the person for
 * themselves (`session`), decided by their direct supervisor — or their OPD admin when they have none
 * (`kehadiran.koreksi.putus`). docs/kehadiran.md "Koreksi dan dinas luar".
 */
export async function koreksiRoutes(app: FastifyInstance, deps: RouteDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const PUTUS =
    'Atasan langsung pegawai pada hari itu memutuskan; bila pegawai tidak punya atasan, admin OPD-nya. Tidak pernah pegawai itu sendiri.';

  api.get(
    '/kehadiran/koreksi',
    {
      config: { permission: 'session' },
      schema: {
        tags: ['kehadiran'],
        summary: 'Koreksi kehadiran milik sendiri, dengan absen tersimpan pada hari itu',
        querystring: PengajuanQuery,
        response: { 200: DaftarKoreksi },
      },
    },
    async (req) => {
      const c = callerOf(req);
      return sajikan(
        DaftarKoreksi,
        await withTenant(deps.sdb, c.tenantId, (trx) =>
          daftarKoreksi(trx, c.tenantId, c, 'saya', req.query.status),
        ),
      );
    },
  );

  api.get(
    '/kehadiran/koreksi/ketukan',
    {
      config: { permission: 'session' },
      schema: {
        tags: ['kehadiran'],
        summary: 'Absen milik sendiri yang diterima pada satu tanggal (yang dapat digantikan koreksi)',
        querystring: KetukanQuery,
        response: { 200: DaftarKetukan },
      },
    },
    async (req) => {
      const c = callerOf(req);
      return sajikan(
        DaftarKetukan,
        await withTenant(deps.sdb, c.tenantId, (trx) => ketukanSaya(trx, c.tenantId, c, req.query.tanggal)),
      );
    },
  );

  api.get(
    '/kehadiran/koreksi/persetujuan',
    {
      config: { permission: 'kehadiran.koreksi.putus' },
      schema: {
        tags: ['kehadiran'],
        summary: 'Koreksi kehadiran yang menunggu keputusan Anda',
        description: PUTUS,
        response: { 200: DaftarKoreksi },
      },
    },
    async (req) => {
      const c = callerOf(req);
      return sajikan(
        DaftarKoreksi,
        await withTenant(deps.sdb, c.tenantId, (trx) => daftarKoreksi(trx, c.tenantId, c, 'persetujuan')),
      );
    },
  );

  api.post(
    '/kehadiran/koreksi',
    {
      config: { permission: 'session' },
      schema: {
        tags: ['kehadiran'],
        summary:
          'Pegawai mengajukan koreksi hari kehadirannya sendiri (menambah absen, atau menggantikan absen tersimpan); atasannya diberi tahu',
        description:
          'Hanya untuk hari ini atau paling lama 31 hari ke belakang, jam yang sudah lewat; paling banyak 3 koreksi menunggu per hari. Absen asli tidak pernah diubah.',
        body: AjukanKoreksi,
        response: { 201: HasilPengajuan },
      },
    },
    async (req, reply) => {
      const c = callerOf(req);
      const r = await withTenant(deps.sdb, c.tenantId, (trx) => ajukanKoreksi(trx, c.tenantId, c, req.body));
      return reply.status(201).send(r);
    },
  );

  api.post(
    '/kehadiran/koreksi/:id/putusan',
    {
      config: { permission: 'kehadiran.koreksi.putus' },
      schema: {
        tags: ['kehadiran'],
        summary: 'Menyetujui atau menolak koreksi kehadiran, dengan catatan',
        description: `${PUTUS} Koreksi yang sudah diputus menjawab 409.`,
        params: IdParam,
        body: PutusanPengajuan,
        response: { 200: HasilPengajuan },
      },
    },
    async (req) => {
      const c = callerOf(req);
      return withTenant(deps.sdb, c.tenantId, (trx) =>
        putuskanKoreksi(trx, c.tenantId, c, req.params.id, req.body),
      );
    },
  );

  api.post(
    '/kehadiran/koreksi/:id/batal',
    {
      config: { permission: 'session' },
      schema: {
        tags: ['kehadiran'],
        summary: 'Pegawai membatalkan koreksinya yang belum diputus',
        params: IdParam,
        response: { 200: HasilPengajuan },
      },
    },
    async (req) => {
      const c = callerOf(req);
      return withTenant(deps.sdb, c.tenantId, (trx) => batalkanKoreksi(trx, c.tenantId, c, req.params.id));
    },
  );

  api.get(
    '/kehadiran/dinas-luar',
    {
      config: { permission: 'session' },
      schema: {
        tags: ['kehadiran'],
        summary: 'Pengajuan dinas luar milik sendiri',
        querystring: PengajuanQuery,
        response: { 200: DaftarDinasLuar },
      },
    },
    async (req) => {
      const c = callerOf(req);
      return sajikan(
        DaftarDinasLuar,
        await withTenant(deps.sdb, c.tenantId, (trx) => daftarDinasLuar(trx, c, 'saya', req.query.status)),
      );
    },
  );

  api.get(
    '/kehadiran/dinas-luar/persetujuan',
    {
      config: { permission: 'kehadiran.koreksi.putus' },
      schema: {
        tags: ['kehadiran'],
        summary: 'Pengajuan dinas luar yang menunggu keputusan Anda',
        description: PUTUS,
        response: { 200: DaftarDinasLuar },
      },
    },
    async (req) => {
      const c = callerOf(req);
      return sajikan(
        DaftarDinasLuar,
        await withTenant(deps.sdb, c.tenantId, (trx) => daftarDinasLuar(trx, c, 'persetujuan')),
      );
    },
  );

  api.post(
    '/kehadiran/dinas-luar',
    {
      config: { permission: 'session' },
      schema: {
        tags: ['kehadiran'],
        summary:
          'Pegawai mengajukan dinas luar (nomor surat, tujuan, lokasi tujuan bila ada); atasannya diberi tahu',
        description:
          'Paling lama 31 hari sekali pengajuan, mulai paling lama 31 hari ke belakang dan paling jauh 90 hari ke depan; tidak boleh bertumpang tindih dengan dinas luar lain yang diajukan atau disetujui.',
        body: AjukanDinasLuar,
        response: { 201: HasilPengajuan },
      },
    },
    async (req, reply) => {
      const c = callerOf(req);
      const r = await withTenant(deps.sdb, c.tenantId, (trx) =>
        ajukanDinasLuar(trx, c.tenantId, c, req.body),
      );
      return reply.status(201).send(r);
    },
  );

  api.post(
    '/kehadiran/dinas-luar/:id/putusan',
    {
      config: { permission: 'kehadiran.koreksi.putus' },
      schema: {
        tags: ['kehadiran'],
        summary: 'Menyetujui atau menolak dinas luar, dengan catatan',
        description: `${PUTUS} Atasan harus menjadi atasan langsung pada setiap hari dinas luar itu.`,
        params: IdParam,
        body: PutusanPengajuan,
        response: { 200: HasilPengajuan },
      },
    },
    async (req) => {
      const c = callerOf(req);
      return withTenant(deps.sdb, c.tenantId, (trx) =>
        putuskanDinasLuar(trx, c.tenantId, c, req.params.id, req.body),
      );
    },
  );

  api.post(
    '/kehadiran/dinas-luar/:id/batal',
    {
      config: { permission: 'session' },
      schema: {
        tags: ['kehadiran'],
        summary: 'Pegawai membatalkan dinas luarnya yang belum diputus',
        params: IdParam,
        response: { 200: HasilPengajuan },
      },
    },
    async (req) => {
      const c = callerOf(req);
      return withTenant(deps.sdb, c.tenantId, (trx) => batalkanDinasLuar(trx, c.tenantId, c, req.params.id));
    },
  );
}
