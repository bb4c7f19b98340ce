import { z } from 'zod';
import { TanggalSchema } from '../kalender/skema.ts';
import type { Kebijakan } from '../kebijakan/schema.ts';
import { teksBiasa } from '../org/teks.ts';
import { Pesan, RujukanAturan, Tanggal, Waktu } from './umum.ts';

/**
 * A policy document (docs/kebijakan.md; its JSON Schema: docs/kebijakan.schema.json). Its keys are the
 * document's own (already snake_case); the API passes it through as stored.
 */
export const DokumenKebijakan = z
  .custom<Kebijakan>((v) => typeof v === 'object' && v !== null)
  .meta({ type: 'object', description: 'dokumen kebijakan (docs/kebijakan.schema.json)' });

/** A version's status: only `aktif` versions apply. */
export const STATUS_KEBIJAKAN = ['draft', 'aktif', 'dicabut', 'diganti'] as const;
export const StatusKebijakan = z.enum(STATUS_KEBIJAKAN);
export type StatusKebijakan = z.infer<typeof StatusKebijakan>;

/** One policy as GET /api/kebijakan lists it (identity of its active version, else the latest). */
export const KebijakanRingkas = z.object({
  id: z.string(),
  judul: z.string(),
  nomor: z.string(),
  tanggal: Tanggal,
  jenis_dokumen: z.custom<Kebijakan['jenis_dokumen']>((v) => typeof v === 'string').meta({ type: 'string' }),
  penandatangan: z.custom<Kebijakan['penandatangan']>().meta({ type: 'object' }),
  berlaku: z.custom<Kebijakan['berlaku']>().meta({ type: 'object' }),
  versi_aktif: z.number().int().nullable(),
  versi_terbaru: z.number().int(),
  versi: z.array(
    z.object({
      versi: z.number().int(),
      status: StatusKebijakan,
      tanggal: Tanggal,
      dibuat_oleh: z.string(),
      dibuat_pada: Waktu,
    }),
  ),
});
export type KebijakanRingkas = z.infer<typeof KebijakanRingkas>;
export const DaftarKebijakan = z.array(KebijakanRingkas);

/** One stored version: the parsed document and the text it was stored from. */
export const VersiKebijakan = z.object({
  versi: z.number().int(),
  status: StatusKebijakan,
  dokumen: DokumenKebijakan,
  sumber: z.string(),
  dibuat_oleh: z.string(),
  dibuat_pada: Waktu,
  status_oleh: z.string().nullable(),
  status_pada: Waktu.nullable(),
});
export type VersiKebijakan = z.infer<typeof VersiKebijakan>;

/** GET /api/kebijakan/:id */
export const KebijakanDetail = z.object({ id: z.string(), versi: z.array(VersiKebijakan) });
export type KebijakanDetail = z.infer<typeof KebijakanDetail>;
export const IdKebijakanParam = z.object({ id: z.string().max(80) });

/** A finding of the checks against the Pemda's data. */
export const TemuanKebijakan = z.object({
  tingkat: z.enum(['galat', 'konflik', 'peringatan']),
  kode: z.string(),
  jalur: z.string(),
  pesan: Pesan,
});
export type TemuanKebijakan = z.infer<typeof TemuanKebijakan>;

/** POST /api/kebijakan/validasi */
export const HasilValidasiKebijakan = z.object({
  ok: z.boolean(),
  masalah: z.array(
    z.object({ baris: z.number(), kolom: z.string().nullable(), kode: z.string(), pesan: Pesan }),
  ),
  temuan: z.array(TemuanKebijakan),
  kebijakan: DokumenKebijakan.nullable(),
});
export type HasilValidasiKebijakan = z.infer<typeof HasilValidasiKebijakan>;

/** POST /api/kebijakan */
export const HasilSimpanKebijakan = z.object({
  id: z.string(),
  versi: z.number().int(),
  status: StatusKebijakan,
  berubah: z.boolean(),
  diganti: z.array(z.number().int()).optional(),
  temuan: z.array(TemuanKebijakan),
});
export type HasilSimpanKebijakan = z.infer<typeof HasilSimpanKebijakan>;

/** POST /api/kebijakan/:id/versi/:versi/status */
export const UbahStatusParam = z.object({ id: z.string().max(80), versi: z.coerce.number().int().min(1) });
export const UbahStatusKebijakan = z.object({ status: z.enum(['aktif', 'dicabut']) });
export const HasilUbahStatus = z.object({
  id: z.string(),
  versi: z.number().int(),
  status: StatusKebijakan,
  berubah: z.boolean(),
  diganti: z.array(z.number().int()).optional(),
});
export type HasilUbahStatus = z.infer<typeof HasilUbahStatus>;

const KebijakanBerlaku = z.object({
  id: z.string(),
  versi: z.number().int(),
  nomor: z.string(),
  judul: z.string(),
});

