import { pesan } from '@sigap/domain';
import {
  CatatKonteks,
  DaftarKebijakan,
  DaftarKonteks,
  DampakKebijakan,
  DampakQuery,
  HasilSimpanKebijakan,
  HasilUbahStatus,
  HasilValidasiKebijakan,
  IdKebijakanParam,
  JelaskanQuery,
  KebijakanDetail,
  PenjelasanPegawai,
  UbahStatusKebijakan,
  UbahStatusParam,
} from '@sigap/domain/api/kebijakan';
import { Ok } from '@sigap/domain/api/umum';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { withTenant } from '../../db/database.ts';
import { AppError, errors } from '../../errors.ts';
import { actorOf, callerOf, type RouteDeps } from '../../http/context.ts';
import { sajikan } from '../../http/sajikan.ts';
import { tenantToday } from '../pengaturan/pengaturan.service.ts';
import {
  catatKonteks,
  daftarKebijakan,
  daftarKonteks,
  dampak,
  dariBaris,
  jelaskan,
  simpan,
  ubahStatus,
  validasi,
} from './kebijakan.service.ts';

const DOC_DESC =
  'Isi permintaan: dokumen kebijakan YAML (Content-Type text/yaml) atau JSON (application/json). Format: docs/kebijakan.md, skema: docs/kebijakan.schema.json.';

/** The document text of a request: YAML/plain text as is, a JSON body re-serialised. */
function teksDokumen(req: FastifyRequest): string {
  const b = req.body;
  if (typeof b === 'string' && b.trim() !== '') return b;
  if (Buffer.isBuffer(b) && b.length > 0) return b.toString('utf8');
  if (b && typeof b === 'object') return JSON.stringify(b, null, 2);
  throw new AppError(
    'VALIDASI',
    pesan(
      'Kirim dokumen kebijakan (YAML atau JSON) sebagai isi permintaan',
      'Send the policy document (YAML or JSON) as the request body',
    ),
  );
}

