import {
  BarisRekap,
  Berkas,
  BuatJadwal,
  DaftarTemuanPeriksa,
  DaftarVersi,
  GridJadwal,
  HasilBuat,
  HasilImporRekap,
  HasilLepasKunci,
  HasilMinta,
  HasilTerbit,
  HasilUbahSel,
  IdJadwalParam,
  ImporRekapQuery,
  JadwalSaya,
  LepasKunciQuery,
  MintaJadwal,
  Okupansi,
  PeriodeOpdQuery,
  PeriodeQuery,
  PermintaanSaya,
  RekapQuery,
  TerbitSaya,
  UbahSel,
  VersiQuery,
} from '@sigap/domain/api/jadwal';
import { XLSX_TYPE } from '@sigap/domain/api/umum';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { withTenant } from '../../db/database.ts';
import { actorOf, callerOf, type RouteDeps } from '../../http/context.ts';
import { sajikan } from '../../http/sajikan.ts';
import { diPekerja, sebagaiBuffer } from '../../pekerja/pekerja.ts';
import { batasUnggah } from '../impor/batas.ts';
import { toCsv } from '../impor/ekspor.service.ts';
import { berkasDariIsi, readTableDiPekerja } from '../impor/file-reader.ts';
import { lingkupTanggal, tenantToday } from '../org/org.service.ts';
import {
  buatJadwal,
  cekOpdDalamLingkup,
  daftarVersi,
  dokumenRekap,
  grid,
  imporRekap,
  jadwalSaya,
  KOLOM_REKAP,
  lepasKunci,
  mintaJadwal,
  okupansi,
  periksa,
  periodeTerbitSaya,
  permintaanSaya,
  rekap,
  terbitkan,
  ubahSel,
} from './jadwal.service.ts';

const Periode = PeriodeQuery;
const PeriodeOpd = PeriodeOpdQuery;

const denganZod = (app: FastifyInstance) => app.withTypeProvider<ZodTypeProvider>();
type ApiJadwal = ReturnType<typeof denganZod>;

/** Schedules: versions, build, publish, grid, occupancy, adjustments, recap exports and import, my schedule. */
export async function jadwalRoutes(app: FastifyInstance, deps: RouteDeps) {
  const api = denganZod(app);

  api.get(
    '/jadwal',
    {
      config: { permission: 'jadwal.read' },
      schema: {
        tags: ['jadwal'],
        summary: 'Versi jadwal (terbaru dahulu) yang bersinggungan dengan periode',
        description:
          'Admin OPD dan kepala unit melihat versi yang dibuat untuk OPD/unit dalam lingkupnya; opd mempersempit ke satu OPD/unit beserta unitnya.',
        querystring: VersiQuery,
        response: { 200: DaftarVersi },
      },
    },
    async (req) => {
      const c = callerOf(req);
      return sajikan(
        DaftarVersi,
        await withTenant(deps.sdb, c.tenantId, (trx) =>
          daftarVersi(trx, req.query.dari, req.query.sampai, c, req.query.opd),
        ),
      );
    },
  );

  api.post(
    '/jadwal/buat',
    {
      config: { permission: 'jadwal.write' },
      schema: {
        tags: ['jadwal'],
        summary: 'Membuat (atau membuat ulang) jadwal dalam batas semua kebijakan, sebagai draf versi baru',
        description:
          'Kepala unit yang mengunci sel, cuti/sakit/isolasi yang disetujui dan jadwal terbit sebelumnya diperhitungkan. Admin OPD wajib memberi opd_kode miliknya.',
        body: BuatJadwal,
        response: { 200: HasilBuat },
      },
    },
    async (req) => {
      const c = callerOf(req);
      const { dari, sampai, opd_kode: opdKode, kohort, urutan_sasaran: urutanSasaran } = req.body;
      return withTenant(deps.sdb, c.tenantId, async (trx) => {
        await cekOpdDalamLingkup(trx, c, opdKode, dari, 'write');
        return sajikan(
          HasilBuat,
          await buatJadwal(trx, c.tenantId, actorOf(req), dari, sampai, opdKode, { kohort, urutanSasaran }),
        );
      });
    },
  );

  api.post(
    '/jadwal/:id/terbit',
    {
      config: { permission: 'jadwal.write' },
      schema: {
        tags: ['jadwal'],
        summary: 'Menerbitkan versi draf; setiap pegawai di dalamnya mendapat pemberitahuan',
        params: IdJadwalParam,
        response: { 200: HasilTerbit },
      },
    },
    async (req) => {
      const c = callerOf(req);
      return sajikan(
        HasilTerbit,
        await withTenant(deps.sdb, c.tenantId, (trx) =>
          terbitkan(trx, c.tenantId, actorOf(req), req.params.id, c),
        ),
      );
    },
  );

  api.get(
    '/jadwal/grid',
    {
      config: { permission: 'jadwal.read' },
      schema: {
        tags: ['jadwal'],
        summary:
          'Kalender jadwal OPD/unit: pegawai × hari, aturan di balik tiap sel, jumlah harian terhadap batas',
        querystring: PeriodeOpd,
        response: { 200: GridJadwal },
      },
    },
    async (req) => {
      const c = callerOf(req);
      return sajikan(
        GridJadwal,
        await withTenant(deps.sdb, c.tenantId, (trx) =>
          grid(trx, c.tenantId, c, req.query.dari, req.query.sampai, req.query.opd),
        ),
      );
    },
  );

  api.get(
    '/jadwal/okupansi',
    {
      config: { permission: 'jadwal.read' },
      schema: {
        tags: ['jadwal'],
        summary: 'Ringkasan Pemda: orang di kantor per OPD per hari terhadap batasnya',
        querystring: Periode,
        response: { 200: Okupansi },
      },
    },
    async (req) => {
      const c = callerOf(req);
      return sajikan(
        Okupansi,
        await withTenant(deps.sdb, c.tenantId, (trx) =>
          okupansi(trx, c.tenantId, c, req.query.dari, req.query.sampai),
        ),
      );
    },
  );

  api.get(
    '/jadwal/periksa',
    {
      config: { permission: 'jadwal.read' },
      schema: {
        tags: ['jadwal'],
        summary: 'Setiap cara jadwal yang berlaku melanggar kebijakan (sel, aturan, angka)',
        querystring: PeriodeOpd,
        response: { 200: DaftarTemuanPeriksa },
      },
    },
    async (req) => {
      const c = callerOf(req);
      return withTenant(deps.sdb, c.tenantId, async (trx) => {
        await cekOpdDalamLingkup(trx, c, req.query.opd, req.query.dari, 'read');
        return sajikan(
          DaftarTemuanPeriksa,
          await periksa(trx, c.tenantId, req.query.dari, req.query.sampai, req.query.opd),
        );
      });
    },
  );

  ruteUbahRekapSaya(api, deps);
}