/** GET /api/kebijakan-dampak query */
export const DampakQuery = z.object({
  tanggal: TanggalSchema.optional(),
  id: z.string().max(80).optional(),
  versi: z.coerce.number().int().min(1).optional(),
});
/** One OPD's line of an impact preview. */
export const DampakOpd = z.object({
  kode: z.string(),
  nama: z.string(),
  total: z.number().int(),
  wfo: z.number().int(),
  wfh: z.number().int(),
  bebas: z.number().int(),
  libur: z.number().int(),
  maks_kantor: z.number().int(),
  piket: z.number().int(),
});
export type DampakOpd = z.infer<typeof DampakOpd>;
/** GET /api/kebijakan-dampak */
export const DampakKebijakan = z.object({
  tanggal: Tanggal,
  hari: Pesan,
  hari_kerja: z.boolean(),
  kebijakan: z.array(KebijakanBerlaku),
  opd: z.array(DampakOpd),
  peringatan: z.array(Pesan),
});
export type DampakKebijakan = z.infer<typeof DampakKebijakan>;

/** GET /api/kebijakan-jelaskan query */
export const JelaskanQuery = z.object({
  nip: z.string().min(1).max(40).describe('NIP atau id_pegawai'),
  tanggal: TanggalSchema.optional(),
});

const MetodeAbsensi = z.object({
  metode: z.enum(['wajah', 'elektronik', 'lokasi_berkala', 'catatan_admin', 'tidak_ada']),
  setiap_jam: z.number().optional(),
  dari: z.string().optional(),
  sampai: z.string().optional(),
  sumber: RujukanAturan.nullable(),
});

/** Where a person works that day, as far as policies say, and why. */
export const KeputusanOrang = z.object({
  key: z.string(),
  /** WFO/WFH fixed by a rule; BEBAS = the schedule decides within the caps; LIBUR = not a working day */
  lokasi: z.enum(['WFO', 'WFH', 'BEBAS', 'LIBUR']),
  sumber: RujukanAturan.nullable(),
  penjelasan: Pesan,
  kelompok: z.array(z.string()),
  jam_kerja: z
    .object({
      mulai: z.string(),
      selesai: z.string(),
      istirahat_menit: z.number(),
      sumber: RujukanAturan.nullable(),
    })
    .nullable(),
  absensi: z.object({ WFO: MetodeAbsensi, WFH: MetodeAbsensi, PIKET: MetodeAbsensi }),
  kewajiban_wfh: z.object({
    surat_pernyataan: z.boolean(),
    target_kinerja: z.boolean(),
    tetap_di_rumah: z.boolean(),
    lapor_harian: z.boolean(),
    sumber: z.array(RujukanAturan),
  }),
  pertimbangan: z.array(
    z.object({ sumber: RujukanAturan, jenis: z.string(), dipakai: z.boolean(), alasan: Pesan }),
  ),
});
export type KeputusanOrang = z.infer<typeof KeputusanOrang>;

/** A cap, minimum or piket group the person belongs to that day. */
export const KelompokPenjelasan = z.object({
  id: z.string(),
  jenis: z.enum(['batas_kantor', 'minimum_kantor', 'piket']),
  per: z.enum(['opd', 'unit']),
  grup_kode: z.string(),
  maks: z.number().optional(),
  dasar_batas: z.string().optional(),
  min: z.number().optional(),
  jumlah_piket: z.number().optional(),
  piket_dihitung: z.boolean(),
  sumber: RujukanAturan,
  penjelasan: Pesan,
  jumlah_anggota: z.number().int(),
  boleh_piket_saya: z.boolean().optional(),
});
export type KelompokPenjelasan = z.infer<typeof KelompokPenjelasan>;

/** GET /api/kebijakan-jelaskan */
export const PenjelasanPegawai = z.object({
  tanggal: Tanggal,
  hari: Pesan,
  hari_kerja: z.boolean(),
  pegawai: z.object({
    key: z.string(),
    nama: z.string(),
    id: z.string(),
    unit_kode: z.string().nullable(),
    unit_nama: z.string().nullable(),
  }),
  kebijakan_berlaku: z.array(KebijakanBerlaku),
  keputusan: KeputusanOrang,
  kelompok: z.array(KelompokPenjelasan),
  peringatan: z.array(Pesan),
});
export type PenjelasanPegawai = z.infer<typeof PenjelasanPegawai>;

/** GET /api/konteks-wilayah: the risk zone / PPKM level recorded per date. */
export const KonteksWilayah = z.object({
  dari: Tanggal,
  zona: z.string().nullable(),
  level_ppkm: z.number().int().nullable(),
  dasar: z.string(),
  dicatat_oleh: z.string(),
  dicatat_pada: Waktu,
});
export type KonteksWilayah = z.infer<typeof KonteksWilayah>;
export const DaftarKonteks = z.array(KonteksWilayah);

/** POST /api/konteks-wilayah body */
export const CatatKonteks = z
  .object({
    dari: TanggalSchema,
    zona: z.enum(['tidak_terdampak', 'rendah', 'sedang', 'tinggi']).nullable().default(null),
    level_ppkm: z.number().int().min(1).max(4).nullable().default(null),
    dasar: teksBiasa().max(300).default(''),
  })
  .refine((b) => b.zona !== null || b.level_ppkm !== null, { message: 'isi zona atau level_ppkm' });
export type CatatKonteks = z.input<typeof CatatKonteks>;