/** Policies: list, versions side by side, validate, store, activate/revoke, explain, impact preview, context. */
export async function kebijakanRoutes(app: FastifyInstance, deps: RouteDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/kebijakan',
    {
      config: { permission: 'kebijakan.read' },
      schema: {
        tags: ['kebijakan'],
        summary: 'Daftar kebijakan dengan semua versinya',
        response: { 200: DaftarKebijakan },
      },
    },
    async (req) => {
      const rows = await withTenant(deps.sdb, callerOf(req).tenantId, (trx) => daftarKebijakan(trx));
      const byId = new Map<string, typeof rows>();
      for (const r of rows) byId.set(r.id, [...(byId.get(r.id) ?? []), r]);
      const daftar = [...byId].map(([id, versions]) => {
        const latest = versions.at(-1)!;
        const aktif = versions.filter((v) => v.status === 'aktif').at(-1);
        const doc = dariBaris(aktif ?? latest);
        return {
          id,
          judul: doc.judul,
          nomor: doc.nomor,
          tanggal: doc.tanggal,
          jenisDokumen: doc.jenis_dokumen,
          penandatangan: doc.penandatangan,
          berlaku: doc.berlaku,
          versiAktif: aktif?.versi ?? null,
          versiTerbaru: latest.versi,
          versi: versions.map((v) => ({
            versi: v.versi,
            status: v.status,
            tanggal: v.tanggal,
            dibuatOleh: v.dibuat_oleh,
            dibuatPada: v.dibuat_pada,
          })),
        };
      });
      return sajikan(DaftarKebijakan, daftar);
    },
  );

  api.get(
    '/kebijakan/:id',
    {
      config: { permission: 'kebijakan.read' },
      schema: {
        tags: ['kebijakan'],
        summary: 'Satu kebijakan: setiap versi dengan dokumen dan teks aslinya',
        params: IdKebijakanParam,
        response: { 200: KebijakanDetail },
      },
    },
    async (req) => {
      const rows = await withTenant(deps.sdb, callerOf(req).tenantId, (trx) =>
        daftarKebijakan(trx, req.params.id),
      );
      if (rows.length === 0) throw errors.notFound(`Kebijakan ${req.params.id}`, `Policy ${req.params.id}`);
      return sajikan(KebijakanDetail, {
        id: req.params.id,
        versi: rows.map((r) => ({
          versi: r.versi,
          status: r.status,
          dokumen: dariBaris(r),
          sumber: r.sumber,
          dibuatOleh: r.dibuat_oleh,
          dibuatPada: r.dibuat_pada,
          statusOleh: r.status_oleh,
          statusPada: r.status_pada,
        })),
      });
    },
  );

  api.post(
    '/kebijakan/validasi',
    {
      // Checking a draft is part of writing one (the editor is open to policy writers only).
      config: { permission: 'kebijakan.write' },
      schema: {
        tags: ['kebijakan'],
        summary: 'Memeriksa dokumen kebijakan tanpa menyimpan (skema, organisasi, kalender, tumpang tindih)',
        description: DOC_DESC,
        response: { 200: HasilValidasiKebijakan },
      },
    },
    async (req) => {
      const c = callerOf(req);
      const text = teksDokumen(req);
      return withTenant(deps.sdb, c.tenantId, async (trx) => {
        const v = await validasi(trx, c.tenantId, text, await tenantToday(trx, c.tenantId));
        return sajikan(HasilValidasiKebijakan, {
          ok: v.ok,
          masalah: v.masalah,
          temuan: v.temuan.map(({ issue: _i, ...t }) => t),
          kebijakan: v.kebijakan,
        });
      });
    },
  );

  api.post(
    '/kebijakan',
    {
      config: { permission: 'kebijakan.write' },
      schema: {
        tags: ['kebijakan'],
        summary: 'Menyimpan kebijakan baru atau versi revisi (status dari dokumen: draft atau aktif)',
        description: DOC_DESC,
        response: { 200: HasilSimpanKebijakan },
      },
    },
    async (req) => {
      const c = callerOf(req);
      const text = teksDokumen(req);
      return withTenant(deps.sdb, c.tenantId, async (trx) => {
        const r = await simpan(trx, c.tenantId, actorOf(req), text, await tenantToday(trx, c.tenantId));
        return sajikan(HasilSimpanKebijakan, { ...r, temuan: r.temuan.map(({ issue: _i, ...t }) => t) });
      });
    },
  );

  api.post(
    '/kebijakan/:id/versi/:versi/status',
    {
      config: { permission: 'kebijakan.write' },
      schema: {
        tags: ['kebijakan'],
        summary: 'Mengaktifkan atau mencabut satu versi (mengaktifkan mengganti versi aktif lainnya)',
        params: UbahStatusParam,
        body: UbahStatusKebijakan,
        response: { 200: HasilUbahStatus },
      },
    },
    async (req) => {
      const c = callerOf(req);
      return sajikan(
        HasilUbahStatus,
        await withTenant(deps.sdb, c.tenantId, (trx) =>
          ubahStatus(trx, c.tenantId, actorOf(req), req.params.id, req.params.versi, req.body.status),
        ),
      );
    },
  );

  api.get(
    '/kebijakan-jelaskan',
    {
      config: { permission: 'kebijakan.read' },
      schema: {
        tags: ['kebijakan'],
        summary:
          'Aturan mana dari kebijakan mana yang berlaku bagi seorang pegawai pada suatu tanggal, dan mengapa',
        querystring: JelaskanQuery,
        response: { 200: PenjelasanPegawai },
      },
    },
    async (req) => {
      const c = callerOf(req);
      return withTenant(deps.sdb, c.tenantId, async (trx) => {
        const tanggal = req.query.tanggal ?? (await tenantToday(trx, c.tenantId));
        return sajikan(PenjelasanPegawai, await jelaskan(trx, c.tenantId, req.query.nip, tanggal, c));
      });
    },
  );

  api.get(
    '/kebijakan-dampak',
    {
      config: { permission: 'kebijakan.read' },
      schema: {
        tags: ['kebijakan'],
        summary:
          'Pratinjau dampak: per OPD berapa orang di kantor, di rumah, bebas dalam batas, dan piket pada suatu tanggal',
        description:
          'Dengan id (dan versi) kebijakan: versi itu diperlakukan aktif menggantikan versi lainnya, sebelum ada yang mengaktifkannya.',
        querystring: DampakQuery,
        response: { 200: DampakKebijakan },
      },
    },
    async (req) => {
      const c = callerOf(req);
      return withTenant(deps.sdb, c.tenantId, async (trx) =>
        sajikan(
          DampakKebijakan,
          await dampak(
            trx,
            c.tenantId,
            req.query.tanggal ?? (await tenantToday(trx, c.tenantId)),
            req.query.id,
            req.query.versi,
          ),
        ),
      );
    },
  );

  api.get(
    '/konteks-wilayah',
    {
      config: { permission: 'kebijakan.read' },
      schema: {
        tags: ['kebijakan'],
        summary: 'Zona risiko / level PPKM yang dicatat Pemda per tanggal',
        response: { 200: DaftarKonteks },
      },
    },
    async (req) =>
      sajikan(DaftarKonteks, await withTenant(deps.sdb, callerOf(req).tenantId, (trx) => daftarKonteks(trx))),
  );

  api.post(
    '/konteks-wilayah',
    {
      config: { permission: 'kebijakan.write' },
      schema: {
        tags: ['kebijakan'],
        summary: 'Mencatat zona risiko dan/atau level PPKM yang berlaku mulai suatu tanggal',
        body: CatatKonteks,
        response: { 200: Ok },
      },
    },
    async (req) => {
      const c = callerOf(req);
      const { level_ppkm, ...b } = req.body;
      await withTenant(deps.sdb, c.tenantId, (trx) =>
        catatKonteks(trx, c.tenantId, actorOf(req), { ...b, levelPpkm: level_ppkm }),
      );
      return { ok: true as const };
    },
  );
}
