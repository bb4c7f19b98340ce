import { z } from 'zod';
import { TanggalSchema } from '../kalender/skema.ts';
import { KODE_ALASAN_WFH } from '../wfh/hari.ts';
import { TANDA_LAPORAN } from '../wfh/laporan.ts';
import { STATUS_SLOT } from '../wfh/slot.ts';
import { Pesan, Tanggal, Waktu } from './umum.ts';

// Location reports from home and the home location (issue 11, item 2). docs/wfh.md §2.

const koordinat = (nama: string, batas: number) =>
  z
    .number({ message: `${nama} harus berupa angka / ${nama} must be a number` })
    .min(-batas, { message: `${nama} paling kecil -${batas} / ${nama} at least -${batas}` })
    .max(batas, { message: `${nama} paling besar ${batas} / ${nama} at most ${batas}` });

const waktuIso = (nama: string) =>
  z.iso.datetime({
    offset: true,
    message: `${nama} harus waktu ISO 8601, mis. 2026-12-04T09:30:00+07:00 / ${nama} must be an ISO 8601 time`,
  });

/** POST /api/lokasi body (CONTRACTS.md), with `waktu_kirim` when the report comes from the offline queue. */
export const LaporLokasi = z.strictObject({
  lat: koordinat('lat', 90),
  lng: koordinat('lng', 180),
  akurasi_m: z
    .number({ message: 'akurasi_m harus berupa angka (meter) / akurasi_m must be a number (metres)' })
    .min(0, { message: 'akurasi_m tidak boleh negatif / akurasi_m must not be negative' })
    .max(100_000, { message: 'akurasi_m paling besar 100000 / akurasi_m at most 100000' }),
  waktu_perangkat: waktuIso('waktu_perangkat').describe('jam ponsel saat laporan dibuat'),
  waktu_kirim: waktuIso('waktu_kirim')
    .optional()
    .describe('jam ponsel saat laporan dikirim (hanya laporan dari antrean luring)'),
  id_klien: z.uuid({ message: 'id_klien harus UUID / id_klien must be a UUID' }),
});
export type LaporLokasi = z.infer<typeof LaporLokasi>;

export const HASIL_LAPOR = [
  'di_rumah',
  'di_luar_rumah',
  'tidak_akurat',
  'rumah_belum_dikenal',
  'di_luar_slot',
  'bukan_hari_wfh',
] as const;

/** A slot of the day with its status. */
export const SlotHari = z.object({
  ke: z.number().int(),
  buka: z.string().describe('HH:MM'),
  tutup: z.string().describe('HH:MM'),
  status: z.enum(STATUS_SLOT),
  laporan_id: z.string().nullable(),
});

/** POST /api/lokasi answer (CONTRACTS.md: `{id, slot, hasil, pesan}`). */
export const HasilLaporLokasi = z.object({
  id: z.uuid(),
  slot: SlotHari.nullable().describe(
    'slot yang diisi laporan ini; null bila di luar slot atau bukan hari WFH',
  ),
  hasil: z.enum(HASIL_LAPOR),
  pesan: Pesan,
  jarak_m: z.number().nullable().describe('jarak dari rumah, meter'),
  waktu_terima: Waktu,
  waktu_dihitung: Waktu,
  tanda: z.array(z.enum([...TANDA_LAPORAN])),
});
export type HasilLaporLokasi = z.infer<typeof HasilLaporLokasi>;

/** GET /api/lokasi/hari query: one person's day (own by default). */
export const HariLokasiQuery = z.object({
  tanggal: TanggalSchema.optional(),
  pegawai_id: z.uuid().optional(),
});

export const LaporanTersimpan = z.object({
  id: z.string(),
  lat: z
    .number()
    .nullable()
    .describe('hanya untuk pegawai itu sendiri; atasan dan admin melihat jaraknya saja'),
  lng: z.number().nullable(),
  akurasi_m: z.number(),
  waktu_terima: Waktu,
  waktu_perangkat: Waktu,
  waktu_dihitung: Waktu,
  jam: z.string().describe('HH:MM waktu dihitung, zona Pemda'),
  tempat: z.enum(['di_rumah', 'di_luar_rumah', 'tidak_akurat', 'rumah_belum_dikenal']),
  jarak_m: z.number().nullable(),
  slot_ke: z.number().int().nullable(),
  tanda: z.array(z.enum([...TANDA_LAPORAN])),
});

