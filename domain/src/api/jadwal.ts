import { z } from 'zod';
import { type Sasaran, URUTAN_SASARAN_BAKU } from '../jadwal/solve.ts';
import { denganPeriode, PeriodeSchema, periodeDengan, TanggalSchema } from '../kalender/skema.ts';
import { teksBiasa } from '../org/teks.ts';
import { Berkas, Pesan, RujukanAturan, StatusJadwal, Tanggal, Waktu } from './umum.ts';

const Opd = z.string().min(1).max(40).optional();
/** `?dari=&sampai=&opd=` */
export const PeriodeOpdQuery = periodeDengan({ opd: Opd });
export const PeriodeQuery = PeriodeSchema;
export const IdJadwalParam = z.object({ id: z.uuid() });

/** GET /api/jadwal query: versions overlapping a period (either end may be left open). */
export const VersiQuery = denganPeriode(
  z.object({ dari: TanggalSchema.optional(), sampai: TanggalSchema.optional(), opd: Opd }),
  Number.POSITIVE_INFINITY,
);

/** A schedule version as GET /api/jadwal lists it. */
export const VersiJadwal = z.object({
  id: z.string(),
  dari: Tanggal,
  sampai: Tanggal,
  opd_kode: z.string().nullable(),
  status: z.enum(['draft', 'terbit']),
  /** buat, impor, ubah, cuti */
  jenis: z.string(),
  keterangan: z.string(),
  dibuat_oleh: z.string(),
  dibuat_pada: Waktu,
  diterbitkan_oleh: z.string().nullable(),
  diterbitkan_pada: Waktu.nullable(),
  pelanggaran: z.number().int(),
  sel: z.number().int(),
  /** Whether the caller may publish this version (within their write scope). */
  boleh_terbit: z.boolean(),
});
export type VersiJadwal = z.infer<typeof VersiJadwal>;
export const DaftarVersi = z.array(VersiJadwal);

/** POST /api/jadwal/buat body */
export const BuatJadwal = periodeDengan({
  opd_kode: z.string().min(1).max(40).optional(),
  kohort: z.boolean().optional().describe('tim A / tim B: orang yang sama pada hari yang sama'),
  urutan_sasaran: z
    .array(z.enum(URUTAN_SASARAN_BAKU as [Sasaran, ...Sasaran[]]))
    .min(1)
    .max(5)
    .optional()
    .describe('urutan sasaran lunak; bawaan merata, rotasi_piket, kohort, stabil, permintaan'),
});
export type BuatJadwal = z.input<typeof BuatJadwal>;

/** A rule a built schedule could not keep. */
export const PelanggaranBuat = z.object({
  tanggal: Tanggal,
  kode: z.string(),
  kelompok_id: z.string().nullable().optional(),
  orang: z.array(z.string()),
  pesan: Pesan,
});
export type PelanggaranBuat = z.infer<typeof PelanggaranBuat>;

/** POST /api/jadwal/buat */
export const HasilBuat = z.object({
  id: z.string(),
  dari: Tanggal,
  sampai: Tanggal,
  opd_kode: z.string().nullable(),
  pegawai: z.number().int(),
  hari: z.number().int(),
  /** cells per status (WFO, WFH, PIKET, …) */
  jumlah: z.record(z.string(), z.number()),
  pelanggaran: z.array(PelanggaranBuat),
});
export type HasilBuat = z.infer<typeof HasilBuat>;

/** POST /api/jadwal/:id/terbit */
export const HasilTerbit = z.object({
  id: z.string(),
  status: z.literal('terbit'),
  diberitahu: z.number().int(),
});
export type HasilTerbit = z.infer<typeof HasilTerbit>;

/** A day of a grid or an occupancy overview. */
export const HariGrid = z.object({ tanggal: Tanggal, hari_kerja: z.boolean(), keterangan: Pesan });
export type HariGrid = z.infer<typeof HariGrid>;

/** Why a cell has its status (kebijakan, batas, piket, kunci, tidak_hadir, libur, tanpa_kebijakan, impor). */
export type AlasanSel =
  | 'kebijakan'
  | 'batas'
  | 'piket'
  | 'kunci'
  | 'tidak_hadir'
  | 'libur'
  | 'tanpa_kebijakan'
  | 'impor';

/** One cell of the grid, kept short (300 people × 31 days): status, index into `aturan` (-1: none), reason, draft and locked marks. */
export const SelGrid = z.object({
  s: StatusJadwal,
  a: z.number().int(),
  r: z.string(),
  d: z.literal(1).optional(),
  k: z.literal(1).optional(),
});
export type SelGrid = z.infer<typeof SelGrid>;

export const OrangGrid = z.object({
  id: z.string(),
  /** NIP or id_pegawai */
  key: z.string(),
  nama: z.string(),
  jabatan: z.string(),
  jabatan_level: z.string(),
  unit_kode: z.string(),
  unit_nama: z.string(),
  opd_kode: z.string(),
  /** one per day of `hari`; null: no schedule for that day */
  sel: z.array(SelGrid.nullable()),
});
export type OrangGrid = z.infer<typeof OrangGrid>;

/** A cap / minimum / piket group of the day, counted against its limit. */
export const KelompokGrid = z.object({
  id: z.string(),
  jenis: z.enum(['batas_kantor', 'minimum_kantor', 'piket']),
  grup_kode: z.string(),
  anggota: z.number().int(),
  batas: z.number(),
  dasar: z.string().nullable(),
  hadir: z.number().int(),
  /** "kebijakanId/aturanId" */
  aturan: z.string(),
  penjelasan: Pesan,
});
export type KelompokGrid = z.infer<typeof KelompokGrid>;

