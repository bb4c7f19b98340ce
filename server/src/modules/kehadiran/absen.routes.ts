import { pesan } from '@sigap/domain';
import {
  AbsenKioskIsian,
  AbsenWajahIsian,
  BingkaiParam,
  DaftarTinjauan,
  HasilAbsenWajah,
  KioskSaya,
  PutusanTinjauan,
  TantanganBaru,
  TinjauanAbsen,
} from '@sigap/domain/api/kehadiran';
import { Berkas, IdParam } from '@sigap/domain/api/umum';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { withTenant } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { type BatasBagian, bacaBagian, pasangBagian } from '../../http/bagian.ts';
import { actorOf, callerOf, type RouteDeps } from '../../http/context.ts';
import { sajikan } from '../../http/sajikan.ts';
import { SESSION_COOKIE } from '../auth/auth.service.ts';
import { angkaEnv } from '../impor/batas.ts';
import { cincinMalas, cincinUntuk } from '../wajah/kunci.ts';
import { BATAS_FOTO } from '../wajah/mesin/index.ts';
import { mintaTantangan } from './absen.service.ts';
import { absenWajah, type HasilAbsenWajah as HasilAbsen, MAKS_BINGKAI } from './absen-wajah.service.ts';
import { absenKios, infoKios, PESAN_KIOS_TANPA_LOKASI, tantanganKios } from './kios.service.ts';
import { bingkaiTinjauan, daftarTinjauan, putuskanTinjauan } from './tinjau.service.ts';
import { kunciBatasToken, perangkatDariToken } from './token.service.ts';

/** Challenges a session may ask for per minute (a person films a few attempts at most). */
export const TANTANGAN_PER_MENIT = 12;

/** Check-in attempts a session may send per minute (each one runs the face model). */
export const ABSEN_PER_MENIT = 12;

/**
 * Challenges and check-ins one kiosk may send per minute: a morning queue at an entrance is one person
 * every few seconds (SIGAP_ABSEN_KIOS_PER_MENIT, default 60).
 */
export const absenKiosPerMenit = () => angkaEnv('SIGAP_ABSEN_KIOS_PER_MENIT', 60, true);

const adaToken = (req: FastifyRequest) => /^Bearer\s/i.test(req.headers.authorization ?? '');

/** Rate limits that count a kiosk per device token and a person per session. */
function batasAbsen(awal: string, perSesiMaks: number, perKiosMaks: number) {
  return {
    max: (req: FastifyRequest) => (adaToken(req) ? perKiosMaks : perSesiMaks),
    timeWindow: '1 minute',
    keyGenerator: (req: FastifyRequest) =>
      adaToken(req) ? `${awal}:${kunciBatasToken(req.headers.authorization, req.ip)}` : perSesi(awal)(req),
  };
}

const BATAS_ABSEN: BatasBagian = {
  namaBerkas: 'foto',
  maksBerkas: MAKS_BINGKAI,
  ukuranBerkas: BATAS_FOTO.ukuranMaks,
  maksIsian: 10,
};

const perSesi = (awal: string) => (req: FastifyRequest) => `${awal}:${req.cookies[SESSION_COOKIE] ?? req.ip}`;

function isianKios(isian: Record<string, string>) {
  const lokasi = ['lat', 'lng', 'akurasi_m'].filter((k) => k in isian);
  if (lokasi.length > 0)
    throw new AppError(
      'VALIDASI',
      pesan(
        `${lokasi.join(', ')}: ${PESAN_KIOS_TANPA_LOKASI.id}`,
        `${lokasi.join(', ')}: ${PESAN_KIOS_TANPA_LOKASI.en}`,
      ),
    );
  return bacaIsian(AbsenKioskIsian, isian);
}

function bacaIsian<T extends z.ZodType>(skema: T, isian: Record<string, string>): z.infer<T> {
  const r = skema.safeParse(isian);
  if (r.success) return r.data;
  const masalah = r.error.issues.map((i) => {
    const [id, en] = i.message.includes(' / ') ? i.message.split(' / ') : [i.message, i.message];
    const medan = i.path.join('.') || (i.code === 'unrecognized_keys' ? i.keys.join(', ') : '');
    return { id: `${medan}: ${id}`, en: `${medan}: ${en}` };
  });
  throw new AppError(
    'VALIDASI',
    pesan(masalah.map((m) => m.id).join('; '), masalah.map((m) => m.en).join('; ')),
  );
}

