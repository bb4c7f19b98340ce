import { z } from 'zod';
import { teksBiasa } from '../org/teks.ts';
import { Tanggal, Waktu } from './umum.ts';

// The stay-home statement (surat pernyataan, issue 11 item 1). docs/wfh.md §2.

/** A policy id as policies spell it (kebijakan/schema.ts `Id`). */
const KebijakanId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,79}$/, 'pengenal kebijakan tidak sah / not a policy id')
  .describe('pengenal kebijakan');

/** The letter in one language, in parts (domain BagianPernyataan). */
export const BagianPernyataan = z.object({
  judul: z.string(),
  subjudul: z.string(),
  pembuka: z.string(),
  identitas: z.array(z.tuple([z.string(), z.string()])),
  menyatakan: z.string(),
  butir: z.array(z.string()),
  sanksi: z.string(),
  penutup: z.string(),
  tempat_tanggal: z.string(),
  yang_menyatakan: z.string(),
});
export type BagianPernyataan = z.infer<typeof BagianPernyataan>;

/** How a statement was signed (null while not signed). */
export const TandaTangan = z.object({
  id: z.string(),
  ditandatangani_pada: Waktu,
  /** "18/08/2020 07.30 WIB" in the Pemda's zone */
  waktu_lokal: z.string(),
  username: z.string(),
  perangkat: z.string(),
  user_agent: z.string(),
  kode_verifikasi: z.string(),
  hash: z.string(),
});

/** One statement a person needs (or has signed): GET /api/wfh/pernyataan/saya. */
export const Pernyataan = z.object({
  kebijakan_id: z.string(),
  versi: z.number().int(),
  nomor: z.string(),
  judul: z.string(),
  berlaku_dari: Tanggal,
  /** null: until revoked */
  berlaku_sampai: Tanggal.nullable(),
  /** the person's published WFH days under this policy version (those the scan looked at) */
  hari_wfh: z.array(Tanggal),
  /** the text: as signed when signed, else as it would be signed today */
  teks: z.object({ id: BagianPernyataan, en: BagianPernyataan }),
  tanda_tangan: TandaTangan.nullable(),
});
export type Pernyataan = z.infer<typeof Pernyataan>;

export const DaftarPernyataanSaya = z.object({
  pegawai: z.object({ id: z.string(), nama: z.string(), nip: z.string() }).nullable(),
  pernyataan: z.array(Pernyataan),
});
export type DaftarPernyataanSaya = z.infer<typeof DaftarPernyataanSaya>;

/** POST /api/wfh/pernyataan/tandatangan */
export const TandaTanganPernyataan = z.object({
  kebijakan_id: KebijakanId,
  versi: z.number().int().min(1).max(10_000),
  /** ticked by the person: "I have read the statement and sign it" */
  setuju: z.literal(true, { error: 'centang persetujuan wajib / the confirmation must be ticked' }),
  /** a label the app gives the device ("HP Android Siti"), optional */
  perangkat: teksBiasa().trim().max(100).optional(),
  id_klien: z.uuid().optional(),
});
export type TandaTanganPernyataan = z.infer<typeof TandaTanganPernyataan>;

export const HasilTandaTangan = z.object({
  id: z.string(),
  kebijakan_id: z.string(),
  versi: z.number().int(),
  ditandatangani_pada: Waktu,
  waktu_lokal: z.string(),
  kode_verifikasi: z.string(),
  /** false when the statement had been signed before: the first signature is returned */
  baru: z.boolean(),
});
export type HasilTandaTangan = z.infer<typeof HasilTandaTangan>;

/** GET /api/wfh/pernyataan/saya/pdf: one's own statement of a policy version (a draft while unsigned). */
export const CetakSayaQuery = z.object({
  kebijakan_id: KebijakanId,
  versi: z.coerce.number().int().min(1).max(10_000),
});

/** GET /api/wfh/pernyataan: who of an OPD has signed a policy's statement and who has not. */
export const DaftarPernyataanQuery = z.object({
  opd: z.string().min(1).max(64).optional(),
  kebijakan_id: KebijakanId.optional(),
  versi: z.coerce.number().int().min(1).max(10_000).optional(),
  status: z.enum(['semua', 'belum', 'sudah']).default('semua'),
  format: z.enum(['json', 'csv']).default('json'),
});

export const BarisPernyataanOpd = z.object({
  pegawai_id: z.string(),
  nip: z.string(),
  id_pegawai: z.string(),
  nama: z.string(),
  opd_kode: z.string(),
  unit_kode: z.string(),
  kebijakan_id: z.string(),
  versi: z.number().int(),
  hari_wfh: z.number().int(),
  hari_pertama: Tanggal,
  pernyataan_id: z.string().nullable(),
  ditandatangani_pada: Waktu.nullable(),
});

export const DaftarPernyataanOpd = z.object({
  /** the policy versions that ask for a statement (to choose from) */
  kebijakan: z.array(
    z.object({ kebijakan_id: z.string(), versi: z.number().int(), nomor: z.string(), judul: z.string() }),
  ),
  jumlah: z.object({ perlu: z.number().int(), sudah: z.number().int(), belum: z.number().int() }),
  baris: z.array(BarisPernyataanOpd),
});
export type DaftarPernyataanOpd = z.infer<typeof DaftarPernyataanOpd>;

/** The CSV columns of the list. */
export const KOLOM_PERNYATAAN = [
  'nip',
  'id_pegawai',
  'nama',
  'opd_kode',
  'unit_kode',
  'kebijakan_id',
  'versi',
  'hari_wfh',
  'hari_pertama',
  'status',
  'ditandatangani_pada',
] as const;