/** GET /api/jadwal/grid */
export const GridJadwal = z.object({
  dari: Tanggal,
  sampai: Tanggal,
  opd_kode: z.string().nullable(),
  hari: z.array(HariGrid),
  aturan: z.array(RujukanAturan),
  orang: z.array(OrangGrid),
  /** per day, the groups of these people */
  kelompok: z.array(z.array(KelompokGrid)),
  /** how many cells are still draft */
  draf: z.number().int(),
  boleh_ubah: z.boolean(),
  boleh_terbit: z.boolean(),
});
export type GridJadwal = z.infer<typeof GridJadwal>;

export const OkupansiHari = z.object({
  kantor: z.number().int(),
  piket: z.number().int(),
  rumah: z.number().int(),
  tidak_hadir: z.number().int(),
  tanpa_jadwal: z.number().int(),
  batas: z.number().nullable(),
});
export type OkupansiHari = z.infer<typeof OkupansiHari>;

/** GET /api/jadwal/okupansi */
export const Okupansi = z.object({
  dari: Tanggal,
  sampai: Tanggal,
  hari: z.array(HariGrid),
  opd: z.array(
    z.object({ kode: z.string(), nama: z.string(), pegawai: z.number().int(), hari: z.array(OkupansiHari) }),
  ),
});
export type Okupansi = z.infer<typeof Okupansi>;

/** GET /api/jadwal/periksa: every way the schedule in force breaks the policies. */
export const TemuanPeriksa = z.object({
  tanggal: Tanggal,
  kode: z.string(),
  orang: z.array(z.string()),
  sumber: RujukanAturan.nullable(),
  kelompok_id: z.string().optional(),
  pesan: Pesan,
});
export type TemuanPeriksa = z.infer<typeof TemuanPeriksa>;
export const DaftarTemuanPeriksa = z.array(TemuanPeriksa);

/** POST /api/jadwal/sel body */
export const UbahSel = z.object({
  key: z.string().min(1).max(40).describe('NIP atau id_pegawai'),
  tanggal: TanggalSchema,
  status: z.enum(['WFO', 'WFH', 'PIKET']),
  catatan: teksBiasa({ multiline: true }).max(500).optional(),
});
export type UbahSel = z.input<typeof UbahSel>;
/** POST /api/jadwal/sel */
export const HasilUbahSel = z.object({
  id: z.string(),
  key: z.string(),
  tanggal: Tanggal,
  status: z.enum(['WFO', 'WFH', 'PIKET']),
  sebelumnya: StatusJadwal,
  terbit: z.boolean(),
  peringatan: z.array(Pesan),
});
export type HasilUbahSel = z.infer<typeof HasilUbahSel>;

/** DELETE /api/jadwal/kunci query and answer */
export const LepasKunciQuery = z.object({ key: z.string().min(1).max(40), tanggal: TanggalSchema });
export const HasilLepasKunci = z.object({ dilepas: z.boolean() });
export type HasilLepasKunci = z.infer<typeof HasilLepasKunci>;

/** GET /api/jadwal/rekap query */
export const RekapQuery = periodeDengan({
  opd: Opd,
  format: z.enum(['csv', 'json', 'xlsx', 'pdf']).default('csv'),
});
/** GET /api/jadwal/rekap?format=json: one row per person per day, the CSV columns as keys. */
export const BarisRekap = z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null()])));
export { Berkas };

/** POST /api/jadwal/impor (and /api/cuti/impor) query: the file's name (the body is the file). */
export const ImporRekapQuery = z.object({ nama: z.string().max(200).default('rekap.csv') });
/** POST /api/jadwal/impor: the draft made from a hand-made recap. */
export const HasilImporRekap = z.object({
  id: z.string(),
  dari: Tanggal,
  sampai: Tanggal,
  pegawai: z.number().int(),
  sel: z.number().int(),
});
export type HasilImporRekap = z.infer<typeof HasilImporRekap>;

/** GET /api/jadwal-saya/permintaan */
export const PermintaanSaya = z.array(
  z.object({ tanggal: Tanggal, lokasi: z.enum(['WFO', 'WFH']), alasan: z.string() }),
);
export type PermintaanSaya = z.infer<typeof PermintaanSaya>;
/** POST /api/jadwal-saya/permintaan body (lokasi null: withdraw) and answer */
export const MintaJadwal = z.object({
  tanggal: TanggalSchema,
  lokasi: z.enum(['WFO', 'WFH']).nullable(),
  alasan: teksBiasa({ multiline: true }).max(300).optional(),
});
export type MintaJadwal = z.input<typeof MintaJadwal>;
export const HasilMinta = z.object({ tanggal: Tanggal, lokasi: z.enum(['WFO', 'WFH']).nullable() });
export type HasilMinta = z.infer<typeof HasilMinta>;

/** GET /api/jadwal-saya/terbit: the published periods that hold the signed-in employee, oldest first. */
export const TerbitSaya = z.object({ periode: z.array(z.object({ dari: Tanggal, sampai: Tanggal })) });
export type TerbitSaya = z.infer<typeof TerbitSaya>;

export const HariSaya = z.object({
  tanggal: Tanggal,
  status: StatusJadwal.nullable(),
  aturan: RujukanAturan.nullable(),
  alasan: z.string().nullable(),
  /** the holiday's name, if the day is one */
  libur: z.string().nullable(),
});
export type HariSaya = z.infer<typeof HariSaya>;
/** GET /api/jadwal-saya */
export const JadwalSaya = z.object({ dari: Tanggal, sampai: Tanggal, hari: z.array(HariSaya) });
export type JadwalSaya = z.infer<typeof JadwalSaya>;