const hasilApi = (r: HasilAbsen) => ({
  id: r.id,
  hasil: r.hasil,
  alasan: r.alasan,
  pesan: r.pesan,
  waktu: r.waktu.toISOString(),
});

const tinjauanApi = (r: Awaited<ReturnType<typeof daftarTinjauan>>[number]) => ({
  kehadiran_id: r.kehadiran_id,
  sumber: r.sumber === 'kiosk' ? ('kiosk' as const) : ('wajah' as const),
  perangkat_kode: r.perangkat_kode,
  pegawai_id: r.pegawai_id,
  nama: r.nama,
  nip: r.nip,
  id_pegawai: r.id_pegawai,
  opd_kode: r.opd_kode,
  jenis: r.jenis,
  waktu: new Date(r.waktu).toISOString(),
  skor: r.skor,
  lat: r.lat,
  lng: r.lng,
  akurasi_m: r.akurasi_m,
  jumlah_bingkai: Number(r.jumlah_bingkai ?? 0),
  simpan_sampai: new Date(r.simpan_sampai).toISOString(),
});

/** A person's own check-in at the office: the liveness challenge (the check-in itself follows). */
export async function absenRoutes(app: FastifyInstance, deps: RouteDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/kehadiran/tantangan',
    {
      config: {
        permission: 'session',
        tokenKios: true,
        // Per session (many phones share an office's address), per device token for a kiosk.
        rateLimit: batasAbsen('tantangan', TANTANGAN_PER_MENIT, absenKiosPerMenit()),
      },
      schema: {
        tags: ['kehadiran'],
        summary:
          'Tantangan keaktifan untuk absen wajah berikutnya (gerakan kepala yang diminta, berlaku singkat)',
        description:
          'Server memilih langkah secara acak dari langkah yang diizinkan Pemda. Tantangan hanya dapat dijawab sekali; meminta yang baru membatalkan yang lama. Kios memakai token perangkatnya (Authorization: Bearer <token>) sebagai ganti sesi.',
        security: [{ sesi: [] }, { perangkat: [] }],
        response: { 200: TantanganBaru },
      },
    },
    async (req) => {
      const t = req.kios
        ? await tantanganKios(deps.sdb, req.kios)
        : await (async () => {
            const c = callerOf(req);
            return withTenant(deps.sdb, c.tenantId, (trx) => mintaTantangan(trx, c));
          })();
      return {
        id: t.id,
        langkah: [...t.langkah],
        berlaku_sampai: t.berlakuSampai.toISOString(),
        petunjuk: [...t.petunjuk],
      };
    },
  );

  // The check-in itself: multipart (the frames and the fields), in a scope of its own so that the
  // multipart parser and its bounds apply to this route only.
  await app.register(async (sub) => {
    await pasangBagian(sub, BATAS_ABSEN);
    sub.withTypeProvider<ZodTypeProvider>().post(
      '/kehadiran',
      {
        config: {
          permission: 'session',
          tokenKios: true,
          rateLimit: batasAbsen('absen', ABSEN_PER_MENIT, absenKiosPerMenit()),
        },
        schema: {
          tags: ['kehadiran'],
          summary: 'Absen masuk atau pulang dengan wajah dari ponsel (diperiksa ulang di server)',
          description: [
            `multipart/form-data: \`foto\` 1–${MAKS_BINGKAI} gambar JPEG dari kamera (masing-masing ≤ 2 MB) yang menjawab tantangan, `,
            '`tantangan_id` (dari POST /api/kehadiran/tantangan), `lat`, `lng`, `akurasi_m`, `jenis` (masuk|pulang), ',
            '`waktu_perangkat` (ISO 8601, dicatat saja), `id_klien` (UUID; permintaan yang sama diulang memberi jawaban pertama, ',
            'isi lain dengan id_klien yang sama ditolak 409). Server memakai jamnya sendiri, jadwal, jam kerja, tempat yang diizinkan, ',
            'dan menjalankan model wajah sendiri; setiap percobaan disimpan dengan hasil dan alasannya (docs/kehadiran.md). ',
            'Kios: token perangkatnya (Authorization: Bearer <token>) sebagai ganti sesi, tanpa `lat`/`lng`/`akurasi_m` (tempatnya tetap); ',
            'wajah dikenali satu-ke-banyak di antara pegawai OPD/unit kios, dan jawabannya memuat `nama` orang yang dikenali dengan pasti.',
          ].join(''),
          security: [{ sesi: [] }, { perangkat: [] }],
          consumes: ['multipart/form-data'],
          response: { 200: HasilAbsenWajah },
        },
      },
      async (req) => {
        const { isian, berkas } = await bacaBagian(req, BATAS_ABSEN);
        if (req.kios) {
          const k = isianKios(isian);
          const r = await absenKios(deps.sdb, req.kios, cincinMalas(deps.sdb), {
            tantanganId: k.tantangan_id,
            jenis: k.jenis,
            waktuPerangkat: k.waktu_perangkat ? new Date(k.waktu_perangkat) : null,
            idKlien: k.id_klien,
            bingkai: berkas,
          });
          return { ...hasilApi(r), nama: r.nama };
        }
        const c = callerOf(req);
        const f = bacaIsian(AbsenWajahIsian, isian);
        const r = await absenWajah(deps.sdb, c, cincinMalas(deps.sdb), {
          tantanganId: f.tantangan_id,
          lat: f.lat,
          lng: f.lng,
          akurasiM: f.akurasi_m,
          jenis: f.jenis,
          waktuPerangkat: f.waktu_perangkat ? new Date(f.waktu_perangkat) : null,
          idKlien: f.id_klien,
          bingkai: berkas,
        });
        return hasilApi(r);
      },
    );
  });

  api.get(
    '/kiosk',
    {
      config: {
        // The kiosk's device token is the credential (no session): checked in the handler, 401 in words.
        permission: 'public',
        rateLimit: {
          max: absenKiosPerMenit(),
          timeWindow: '1 minute',
          keyGenerator: (req) => `kios:${kunciBatasToken(req.headers.authorization, req.ip)}`,
        },
      },
      schema: {
        tags: ['kehadiran'],
        summary: 'Kios ini: kodenya, OPD/unit dan Pemda-nya, dan jam server (token perangkat kios)',
        description:
          'Authorization: Bearer <token kios>. Dipakai halaman /kiosk untuk memeriksa token dan menampilkan jam server.',
        security: [{ perangkat: [] }],
        response: { 200: KioskSaya },
      },
    },
    async (req) => {
      const kios = await perangkatDariToken(deps.sdb, req.headers.authorization, 'kiosk');
      return sajikan(KioskSaya, await infoKios(deps.sdb, kios));
    },
  );

  api.get(
    '/kehadiran/tinjau',
    {
      config: { permission: 'kehadiran.tinjau' },
      schema: {
        tags: ['kehadiran'],
        summary: 'Antrean tinjauan absen wajah (skor di dekat ambang) di OPD saya, yang terlama dahulu',
        response: { 200: DaftarTinjauan },
      },
    },
    async (req) => {
      const c = callerOf(req);
      const rows = await withTenant(deps.sdb, c.tenantId, (trx) => daftarTinjauan(trx, c));
      return rows.map(tinjauanApi);
    },
  );

  api.get(
    '/kehadiran/tinjau/:id/bingkai/:urutan',
    {
      config: { permission: 'kehadiran.tinjau' },
      schema: {
        tags: ['kehadiran'],
        summary: 'Satu gambar dari absen yang ditinjau (JPEG; hanya sampai tinjauan diputuskan)',
        params: BingkaiParam,
        response: {
          200: { description: 'gambar JPEG', content: { 'image/jpeg': { schema: Berkas } } },
        },
      },
    },
    async (req, reply) => {
      const c = callerOf(req);
      const b = await withTenant(deps.sdb, c.tenantId, (trx) =>
        bingkaiTinjauan(trx, c, cincinUntuk(deps.sdb), req.params.id, req.params.urutan),
      );
      return reply
        .header('content-type', 'image/jpeg')
        .header('cache-control', 'no-store')
        .header('content-disposition', 'inline')
        .send(b);
    },
  );

  api.post(
    '/kehadiran/tinjau/:id',
    {
      config: { permission: 'kehadiran.tinjau' },
      schema: {
        tags: ['kehadiran'],
        summary:
          'Memutus tinjauan: diterima (dihitung di status hari orang itu) atau ditolak; gambarnya dihapus',
        params: IdParam,
        body: PutusanTinjauan,
        response: {
          200: TinjauanAbsen.pick({ kehadiran_id: true }).extend({ status: PutusanTinjauan.shape.putusan }),
        },
      },
    },
    async (req) => {
      const c = callerOf(req);
      const r = await withTenant(deps.sdb, c.tenantId, (trx) =>
        putuskanTinjauan(trx, c, actorOf(req), req.params.id, req.body.putusan, req.body.catatan),
      );
      return { kehadiran_id: r.kehadiran_id, status: r.status as 'diterima' | 'ditolak' };
    },
  );
}