/** Unit heads' changes and locks, the recap exports and import, and an employee's own schedule. */
function ruteUbahRekapSaya(api: ApiJadwal, deps: RouteDeps) {
  api.post(
    '/jadwal/sel',
    {
      config: { permission: 'jadwal.adjust' },
      schema: {
        tags: ['jadwal'],
        summary:
          'Kepala unit mengubah status seorang pegawai pada satu hari (diperiksa terhadap kebijakan seketika)',
        description:
          'Ditolak (409) bila melampaui batas kantor, melanggar aturan WFO/WFH tetap, piket yang tidak boleh, hari libur atau ketidakhadiran; diterima dengan peringatan bila minimum atau jumlah piket menjadi kurang. Pilihan ini dikunci: pembuatan ulang mempertahankannya.',
        body: UbahSel,
        response: { 200: HasilUbahSel },
      },
    },
    async (req) => {
      const c = callerOf(req);
      return sajikan(
        HasilUbahSel,
        await withTenant(deps.sdb, c.tenantId, (trx) => ubahSel(trx, c.tenantId, c, req.body)),
      );
    },
  );

  api.delete(
    '/jadwal/kunci',
    {
      config: { permission: 'jadwal.adjust' },
      schema: {
        tags: ['jadwal'],
        summary: 'Melepas kunci kepala unit pada satu sel (pembuatan ulang boleh mengubahnya lagi)',
        querystring: LepasKunciQuery,
        response: { 200: HasilLepasKunci },
      },
    },
    async (req) => {
      const c = callerOf(req);
      return withTenant(deps.sdb, c.tenantId, (trx) =>
        lepasKunci(trx, c.tenantId, c, req.query.key, req.query.tanggal),
      );
    },
  );

  api.get(
    '/jadwal/rekap',
    {
      config: { permission: 'jadwal.read' },
      schema: {
        tags: ['jadwal'],
        summary:
          'Rekapitulasi jadwal: CSV/JSON (satu baris per pegawai per hari), XLSX (satu lembar per OPD), PDF (siap cetak)',
        querystring: RekapQuery,
        response: {
          200: {
            description: 'JSON (satu objek per pegawai per hari, kunci = kolom CSV), CSV, XLSX atau PDF',
            content: {
              'application/json': { schema: BarisRekap },
              'text/csv': { schema: Berkas },
              [XLSX_TYPE]: { schema: Berkas },
              'application/pdf': { schema: Berkas },
            },
          },
        },
      },
    },
    async (req, reply) => {
      const c = callerOf(req);
      const { dari, sampai, opd, format } = req.query;
      const nama = `rekap-jadwal-${dari}-${sampai}${opd ? `-${opd}` : ''}.${format}`;
      const out = await withTenant(deps.sdb, c.tenantId, async (trx) => {
        await cekOpdDalamLingkup(trx, c, opd, dari, 'read');
        if (format === 'xlsx' || format === 'pdf') {
          const d = await dokumenRekap(trx, c.tenantId, dari, sampai, opd);
          // Rendering hundreds of pages takes seconds: in a worker thread, the server keeps answering.
          return sebagaiBuffer(await diPekerja(format === 'xlsx' ? 'rekapXlsx' : 'rekapPdf', { d }));
        }
        return rekap(trx, c.tenantId, dari, sampai, opd);
      });
      reply.header('content-disposition', `attachment; filename="${nama}"`);
      if (format === 'json') return out;
      if (format === 'xlsx') return reply.type(XLSX_TYPE).send(out);
      if (format === 'pdf') return reply.type('application/pdf').send(out);
      return reply.type('text/csv; charset=utf-8').send(toCsv(KOLOM_REKAP, out as Record<string, string>[]));
    },
  );

  api.post(
    '/jadwal/impor',
    {
      bodyLimit: batasUnggah().unggahByte,
      config: { permission: 'jadwal.write' },
      schema: {
        tags: ['jadwal'],
        summary:
          'Memuat rekap jadwal buatan tangan (kolom ekspor CSV/XLSX) sebagai draf; semua atau tidak sama sekali',
        querystring: ImporRekapQuery,
        response: { 200: HasilImporRekap },
      },
    },
    async (req) => {
      const c = callerOf(req);
      const table = await readTableDiPekerja(berkasDariIsi(req.body), req.query.nama);
      return withTenant(deps.sdb, c.tenantId, async (trx) => {
        return sajikan(
          HasilImporRekap,
          await imporRekap(trx, c.tenantId, actorOf(req), table, lingkupTanggal(trx, c, 'write')),
        );
      });
    },
  );

  api.get(
    '/jadwal-saya/permintaan',
    {
      config: { permission: 'session' },
      schema: {
        tags: ['jadwal'],
        summary: 'Permintaan WFO/WFH milik pegawai yang masuk dalam periode',
        querystring: Periode,
        response: { 200: PermintaanSaya },
      },
    },
    async (req) => {
      const c = callerOf(req);
      return sajikan(
        PermintaanSaya,
        await withTenant(deps.sdb, c.tenantId, (trx) =>
          permintaanSaya(trx, c, req.query.dari, req.query.sampai),
        ),
      );
    },
  );

  api.post(
    '/jadwal-saya/permintaan',
    {
      config: { permission: 'session' },
      schema: {
        tags: ['jadwal'],
        summary: 'Meminta WFO atau WFH pada suatu hari (lokasi null: menarik permintaan)',
        description:
          'Dipenuhi pada pembuatan jadwal berikutnya bila kebijakan dan sasaran Pemda yang lebih penting mengizinkan; tidak pernah melanggar aturan.',
        body: MintaJadwal,
        response: { 200: HasilMinta },
      },
    },
    async (req) => {
      const c = callerOf(req);
      return sajikan(
        HasilMinta,
        await withTenant(deps.sdb, c.tenantId, async (trx) =>
          mintaJadwal(trx, c.tenantId, c, req.body, await tenantToday(trx, c.tenantId)),
        ),
      );
    },
  );

  api.get(
    '/jadwal-saya/terbit',
    {
      config: { permission: 'session' },
      schema: {
        tags: ['jadwal'],
        summary: 'Periode jadwal terbit yang memuat pegawai yang masuk (untuk membuka Jadwal saya di sana)',
        response: { 200: TerbitSaya },
      },
    },
    async (req) => {
      const c = callerOf(req);
      return sajikan(TerbitSaya, await withTenant(deps.sdb, c.tenantId, (trx) => periodeTerbitSaya(trx, c)));
    },
  );

  api.get(
    '/jadwal-saya',
    {
      config: { permission: 'session' },
      schema: {
        tags: ['jadwal'],
        summary: 'Jadwal terbit milik pegawai yang masuk, dengan aturan di balik tiap hari',
        querystring: Periode,
        response: { 200: JadwalSaya },
      },
    },
    async (req) => {
      const c = callerOf(req);
      return sajikan(
        JadwalSaya,
        await withTenant(deps.sdb, c.tenantId, (trx) => jadwalSaya(trx, c, req.query.dari, req.query.sampai)),
      );
    },
  );
}