export const StatusRumah = z.enum(['dikonfirmasi', 'diusulkan', 'belum_ada']);

/** GET /api/lokasi/hari answer. */
export const HariLokasi = z.object({
  tanggal: Tanggal,
  zona: z.string(),
  pegawai_id: z.string(),
  nama: z.string(),
  jadwal: z.string().nullable(),
  wajib_lapor: z.boolean().describe('hari WFH dengan laporan lokasi berkala'),
  aturan: z.object({ setiap_jam: z.number(), dari: z.string(), sampai: z.string() }).nullable(),
  slot: z.array(SlotHari),
  laporan: z.array(LaporanTersimpan),
  rumah: StatusRumah,
  status: z.enum(['WFH_PATUH', 'WFH_TIDAK_PATUH', 'WFH_BELUM_DINILAI']).nullable(),
  alasan: z.array(z.object({ kode: z.enum(KODE_ALASAN_WFH), pesan: Pesan })),
});
export type HariLokasi = z.infer<typeof HariLokasi>;

/** GET /api/wfh/rumah query (OPD admin). */
export const RumahQuery = z.object({
  status: z.enum(['diusulkan', 'dikonfirmasi', 'ditolak']).default('diusulkan'),
});

export const RumahPegawai = z.object({
  id: z.string(),
  pegawai_id: z.string(),
  nama: z.string(),
  nip: z.string(),
  opd_kode: z.string(),
  lat: z.number(),
  lng: z.number(),
  asal: z.enum(['usulan', 'admin']),
  jumlah_dasar: z.number().int().describe('laporan yang menjadi dasar usulan'),
  berlaku_sejak: Waktu,
  status: z.enum(['diusulkan', 'dikonfirmasi', 'ditolak']),
  dibuat_pada: Waktu,
  diputus_pada: Waktu.nullable(),
  catatan: z.string(),
});
export const DaftarRumah = z.array(RumahPegawai);

/** POST /api/wfh/rumah/:id/putus body: confirm (optionally moving the point) or refuse. */
export const PutusRumah = z.strictObject({
  putusan: z.enum(['dikonfirmasi', 'ditolak']),
  lat: koordinat('lat', 90).optional(),
  lng: koordinat('lng', 180).optional(),
  catatan: z.string().trim().max(500).default(''),
});

/** PUT /api/wfh/rumah/pegawai/:id body: the OPD admin sets a person's home directly. */
export const TetapkanRumah = z.strictObject({
  lat: koordinat('lat', 90),
  lng: koordinat('lng', 180),
  berlaku_sejak: z.iso.datetime({ offset: true }).optional(),
  catatan: z.string().trim().max(500).default(''),
});

/** GET/PUT /api/wfh/aturan: the Pemda's rules for reports from home. */
export const AturanWfh = z.strictObject({
  radius_rumah_m: z.number().int().min(25).max(2000).describe('jari-jari pagar rumah, meter'),
  kecepatan_maks_kmj: z
    .number()
    .int()
    .min(5)
    .max(1000)
    .describe('lebih cepat dari ini di antara dua laporan ditandai lompatan mustahil (km/jam)'),
  tepat_menit: z
    .number()
    .int()
    .min(5)
    .max(720)
    .describe('laporan dalam sekian menit setelah slot dibuka: tepat waktu'),
  tunda_maks_menit: z
    .number()
    .int()
    .min(5)
    .max(1440)
    .describe('laporan tertahan di ponsel lebih lama: ditandai'),
  selisih_jam_maks_menit: z
    .number()
    .int()
    .min(1)
    .max(120)
    .describe('jam ponsel berbeda lebih dari ini: ditandai'),
  usul_rumah_laporan: z
    .number()
    .int()
    .min(1)
    .max(20)
    .describe('laporan akurat sebelum lokasi rumah diusulkan'),
  simpan_lokasi_hari: z.number().int().min(7).max(400).describe('laporan lokasi disimpan sekian hari'),
});
export type AturanWfh = z.infer<typeof AturanWfh>;
